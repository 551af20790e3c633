"""The quiz content we ship: two assessments built from fixtures/assessments/items.csv.

The CSV (columns order, area, basic_interest, quick, text) holds 60 activity statements,
10 per RIASEC area; the 30 marked quick=Y (5 per area) make the quick quiz, in file order.

Loading is done once by data migration 0002 and can be repeated with
`python manage.py load_quiz_items`. It only ever adds: an assessment is created when its
slug is missing, and items are added only to an assessment that has none. So counselor
edits made in admin (texts, order, publishing) are never overwritten.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from assessments.scoring import AREAS

ITEMS_CSV = Path(__file__).resolve().parent.parent / "fixtures" / "assessments" / "items.csv"


@dataclass(frozen=True)
class ShippedAssessment:
    slug: str
    name: str
    description: str
    name_es: str
    description_es: str
    minutes: int
    items_per_page: int
    position: int
    quick_only: bool


SHIPPED = [
    ShippedAssessment(
        slug="quick-interest-quiz",
        name="Quick interest quiz",
        description=(
            "30 short statements about activities. Good for a first look at what you like."
        ),
        name_es="Cuestionario rápido de intereses",
        description_es=(
            "30 frases cortas sobre actividades. Es bueno para dar un primer vistazo a lo que "
            "te gusta."
        ),
        minutes=5,
        items_per_page=6,
        position=1,
        quick_only=True,
    ),
    ShippedAssessment(
        slug="interest-profiler",
        name="Interest profiler",
        description=(
            "60 statements about activities. Takes a little longer and gives a more "
            "reliable picture of your interests."
        ),
        name_es="Perfil de intereses",
        description_es=(
            "60 frases sobre actividades. Toma un poco más de tiempo y te da una idea más "
            "confiable de tus intereses."
        ),
        minutes=10,
        items_per_page=10,
        position=2,
        quick_only=False,
    ),
]


class ItemFileError(ValueError):
    pass


def read_items(*, path: Path = ITEMS_CSV) -> list[dict]:
    """The rows of the items CSV, checked: known areas, Y/N quick flags, no blank texts."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    orders = set()
    for line, row in enumerate(rows, start=2):
        if row.get("area") not in AREAS:
            raise ItemFileError(f"{path}, line {line}: area must be one of R, I, A, S, E, C")
        if row.get("quick") not in {"Y", "N"}:
            raise ItemFileError(f"{path}, line {line}: quick must be Y or N")
        if not (row.get("text") or "").strip():
            raise ItemFileError(f"{path}, line {line}: the text is empty")
        try:
            order = int(row["order"])
        except (TypeError, ValueError):
            raise ItemFileError(f"{path}, line {line}: order must be a whole number") from None
        if order in orders:
            raise ItemFileError(f"{path}, line {line}: order {order} is used twice")
        orders.add(order)
        row["order"] = order
        row["text"] = row["text"].strip()
    return sorted(rows, key=lambda r: r["order"])


def load_shipped_items(*, assessment_model, item_model, path: Path = ITEMS_CSV) -> list[str]:
    """Create the shipped assessments and items that are missing; never change existing ones.

    Takes the model classes so the data migration can pass its historical models.
    Returns a line per change, for the management command to print.
    """
    rows = read_items(path=path)
    changes = []
    for spec in SHIPPED:
        assessment, created = assessment_model.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "description": spec.description,
                "minutes": spec.minutes,
                "items_per_page": spec.items_per_page,
                "position": spec.position,
                "is_published": True,
            },
        )
        if created:
            changes.append(f"Created the assessment {spec.name!r}.")
        if item_model.objects.filter(assessment=assessment).exists():
            continue
        chosen = [r for r in rows if r["quick"] == "Y"] if spec.quick_only else rows
        item_model.objects.bulk_create(
            item_model(
                assessment=assessment,
                order=position,
                area=row["area"],
                basic_interest=row.get("basic_interest", ""),
                text=row["text"],
            )
            for position, row in enumerate(chosen, start=1)
        )
        changes.append(f"Added {len(chosen)} items to {assessment.name!r}.")
    if any(f.name == "text_es" for f in item_model._meta.get_fields()):
        # (migration 0002's models have no Spanish columns yet: 0006 fills them)
        changes += fill_spanish(assessment_model=assessment_model, item_model=item_model)
    return changes


def fill_spanish(*, assessment_model, item_model, path: Path = ITEMS_CSV) -> list[str]:
    """Our Spanish for the shipped assessments and items, into empty Spanish fields only.

    An item gets the Spanish of the shipped statement with its English text, so an item a
    counselor has reworded keeps showing its English until they write the Spanish.
    """
    spanish = {row["text"]: (row.get("text_es") or "").strip() for row in read_items(path=path)}
    changes = []
    for spec in SHIPPED:
        assessment = assessment_model.objects.filter(slug=spec.slug).first()
        if assessment is None:
            continue
        empty = {
            name: getattr(spec, name)
            for name in ("name_es", "description_es")
            if not getattr(assessment, name)
        }
        if empty:
            assessment_model.objects.filter(pk=assessment.pk).update(**empty)
        items = [
            item
            for item in item_model.objects.filter(assessment=assessment, text_es="")
            if spanish.get(item.text)
        ]
        for item in items:
            item.text_es = spanish[item.text]
        item_model.objects.bulk_update(items, ["text_es"])
        if empty or items:
            changes.append(f"Added Spanish to {len(items)} items of {spec.name!r}.")
    return changes
