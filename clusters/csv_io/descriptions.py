"""Import of our cluster and pathway text: descriptions in English, names and descriptions
in Spanish. A column left out of the file, or a blank cell, leaves that text as it is."""

from __future__ import annotations

from clusters import models as m
from clusters.csv_io.files import (
    MAX_DESCRIPTION,
    CsvFileError,
    ImportPlan,
    RowPlan,
    read_csv,
    setter,
)

KEY_COLUMNS = ("cluster_slug", "pathway_slug")
# column -> longest text it may hold
TEXT_COLUMNS = {"description": MAX_DESCRIPTION, "name_es": 200, "description_es": MAX_DESCRIPTION}
FORMAT: list[tuple[str, bool, str]] = [
    ("cluster_slug", True, "The cluster, by its slug (the last part of its address)."),
    (
        "pathway_slug",
        True,
        "The pathway in that cluster, by its slug; leave it blank to change the "
        "cluster's own text.",
    ),
    (
        "description",
        False,
        f"The new description, in plain words for students (at most {MAX_DESCRIPTION} "
        "characters). A blank cell leaves the description as it is.",
    ),
    (
        "name_es, description_es",
        False,
        "The name and description in Spanish, shown on Spanish pages (/es/). A blank cell "
        "leaves it as it is. The file needs at least one of description, name_es and "
        "description_es.",
    ),
    (
        "framework, cluster, pathway, occupations",
        False,
        "Ignored: they are in the export to help you find your way.",
    ),
]


def plan(plan: ImportPlan, data: bytes) -> None:
    columns, rows = read_csv(
        data=data,
        required=KEY_COLUMNS,
        optional=(*TEXT_COLUMNS, "framework", "cluster", "pathway", "occupations"),
    )
    texts = [c for c in TEXT_COLUMNS if c in columns]
    if not texts:
        raise CsvFileError(
            "Missing column(s): the file needs at least one of description, name_es and "
            "description_es."
        )
    cluster_slugs = {r["cluster_slug"] for _, r in rows}
    clusters = {c.slug: c for c in m.Cluster.objects.filter(slug__in=cluster_slugs)}
    pathways = {
        (p.cluster.slug, p.slug): p
        for p in m.Pathway.objects.filter(cluster__slug__in=cluster_slugs).select_related(
            "cluster"
        )
    }
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        cluster_slug, pathway_slug = row["cluster_slug"], row["pathway_slug"]
        item = RowPlan(
            line=line, label=f"{cluster_slug}/{pathway_slug}" if pathway_slug else cluster_slug
        )
        plan.rows.append(item)
        if row.get("__extra__"):
            item.fail("This row has more cells than the header has columns.")
        if not cluster_slug:
            item.fail("cluster_slug is empty.")
            continue
        key = (cluster_slug, pathway_slug)
        if key in seen:
            item.fail(f"The same cluster or pathway is already on line {seen[key]}.")
        seen.setdefault(key, line)
        target = clusters.get(cluster_slug) if not pathway_slug else pathways.get(key)
        if cluster_slug not in clusters:
            item.fail(f"No cluster has the slug “{cluster_slug}”.")
            continue
        if target is None:
            item.fail(f"Cluster “{cluster_slug}” has no pathway with the slug “{pathway_slug}”.")
            continue
        item.label = str(target) if pathway_slug else f"{target.name} (cluster)"
        new = {column: row[column].replace("\r\n", "\n").strip() for column in texts}
        for column, text in new.items():
            if len(text) > TEXT_COLUMNS[column]:
                what = "The description" if column == "description" else column
                item.fail(
                    f"{what} has {len(text)} characters; keep it under {TEXT_COLUMNS[column]}."
                )
        if item.errors:
            continue
        changes = {c: text for c, text in new.items() if text and text != getattr(target, c)}
        if not any(new.values()):
            item.action = "skip"
            item.note = "Blank cells: left as it is."
        elif changes:
            item.action = "update"
            item.changes = list(changes)
            item.apply = setter(target, changes)
        else:
            item.action = "unchanged"
