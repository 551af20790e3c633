"""Content changes bump the content version once per transaction; students' attempts don't."""

import pytest
from django.db import transaction

from assessments.models import Assessment, Attempt, Item
from clusters import models as m
from core.content_version import (
    bump_content_version,
    content_version,
    forget_all,
    kept,
)

pytestmark = pytest.mark.django_db


def test_bump_increments_and_survives_an_empty_cache():
    from django.core.cache import cache

    first = content_version()
    assert bump_content_version() == first + 1 == content_version()
    cache.clear()
    assert content_version() > 0
    assert bump_content_version() == content_version()


def test_saving_content_bumps_once_after_commit(
    imported_sample, django_capture_on_commit_callbacks
):
    before = content_version()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        pathway = imported_sample["physical"]
        pathway.description = "New words."
        pathway.save()
        programme = m.LocalProgramme.objects.create(name="CNA", kind="certification")
        programme.pathways.add(pathway)  # m2m_changed
        programme.delete()
    assert content_version() == before  # nothing before the commit
    for callback in callbacks:
        callback()
    assert content_version() == before + 1


def test_a_later_transaction_bumps_again(imported_sample, django_capture_on_commit_callbacks):
    before = content_version()
    for expected in (before + 1, before + 2):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            imported_sample["physical"].save()
            imported_sample["health"].save()
        assert content_version() == expected


def test_a_change_rolled_back_does_not_bump_but_the_rest_of_its_transaction_does(
    imported_sample, django_capture_on_commit_callbacks
):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        try:
            with transaction.atomic():
                imported_sample["physical"].save()
                raise RuntimeError("a failed step")
        except RuntimeError:
            pass
    assert content_version() == before
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with transaction.atomic():
            imported_sample["physical"].save()
        try:
            with transaction.atomic():
                imported_sample["health"].save()
                raise RuntimeError("a failed step")
        except RuntimeError:
            pass
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
def test_each_kind_of_content_bumps(imported_sample, change, django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        change(imported_sample)
    assert content_version() > before


def test_student_attempts_do_not_bump(django_capture_on_commit_callbacks):
    quiz = Assessment.objects.get(slug="quick-interest-quiz")
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Attempt.objects.create(assessment=quiz)
    assert content_version() == before
    assert callbacks == []


# ---------------------------------------------------------------------------------------
# What each process keeps


def test_kept_copies_last_until_the_content_version_changes():
    built = []

    def build(name):
        built.append(name)
        return object()

    first = {name: kept(name, lambda n=name: build(n)) for name in ("a", "b")}
    assert {name: kept(name, lambda: build("again")) for name in ("a", "b")} == first
    bump_content_version()  # as any process does after a content change
    second = {name: kept(name, lambda n=name: build(n)) for name in ("a", "b")}
    assert all(second[name] is not first[name] for name in first)
    forget_all()
    assert kept("a", lambda: build("after forget_all")) is not second["a"]
    assert built == ["a", "b", "a", "b", "after forget_all"]


def test_the_footer_shows_an_import_made_by_another_process(imported_sample):
    """The importer writes imported_at with .update() (no signal) and bumps the version; a
    process that showed the footer before must show the new date, not keep the old list."""
    from django.db.models import F
    from django.utils import timezone

    from clusters.selectors import data_releases
    from core.models import ContentVersion

    bump_content_version()
    before = data_releases()
    imported = timezone.now()
    assert before and all(r.imported_at != imported for r in before)
    # another process imports: bulk writes, then the version bump (no signal reaches us)
    m.DataRelease.objects.update(imported_at=imported)
    ContentVersion.objects.update(value=F("value") + 1)
    assert [r.imported_at for r in data_releases()] == [imported] * len(before)
