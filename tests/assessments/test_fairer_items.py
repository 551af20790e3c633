"""The fairer item sets (issue 15; rules in fixtures/README.md) and the migration that edits
the shipped items in place, keeping every answer already given."""

import csv
import importlib
from collections import Counter, defaultdict

import pytest
import textstat
from django.apps import apps

from assessments.content import ITEMS_CSV
from assessments.models import Assessment, Attempt, Item, Response

pytestmark = pytest.mark.django_db

# Basic interests that O*NET links to two areas, and chores: not used (fixtures/README.md).
TWO_AREAS = {"Animal Service", "Culinary Art", "Athletics", "Professional Advising"}
NOT_USED = TWO_AREAS | {"Physical/Manual Labor"}
migration = importlib.import_module("assessments.migrations.0004_fairer_items")


def rows():
    with open(ITEMS_CSV, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_each_basic_interest_belongs_to_one_area_and_none_is_shared_with_another():
    areas = defaultdict(set)
    for row in rows():
        areas[row["basic_interest"]].add(row["area"])
    assert {k: v for k, v in areas.items() if len(v) > 1} == {}
    assert not set(areas) & NOT_USED


def test_each_area_spreads_over_its_basic_interests_in_both_quizzes():
    for area in "RIASEC":
        full = {r["basic_interest"] for r in rows() if r["area"] == area}
        quick = {r["basic_interest"] for r in rows() if r["area"] == area and r["quick"] == "Y"}
        assert len(full) >= 4 and len(quick) >= 3, area


def test_every_page_keeps_the_areas_balanced():
    quick = [r["area"] for r in rows() if r["quick"] == "Y"]
    for start in range(0, 30, 6):  # the quick quiz: 6 a page, one of each area
        assert sorted(quick[start : start + 6]) == sorted("RIASEC")
    full = [r["area"] for r in rows()]
    for start in range(0, 60, 10):  # the profiler: 10 a page, one or two of each area
        counts = Counter(full[start : start + 10])
        assert set(counts) == set("RIASEC") and max(counts.values()) <= 2


def test_items_read_at_grade_6_or_below():
    for row in rows():
        assert textstat.flesch_kincaid_grade(row["text"]) <= 6, row["text"]


def test_the_old_chores_kind_acts_and_narrow_items_are_gone():
    texts = {r["text"] for r in rows()}
    for old in (
        "Carry and stack heavy boxes",
        "Alphabetize a big stack of name cards",
        "Make a new student feel welcome at school",
        "Do funny voices for a puppet show",
        "Train to run a long-distance race",
        "Use a small bulldozer to move dirt",
    ):
        assert old not in texts


def _old_quiz():
    """A quiz as the old migration 0002 shipped it, with a finished and an open attempt."""
    Item.objects.all().delete()
    Attempt.objects.all().delete()
    quiz = Assessment.objects.get(slug="quick-interest-quiz")
    area_of = {r["text"]: r["area"] for r in rows()}
    new_of = {old: new for old, new, *_ in migration.CHANGES}
    for position, text in enumerate(migration.QUICK_OLD, start=1):
        area = area_of[new_of.get(text, text)]
        Item.objects.create(assessment=quiz, order=position, area=area, text=text)
    return quiz


def test_the_migration_rewords_in_place_and_every_answer_is_kept():
    quiz = _old_quiz()
    attempt = Attempt.objects.create(assessment=quiz)
    for item in quiz.items.all():
        Response.objects.create(attempt=attempt, item=item, value=1 + item.pk % 5)
    before = dict(Response.objects.values_list("item_id", "value"))
    areas = dict(Item.objects.values_list("pk", "area"))
    migration.forwards(apps, None)
    assert dict(Response.objects.values_list("item_id", "value")) == before
    assert dict(Item.objects.values_list("pk", "area")) == areas
    texts = list(quiz.items.order_by("order").values_list("text", flat=True))
    assert texts == migration.QUICK_NEW
    assert texts == [r["text"] for r in rows() if r["quick"] == "Y"]  # the same as the file
    migration.backwards(apps, None)
    assert list(quiz.items.order_by("order").values_list("text", flat=True)) == migration.QUICK_OLD


def test_the_migration_keeps_counselor_edits():
    quiz = _old_quiz()
    first = quiz.items.get(text="Alphabetize a big stack of name cards")
    first.text = "Our own words"
    first.save()
    orders = dict(quiz.items.values_list("pk", "order"))
    migration.forwards(apps, None)
    assert quiz.items.get(pk=first.pk).text == "Our own words"
    assert dict(quiz.items.values_list("pk", "order")) == orders  # not the shipped set
    assert quiz.items.filter(text="Pitch a tent and set up a campsite").exists()
