"""Matching quality and page queries on the real shipped data (slow: imports it once)."""

import re

import pytest
from django.urls import reverse

from assessments.matching import match_profile
from assessments.models import Assessment, Attempt, Item, Response
from assessments.selectors import load_catalogue
from assessments.services import complete_attempt
from assessments.wording import cluster_reasons
from bench.matching import TARGET_TOP3, self_match, shipped_item_areas, simulated_students

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _catalogue(shipped_catalogue, db):
    return None


@pytest.fixture
def real():
    return load_catalogue()


def test_self_match_top3_meets_the_target_on_the_2024_framework(real):
    hits = self_match(catalogue=real, framework="national-2024")
    # Occupations with a profile and a full 2024 membership; the weak ones (only an "All
    # Other" group puts them in a cluster, about 60 with profiles) have no cluster to find.
    assert hits.students > 850
    assert hits.top3 >= TARGET_TOP3
    assert hits.top1 >= 0.65
    # even with the occupation itself left out of the catalogue
    assert self_match(catalogue=real, framework="national-2024", leave_one_out=True).top3 >= 0.82


def test_self_match_on_the_classic_framework(real):
    hits = self_match(catalogue=real, framework="classic-16")
    assert hits.top3 >= TARGET_TOP3 and hits.top1 >= 0.6


def test_simulated_students_answering_the_quick_quiz(real):
    areas = shipped_item_areas()
    quick = next(v for k, v in areas.items() if k.startswith("Quick"))
    hits = simulated_students(catalogue=real, framework="national-2024", item_areas=quick)
    assert hits.top3 >= 0.75


def test_a_nurse_like_profile_matches_health_care(real):
    nurse = {"R": 3.5, "I": 5.1, "A": 1.9, "S": 6.6, "E": 2.4, "C": 3.0}
    match = match_profile(profile=nurse, catalogue=real)
    assert match.framework.slug == "national-2024"
    assert match.clusters[0].cluster.slug == "healthcare-human-services"
    assert match.clusters[0].fitting_count >= 10
    reasons = cluster_reasons(clusters=match.clusters[:5], profile=nurse)
    assert "S" in reasons[match.clusters[0].cluster.id].areas


def test_results_page_queries_are_fixed_on_the_real_data(client, django_assert_num_queries):
    quiz = Assessment.objects.get(slug="interest-profiler")
    attempt = Attempt.objects.create(assessment=quiz)
    Response.objects.bulk_create(
        Response(
            attempt=attempt,
            item=item,
            value={"R": 2, "I": 5, "A": 1, "S": 5, "E": 2, "C": 3}[item.area],
        )
        for item in Item.objects.filter(assessment=quiz)
    )
    complete_attempt(attempt=attempt, education_plan=None)
    url = reverse("assessments:results", args=[attempt.token])
    assert client.get(url).status_code == 200
    for query in ("", "?plan=3", "?framework=classic-16&plan=5"):
        with django_assert_num_queries(6):  # see test_results_query_count_is_fixed
            response = client.get(url + query)
        assert response.status_code == 200
        assert "Other clusters, best fit first" in response.content.decode()


def test_each_top_cluster_has_its_own_reason_and_a_count_within_the_plan(client):
    """On the real data: no two top clusters open their reason the same way; counts and the
    careers listed are the same careers, within the plan; no "such as" naming one."""
    from tests.support.results_page import cards, listed_careers, sentences, text

    quiz = Assessment.objects.get(slug="quick-interest-quiz")
    for answers, plan in (
        ({"R": 1, "I": 3, "A": 2, "S": 5, "E": 5, "C": 3}, 3),
        ({"R": 4, "I": 5, "A": 2, "S": 2, "E": 1, "C": 4}, None),
    ):
        attempt = Attempt.objects.create(assessment=quiz)
        Response.objects.bulk_create(
            Response(attempt=attempt, item=item, value=answers[item.area])
            for item in Item.objects.filter(assessment=quiz)
        )
        complete_attempt(attempt=attempt, education_plan=plan)
        page = client.get(reverse("assessments:results", args=[attempt.token])).content.decode()
        found = cards(page)
        assert len(found) >= 3
        whys = [text(c.split('<p class="why">', 1)[1].split("</p>", 1)[0]) for c in found]
        assert len({sentences(w)[0] for w in whys}) == len(whys), whys
        for card, why in zip(found, whys, strict=True):
            listed = listed_careers(card)
            said = re.search(r"(\d+) careers? here fits? you", why)
            assert bool(listed) == bool(said and int(said[1]) > 0), why
            if said:
                assert int(said[1]) >= len(listed)
                assert ("within your education plan" in why) == bool(plan)
            assert "such as" not in why
