"""CSV exports: each list as counselors see it, and local programs as the import reads them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet, Subquery

from clusters import models as m
from clusters.csv_io.files import joined
from clusters.csv_io.programmes import PROGRAMME_OPTIONAL, PROGRAMME_REQUIRED
from core.queries import count_of

OCCUPATION_HEADER = [
    "code", "title", "title_es", "keywords_es", "job_zone", "interest_code", "bright_outlook",
    "wage_median", "wage_p10", "wage_p90", "employment_change_pct", "annual_openings",
    "entry_education", "clusters", "pathways", "local_programmes",
]  # fmt: skip


def occupation_rows(*, occupations: QuerySet[m.Occupation]) -> Iterator[list[Any]]:
    """Header, then one row per occupation. Three queries whatever the number of rows."""
    fields = ["pk", *OCCUPATION_HEADER[:13]]
    fields[fields.index("job_zone")] = "job_zone_id"
    rows = list(occupations.order_by("code").values_list(*fields))
    memberships: dict[int, list[tuple[str, str]]] = {}
    for occupation_id, cluster, pathway in (
        m.PathwayOccupation.objects.filter(occupation_id__in=Subquery(occupations.values("pk")))
        .order_by("pathway__cluster__framework__position", "pathway__cluster__name")
        .values_list("occupation_id", "pathway__cluster__name", "pathway__name")
    ):
        memberships.setdefault(occupation_id, []).append((cluster, pathway))
    local: dict[int, list[str]] = {}
    for occupation_id, name in (
        m.LocalProgramme.occupations.through.objects.filter(
            occupation_id__in=Subquery(occupations.values("pk"))
        )
        .order_by("localprogramme__name")
        .values_list("occupation_id", "localprogramme__name")
    ):
        local.setdefault(occupation_id, []).append(name)
    yield OCCUPATION_HEADER
    for pk, *values in rows:
        member = memberships.get(pk, [])
        yield [
            *["" if v is None else v for v in values],
            joined(dict.fromkeys(c for c, _ in member)),
            joined(f"{c} / {p}" for c, p in member),
            joined(local.get(pk, [])),
        ]


CLUSTER_HEADER = [
    "framework", "cluster_slug", "pathway_slug", "cluster", "pathway", "occupations",
    "description", "name_es", "description_es",
]  # fmt: skip


def cluster_rows(*, clusters: QuerySet[m.Cluster]) -> Iterator[list[Any]]:
    """Header, then each cluster followed by its pathways. Two queries."""
    clusters = list(
        clusters.select_related("framework").order_by("framework__position", "name", "pk")
    )
    pathways: dict[int, list[m.Pathway]] = {}
    for pathway in (
        m.Pathway.objects.filter(cluster__in=[c.pk for c in clusters])
        .annotate(occupation_count=count_of(m.PathwayOccupation, "pathway"))
        .order_by("name", "pk")
    ):
        pathways.setdefault(pathway.cluster_id, []).append(pathway)
    yield CLUSTER_HEADER
    for cluster in clusters:
        own = pathways.get(cluster.pk, [])
        total = sum(p.occupation_count for p in own)
        yield [
            cluster.framework.slug,
            cluster.slug,
            "",
            cluster.name,
            "",
            total,
            cluster.description,
            cluster.name_es,
            cluster.description_es,
        ]
        for pathway in own:
            yield [
                cluster.framework.slug,
                cluster.slug,
                pathway.slug,
                cluster.name,
                pathway.name,
                pathway.occupation_count,
                pathway.description,
                pathway.name_es,
                pathway.description_es,
            ]


PROGRAMME_HEADER = ["id", *PROGRAMME_REQUIRED, *PROGRAMME_OPTIONAL[1:]]


def local_programme_rows(*, programmes: QuerySet[m.LocalProgramme]) -> Iterator[list[Any]]:
    """Header, then one row per program, in the layout the import reads. Three queries."""
    programmes = programmes.order_by("name", "pk").prefetch_related(
        Prefetch("pathways", m.Pathway.objects.select_related("cluster")),
        Prefetch("occupations", m.Occupation.objects.only("pk", "code")),
    )
    yield PROGRAMME_HEADER
    for programme in programmes:
        yield [
            programme.pk,
            programme.name,
            programme.kind,
            programme.description,
            programme.link,
            "" if programme.grade_from is None else programme.grade_from,
            "" if programme.grade_to is None else programme.grade_to,
            joined(sorted(f"{p.cluster.slug}/{p.slug}" for p in programme.pathways.all())),
            joined(sorted(o.code for o in programme.occupations.all())),
            "yes" if programme.is_published else "no",
        ]
