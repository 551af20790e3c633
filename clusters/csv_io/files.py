"""The CSV files counselors download and upload: limits, safe cells, reading, row plans."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_DESCRIPTION = 3000
GRADE_MIN, GRADE_MAX = 1, 12
LIST_SEPARATOR = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0"}


class CsvFileError(Exception):
    """The file as a whole cannot be read (not CSV, wrong encoding, missing columns...)."""


# ---------------------------------------------------------------------------------------
# Writing


def safe_cell(value: Any) -> Any:
    """Keep spreadsheets from running text as a formula; numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_lines(rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """Each row as one line of CSV text, for a streaming response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def joined(values: Iterable[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(values)


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.replace("\n", LIST_SEPARATOR).split(LIST_SEPARATOR)]


# ---------------------------------------------------------------------------------------
# Reading


def read_csv(*, data: bytes, required: Iterable[str], optional: Iterable[str] = ()):
    """Return (columns present, [(line number, row dict)]) or raise CsvFileError."""
    if len(data) > MAX_BYTES:
        raise CsvFileError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvFileError(
            "The file is not UTF-8 text. In your spreadsheet, save it as "
            "“CSV UTF-8 (comma delimited)”."
        ) from None
    if "\x00" in text:
        raise CsvFileError("The file is not a CSV text file.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise CsvFileError("The file is empty: the first line should name the columns.")
        header = [cell.strip().lower() for cell in header]
        missing = [name for name in required if name not in header]
        if missing:
            raise CsvFileError(
                f"Missing column(s): {', '.join(missing)}. The first line has: "
                f"{', '.join(h for h in header if h) or 'nothing'}."
            )
        repeated = sorted({h for h in header if h and header.count(h) > 1})
        if repeated:
            raise CsvFileError(f"Column(s) named twice: {', '.join(repeated)}.")
        known = set(required) | set(optional)
        rows = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(rows) >= MAX_ROWS:
                raise CsvFileError(f"The file has more than {MAX_ROWS} rows; split it up.")
            if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
                values = {"__extra__": "1"}
            else:
                values = {}
            values.update(
                {
                    name: _unescape(row[i].strip()) if i < len(row) else ""
                    for i, name in enumerate(header)
                    if name in known
                }
            )
            rows.append((reader.line_num, values))
    except csv.Error as error:
        raise CsvFileError(f"Line {reader.line_num}: this is not valid CSV ({error}).") from None
    columns = [h for h in header if h in known]
    return columns, rows


def _unescape(value: str) -> str:
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_START:
        return value[1:]
    return value


# ---------------------------------------------------------------------------------------
# What an import would do, row by row


@dataclass
class RowPlan:
    line: int
    label: str
    action: str = "unchanged"  # create | update | unchanged | skip | error
    changes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    note: str = ""
    apply: Any = None  # what apply_import saves for this row

    def fail(self, message: str) -> None:
        self.errors.append(message)
        self.action = "error"


@dataclass
class ImportPlan:
    kind: str
    rows: list[RowPlan] = field(default_factory=list)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.file_error and not any(r.errors for r in self.rows)

    @property
    def error_rows(self) -> list[RowPlan]:
        return [r for r in self.rows if r.errors]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def summary(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "unchanged", "skip", "error")}

    @property
    def changed(self) -> bool:
        return any(r.action in {"create", "update"} for r in self.rows)


def setter(target, changes: dict[str, str]):
    """What apply_import saves for a row that sets text fields on one existing object."""

    def apply():
        for column, text in changes.items():
            setattr(target, column, text)
        target.save(update_fields=list(changes))
        return target

    return apply
