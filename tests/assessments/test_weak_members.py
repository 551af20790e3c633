"""Weak cluster members (only an "All Other" group puts them there) never speak for a cluster."""

import pytest

from assessments.matching import match_profile
from assessments.selectors import load_catalogue
from clusters.models import PathwayOccupation
from tests.support.quiz import make_occupation

pytestmark = pytest.mark.django_db

HELPER = {"R": 3.4, "I": 5.2, "A": 1.9, "S": 6.6, "E": 2.4, "C": 3.1}


@pytest.fixture
def planner(interest_catalogue):
    care = interest_catalogue["clusters"]["helping"].pathways.get(slug="care")
    planner = make_occupation(
        "19-3099.01", "Transportation Planners", (3.4, 5.2, 1.9, 6.6, 2.4, 3.1), 4
    )  # fits a helper even better than the nurse does
    PathwayOccupation.objects.create(pathway=care, occupation=planner, is_weak=True)
    return planner


def test_weak_members_are_not_counted_or_shown_as_examples(interest_catalogue, planner):
    loaded = load_catalogue()
    helping = next(c for c in loaded.frameworks["test-fw"].clusters if c.slug == "helping")
    assert planner.pk not in helping.occupation_ids
    assert interest_catalogue["occupations"]["nurse"].pk in helping.occupation_ids
    match = match_profile(profile=HELPER, catalogue=loaded)
    first = match.clusters[0]
    assert first.cluster.slug == "helping"
    shown = {f.occupation.title for f in first.occupations}
    assert "Registered Nurses" in shown and "Transportation Planners" not in shown
    assert first.fitting_count == 3  # nurse, therapist, aide: not the planner


def test_weak_members_are_still_suggested_among_the_best_fits(interest_catalogue, planner):
    match = match_profile(profile=HELPER, catalogue=load_catalogue())
    assert match.top_occupations[0].occupation.title == "Transportation Planners"
