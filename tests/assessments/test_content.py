"""The shipped quiz content: the items file, what migration 0002 loads, re-runs keep edits."""

import csv
import re
from collections import Counter

import pytest
from django.core.management import call_command

from assessments.content import (
    ITEMS_CSV,
    ItemFileError,
    fill_spanish,
    load_shipped_items,
    read_items,
)
from assessments.models import Assessment, Item

pytestmark = pytest.mark.django_db

# Job titles (and words that make an item about a job rather than an activity).
JOB_WORDS = re.compile(
    r"\b(teacher|nurse|doctor|engineer|manager|lawyer|chef|mechanic|officer|clerk|accountant|"
    r"scientist|artist|designer|salesperson|technician|worker|job|career|profession|"
    r"employee|boss|businessman|fireman|policeman|stewardess|his|her|he|she|him)\b",
    re.IGNORECASE,
)


def rows():
    with open(ITEMS_CSV, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_items_file_is_balanced():
    items = rows()
    assert len(items) == 60
    assert Counter(r["area"] for r in items) == dict.fromkeys("RIASEC", 10)
    quick = [r for r in items if r["quick"] == "Y"]
    assert Counter(r["area"] for r in quick) == dict.fromkeys("RIASEC", 5)
    assert len({r["text"].lower() for r in items}) == 60


def test_items_are_short_plain_activities_without_job_titles():
    for row in rows():
        text = row["text"]
        assert text[0].isupper() and not text.endswith("."), text
        assert len(text.split()) <= 12 and len(text) <= 60, text
        assert not JOB_WORDS.search(text), text
        # long words make reading hard; allow a few
        assert sum(len(w) > 10 for w in re.findall(r"[A-Za-z']+", text)) <= 1, text


def test_migration_loaded_both_quizzes():
    quick = Assessment.objects.get(slug="quick-interest-quiz")
    full = Assessment.objects.get(slug="interest-profiler")
    assert quick.is_published and full.is_published
    assert quick.items.count() == 30 and full.items.count() == 60
    expected = [r["text"] for r in rows() if r["quick"] == "Y"]
    assert list(quick.items.order_by("order").values_list("text", flat=True)) == expected
    assert list(quick.items.order_by("order").values_list("order", flat=True)) == list(
        range(1, 31)
    )
    assert list(full.items.order_by("order").values_list("text", flat=True)) == [
        r["text"] for r in rows()
    ]


def test_reloading_never_overwrites_counselor_edits(capsys):
    quick = Assessment.objects.get(slug="quick-interest-quiz")
    item = quick.items.get(order=1)
    item.text = "Edited by a counselor"
    item.save()
    Item.objects.filter(assessment=quick, order=30).delete()
    quick.name = "Renamed"
    quick.is_published = False
    quick.save()
    call_command("load_quiz_items")
    assert "nothing changed" in capsys.readouterr().out
    quick.refresh_from_db()
    assert quick.name == "Renamed" and not quick.is_published
    assert quick.items.get(order=1).text == "Edited by a counselor"
    assert quick.items.count() == 29


def test_reloading_restores_a_deleted_quiz():
    Assessment.objects.filter(slug="interest-profiler").delete()
    changes = load_shipped_items(assessment_model=Assessment, item_model=Item)
    assert changes == [
        "Created the assessment 'Interest profiler'.",
        "Added 60 items to 'Interest profiler'.",
        "Added Spanish to 60 items of 'Interest profiler'.",
    ]
    profiler = Assessment.objects.get(slug="interest-profiler")
    assert profiler.name_es == "Perfil de intereses"
    assert profiler.items.get(order=1).text_es == "Arreglar la cadena suelta de una bicicleta"


def test_spanish_fills_only_empty_fields_of_the_shipped_statements():
    quick = Assessment.objects.get(slug="quick-interest-quiz")
    quick.items.filter(order=1).update(text="Edited by a counselor", text_es="")
    quick.items.filter(order=2).update(text_es="Escrito por una consejera")
    Item.objects.filter(assessment=quick, order__gt=2).update(text_es="")
    fill_spanish(assessment_model=Assessment, item_model=Item)
    texts = dict(quick.items.values_list("order", "text_es"))
    assert texts[1] == ""  # reworded in English: no Spanish of ours fits it any more
    assert texts[2] == "Escrito por una consejera"
    assert all(texts[order] for order in range(3, 31))


def test_a_broken_items_file_is_reported(tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("order,area,basic_interest,quick,text\n1,X,Music,Y,Sing\n")
    with pytest.raises(ItemFileError, match="line 2: area"):
        read_items(path=path)
    path.write_text("order,area,basic_interest,quick,text\n1,R,Music,Y,Sing\n1,I,Music,N,Read\n")
    with pytest.raises(ItemFileError, match="order 1 is used twice"):
        read_items(path=path)


def test_models_are_admin_friendly():
    quick = Assessment.objects.get(slug="quick-interest-quiz")
    assert str(quick) == "Quick interest quiz"
    assert str(quick.items.get(order=1)) == "1. Fix a slipped chain on a bike (R)"
    assert Item._meta.get_field("area").verbose_name == "RIASEC area"
    assert list(Assessment.objects.values_list("slug", flat=True)[:2]) == [
        "quick-interest-quiz",
        "interest-profiler",
    ]
