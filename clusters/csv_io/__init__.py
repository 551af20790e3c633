"""CSV export of the catalogue and CSV import of what counselors write.

Exports (UTF-8 with a header row, one file per list):
- occupations: one row per occupation, with its clusters and pathways;
- clusters: one row per cluster and one per pathway, with the description we show students;
- local programs: one row per program, in the same layout the import reads.

Imports, in two steps: `plan_import` reads and checks every row and says what would change,
with row-level errors, without writing anything; `apply_import` checks again and, only if no
row has an error, saves everything in one transaction (all or nothing).

- descriptions: columns `cluster_slug`, `pathway_slug` (blank for the cluster itself) and
  `description`; other columns are ignored, so an edited clusters export can be imported.
- local programs: columns `name` and `kind` are required; `id`, `description`, `link`,
  `grade_from`, `grade_to`, `pathways`, `occupations` and `published` are optional. A row
  with an `id` updates that program, a row without one adds a program; a column left
  out of the file leaves that field as it is.

Text cells that a spreadsheet would run as a formula (starting with = + - @) are written
with a leading apostrophe, which the import removes again.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from clusters.csv_io import descriptions, programmes, spanish_titles
from clusters.csv_io.exports import cluster_rows, local_programme_rows, occupation_rows
from clusters.csv_io.files import (
    GRADE_MIN,
    MAX_BYTES,
    CsvFileError,
    ImportPlan,
    csv_lines,
    read_csv,
)

__all__ = [
    "DESCRIPTIONS", "FORMATS", "GRADE_MIN", "KINDS", "LOCAL_PROGRAMMES", "MAX_BYTES",
    "SPANISH_TITLES", "CsvFileError", "apply_import", "cluster_rows", "csv_lines",
    "local_programme_rows", "occupation_rows", "plan_import", "read_csv",
]  # fmt: skip

DESCRIPTIONS = "descriptions"
LOCAL_PROGRAMMES = "local-programmes"
SPANISH_TITLES = "spanish-titles"
# kind -> (what it holds, the module that plans it: its `plan` and its `FORMAT`)
_IMPORTS = {
    DESCRIPTIONS: ("cluster and pathway descriptions", descriptions),
    LOCAL_PROGRAMMES: ("local programs", programmes),
    SPANISH_TITLES: ("Spanish career titles", spanish_titles),
}
KINDS = {kind: label for kind, (label, _module) in _IMPORTS.items()}
# What each column means, shown on the import page (and in the README).
FORMATS = {kind: module.FORMAT for kind, (_label, module) in _IMPORTS.items()}


def plan_import(*, kind: str, data: bytes) -> ImportPlan:
    """Check every row and say what would change. Writes nothing."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    plan = ImportPlan(kind=kind)
    try:
        _IMPORTS[kind][1].plan(plan, data)
    except CsvFileError as error:
        plan.file_error = str(error)
        plan.rows = []
    return plan


def apply_import(*, kind: str, data: bytes) -> tuple[ImportPlan, list[Any]]:
    """Check again and, if every row is fine, save all rows in one transaction.

    Returns the plan and (row, saved object) pairs (none when anything was wrong: then
    nothing is saved).
    """
    with transaction.atomic():
        plan = plan_import(kind=kind, data=data)
        if not plan.ok:
            return plan, []
        saved = [(row, row.apply()) for row in plan.rows if row.apply is not None]
    return plan, saved
