"""Content changes bump the content version once per transaction; students' attempts don't."""

import pytest
from django.db import transaction

from assessments.models import Assessment, Attempt, Item
from clusters import models as m
from core.content_version import bump_content_version, content_version

pytestmark = pytest.mark.django_db


def test_bump_increments_and_survives_an_empty_cache():
    from django.core.cache import cache

    first = content_version()
    assert bump_content_version() == first + 1 == content_version()
    cache.clear()
    assert content_version() > 0
    assert bump_content_version() == content_version()


def test_saving_content_bumps_once_after_commit(catalogue, django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        pathway = catalogue["physical"]
        pathway.description = "New words."
        pathway.save()
        programme = m.LocalProgramme.objects.create(name="CNA", kind="certification")
        programme.pathways.add(pathway)  # m2m_changed
        programme.delete()
    assert [c for c in callbacks if c is bump_content_version] == [bump_content_version]
    assert content_version() == before + 1


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["nurse"].save(),
        lambda c: m.Task.objects.create(occupation=c["nurse"], text="x"),
        lambda c: c["health"].save(),
        lambda c: c["national"].save(),
        lambda c: m.DataRelease.objects.first().save(),
        lambda c: m.LocalProgramme.objects.create(name="x", kind="course").occupations.add(
            c["nurse"]
        ),
        lambda c: Assessment.objects.create(slug="s", name="S"),
        lambda c: Item.objects.filter(assessment__slug="quick-interest-quiz").first().delete(),
    ],
)
def test_each_kind_of_content_bumps(catalogue, change, django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        change(catalogue)
    assert content_version() > before


def test_student_attempts_do_not_bump(django_capture_on_commit_callbacks):
    quiz = Assessment.objects.get(slug="quick-interest-quiz")
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Attempt.objects.create(assessment=quiz)
    assert content_version() == before
    assert bump_content_version not in callbacks
