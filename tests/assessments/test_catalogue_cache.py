"""The matching catalogue: one query to load, cached per process, reloaded on change."""

import pytest

from assessments import selectors
from clusters.models import Occupation, PathwayOccupation

pytestmark = pytest.mark.django_db


def test_loads_with_one_query(interest_catalogue, django_assert_num_queries):
    with django_assert_num_queries(1):
        loaded = selectors.load_catalogue()
    assert list(loaded.frameworks) == ["test-fw", "wide"]
    assert loaded.default_framework.slug == "test-fw"
    assert len(loaded.occupations) == 10  # the one without an interest profile is left out
    helping = next(c for c in loaded.frameworks["test-fw"].clusters if c.slug == "helping")
    assert len(helping.occupation_ids) == 3  # the nurse sits in two pathways, counted once
    assert [p.slug for p in helping.pathways] == ["care", "therapy"]


def test_cached_per_process(interest_catalogue, django_assert_num_queries):
    first = selectors.matching_catalogue()
    with django_assert_num_queries(1):  # only the content version, to see other processes' edits
        assert selectors.matching_catalogue() is first


# These commit for real: the content version is bumped after a commit, once per transaction.


@pytest.mark.django_db(transaction=True)
def test_reloaded_when_an_occupation_changes(interest_catalogue):
    first = selectors.matching_catalogue()
    nurse = Occupation.objects.get(code="29-1141.00")
    nurse.artistic = 6.5
    nurse.save()
    second = selectors.matching_catalogue()
    assert second is not first
    assert second.occupations[nurse.pk].scores[2] == 6.5


@pytest.mark.django_db(transaction=True)
def test_reloaded_when_cluster_membership_changes(interest_catalogue):
    first = selectors.matching_catalogue()
    nurse = Occupation.objects.get(code="29-1141.00")
    PathwayOccupation.objects.filter(occupation=nurse).delete()
    second = selectors.matching_catalogue()
    assert second is not first and nurse.pk not in second.occupations


def test_another_process_changing_the_content_version_is_seen(interest_catalogue):
    from core.content_version import bump_content_version

    first = selectors.matching_catalogue()
    bump_content_version()  # as any process does after a content change
    assert selectors.matching_catalogue() is not first


def test_forget_all_drops_it(interest_catalogue):
    from core.content_version import forget_all

    first = selectors.matching_catalogue()
    forget_all()
    assert selectors.matching_catalogue() is not first
