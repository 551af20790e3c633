"""Turn the raw O*NET, BLS and Advance CTE files into the catalogue.

Two phases: `read_sources` parses and checks every file into plain Python data (any
problem raises ImportFileError naming the file, line and problem, before the database is
touched); `write_catalogue` then applies it in one transaction, changing only rows whose
values differ, so a second run with the same files changes nothing.

Authored fields (descriptions of frameworks, clusters and pathways, their Spanish names and
descriptions, and Spanish career titles) are filled from fixtures/authored only while they
are empty: counselor edits are never overwritten.
"""

from clusters.importer.read import read_sources
from clusters.importer.read_bls import is_bright_outlook
from clusters.importer.tables import (
    BRIGHT_GROWTH_FACTOR,
    DEFAULT_SOURCE,
    FRAMEWORKS,
    ImportFileError,
)
from clusters.importer.write import Summary, import_catalogue, write_catalogue

__all__ = [
    "BRIGHT_GROWTH_FACTOR", "DEFAULT_SOURCE", "FRAMEWORKS", "ImportFileError", "Summary",
    "import_catalogue", "is_bright_outlook", "read_sources", "write_catalogue",
]  # fmt: skip
