"""What we write next to the imported data (fixtures/authored): cluster and pathway
descriptions, their Spanish names and descriptions, and Spanish career titles.

Each is copied into a field only while it is empty, so counselors' edits stay. The importer
runs these after every import; the migration that added the Spanish columns runs them once
with its own models, so an upgraded site gets the Spanish without a new import.
"""

from __future__ import annotations

import csv

from clusters.importer.tables import AUTHORED_DIR, FRAMEWORKS

AUTHORED_FIELDS = ("description", "name_es", "description_es")
SPANISH_TITLES = AUTHORED_DIR / "occupation-titles-es.csv"


def _read(path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _copy_into_empty(instance, row: dict[str, str] | None, fields) -> list[str]:
    """Set each of `fields` that is empty on `instance` from `row`; the names it set."""
    empty = [f for f in fields if not getattr(instance, f) and (row or {}).get(f)]
    for name in empty:
        setattr(instance, name, row[name])
    return empty


def _fill(instance, row: dict[str, str] | None, fields) -> bool:
    if filled := _copy_into_empty(instance, row, fields):
        instance.save(update_fields=filled)
    return bool(filled)


def fill_authored_texts(*, framework_model) -> int:
    """Our texts for each framework's clusters and pathways, found by their names.

    Returns how many frameworks, clusters and pathways got something."""
    filled = 0
    for slug, spec in FRAMEWORKS.items():
        framework = framework_model.objects.filter(slug=slug).first()
        if framework is None:
            continue
        filled += _fill(framework, {"name_es": spec["name_es"]}, ["name_es"])
        rows = {(r["cluster"], r["pathway"]): r for r in _read(AUTHORED_DIR / spec["authored"])}
        for cluster in framework.clusters.all():
            filled += _fill(cluster, rows.get((cluster.name, "")), AUTHORED_FIELDS)
            for pathway in cluster.pathways.all():
                filled += _fill(pathway, rows.get((cluster.name, pathway.name)), AUTHORED_FIELDS)
    return filled


def fill_spanish_titles(*, occupation_model) -> int:
    """Our Spanish titles and search words. Returns how many occupations got something.

    A row is used only while its English title is the occupation's title: after O*NET
    renames a career, it shows the new English title until our translation catches up.
    """
    ours = {row["code"]: row for row in _read(SPANISH_TITLES)}
    filled = []
    fields = ("title_es", "keywords_es")
    for occupation in occupation_model.objects.only("code", "title", *fields):
        row = ours.get(occupation.code)
        current = row is not None and row["title"] == occupation.title
        if current and _copy_into_empty(occupation, row, fields):
            filled.append(occupation)
    occupation_model.objects.bulk_update(filled, fields, batch_size=500)
    return len(filled)
