"""The source files: which table is which (found by its columns), where the release
facts the files lack are written down, and reading rows with a real CSV reader."""

from __future__ import annotations

import csv
import datetime
import gzip
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings

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
        "name_es": "Marco nacional de grupos de carreras (2024)",
        "position": 1,
        "release": "advance-cte",
        "authored": "national-2024.csv",
    },
    "classic-16": {
        "name": "Classic 16 Career Clusters",
        "name_es": "Marco clásico de 16 grupos de carreras",
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
    what: str = ""  # what it gives, in the import summary's list of files

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
        columns = tuple(c.format(**names) for c in self.columns)
        return Table(self.path, columns, self.check, self.without, self.what)

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


OCCUPATIONS = Table(
    "onet-29.3/Occupation Data.txt",
    ("O*NET-SOC Code", "Title", "Description"),
    what="O*NET occupations",
)
INTERESTS = Table(
    "onet-29.3/Interests.txt",
    ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    check=_scale("OI", "IH"),
    what="O*NET interest profiles",
)
JOB_ZONES = Table(
    "onet-29.3/Job Zones.txt", ("O*NET-SOC Code", "Job Zone"), what="O*NET job zones"
)
JOB_ZONE_REFERENCE = Table(
    "onet-29.3/Job Zone Reference.txt",
    ("Job Zone", "Name", "Experience", "Education", "Job Training", "Examples"),
    what="O*NET job zone descriptions",
)
TASKS = Table(
    "onet-29.3/Task Statements.txt",
    ("O*NET-SOC Code", "Task ID", "Task", "Task Type"),
    what="O*NET tasks",
)
ALTERNATE_TITLES = Table(
    "onet-29.3/Alternate Titles.txt",
    ("O*NET-SOC Code", "Alternate Title", "Short Title"),
    what="O*NET alternate titles",
)
REPORTED_TITLES = Table(
    "onet-29.3/Sample of Reported Titles.txt",
    ("O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"),
    what="O*NET reported titles",
)
RELATED = Table(
    "onet-29.3/Related Occupations.txt",
    ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
    what="O*NET related occupations",
)
SKILLS = Table(
    "onet-29.3/Skills.txt",
    ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"),
    check=_element("2.A", "2.B"),
    what="O*NET skills",
)
KNOWLEDGE = Table(
    "onet-29.3/Knowledge.txt",
    ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"),
    check=_element("2.C"),
    what="O*NET knowledge",
)
EDUCATION_SCALES = ("RL", "RW", "PT", "OJ")
EDUCATION = Table(
    "onet-29.3/Education, Training, and Experience.txt",
    ("O*NET-SOC Code", "Scale ID", "Category", "Data Value"),
    check=_scale(*EDUCATION_SCALES),
    what="O*NET education levels",
)
EDUCATION_CATEGORIES = Table(
    "onet-29.3/Education, Training, and Experience Categories.txt",
    ("Scale ID", "Category", "Category Description"),
    check=_scale(*EDUCATION_SCALES),
    what="O*NET education categories",
)
CTE_SOC = Table(
    "advance-cte-2024/soc_cluster_subcluster.tsv",
    ("SOC Code", "Career Cluster", "Sub-Cluster"),
    without=("CIP Code (2020)",),
    what="2024 framework: SOC codes by sub-cluster",
)
CTE_PATHWAYS = Table(
    "advance-cte-2024/cluster_subcluster_list.tsv",
    ("career_cluster", "sub_cluster"),
    what="2024 framework: clusters and sub-clusters",
)
CTE_SOC_CIP = Table(
    "advance-cte-2024/full_soc_cip_cluster_naics.tsv",
    ("Career Cluster", "Sub-Cluster", "SOC Code", "CIP Code (2020)", "CIP Title (2020)"),
    what="2024 framework: programs of study by SOC code",
)
CTE_CIP = Table(
    "advance-cte-2024/cip_cluster_subcluster.tsv",
    ("CIP Code (2020)", "CIP Title (2020)", "Career Cluster", "Sub-Cluster"),
    without=("SOC Code",),
    what="2024 framework: programs of study by sub-cluster",
)
CLASSIC = Table(
    "onet-career-clusters-classic/All_Career_Clusters.csv",
    ("Career Cluster", "Career Pathway", "Code"),
    what="classic 16 clusters",
)
OEWS = Table(
    "bls-oews-2024/oews_national_may2024.tsv",
    ("OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_PCT10", "A_PCT25", "A_MEDIAN")
    + ("A_PCT75", "A_PCT90", "H_MEDIAN"),
    what="BLS wages (OEWS)",
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
    what="BLS projections",
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
            self.found[table.what or table.label] = self.shown(path)
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
