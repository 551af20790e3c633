"""The parsed data that phase one builds and phase two writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from clusters.importer.tables import (
    OCCUPATIONS,
    _Row,
)


@dataclass
class Catalogue:
    releases: dict[str, dict] = field(default_factory=dict)
    job_zones: dict[int, dict] = field(default_factory=dict)
    occupations: dict[str, dict] = field(default_factory=dict)
    tasks: dict[str, list[tuple[str, bool, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    titles: dict[str, set[tuple[str, str, str, bool]]] = field(
        default_factory=lambda: defaultdict(set)
    )
    related: dict[str, dict[str, tuple[str, int]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    attributes: dict[str, list[tuple[str, str, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    education: dict[str, list[tuple[int, str, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # framework slug -> cluster name -> pathway name -> set of O*NET codes
    frameworks: dict[str, dict[str, dict[str, set[str]]]] = field(default_factory=dict)
    # (framework slug, cluster, pathway, O*NET code) of weak memberships (see weak_memberships)
    weak: set[tuple[str, str, str, str]] = field(default_factory=set)
    programmes: dict[str, str] = field(default_factory=dict)  # CIP code -> title
    occupation_programmes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    pathway_programmes: dict[tuple[str, str, str], set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )
    average_growth: float = 0.0
    wage_cap: int = 0  # OEWS prints "#" for annual wages at or above it (its field descriptions)
    projection_years: tuple[int, int] = (0, 0)
    files: dict[str, Path] = field(default_factory=dict)  # what -> the file read for it
    skipped: list[str] = field(default_factory=list)  # rows left out, and why
    # 6-digit SOC code -> O*NET codes under it, so SOC rows map without scanning every code.
    codes_by_soc: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # 6-digit SOC code -> the BLS code for it (see bls_codes_for), from OEWS, else projections
    bls_codes: dict[str, str] = field(default_factory=dict)
    # BLS code -> the SOC codes of O*NET's it stands for, where they differ (21-1018 -> 21-1011
    # and 21-1014), so crosswalk rows that use BLS codes reach their occupations.
    socs_by_bls: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def proper_dashes(text: str) -> str:
    """O*NET writes a dash as two hyphens ("Helpers--Electricians"); we print an em dash."""
    return text.replace("--", "\u2014")


def _known(row: _Row, data: Catalogue, column: str = "O*NET-SOC Code") -> str:
    code = row.code(column)
    if code not in data.occupations:
        raise row.fail(f"{column} {code} is not in {OCCUPATIONS.path}")
    return code


def _dash_to_blank(value: str) -> str:
    return "" if value in {"—", "-", "–"} else value


def soc_to_onet(soc: str, data: Catalogue) -> list[str]:
    """O*NET codes under a crosswalk's SOC code: an SOC occupation of O*NET's, or a BLS code
    (combined, such as 21-1018, or a broad group, such as 13-1020) that BLS uses for them."""
    exact = data.codes_by_soc.get(soc)
    if exact:
        return exact
    return [code for other in data.socs_by_bls.get(soc, ()) for code in data.codes_by_soc[other]]
