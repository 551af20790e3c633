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

import copy
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Prefetch, QuerySet, Subquery

from clusters import models as m
from core.queries import count_of

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_DESCRIPTION = 3000
GRADE_MIN, GRADE_MAX = 1, 12
LIST_SEPARATOR = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

DESCRIPTIONS = "descriptions"
LOCAL_PROGRAMMES = "local-programmes"
KINDS = {DESCRIPTIONS: "cluster and pathway descriptions", LOCAL_PROGRAMMES: "local programs"}

DESCRIPTION_COLUMNS = ("cluster_slug", "pathway_slug", "description")
PROGRAMME_REQUIRED = ("name", "kind")
PROGRAMME_OPTIONAL = (
    "id", "description", "link", "grade_from", "grade_to", "pathways", "occupations", "published",
)  # fmt: skip
# What each column means, shown on the import page (and in the README).
FORMATS: dict[str, list[tuple[str, bool, str]]] = {
    DESCRIPTIONS: [
        ("cluster_slug", True, "The cluster, by its slug (the last part of its address)."),
        (
            "pathway_slug",
            True,
            "The pathway in that cluster, by its slug; leave it blank to change the "
            "cluster's own description.",
        ),
        (
            "description",
            True,
            f"The new description, in plain words for students (at most {MAX_DESCRIPTION} "
            "characters). A blank cell leaves the description as it is.",
        ),
        (
            "framework, cluster, pathway, occupations",
            False,
            "Ignored: they are in the export to help you find your way.",
        ),
    ],
    LOCAL_PROGRAMMES: [
        (
            "id",
            False,
            "Blank to add a new program; the number from an export to change that one.",
        ),
        ("name", True, "What students see as its name (at most 200 characters)."),
        (
            "kind",
            True,
            "One of: "
            + ", ".join(f"{key} ({label})" for key, label in m.LocalProgramme.Kind.choices)
            + ".",
        ),
        ("description", False, "One or two plain sentences."),
        ("link", False, "A web address starting with https:// (or blank)."),
        (
            "grade_from, grade_to",
            False,
            f"Grade levels, whole numbers from {GRADE_MIN} to {GRADE_MAX} (either may be blank).",
        ),
        (
            "pathways",
            False,
            "Pathways it belongs to, as cluster-slug/pathway-slug, separated by “;”.",
        ),
        ("occupations", False, "O*NET-SOC codes such as 29-1141.00, separated by “;”."),
        ("published", False, "yes or no (blank means yes for a new program)."),
    ],
}
TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0"}


class CsvFileError(Exception):
    """The file as a whole cannot be read (not CSV, wrong encoding, missing columns...)."""


# ---------------------------------------------------------------------------------------
# Export


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


def _joined(values: Iterable[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(values)


OCCUPATION_HEADER = [
    "code", "title", "job_zone", "interest_code", "bright_outlook", "wage_median",
    "wage_p10", "wage_p90", "employment_change_pct", "annual_openings", "entry_education",
    "clusters", "pathways", "local_programmes",
]  # fmt: skip


def occupation_rows(*, occupations: QuerySet[m.Occupation]) -> Iterator[list[Any]]:
    """Header, then one row per occupation. Three queries whatever the number of rows."""
    fields = ["pk", *OCCUPATION_HEADER[:11]]
    fields[fields.index("job_zone")] = "job_zone_id"
    rows = list(occupations.order_by("code").values_list(*fields))
    memberships: dict[int, list[tuple[str, str]]] = {}
    for occupation_id, cluster, pathway in (
        m.PathwayOccupation.objects.filter(occupation_id__in=Subquery(occupations.values("pk")))
        .order_by("pathway__cluster__framework__position", "pathway__cluster__name")
        .values_list("occupation_id", "pathway__cluster__name", "pathway__name")
    ):
        memberships.setdefault(occupation_id, []).append((cluster, pathway))
    local: dict[int, list[str]] = {}
    for occupation_id, name in (
        m.LocalProgramme.occupations.through.objects.filter(
            occupation_id__in=Subquery(occupations.values("pk"))
        )
        .order_by("localprogramme__name")
        .values_list("occupation_id", "localprogramme__name")
    ):
        local.setdefault(occupation_id, []).append(name)
    yield OCCUPATION_HEADER
    for pk, *values in rows:
        member = memberships.get(pk, [])
        yield [
            *["" if v is None else v for v in values],
            _joined(dict.fromkeys(c for c, _ in member)),
            _joined(f"{c} / {p}" for c, p in member),
            _joined(local.get(pk, [])),
        ]


CLUSTER_HEADER = [
    "framework", "cluster_slug", "pathway_slug", "cluster", "pathway", "occupations",
    "description",
]  # fmt: skip


def cluster_rows(*, clusters: QuerySet[m.Cluster]) -> Iterator[list[Any]]:
    """Header, then each cluster followed by its pathways. Two queries."""
    clusters = list(
        clusters.select_related("framework").order_by("framework__position", "name", "pk")
    )
    pathways: dict[int, list[m.Pathway]] = {}
    for pathway in (
        m.Pathway.objects.filter(cluster__in=[c.pk for c in clusters])
        .annotate(occupation_count=count_of(m.PathwayOccupation, "pathway"))
        .order_by("name", "pk")
    ):
        pathways.setdefault(pathway.cluster_id, []).append(pathway)
    yield CLUSTER_HEADER
    for cluster in clusters:
        own = pathways.get(cluster.pk, [])
        total = sum(p.occupation_count for p in own)
        yield [
            cluster.framework.slug,
            cluster.slug,
            "",
            cluster.name,
            "",
            total,
            cluster.description,
        ]
        for pathway in own:
            yield [
                cluster.framework.slug,
                cluster.slug,
                pathway.slug,
                cluster.name,
                pathway.name,
                pathway.occupation_count,
                pathway.description,
            ]


PROGRAMME_HEADER = ["id", *PROGRAMME_REQUIRED, *PROGRAMME_OPTIONAL[1:]]


def local_programme_rows(*, programmes: QuerySet[m.LocalProgramme]) -> Iterator[list[Any]]:
    """Header, then one row per program, in the layout the import reads. Three queries."""
    programmes = programmes.order_by("name", "pk").prefetch_related(
        Prefetch("pathways", m.Pathway.objects.select_related("cluster")),
        Prefetch("occupations", m.Occupation.objects.only("pk", "code")),
    )
    yield PROGRAMME_HEADER
    for programme in programmes:
        yield [
            programme.pk,
            programme.name,
            programme.kind,
            programme.description,
            programme.link,
            "" if programme.grade_from is None else programme.grade_from,
            "" if programme.grade_to is None else programme.grade_to,
            _joined(sorted(f"{p.cluster.slug}/{p.slug}" for p in programme.pathways.all())),
            _joined(sorted(o.code for o in programme.occupations.all())),
            "yes" if programme.is_published else "no",
        ]


# ---------------------------------------------------------------------------------------
# Import: reading


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
# Import: planning and applying


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


def plan_import(*, kind: str, data: bytes) -> ImportPlan:
    """Check every row and say what would change. Writes nothing."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    plan = ImportPlan(kind=kind)
    try:
        if kind == DESCRIPTIONS:
            _plan_descriptions(plan, data)
        else:
            _plan_programmes(plan, data)
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


# Descriptions -----------------------------------------------------------------------------


def _plan_descriptions(plan: ImportPlan, data: bytes) -> None:
    _columns, rows = read_csv(
        data=data,
        required=DESCRIPTION_COLUMNS,
        optional=("framework", "cluster", "pathway", "occupations"),
    )
    cluster_slugs = {r["cluster_slug"] for _, r in rows}
    clusters = {c.slug: c for c in m.Cluster.objects.filter(slug__in=cluster_slugs)}
    pathways = {
        (p.cluster.slug, p.slug): p
        for p in m.Pathway.objects.filter(cluster__slug__in=cluster_slugs).select_related(
            "cluster"
        )
    }
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        cluster_slug, pathway_slug = row["cluster_slug"], row["pathway_slug"]
        item = RowPlan(
            line=line, label=f"{cluster_slug}/{pathway_slug}" if pathway_slug else cluster_slug
        )
        plan.rows.append(item)
        if row.get("__extra__"):
            item.fail("This row has more cells than the header has columns.")
        if not cluster_slug:
            item.fail("cluster_slug is empty.")
            continue
        key = (cluster_slug, pathway_slug)
        if key in seen:
            item.fail(f"The same cluster or pathway is already on line {seen[key]}.")
        seen.setdefault(key, line)
        target = clusters.get(cluster_slug) if not pathway_slug else pathways.get(key)
        if cluster_slug not in clusters:
            item.fail(f"No cluster has the slug “{cluster_slug}”.")
            continue
        if target is None:
            item.fail(f"Cluster “{cluster_slug}” has no pathway with the slug “{pathway_slug}”.")
            continue
        item.label = str(target) if pathway_slug else f"{target.name} (cluster)"
        description = row["description"].replace("\r\n", "\n").strip()
        if len(description) > MAX_DESCRIPTION:
            item.fail(
                f"The description has {len(description)} characters; keep it under "
                f"{MAX_DESCRIPTION}."
            )
        if item.errors:
            continue
        if not description:
            item.action = "skip"
            item.note = "Blank description: left as it is."
        elif description == target.description:
            item.action = "unchanged"
        else:
            item.action = "update"
            item.changes = ["description"]
            item.apply = _description_setter(target, description)


def _description_setter(target, description: str):
    def apply():
        target.description = description
        target.save(update_fields=["description"])
        return target

    return apply


# Local programs -------------------------------------------------------------------------


def _kind(value: str) -> str | None:
    wanted = value.strip().lower()
    for key, label in m.LocalProgramme.Kind.choices:
        if wanted in {key, label.lower()}:
            return key
    return None


def _grade(value: str, column: str, item: RowPlan) -> int | None:
    if not value:
        return None
    if not value.isdigit() or not GRADE_MIN <= int(value) <= GRADE_MAX:
        item.fail(
            f"{column} must be a whole number from {GRADE_MIN} to {GRADE_MAX}, not “{value}”."
        )
        return None
    return int(value)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace("\n", LIST_SEPARATOR).split(LIST_SEPARATOR)]


def _plan_programmes(plan: ImportPlan, data: bytes) -> None:
    columns, rows = read_csv(data=data, required=PROGRAMME_REQUIRED, optional=PROGRAMME_OPTIONAL)
    has = set(columns)
    ids = {int(r["id"]) for _, r in rows if r.get("id", "").isdigit()}
    existing = {
        p.pk: p
        for p in m.LocalProgramme.objects.filter(pk__in=ids).prefetch_related(
            Prefetch("pathways", m.Pathway.objects.select_related("cluster")),
            Prefetch("occupations", m.Occupation.objects.only("pk", "code")),
        )
    }
    pathway_keys = {
        part for _, r in rows for part in _split(r.get("pathways", "")) if part.count("/") == 1
    }
    pathways = {
        f"{p.cluster.slug}/{p.slug}": p
        for p in m.Pathway.objects.filter(
            cluster__slug__in={k.split("/")[0] for k in pathway_keys}
        ).select_related("cluster")
        if f"{p.cluster.slug}/{p.slug}" in pathway_keys
    }
    codes = {part for _, r in rows for part in _split(r.get("occupations", "")) if part}
    occupations = {o.code: o for o in m.Occupation.objects.filter(code__in=codes).only("code")}
    url = URLValidator(schemes=["http", "https"])
    seen_ids: dict[int, int] = {}

    for line, row in rows:
        item = RowPlan(line=line, label=row["name"] or "(no name)")
        plan.rows.append(item)
        if row.get("__extra__"):
            item.fail("This row has more cells than the header has columns.")
        programme = None
        raw_id = row.get("id", "")
        if raw_id:
            if not raw_id.isdigit():
                item.fail(
                    "id must be a number from an export, or blank for a new program, "
                    f"not “{raw_id}”."
                )
            elif int(raw_id) not in existing:
                item.fail(f"No local program has id {raw_id}; leave id blank to add a new one.")
            elif int(raw_id) in seen_ids:
                item.fail(f"id {raw_id} is already on line {seen_ids[int(raw_id)]}.")
            else:
                programme = existing[int(raw_id)]
                seen_ids[int(raw_id)] = line

        values: dict[str, Any] = {}
        name = row["name"]
        if not name:
            item.fail("name is empty.")
        elif len(name) > 200:
            item.fail("name is longer than 200 characters.")
        values["name"] = name
        kind = _kind(row["kind"])
        if kind is None:
            item.fail(
                f"kind “{row['kind']}” is not one of: "
                + ", ".join(k for k, _ in m.LocalProgramme.Kind.choices)
                + "."
            )
        values["kind"] = kind
        if "description" in has:
            values["description"] = row["description"].replace("\r\n", "\n")
            if len(values["description"]) > MAX_DESCRIPTION:
                item.fail(f"description is longer than {MAX_DESCRIPTION} characters.")
        if "link" in has:
            values["link"] = row["link"]
            if row["link"]:
                try:
                    url(row["link"])
                except ValidationError:
                    item.fail(f"link “{row['link']}” is not a web address starting with https://.")
        for column in ("grade_from", "grade_to"):
            if column in has:
                values[column] = _grade(row[column], column, item)
        low = values.get("grade_from", programme.grade_from if programme else None)
        high = values.get("grade_to", programme.grade_to if programme else None)
        if low is not None and high is not None and low > high:
            item.fail(f"grade_from ({low}) is after grade_to ({high}).")
        if "published" in has:
            word = row["published"].lower()
            if word in TRUE_WORDS or (not word and programme is None):
                values["is_published"] = True
            elif word in FALSE_WORDS:
                values["is_published"] = False
            elif word:
                item.fail(f"published must be yes or no, not “{row['published']}”.")

        links: dict[str, list] = {}
        for column, known, unknown_is, write_as in (
            ("pathways", pathways, "pathway(s)", "Write each as cluster-slug/pathway-slug"),
            (
                "occupations",
                occupations,
                "occupation code(s)",
                "Use O*NET-SOC codes such as 29-1141.00",
            ),
        ):
            if column not in has:
                continue
            wanted = [key for key in _split(row[column]) if key]
            unknown = [key for key in wanted if key not in known]
            if unknown:
                item.fail(
                    f"Unknown {unknown_is}: {', '.join(unknown)}. {write_as}, separated by “;”."
                )
            links[column] = [known[key] for key in wanted if key in known]
        if item.errors:
            continue
        candidate = copy.copy(programme) if programme else m.LocalProgramme()
        for name, value in values.items():
            setattr(candidate, name, value)
        try:
            candidate.full_clean()
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                for message in messages:
                    item.fail(message if column == "__all__" else f"{column}: {message}")
            continue

        if programme is None:
            item.action = "create"
            item.changes = [k for k, v in values.items() if v not in ("", None)] + [
                k for k, v in links.items() if v
            ]
        else:
            item.changes = [k for k, v in values.items() if getattr(programme, k) != v]
            for relation, targets in links.items():
                current = {o.pk for o in getattr(programme, relation).all()}
                if current != {o.pk for o in targets}:
                    item.changes.append(relation)
            item.action = "update" if item.changes else "unchanged"
        if item.action != "unchanged":
            item.apply = _programme_saver(programme, values, links)


def _programme_saver(programme: m.LocalProgramme | None, values: dict, links: dict):
    def apply():
        target = programme or m.LocalProgramme()
        for name, value in values.items():
            setattr(target, name, value)
        target.save()
        for relation, targets in links.items():
            getattr(target, relation).set(targets)
        return target

    return apply
