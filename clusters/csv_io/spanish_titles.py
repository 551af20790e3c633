"""Import of our Spanish career titles and the Spanish words search finds them by.

Columns `code`, and `title_es` and/or `keywords_es`; a blank cell leaves that field as it is.
An occupations export has all three, so counselors can edit the Spanish in a spreadsheet.
"""

from __future__ import annotations

from clusters import models as m
from clusters.csv_io.files import CsvFileError, ImportPlan, RowPlan, read_csv, setter
from clusters.selectors import OCCUPATION_CODE

TEXT_COLUMNS = {"title_es": 200, "keywords_es": 1000}
FORMAT: list[tuple[str, bool, str]] = [
    ("code", True, "The occupation's O*NET-SOC code, such as 29-1141.00."),
    ("title_es", False, "Its title in Spanish (at most 200 characters)."),
    (
        "keywords_es",
        False,
        "Other Spanish words students type for it, separated by “;” (Spanish search finds "
        "them). The file needs title_es, keywords_es or both; a blank cell leaves it as it is.",
    ),
    ("other columns", False, "Ignored: an occupations export can be imported as it is."),
]


def plan(plan: ImportPlan, data: bytes) -> None:
    columns, rows = read_csv(data=data, required=("code",), optional=(*TEXT_COLUMNS, "title"))
    texts = [c for c in TEXT_COLUMNS if c in columns]
    if not texts:
        raise CsvFileError("Missing column(s): the file needs title_es, keywords_es or both.")
    codes = {r["code"] for _, r in rows}
    occupations = {o.code: o for o in m.Occupation.objects.filter(code__in=codes)}
    seen: dict[str, int] = {}
    for line, row in rows:
        code = row["code"]
        item = RowPlan(line=line, label=code or "(no code)")
        plan.rows.append(item)
        if row.get("__extra__"):
            item.fail("This row has more cells than the header has columns.")
        if not OCCUPATION_CODE.fullmatch(code):
            item.fail(f"“{code}” is not an O*NET-SOC code such as 29-1141.00.")
            continue
        if code in seen:
            item.fail(f"The same code is already on line {seen[code]}.")
        seen.setdefault(code, line)
        occupation = occupations.get(code)
        if occupation is None:
            item.fail(f"No occupation has the code {code}.")
            continue
        item.label = f"{code} {occupation.title}"
        new = {column: " ".join(row[column].split()) for column in texts}
        for column, text in new.items():
            if len(text) > TEXT_COLUMNS[column]:
                item.fail(f"{column} is longer than {TEXT_COLUMNS[column]} characters.")
        if item.errors:
            continue
        changes = {c: t for c, t in new.items() if t and t != getattr(occupation, c)}
        if not any(new.values()):
            item.action, item.note = "skip", "Blank cells: left as it is."
        elif changes:
            item.action, item.changes = "update", list(changes)
            item.apply = setter(occupation, changes)
