"""Import of the programs a school offers ("At our school")."""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Prefetch

from clusters import models as m
from clusters.csv_io.files import (
    FALSE_WORDS,
    GRADE_MAX,
    GRADE_MIN,
    MAX_DESCRIPTION,
    TRUE_WORDS,
    ImportPlan,
    RowPlan,
    read_csv,
    split_list,
)

PROGRAMME_REQUIRED = ("name", "kind")
PROGRAMME_OPTIONAL = (
    "id", "description", "link", "grade_from", "grade_to", "pathways", "occupations", "published",
)  # fmt: skip
FORMAT: list[tuple[str, bool, str]] = [
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
]


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


def plan(plan: ImportPlan, data: bytes) -> None:
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
        part for _, r in rows for part in split_list(r.get("pathways", "")) if part.count("/") == 1
    }
    pathways = {
        f"{p.cluster.slug}/{p.slug}": p
        for p in m.Pathway.objects.filter(
            cluster__slug__in={k.split("/")[0] for k in pathway_keys}
        ).select_related("cluster")
        if f"{p.cluster.slug}/{p.slug}" in pathway_keys
    }
    codes = {part for _, r in rows for part in split_list(r.get("occupations", "")) if part}
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
            wanted = [key for key in split_list(row[column]) if key]
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
