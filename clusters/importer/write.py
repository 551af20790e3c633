"""Phase two: write a Catalogue to the database in one transaction, changing only the
rows whose values differ."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from clusters import models as m
from clusters.importer.authored import fill_authored_texts, fill_spanish_titles
from clusters.importer.read import Catalogue, read_sources
from clusters.importer.tables import (
    DEFAULT_SOURCE,
    FRAMEWORKS,
    HIGH_POINT_LETTERS,
    RIASEC_FIELDS,
)
from core.content_version import bump_content_version_on_commit


@dataclass
class Summary:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: dict[str, Path] = field(default_factory=dict)  # what -> the file it was read from
    added: list[str] = field(default_factory=list)  # "code title" of each occupation
    retired: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)  # retired before, back in this release
    renamed: list[str] = field(default_factory=list)  # "code old title -> new title"
    kept_content: list[str] = field(default_factory=list)  # ours, linked to retired ones
    skipped: list[str] = field(default_factory=list)  # source rows left out, and why
    first_import: bool = False  # into an empty catalogue: the added ones are not listed

    @property
    def changed(self) -> bool:
        return (
            any(self.created.values()) or any(self.updated.values()) or any(self.deleted.values())
        )

    def lines(self) -> list[str]:
        names = sorted(set(self.created) | set(self.updated) | set(self.deleted))
        lines = [
            f"  {name}: {self.created[name]} created, {self.updated[name]} updated, "
            f"{self.deleted[name]} removed"
            for name in names
            if self.created[name] or self.updated[name] or self.deleted[name]
        ]
        for heading, items in (
            ("Occupations added", self.added),
            ("Occupations retired (no longer in the data)", self.retired),
            ("Retired occupations back in the data", self.returned),
            ("Occupations renamed", self.renamed),
            ("Kept for retired occupations (counselors may relink it)", self.kept_content),
            ("Rows left out", self.skipped),
        ):
            if items:
                lines.append(f"{heading}: {len(items)}")
                if not (items is self.added and self.first_import):
                    lines += [f"  {item}" for item in items]
        return lines

    def file_lines(self) -> list[str]:
        return ["Files read:", *(f"  {what}: {path}" for what, path in self.files.items())]


def import_catalogue(
    *, source: Path = DEFAULT_SOURCE, progress: Callable[[str], None] = lambda _: None
) -> Summary:
    """Read every file, then write it all in one transaction. Returns what changed."""
    started = time.perf_counter()
    progress(f"Reading {source}")
    data = read_sources(source, progress)
    progress(f"Writing to the database ({time.perf_counter() - started:.1f}s)")
    summary = write_catalogue(data, progress)
    summary.files, summary.skipped = data.files, data.skipped
    progress(f"Done in {time.perf_counter() - started:.1f}s")
    return summary


OCCUPATION_FIELDS = [
    "title", "description", "release_id", *RIASEC_FIELDS.values(), "interest_code",
    "job_zone_id", "bls_code", "bls_title", "entry_education", "work_experience",
    "job_training", "wage_p10", "wage_p25", "wage_median", "wage_p75", "wage_p90",
    "wage_top_coded", "wage_cap", "hourly_only", "wage_hourly_median", "employment_2024",
    "employment_2034",
    "employment_change_pct", "annual_openings", "bright_outlook", "figures_for_group",
    "figures_group", "is_retired", "search_titles", "search_body",
]  # fmt: skip


@transaction.atomic
def write_catalogue(data: Catalogue, progress: Callable[[str], None] = lambda _: None) -> Summary:
    summary = Summary()
    releases = {}
    for key, values in data.releases.items():
        release, created = m.DataRelease.objects.get_or_create(key=key, defaults=values)
        if not created and _assign(release, values):
            release.save()
            summary.updated["releases"] += 1
        summary.created["releases"] += created
        releases[key] = release

    for number, values in data.job_zones.items():
        zone, created = m.JobZone.objects.get_or_create(number=number, defaults=values)
        if not created and _assign(zone, values):
            zone.save()
            summary.updated["job zones"] += 1
        summary.created["job zones"] += created

    codes = _write_occupations(data, releases["onet"], summary)
    summary.updated["Spanish career titles"] += fill_spanish_titles(occupation_model=m.Occupation)
    progress(f"  occupations: {len(codes)}")
    _sync_children(data, codes, summary)
    progress("  tasks, titles, related occupations, skills, education")
    _write_frameworks(data, releases, codes, summary)
    summary.updated["our texts (descriptions, Spanish)"] += fill_authored_texts(
        framework_model=m.Framework
    )
    progress("  frameworks, clusters, pathways, programmes of study")
    if summary.changed:
        m.DataRelease.objects.filter(pk__in=[r.pk for r in releases.values()]).update(
            imported_at=timezone.now()
        )
        # Bulk writes send no signals: tell cached pages the content changed (after commit).
        bump_content_version_on_commit()
    return summary


def _assign(instance, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def _occupation_values(code: str, raw: dict, data: Catalogue, release_id: int) -> dict:
    high = [
        raw["high_points"].get(f"{n} Interest High-Point", 0) for n in ("First", "Second", "Third")
    ]
    titles = sorted(
        {
            raw["title"],
            *(t[0] for t in data.titles[code]),
            *(t[1] for t in data.titles[code] if t[1]),
        }
    )
    values = {
        "title": raw["title"],
        "description": raw["description"],
        "release_id": release_id,
        **{name: raw["interests"].get(name) for name in RIASEC_FIELDS.values()},
        "interest_code": "".join(HIGH_POINT_LETTERS[h] for h in high if h),
        "job_zone_id": raw.get("job_zone_id"),
        "is_retired": False,
        "search_titles": "\n".join(t.lower() for t in titles),
        "search_body": "\n".join(
            [raw["description"].lower(), *(t[0].lower() for t in data.tasks[code])]
        ),
    }
    for name in OCCUPATION_FIELDS:
        if name not in values:
            default = False if name in _FLAG_FIELDS else None
            values[name] = raw.get(name, "" if name in _TEXT_FIELDS else default)
    return values


_TEXT_FIELDS = {
    "bls_code", "bls_title", "entry_education", "work_experience", "job_training",
    "figures_group",
}  # fmt: skip
_FLAG_FIELDS = {"wage_top_coded", "hourly_only", "bright_outlook", "figures_for_group"}


def _write_occupations(
    data: Catalogue, release: m.DataRelease, summary: Summary
) -> dict[str, int]:
    existing = {o.code: o for o in m.Occupation.objects.all()}
    summary.first_import = not existing
    to_create, to_update = [], []
    for code, raw in data.occupations.items():
        values = _occupation_values(code, raw, data, release.pk)
        occupation = existing.get(code)
        if occupation is None:
            to_create.append(m.Occupation(code=code, **values))
            summary.added.append(f"{code} {values['title']}")
            continue
        if occupation.title != values["title"]:
            summary.renamed.append(f"{code} {occupation.title} -> {values['title']}")
        if occupation.is_retired:
            summary.returned.append(f"{code} {values['title']}")
        if _assign(occupation, values):
            to_update.append(occupation)
    # Occupations the release dropped are retired, not deleted: counselors may link to them,
    # and their pages still point to the careers closest to them.
    for code, occupation in sorted(existing.items()):
        if code not in data.occupations and not occupation.is_retired:
            occupation.is_retired = True
            to_update.append(occupation)
            summary.retired.append(f"{code} {occupation.title}")
    m.Occupation.objects.bulk_create(to_create, batch_size=500)
    m.Occupation.objects.bulk_update(to_update, OCCUPATION_FIELDS, batch_size=500)
    summary.created["occupations"] += len(to_create)
    summary.updated["occupations"] += len(to_update)
    if summary.retired:
        kept = (
            m.LocalProgramme.occupations.through.objects.filter(
                occupation__code__in=[line.split(" ", 1)[0] for line in summary.retired]
            )
            .values_list("occupation__code", "localprogramme__name")
            .order_by("occupation__code", "localprogramme__name")
        )
        summary.kept_content += [f"{code}: local programme {name!r}" for code, name in kept]
    return dict(m.Occupation.objects.values_list("code", "pk"))


def sync_rows(
    model, fields: list[str], wanted: Iterable[tuple], summary: Summary, label: str, scope=None
) -> None:
    """Make `model` hold exactly the `wanted` rows (tuples of `fields`); touch only differences."""
    queryset = model.objects.all() if scope is None else model.objects.filter(**scope)
    existing: dict[tuple, list[int]] = defaultdict(list)
    for pk, *values in queryset.values_list("pk", *fields).iterator(chunk_size=5000):
        existing[tuple(values)].append(pk)
    wanted = set(wanted)
    stale = [pk for values, pks in existing.items() if values not in wanted for pk in pks]
    stale += [pk for pks in existing.values() for pk in pks[1:]]  # duplicates
    new = [model(**dict(zip(fields, values, strict=True))) for values in wanted - existing.keys()]
    for start in range(0, len(stale), 900):
        model.objects.filter(pk__in=stale[start : start + 900]).delete()
    model.objects.bulk_create(new, batch_size=2000)
    summary.created[label] += len(new)
    summary.deleted[label] += len(stale)


def _sync_children(data: Catalogue, codes: dict[str, int], summary: Summary) -> None:
    sync_rows(
        m.Task,
        ["occupation_id", "text", "is_core", "position"],
        (
            (codes[c], text, core, pos)
            for c, tasks in data.tasks.items()
            for text, core, pos in tasks
        ),
        summary,
        "tasks",
    )
    sync_rows(
        m.OtherTitle,
        ["occupation_id", "title", "short_title", "kind", "featured"],
        ((codes[c], *t) for c, titles in data.titles.items() for t in titles),
        summary,
        "other titles",
    )
    # A retired occupation keeps its links to careers still in the data: its page shows them.
    kept_links = m.RelatedOccupation.objects.filter(
        occupation__is_retired=True, related__is_retired=False
    ).values_list("occupation_id", "related_id", "tier", "rank")
    sync_rows(
        m.RelatedOccupation,
        ["occupation_id", "related_id", "tier", "rank"],
        itertools.chain(
            (
                (codes[c], codes[other], tier, rank)
                for c, related in data.related.items()
                for other, (tier, rank) in related.items()
            ),
            list(kept_links),
        ),
        summary,
        "related occupations",
    )
    sync_rows(
        m.Attribute,
        ["occupation_id", "kind", "name", "importance"],
        ((codes[c], *a) for c, attributes in data.attributes.items() for a in attributes),
        summary,
        "skills and knowledge",
    )
    sync_rows(
        m.EducationShare,
        ["occupation_id", "category", "label", "percent"],
        ((codes[c], *e) for c, shares in data.education.items() for e in shares),
        summary,
        "education shares",
    )


def _unique_slug(name: str, taken: set[str], suffix: str) -> str:
    slug = slugify(name.replace("&", " ").replace("/", " "))[:50]
    if slug in taken:
        slug = f"{slug}-{suffix}"[:50]
    return slug


def _write_frameworks(
    data: Catalogue, releases: dict, codes: dict[str, int], summary: Summary
) -> None:
    pathway_ids: dict[tuple[str, str, str], int] = {}
    taken_slugs = set(m.Cluster.objects.values_list("slug", flat=True))
    has_default = m.Framework.objects.filter(is_default=True).exists()
    for slug, spec in FRAMEWORKS.items():
        framework, created = m.Framework.objects.get_or_create(
            slug=slug,
            defaults={
                "name": spec["name"],
                "name_es": spec["name_es"],
                "position": spec["position"],
                "release": releases[spec["release"]],
                "is_default": slug == "national-2024" and not has_default,
            },
        )
        summary.created["frameworks"] += created
        existing_clusters = {c.name: c for c in framework.clusters.all()}
        for cluster_name, pathways in data.frameworks[slug].items():
            cluster = existing_clusters.get(cluster_name)
            if cluster is None:
                cluster_slug = _unique_slug(cluster_name, taken_slugs, slug)
                taken_slugs.add(cluster_slug)
                cluster = m.Cluster.objects.create(
                    framework=framework, slug=cluster_slug, name=cluster_name
                )
                summary.created["clusters"] += 1
            existing_pathways = {p.name: p for p in cluster.pathways.all()}
            pathway_slugs = {p.slug for p in existing_pathways.values()}
            for pathway_name in pathways:
                pathway = existing_pathways.get(pathway_name)
                if pathway is None:
                    pathway_slug = _unique_slug(pathway_name, pathway_slugs, "2")
                    pathway_slugs.add(pathway_slug)
                    pathway = m.Pathway.objects.create(
                        cluster=cluster, slug=pathway_slug, name=pathway_name
                    )
                    summary.created["pathways"] += 1
                pathway_ids[(slug, cluster_name, pathway_name)] = pathway.pk

    sync_rows(
        m.PathwayOccupation,
        ["pathway_id", "occupation_id", "is_weak"],
        (
            (
                pathway_ids[(fw, cluster, pathway)],
                codes[code],
                (fw, cluster, pathway, code) in data.weak,
            )
            for fw, clusters in data.frameworks.items()
            for cluster, pathways in clusters.items()
            for pathway, members in pathways.items()
            for code in members
        ),
        summary,
        "occupations in pathways",
    )
    existing = {p.cip_code: p for p in m.Programme.objects.all()}
    new = [
        m.Programme(cip_code=cip, title=t)
        for cip, t in data.programmes.items()
        if cip not in existing
    ]
    changed = [
        p
        for cip, p in existing.items()
        if cip in data.programmes and _assign(p, {"title": data.programmes[cip]})
    ]
    m.Programme.objects.bulk_create(new)
    m.Programme.objects.bulk_update(changed, ["title"])
    summary.created["programmes of study"] += len(new)
    summary.updated["programmes of study"] += len(changed)
    programme_ids = dict(m.Programme.objects.values_list("cip_code", "pk"))
    sync_rows(
        m.Occupation.programmes.through,
        ["occupation_id", "programme_id"],
        (
            (codes[c], programme_ids[cip])
            for c, cips in data.occupation_programmes.items()
            for cip in cips
        ),
        summary,
        "occupation programmes",
    )
    sync_rows(
        m.Pathway.programmes.through,
        ["pathway_id", "programme_id"],
        (
            (pathway_ids[key], programme_ids[cip])
            for key, cips in data.pathway_programmes.items()
            for cip in cips
        ),
        summary,
        "pathway programmes",
    )
