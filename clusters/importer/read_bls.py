"""BLS wages and projections: figures per occupation, through BLS's own code lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

from clusters.importer.catalogue import Catalogue, _dash_to_blank
from clusters.importer.tables import (
    BRIGHT_GROWTH_FACTOR,
    BRIGHT_MIN_OPENINGS,
    CENT,
    OEWS,
    PROJECTIONS,
    SOC_CODE,
    ImportFileError,
    SourceFiles,
    Table,
    _Row,
    table_rows,
)


def _wage(row: _Row, column: str, cap: int) -> tuple[int | None, bool]:
    """(annual wage, top-coded?) from an OEWS cell: '#' is at the cap, '*' is not published."""
    value = row.row[column]
    if value == "#":
        return cap, True
    if value in {"*", "**", ""}:
        return None, False
    return int(row.number(column, 0)), False


def _bls_rows(
    source: Path, table: Table, code_column: str, detailed: Callable[[_Row], bool]
) -> dict[str, _Row]:
    rows: dict[str, _Row] = {}
    for row in table_rows(source, table):
        code = row.code(code_column, SOC_CODE)
        earlier = rows.get(code)
        # BLS repeats a code as broad and detailed when a group has one occupation.
        if earlier is not None and detailed(earlier) and detailed(row):
            raise row.fail(f"{code} appears twice as a single occupation")
        if earlier is None or detailed(row):
            rows[code] = row
    return rows


def bls_codes_for(*, socs: Iterable[str], detailed: set[str], published: set[str]) -> dict:
    """Which BLS code describes each 6-digit SOC code of O*NET's, by BLS's own code list.

    `detailed` holds the codes a BLS file publishes as single occupations (OEWS O_GROUP
    "detailed", projections "Line item"); `published` every code in the file, groups too.
    For each SOC code, in this order:
    1. the code itself, when BLS publishes it as a single occupation;
    2. else the one single-occupation code BLS publishes in its broad group (same first five
       digits) that is not an SOC occupation of O*NET's: a combined code such as 21-1018
       (21-1011 and 21-1014 together) or a broad group published whole, such as 13-1020;
    3. else the broad group (21-1010), when BLS publishes it.
    SOC codes BLS publishes nothing for (military jobs) are left out.
    """
    socs = set(socs)
    combined: dict[str, list[str]] = defaultdict(list)
    for code in detailed - socs:
        combined[code[:6]].append(code)
    found = {}
    for soc in socs:
        if soc in detailed:
            found[soc] = soc
        elif len(combined.get(soc[:6], ())) == 1:
            found[soc] = combined[soc[:6]][0]
        elif soc[:6] + "0" in published:
            found[soc] = soc[:6] + "0"
    return found


def _bls_codes(rows: dict[str, _Row], detailed: Callable[[_Row], bool], data: Catalogue):
    socs = {code[:7] for code in data.occupations}
    singles = {code for code, row in rows.items() if detailed(row)}
    return bls_codes_for(socs=socs, detailed=singles, published=set(rows))


def _read_wages(source: SourceFiles, data: Catalogue) -> None:
    def detailed(row: _Row) -> bool:
        return row.row["O_GROUP"] == "detailed"

    rows = _bls_rows(source, OEWS, "OCC_CODE", detailed)
    bls_codes = _bls_codes(rows, detailed, data)
    data.bls_codes.update(bls_codes)
    for code, occupation in data.occupations.items():
        if code[:7] not in bls_codes:
            continue
        row = rows[bls_codes[code[:7]]]
        top_coded = False
        for column, key in (
            ("A_PCT10", "wage_p10"),
            ("A_PCT25", "wage_p25"),
            ("A_MEDIAN", "wage_median"),
            ("A_PCT75", "wage_p75"),
            ("A_PCT90", "wage_p90"),
        ):
            occupation[key], capped = _wage(row, column, data.wage_cap)
            top_coded |= capped
        occupation["wage_top_coded"] = top_coded
        occupation["wage_cap"] = data.wage_cap if top_coded else None
        occupation["hourly_only"] = occupation["wage_median"] is None and row.row[
            "H_MEDIAN"
        ] not in {"*", "", "#"}
        if occupation["hourly_only"]:
            hourly = row.number("H_MEDIAN", 0, 1000)
            occupation["wage_hourly_median"] = Decimal(str(hourly)).quantize(CENT)
        occupation["bls_code"] = row.row["OCC_CODE"]
        occupation["bls_title"] = row.row["OCC_TITLE"]


def _read_projections(source: SourceFiles, data: Catalogue) -> None:
    def line_item(row: _Row) -> bool:
        return row.row["Occupation type"] == "Line item"

    path, table = source.locate(PROJECTIONS)
    # The columns name the years ("Employment, 2034"); the fields keep their first names.
    title_column, code_column, _, start_column, end_column, change, openings_column = (
        table.columns[:7]
    )
    rows = _bls_rows(source, PROJECTIONS, code_column, line_item)
    total = rows.get("00-0000")
    if total is None:
        raise ImportFileError(source.shown(path), "no 00-0000 'Total, all occupations' row")
    data.average_growth = total.number(change)
    data.releases["bls-ep"]["facts"]["average_growth"] = data.average_growth
    bls_codes = _bls_codes(rows, line_item, data)
    for soc, bls_code in bls_codes.items():
        data.bls_codes.setdefault(soc, bls_code)
    for soc, bls_code in sorted(data.bls_codes.items()):
        if soc != bls_code:
            data.socs_by_bls[bls_code].append(soc)
    for code, occupation in data.occupations.items():
        if code[:7] not in bls_codes:
            continue
        row = rows[bls_codes[code[:7]]]
        growth = row.number(change, -100, 1000)
        openings = round(row.number(openings_column, 0) * 1000)
        occupation.update(
            employment_2024=round(row.number(start_column, 0) * 1000),
            employment_2034=round(row.number(end_column, 0) * 1000),
            employment_change_pct=growth,
            annual_openings=openings,
            bright_outlook=is_bright_outlook(
                growth=growth, openings=openings, average_growth=data.average_growth
            ),
            entry_education=_dash_to_blank(row.row["Typical education needed for entry"]),
            work_experience=_dash_to_blank(row.row["Work experience in a related occupation"]),
            job_training=_dash_to_blank(
                row.row[
                    "Typical on-the-job training needed to attain competency in the occupation"
                ]
            ),
        )
        occupation.setdefault("bls_code", row.row[code_column])
        occupation.setdefault("bls_title", row.row[title_column])
    for code, occupation in data.occupations.items():
        soc = code[:7]
        if soc in data.bls_codes or soc in bls_codes:
            occupation["figures_group"] = figures_group(
                code=code,
                codes={data.bls_codes.get(soc), bls_codes.get(soc)} - {None},
                title=occupation["bls_title"],
            )
            occupation["figures_for_group"] = bool(occupation["figures_group"])


def figures_group(*, code: str, codes: set[str], title: str) -> str:
    """Whom BLS figures describe when they are not this occupation's alone, in plain words.

    An O*NET occupation has figures of its own only when it is the whole SOC occupation (its
    code ends in .00) and BLS publishes that SOC code itself. Otherwise they belong to a
    group: the SOC occupation it shares with other O*NET occupations (29-1141.01 Acute Care
    Nurses shows all registered nurses' pay), a BLS combined code (21-1018) or broad group.
    "All Other" groups get a generic name, as they have no common trade.
    """
    if code.endswith(".00") and codes == {code[:7]}:
        return ""
    if "all other" in title.casefold():
        return "a group of related jobs"
    return f"all {title.lower()}"


def is_bright_outlook(*, growth: float, openings: int, average_growth: float) -> bool:
    """Our documented rule; see BRIGHT_GROWTH_FACTOR and BRIGHT_MIN_OPENINGS above."""
    fast = growth >= BRIGHT_GROWTH_FACTOR * average_growth
    many_openings = growth >= 0 and openings >= BRIGHT_MIN_OPENINGS
    return fast or many_openings
