"""Turn the raw O*NET, BLS and Advance CTE files into the catalogue.

Two phases: `read_sources` parses and checks every file into plain Python data (any
problem raises ImportFileError naming the file, line and problem, before the database is
touched); `write_catalogue` then applies it in one transaction, changing only rows whose
values differ, so a second run with the same files changes nothing.

Authored fields (descriptions of frameworks, clusters and pathways) are filled from
fixtures/authored only while they are empty: counselor edits are never overwritten.
"""

from __future__ import annotations

import csv
import datetime
import gzip
import io
import itertools
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from clusters import models as m
from core.content_version import bump_content_version_on_commit

DEFAULT_SOURCE = Path(settings.BASE_DIR) / "fixtures" / "data"
AUTHORED_DIR = Path(settings.BASE_DIR) / "fixtures" / "authored"

# Publication dates the files do not carry, by (release, version). A release not listed
# here is dated by its reference period (OEWS: the month of the estimates; projections:
# January after the base year) until a line is added. The Advance CTE edition is not in its
# converted files either: it is named here.
PUBLISHED = {
    ("bls-oews", "May 2024"): datetime.date(2025, 4, 2),
    ("bls-ep", "2024\u201334"): datetime.date(2025, 8, 28),
}
ADVANCE_CTE_EDITION = ("2024 framework, September 2025 edition", datetime.date(2025, 9, 1))

ONET_CODE = re.compile(r"^\d\d-\d\d\d\d\.\d\d$")
SOC_CODE = re.compile(r"^\d\d-\d\d\d\d$")
CIP_CODE = re.compile(r"^\d\d\.\d\d\d\d$")
CENT = Decimal("0.01")
TOP_SKILLS = 8  # skills and knowledge areas kept per occupation, most important first

# Growing demand (our rule and our name, from BLS Employment Projections; stored in the
# `bright_outlook` field): the occupation is projected to grow at least twice as fast as all
# occupations together, or it is not shrinking and has at least 10,000 openings a year.
BRIGHT_GROWTH_FACTOR = 2.0
BRIGHT_MIN_OPENINGS = 10_000

RIASEC_FIELDS = {
    "Realistic": "realistic",
    "Investigative": "investigative",
    "Artistic": "artistic",
    "Social": "social",
    "Enterprising": "enterprising",
    "Conventional": "conventional",
}
HIGH_POINT_LETTERS = {1: "R", 2: "I", 3: "A", 4: "S", 5: "E", 6: "C"}

FRAMEWORKS = {
    "national-2024": {
        "name": "National Career Clusters Framework (2024)",
        "position": 1,
        "release": "advance-cte",
        "authored": "national-2024.csv",
    },
    "classic-16": {
        "name": "Classic 16 Career Clusters",
        "position": 2,
        "release": "onet-classic",
        "authored": "classic-16.csv",
    },
}


class ImportFileError(Exception):
    """A source file is missing or wrong; says which file, which line and what is wrong."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = str(path), problem, line
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


# ---------------------------------------------------------------------------------------
# Reading files


@dataclass(frozen=True)
class Table:
    """A kind of source file. Files are found by their columns (see SourceFiles), not names.

    `path` is where the shipped data keeps it (fixtures/data); it names the file in messages
    and is the name tried first. `check` looks at the first data row, for files that share
    their columns with others (O*NET's Interests, Skills and Knowledge files). `without`
    lists columns that mark a different file with the same ones. Columns may name the
    projection years ("Employment, {end}"); they are read from the file's header.
    """

    path: str
    columns: tuple[str, ...]
    check: Callable[[dict[str, str]], bool] | None = None
    without: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def for_header(self, header: list[str]) -> Table | None:
        """This table with its year placeholders filled from a header; None if it can't be."""
        if not any("{" in column for column in self.columns):
            return self
        years = projection_years(header)
        if years is None:
            return None
        start, end = years
        names = {"start": start, "end": end, "span": f"{start}\u2013{end % 100:02d}"}
        return Table(
            self.path, tuple(c.format(**names) for c in self.columns), self.check, self.without
        )

    def fits(self, header: list[str], first: dict[str, str] | None) -> bool:
        concrete = self.for_header(header)
        if concrete is None or any(c not in header for c in concrete.columns):
            return False
        if any(c in header for c in self.without):
            return False
        return self.check is None or (first is not None and self.check(first))


def projection_years(header: list[str]) -> tuple[int, int] | None:
    """(2024, 2034) from a BLS projections header ("Employment, 2024", "Employment, 2034")."""
    years = sorted(
        int(found.group(1))
        for name in header
        if (found := re.match(r"Employment, (\d{4})$", name))
    )
    if len(years) != 2 or years[1] <= years[0]:
        return None
    return years[0], years[1]


def _scale(*scales: str) -> Callable[[dict[str, str]], bool]:
    return lambda row: row.get("Scale ID") in scales


def _element(*prefixes: str) -> Callable[[dict[str, str]], bool]:
    return lambda row: row.get("Element ID", "").startswith(prefixes)


OCCUPATIONS = Table("onet-29.3/Occupation Data.txt", ("O*NET-SOC Code", "Title", "Description"))
INTERESTS = Table(
    "onet-29.3/Interests.txt",
    ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    check=_scale("OI", "IH"),
)
JOB_ZONES = Table("onet-29.3/Job Zones.txt", ("O*NET-SOC Code", "Job Zone"))
JOB_ZONE_REFERENCE = Table(
    "onet-29.3/Job Zone Reference.txt",
    ("Job Zone", "Name", "Experience", "Education", "Job Training", "Examples"),
)
TASKS = Table("onet-29.3/Task Statements.txt", ("O*NET-SOC Code", "Task ID", "Task", "Task Type"))
ALTERNATE_TITLES = Table(
    "onet-29.3/Alternate Titles.txt", ("O*NET-SOC Code", "Alternate Title", "Short Title")
)
REPORTED_TITLES = Table(
    "onet-29.3/Sample of Reported Titles.txt",
    ("O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"),
)
RELATED = Table(
    "onet-29.3/Related Occupations.txt",
    ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
)
SKILLS = Table(
    "onet-29.3/Skills.txt",
    ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"),
    check=_element("2.A", "2.B"),
)
KNOWLEDGE = Table(
    "onet-29.3/Knowledge.txt",
    ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"),
    check=_element("2.C"),
)
EDUCATION_SCALES = ("RL", "RW", "PT", "OJ")
EDUCATION = Table(
    "onet-29.3/Education, Training, and Experience.txt",
    ("O*NET-SOC Code", "Scale ID", "Category", "Data Value"),
    check=_scale(*EDUCATION_SCALES),
)
EDUCATION_CATEGORIES = Table(
    "onet-29.3/Education, Training, and Experience Categories.txt",
    ("Scale ID", "Category", "Category Description"),
    check=_scale(*EDUCATION_SCALES),
)
CTE_SOC = Table(
    "advance-cte-2024/soc_cluster_subcluster.tsv",
    ("SOC Code", "Career Cluster", "Sub-Cluster"),
    without=("CIP Code (2020)",),
)
CTE_PATHWAYS = Table(
    "advance-cte-2024/cluster_subcluster_list.tsv", ("career_cluster", "sub_cluster")
)
CTE_SOC_CIP = Table(
    "advance-cte-2024/full_soc_cip_cluster_naics.tsv",
    ("Career Cluster", "Sub-Cluster", "SOC Code", "CIP Code (2020)", "CIP Title (2020)"),
)
CTE_CIP = Table(
    "advance-cte-2024/cip_cluster_subcluster.tsv",
    ("CIP Code (2020)", "CIP Title (2020)", "Career Cluster", "Sub-Cluster"),
    without=("SOC Code",),
)
CLASSIC = Table(
    "onet-career-clusters-classic/All_Career_Clusters.csv",
    ("Career Cluster", "Career Pathway", "Code"),
)
OEWS = Table(
    "bls-oews-2024/oews_national_may2024.tsv",
    ("OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_PCT10", "A_PCT25", "A_MEDIAN")
    + ("A_PCT75", "A_PCT90", "H_MEDIAN"),
)
PROJECTIONS = Table(
    "bls-ep-2024-34/ep_table_1_2_2024_34.tsv",
    (
        "{start} National Employment Matrix title",
        "{start} National Employment Matrix code",
        "Occupation type",
        "Employment, {start}",
        "Employment, {end}",
        "Employment change, percent, {span}",
        "Occupational openings, {span} annual average",
        "Typical education needed for entry",
        "Work experience in a related occupation",
        "Typical on-the-job training needed to attain competency in the occupation",
    ),
)
ALL_TABLES = (
    OCCUPATIONS, INTERESTS, JOB_ZONES, JOB_ZONE_REFERENCE, TASKS, ALTERNATE_TITLES,
    REPORTED_TITLES, RELATED, SKILLS, KNOWLEDGE, EDUCATION, EDUCATION_CATEGORIES, CTE_SOC,
    CTE_PATHWAYS, CTE_SOC_CIP, CTE_CIP, CLASSIC, OEWS, PROJECTIONS,
)  # fmt: skip
DATA_SUFFIXES = (".txt", ".tsv", ".csv")


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _delimiter(path: Path) -> str:
    return "," if path.name.removesuffix(".gz").lower().endswith(".csv") else "\t"


def _name_key(name: str) -> str:
    """'Occupation Data.txt.gz' and 'occupation_data.txt' -> 'occupation data'."""
    stem = name.lower().removesuffix(".gz")
    for suffix in DATA_SUFFIXES:
        stem = stem.removesuffix(suffix)
    return " ".join(re.findall(r"[a-z0-9]+", stem))


class SourceFiles:
    """The files of a release directory, found by what they contain.

    Publishers rename folders and files between releases (O*NET 30.3, a 2025-35 projections
    table), so each Table is the one file anywhere under the directory whose header has its
    columns (and whose first row passes its check). `found` records which file was taken
    for what, for the import summary.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.found: dict[str, Path] = {}
        self._peeks: dict[Path, tuple[list[str], dict[str, str] | None]] = {}
        self._files = sorted(
            path
            for path in self.root.rglob("*")
            if path.is_file() and path.name.lower().removesuffix(".gz").endswith(DATA_SUFFIXES)
        )
        names = {path.name for path in self._files}
        # A plain file and its .gz copy side by side: read the plain one.
        self._files = [p for p in self._files if not (p.suffix == ".gz" and p.name[:-3] in names)]

    def shown(self, path: Path) -> Path:
        return path.relative_to(self.root) if path.is_relative_to(self.root) else path

    def peek(self, path: Path) -> tuple[list[str], dict[str, str] | None]:
        """A file's header and first data row (empty header if it cannot be read)."""
        if path not in self._peeks:
            header, first = [], None
            try:
                with _open_text(path) as handle:
                    reader = csv.reader(handle, delimiter=_delimiter(path))
                    header = [name.strip().lstrip("\ufeff") for name in next(reader, [])]
                    for row in reader:
                        if any(cell.strip() for cell in row):
                            first = dict(zip(header, (c.strip() for c in row), strict=False))
                            break
            except (UnicodeDecodeError, OSError, EOFError, csv.Error):
                pass
            self._peeks[path] = (header, first)
        return self._peeks[path]

    def locate(self, table: Table) -> tuple[Path, Table]:
        """The one file for `table`, and the table with its year columns filled in."""
        fitting = [p for p in self._files if table.fits(*self.peek(p))]
        if len(fitting) > 1:
            names = ", ".join(str(self.shown(p)) for p in fitting)
            raise ImportFileError(
                self.root, f"several files look like {table.label}: {names}; keep only one"
            )
        if fitting:
            path = fitting[0]
            self.found[table.label] = self.shown(path)
            return path, table.for_header(self.peek(path)[0])
        # None fits: point at the file that has its name, so a renamed column is reported.
        for path in self._files:
            if _name_key(path.name) == _name_key(table.label):
                return path, table.for_header(self.peek(path)[0]) or table
        raise ImportFileError(
            self.root / table.path,
            f"file not found (nor any other file with its columns: {', '.join(table.columns)})",
        )

    def first_line(self, pattern: str, what: str) -> tuple[Path, list[str]]:
        """The file whose first line matches `pattern` (a read-me), with its non-empty lines."""
        for path in sorted(self.root.rglob("*")):
            if not path.is_file() or path.suffix.lower() not in {".txt", ".gz"}:
                continue
            try:
                with _open_text(path) as handle:
                    lines = [line.strip() for line in handle.read(20_000).splitlines()]
            except (UnicodeDecodeError, OSError, EOFError):
                continue
            lines = [line for line in lines if line]
            if lines and re.match(pattern, lines[0]):
                self.found[what] = self.shown(path)
                return path, lines
        raise ImportFileError(self.root, f"no {what} found (a text file starting {pattern!r})")


def read_rows(path: Path, table: Table) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, after checking the header has our columns."""
    try:
        with _open_text(path) as handle:
            reader = csv.reader(handle, delimiter=_delimiter(path))
            header = next(reader, None)
            if not header:
                raise ImportFileError(path, "the file is empty", 1)
            header = [name.strip().lstrip("\ufeff") for name in header]
            missing = [name for name in table.columns if name not in header]
            if missing:
                raise ImportFileError(path, f"missing column(s): {', '.join(missing)}", 1)
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise ImportFileError(
                        path,
                        f"expected {len(header)} fields but found {len(row)}",
                        reader.line_num,
                    )
                yield reader.line_num, dict(zip(header, (c.strip() for c in row), strict=True))
    except UnicodeDecodeError as error:
        raise ImportFileError(path, f"not UTF-8 text ({error.reason})") from None
    except (OSError, EOFError, csv.Error) as error:
        raise ImportFileError(path, f"cannot be read: {error}") from None


class _Row:
    """Helpers that turn a cell into a value or raise an error naming file and line."""

    def __init__(self, path: Path | str, line: int, row: dict[str, str]):
        self.path, self.line, self.row = path, line, row

    def fail(self, problem: str) -> ImportFileError:
        return ImportFileError(self.path, problem, self.line)

    def text(self, column: str, required: bool = True) -> str:
        value = self.row[column]
        if required and not value:
            raise self.fail(f"{column} is empty")
        return value

    def code(self, column: str, pattern: re.Pattern = ONET_CODE) -> str:
        value = self.row[column]
        if not pattern.match(value):
            raise self.fail(f"{column} {value!r} is not a valid code")
        return value

    def number(self, column: str, low: float | None = None, high: float | None = None) -> float:
        value = self.row[column].replace(",", "")
        try:
            number = float(value)
        except ValueError:
            raise self.fail(f"{column} {self.row[column]!r} is not a number") from None
        if (low is not None and number < low) or (high is not None and number > high):
            raise self.fail(f"{column} {number:g} is outside {low:g}-{high:g}")
        return number


def table_rows(source: SourceFiles, table: Table) -> Iterator[_Row]:
    path, concrete = source.locate(table)
    shown = source.shown(path)
    for line, row in read_rows(path, concrete):
        yield _Row(shown, line, row)


# ---------------------------------------------------------------------------------------
# Parsed data


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
    national_names: _CanonicalNames | None = None  # set by _read_national_framework
    # 6-digit SOC code -> O*NET codes under it, so SOC rows map without scanning every code.
    codes_by_soc: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # 6-digit SOC code -> the BLS code for it (see bls_codes_for), from OEWS, else projections
    bls_codes: dict[str, str] = field(default_factory=dict)
    # BLS code -> the SOC codes of O*NET's it stands for, where they differ (21-1018 -> 21-1011
    # and 21-1014), so crosswalk rows that use BLS codes reach their occupations.
    socs_by_bls: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


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


def proper_dashes(text: str) -> str:
    """O*NET writes a dash as two hyphens ("Helpers--Electricians"); we print an em dash."""
    return text.replace("--", "\u2014")


def _known(row: _Row, data: Catalogue, column: str = "O*NET-SOC Code") -> str:
    code = row.code(column)
    if code not in data.occupations:
        raise row.fail(f"{column} {code} is not in {OCCUPATIONS.path}")
    return code


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


def _dash_to_blank(value: str) -> str:
    return "" if value in {"—", "-", "–"} else value


def soc_to_onet(soc: str, data: Catalogue) -> list[str]:
    """O*NET codes under a crosswalk's SOC code: an SOC occupation of O*NET's, or a BLS code
    (combined, such as 21-1018, or a broad group, such as 13-1020) that BLS uses for them."""
    exact = data.codes_by_soc.get(soc)
    if exact:
        return exact
    return [code for other in data.socs_by_bls.get(soc, ()) for code in data.codes_by_soc[other]]


class _CanonicalNames:
    """One spelling per cluster and sub-cluster, any case (the data has 'water systems')."""

    def __init__(self) -> None:
        self.clusters: dict[str, str] = {}
        self.pathways: dict[tuple[str, str], str] = {}

    def add(self, cluster: str, name: str) -> None:
        cluster = self.clusters.setdefault(cluster.casefold(), cluster)
        key = (cluster.casefold(), name.casefold())
        current = self.pathways.get(key)
        # Prefer the spelling with capitals: "Water Systems" over "water systems".
        if current is None or (current.islower() and not name.islower()):
            self.pathways[key] = name

    def get(self, row: _Row, cluster_column: str, pathway_column: str) -> tuple[str, str]:
        """(cluster, pathway) as spelled in the sub-cluster list, or an error naming this row."""
        cluster_name, name = row.text(cluster_column), row.text(pathway_column)
        cluster = self.clusters.get(cluster_name.casefold())
        if cluster is None:
            raise row.fail(f"cluster {cluster_name!r} is not in {CTE_PATHWAYS.path}")
        try:
            return cluster, self.pathways[(cluster.casefold(), name.casefold())]
        except KeyError:
            raise row.fail(
                f"sub-cluster {cluster} / {name} is not in {CTE_PATHWAYS.path}"
            ) from None


def _read_national_framework(source: SourceFiles, data: Catalogue) -> None:
    names = _CanonicalNames()
    for row in table_rows(source, CTE_PATHWAYS):
        names.add(row.text("career_cluster"), row.text("sub_cluster"))
    clusters: dict[str, dict[str, set[str]]] = {}
    for (cluster_key, _), pathway in names.pathways.items():
        clusters.setdefault(names.clusters[cluster_key], {})[pathway] = set()
    evidence: list[tuple[str, str, str, bool]] = []
    for row in table_rows(source, CTE_SOC):
        cluster, pathway = names.get(row, "Career Cluster", "Sub-Cluster")
        soc = row.code("SOC Code", SOC_CODE)
        codes = soc_to_onet(soc, data)
        clusters[cluster][pathway].update(codes)
        catch_all = is_all_other(soc=soc, data=data)
        evidence += [(cluster, pathway, code, catch_all) for code in codes]
    data.frameworks["national-2024"] = clusters
    data.weak |= {("national-2024", *key) for key in weak_memberships(evidence=evidence)}
    data.national_names = names  # reused by _read_programmes


def is_all_other(*, soc: str, data: Catalogue) -> bool:
    """Is this SOC code a catch-all "..., All Other" group (as O*NET titles its .00 code)?"""
    whole = data.occupations.get(f"{soc}.00")
    return whole is not None and "all other" in whole["title"].casefold()


def weak_memberships(
    *, evidence: Iterable[tuple[str, str, str, bool]]
) -> set[tuple[str, str, str]]:
    """The (cluster, pathway, O*NET code) memberships that rest only on an "All Other" group.

    `evidence` holds one (cluster, pathway, code, from an All Other SOC row?) per crosswalk
    row and occupation. Our rule: a specific O*NET occupation filed under an "All Other" SOC
    code (15-1299.01 under 15-1299) is a weak member of a pathway when no row for a more
    specific code puts it there. The catch-all occupation itself (15-1299.00) is a full
    member: the row is about it. Weak members stay in the pathway but are not used by quiz
    matching, so they never explain or illustrate a cluster.
    """
    weak, strong = set(), set()
    for cluster, pathway, code, catch_all in evidence:
        key = (cluster, pathway, code)
        (weak if catch_all and not code.endswith(".00") else strong).add(key)
    return weak - strong


def _read_classic_framework(source: SourceFiles, data: Catalogue) -> None:
    clusters: dict[str, dict[str, set[str]]] = {}
    for row in table_rows(source, CLASSIC):
        code = row.code("Code")
        if code not in data.occupations:
            # O*NET OnLine's mapping can lag a database release that retired the code.
            data.skipped.append(f"{row.path}, line {row.line}: {code} is not in the O*NET data")
            continue
        cluster_names = row.text("Career Cluster").split("; ")
        pathway_names = row.text("Career Pathway").split("; ")
        if len(cluster_names) != len(pathway_names):
            raise row.fail("Career Cluster and Career Pathway list different numbers of names")
        for cluster, pathway in zip(cluster_names, pathway_names, strict=True):
            clusters.setdefault(cluster, {}).setdefault(pathway, set()).add(code)
    data.frameworks["classic-16"] = clusters


def _read_programmes(source: SourceFiles, data: Catalogue) -> None:
    names = data.national_names

    def pathway_key(row: _Row) -> tuple[str, str, str]:
        return ("national-2024", *names.get(row, "Career Cluster", "Sub-Cluster"))

    def programme(row: _Row) -> str:
        cip = row.code("CIP Code (2020)", CIP_CODE)
        data.programmes.setdefault(cip, row.text("CIP Title (2020)").rstrip(". "))
        return cip

    for row in table_rows(source, CTE_CIP):
        data.pathway_programmes[pathway_key(row)].add(programme(row))
    for row in table_rows(source, CTE_SOC_CIP):
        if not row.row["SOC Code"]:
            continue  # the blank separator row under each cluster heading
        cip = programme(row)
        for code in soc_to_onet(row.code("SOC Code", SOC_CODE), data):
            data.occupation_programmes[code].add(cip)


# ---------------------------------------------------------------------------------------
# Writing


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


def _authored_descriptions(filename: str) -> dict[tuple[str, str], str]:
    path = AUTHORED_DIR / filename
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {(r["cluster"], r["pathway"]): r["description"] for r in csv.DictReader(handle)}


OCCUPATION_FIELDS = [
    "title", "description", "release_id", *RIASEC_FIELDS.values(), "interest_code",
    "job_zone_id", "bls_code", "bls_title", "entry_education", "work_experience",
    "job_training", "wage_p10", "wage_p25", "wage_median", "wage_p75", "wage_p90",
    "wage_top_coded", "hourly_only", "wage_hourly_median", "employment_2024", "employment_2034",
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
    progress(f"  occupations: {len(codes)}")
    _sync_children(data, codes, summary)
    progress("  tasks, titles, related occupations, skills, education")
    _write_frameworks(data, releases, codes, summary)
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
        authored = _authored_descriptions(spec["authored"])
        framework, created = m.Framework.objects.get_or_create(
            slug=slug,
            defaults={
                "name": spec["name"],
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
            if not cluster.description and authored.get((cluster_name, "")):
                cluster.description = authored[(cluster_name, "")]
                cluster.save(update_fields=["description"])
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
                if not pathway.description and authored.get((cluster_name, pathway_name)):
                    pathway.description = authored[(cluster_name, pathway_name)]
                    pathway.save(update_fields=["description"])
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
