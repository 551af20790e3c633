"""Phase one: parse and check every source file into a Catalogue of plain Python data.
Any problem raises ImportFileError naming the file, line and problem."""

from __future__ import annotations

import datetime
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from clusters import models as m
from clusters.importer.catalogue import Catalogue, _known, proper_dashes
from clusters.importer.read_bls import _read_projections, _read_wages
from clusters.importer.read_frameworks import (
    _read_classic_framework,
    _read_national_framework,
    _read_programmes,
)
from clusters.importer.tables import (
    ADVANCE_CTE_EDITION,
    ALTERNATE_TITLES,
    EDUCATION,
    EDUCATION_CATEGORIES,
    INTERESTS,
    JOB_ZONE_REFERENCE,
    JOB_ZONES,
    KNOWLEDGE,
    OCCUPATIONS,
    PROJECTIONS,
    PUBLISHED,
    RELATED,
    REPORTED_TITLES,
    RIASEC_FIELDS,
    SKILLS,
    TASKS,
    TOP_SKILLS,
    ImportFileError,
    SourceFiles,
    projection_years,
    table_rows,
)


def read_sources(source: Path, progress: Callable[[str], None] = lambda _: None) -> Catalogue:
    """Parse and check every file; raise ImportFileError on the first problem."""
    if not Path(source).is_dir():
        raise ImportFileError(source, "not a directory")
    source = SourceFiles(Path(source))
    data = Catalogue()
    steps = [
        ("releases", _read_releases),
        ("O*NET occupations", _read_occupations),
        ("interest profiles", _read_interests),
        ("job zones", _read_job_zones),
        ("tasks", _read_tasks),
        ("other titles", _read_titles),
        ("related occupations", _read_related),
        ("skills and knowledge", _read_attributes),
        ("education levels", _read_education),
        ("BLS wages", _read_wages),
        ("BLS projections", _read_projections),
        ("2024 framework", _read_national_framework),
        ("classic framework", _read_classic_framework),
        ("programmes of study", _read_programmes),
    ]
    for label, step in steps:
        started = time.perf_counter()
        step(source, data)
        progress(f"  read {label} ({time.perf_counter() - started:.1f}s)")
    data.files = dict(source.found)
    return data


def _read_releases(source: SourceFiles, data: Catalogue) -> None:
    readme, lines = source.first_line(r"O\*NET [\d.]+ Database", "O*NET read-me")
    match = re.match(r"O\*NET ([\d.]+) Database", lines[0] if lines else "")
    date_match = re.match(r"(\w+) (\d{4}) Release", lines[1] if len(lines) > 1 else "")
    if not match or not date_match:
        raise ImportFileError(
            readme, "first lines should read 'O*NET N Database' and 'Month YYYY Release'"
        )
    try:
        onet_date = datetime.datetime.strptime(" ".join(date_match.groups()), "%B %Y").date()
    except ValueError:
        raise ImportFileError(readme, "release month is not a month name", 2) from None
    version = match.group(1)
    oews_month, data.wage_cap = _oews_release(source)
    _, projections = source.locate(PROJECTIONS)
    start, end = projection_years(list(projections.columns))
    data.projection_years = (start, end)
    span = f"{start}\u2013{end % 100:02d}"
    data.releases = {
        "onet": {
            "name": "O*NET Database",
            "version": version,
            "published": onet_date,
            "publisher": (
                "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)"
            ),
            "licence": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
            "url": "https://www.onetcenter.org/database.html",
            "attribution": (
                f"This site includes information from the O*NET {version} Database by the U.S. "
                "Department of Labor, Employment and Training Administration (USDOL/ETA), used "
                "under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. The Career "
                "Clusters project modified some of the information (for example, by choosing, "
                "ranking and summarizing it); USDOL/ETA has not approved, endorsed, or tested "
                "these modifications."
            ),
        },
        "onet-classic": {
            "name": "Career Clusters in O*NET OnLine",
            "version": f"the classic 16 clusters, with O*NET {version} occupations",
            "published": onet_date,
            "publisher": "USDOL/ETA (O*NET OnLine)",
            "licence": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
            "url": "https://www.onetonline.org/find/career",
            "attribution": (
                "The classic 16-cluster framework, as O*NET OnLine maps occupations to Career "
                "Clusters and Career Pathways (USDOL/ETA, CC BY 4.0). The Career Clusters "
                "project shows it as clusters and pathways of its own pages."
            ),
        },
        "advance-cte": {
            "name": "National Career Clusters Framework crosswalks",
            "version": ADVANCE_CTE_EDITION[0],
            "published": ADVANCE_CTE_EDITION[1],
            "publisher": "Advance CTE",
            "licence": "Published by Advance CTE for public use",
            "url": "https://careertech.org/career-clusters/",
            "attribution": (
                "Career Cluster and sub-cluster names and the SOC and CIP crosswalks come from "
                "Advance CTE's modernized National Career Clusters Framework (2024)."
            ),
        },
        "bls-oews": {
            "name": "Occupational Employment and Wage Statistics",
            "version": oews_month.strftime("%B %Y"),
            "published": PUBLISHED.get(("bls-oews", oews_month.strftime("%B %Y")), oews_month),
            "publisher": "U.S. Bureau of Labor Statistics",
            "licence": "Public domain (U.S. government work)",
            "url": "https://www.bls.gov/oes/",
            "attribution": (
                "Wages: U.S. Bureau of Labor Statistics, OEWS national estimates, "
                f"{oews_month:%B %Y}."
            ),
            "facts": {"wage_cap": data.wage_cap},
        },
        "bls-ep": {
            "name": "Employment Projections",
            "version": span,
            "published": PUBLISHED.get(("bls-ep", span), datetime.date(start + 1, 1, 1)),
            "publisher": "U.S. Bureau of Labor Statistics",
            "licence": "Public domain (U.S. government work)",
            "url": "https://www.bls.gov/emp/",
            "attribution": (
                "Outlook and typical entry education: U.S. Bureau of Labor Statistics, "
                f"Employment Projections {span}."
            ),
            "facts": {"start": start, "end": end},  # + average_growth, from the table
        },
    }


def _oews_release(source: SourceFiles) -> tuple[datetime.date, int]:
    """The month of the OEWS estimates and the annual wage cap, from its field descriptions."""
    path, lines = source.first_line(r"\w+ \d{4} OEWS Estimates", "OEWS field descriptions")
    try:
        month = datetime.datetime.strptime(lines[0].split(" OEWS")[0], "%B %Y").date()
    except ValueError:
        raise ImportFileError(
            path, "the first line should read 'May YYYY OEWS Estimates'", 1
        ) from None
    for line in lines:
        found = re.search(r"#\s*=.*?\$([\d,]+) per year", line)
        if found:
            return month, int(found.group(1).replace(",", ""))
    raise ImportFileError(path, "no line saying what '#' means ('... $N per year')")


def _read_occupations(source: SourceFiles, data: Catalogue) -> None:
    for row in table_rows(source, OCCUPATIONS):
        code = row.code("O*NET-SOC Code")
        if code in data.occupations:
            raise row.fail(f"occupation {code} appears twice")
        data.occupations[code] = {
            "title": proper_dashes(row.text("Title")),
            "description": proper_dashes(row.text("Description")),
            "interests": {},
            "high_points": {},
        }
    if not data.occupations:
        raise ImportFileError(OCCUPATIONS.path, "no occupations in the file")
    for code in data.occupations:
        data.codes_by_soc[code[:7]].append(code)


def _read_interests(source: SourceFiles, data: Catalogue) -> None:
    for row in table_rows(source, INTERESTS):
        occupation = data.occupations[_known(row, data)]
        scale, element = row.text("Scale ID"), row.text("Element Name")
        if scale == "OI":
            if element not in RIASEC_FIELDS:
                raise row.fail(f"unknown interest area {element!r}")
            occupation["interests"][RIASEC_FIELDS[element]] = row.number("Data Value", 1, 7)
        elif scale == "IH":
            occupation["high_points"][element] = int(row.number("Data Value", 0, 6))


def _read_job_zones(source: SourceFiles, data: Catalogue) -> None:
    for row in table_rows(source, JOB_ZONE_REFERENCE):
        number = int(row.number("Job Zone", 1, 5))
        data.job_zones[number] = {
            "name": row.text("Name"),
            "education": row.text("Education"),
            "experience": row.text("Experience"),
            "training": row.text("Job Training"),
            "examples": row.text("Examples"),
        }
    for row in table_rows(source, JOB_ZONES):
        zone = int(row.number("Job Zone", 1, 5))
        if zone not in data.job_zones:
            raise row.fail(f"job zone {zone} is not in {JOB_ZONE_REFERENCE.path}")
        data.occupations[_known(row, data)]["job_zone_id"] = zone


def _read_tasks(source: SourceFiles, data: Catalogue) -> None:
    for row in table_rows(source, TASKS):
        code = _known(row, data)
        kind = row.text("Task Type", required=False)
        if kind not in {"Core", "Supplemental", ""}:
            raise row.fail(f"Task Type {kind!r} should be Core, Supplemental or empty")
        data.tasks[code].append((row.text("Task"), kind != "Supplemental", len(data.tasks[code])))


def _read_titles(source: SourceFiles, data: Catalogue) -> None:
    found: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
    for row in table_rows(source, ALTERNATE_TITLES):
        title = proper_dashes(row.text("Alternate Title"))[:300]
        short = proper_dashes(row.text("Short Title", required=False))[:100]
        found[_known(row, data)].append((title, short, m.OtherTitle.ALTERNATE, False))
    for row in table_rows(source, REPORTED_TITLES):
        shown = row.text("Shown in My Next Move")
        if shown not in {"Y", "N"}:
            raise row.fail(f"Shown in My Next Move should be Y or N, not {shown!r}")
        title = proper_dashes(row.text("Reported Job Title"))[:300]
        found[_known(row, data)].append((title, "", m.OtherTitle.REPORTED, shown == "Y"))
    for code, titles in found.items():
        data.titles[code] = distinct_titles(titles=titles, own=data.occupations[code]["title"])


def title_key(title: str) -> str:
    """A title with case and punctuation ignored: 'Staff Nurse.' -> 'staff nurse'."""
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))


def distinct_titles(
    *, titles: Iterable[tuple[str, str, str, bool]], own: str
) -> set[tuple[str, str, str, bool]]:
    """One of each title, ignoring case and punctuation, and none that repeats the job's own.

    O*NET lists many titles both as alternate titles and as titles reported by workers. We
    keep the one shown first (featured in My Next Move, then reported, then alternate), with
    any short title the others carry ("RN"), so search still finds it.
    """
    kept: dict[str, tuple[str, str, str, bool]] = {}
    shorts: dict[str, str] = {}
    order = {m.OtherTitle.REPORTED: 0, m.OtherTitle.ALTERNATE: 1}
    for title in sorted(titles, key=lambda t: (not t[3], order[t[2]], t[0], t[1])):
        key = title_key(title[0])
        if title[1]:
            shorts.setdefault(key, title[1])
        kept.setdefault(key, title)
    kept.pop(title_key(own), None)
    return {
        (title, short or shorts.get(key, ""), kind, featured)
        for key, (title, short, kind, featured) in kept.items()
    }


def _read_related(source: SourceFiles, data: Catalogue) -> None:
    for row in table_rows(source, RELATED):
        code, other = _known(row, data), _known(row, data, "Related O*NET-SOC Code")
        data.related[code][other] = (row.text("Relatedness Tier"), int(row.number("Index", 1)))


def _read_attributes(source: SourceFiles, data: Catalogue) -> None:
    for table, kind in ((SKILLS, m.Attribute.SKILL), (KNOWLEDGE, m.Attribute.KNOWLEDGE)):
        found: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
        for row in table_rows(source, table):
            if row.text("Scale ID") == "IM":
                found[_known(row, data)].append(
                    (kind, row.text("Element Name"), row.number("Data Value", 1, 5))
                )
        for code, items in found.items():
            items.sort(key=lambda item: (-item[2], item[1]))
            data.attributes[code].extend(items[:TOP_SKILLS])


def _read_education(source: SourceFiles, data: Catalogue) -> None:
    labels = {}
    for row in table_rows(source, EDUCATION_CATEGORIES):
        if row.text("Scale ID") == "RL":
            labels[int(row.number("Category", 1, 12))] = row.text("Category Description")
    for row in table_rows(source, EDUCATION):
        if row.text("Scale ID") != "RL":
            continue
        category = int(row.number("Category", 1, 12))
        if category not in labels:
            raise row.fail(f"education category {category} has no description")
        percent = row.number("Data Value", 0, 100)
        data.education[_known(row, data)].append((category, labels[category], percent))
