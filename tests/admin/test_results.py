"""The aggregate results page: totals per week, completion rate, top clusters and codes,
for a date range and quiz; never one student's answers; a fixed number of queries."""

import datetime
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import aggregates
from assessments.matching import match_profile
from assessments.models import Assessment, Attempt, Item, Response
from assessments.selectors import matching_catalogue

pytestmark = pytest.mark.django_db
URL = "/admin/assessments/attempt/results/"
MONDAY = datetime.date(2025, 3, 3)
NURSE_LIKE = {"R": 3.5, "I": 5.1, "A": 1.9, "S": 6.6, "E": 2.4, "C": 3.0}
ACTOR_LIKE = {"R": 1.0, "I": 2.0, "A": 7.0, "S": 3.0, "E": 5.0, "C": 1.0}
AREAS = ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"]


def attempt(quiz, day: datetime.date, profile=None, code="", flat=False):
    made = Attempt.objects.create(assessment=quiz)
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    values = {"created_at": when}
    if profile is not None:
        values.update(completed_at=when, code=code, is_flat=flat)
        values.update(dict(zip(AREAS, profile.values(), strict=True)))
    Attempt.objects.filter(pk=made.pk).update(**values)
    return made


@pytest.fixture
def quiz():
    return Assessment.objects.create(slug="results-quiz", name="Results quiz")


@pytest.fixture
def attempts(imported_sample, quiz):
    other = Assessment.objects.create(slug="other", name="Other quiz")
    item = Item.objects.create(assessment=quiz, order=1, area="S", text="Help a friend")
    first = attempt(quiz, MONDAY, NURSE_LIKE, "SIR")
    Response.objects.create(attempt=first, item=item, value=5)
    attempt(quiz, MONDAY + datetime.timedelta(days=2), NURSE_LIKE, "SIR")
    attempt(quiz, MONDAY + datetime.timedelta(days=3))  # started, not finished
    attempt(quiz, MONDAY + datetime.timedelta(days=8), ACTOR_LIKE, "AES")
    attempt(quiz, MONDAY + datetime.timedelta(days=9), {a: 4.0 for a in "RIASEC"}, "RIA", True)
    attempt(quiz, MONDAY - datetime.timedelta(days=1), NURSE_LIKE, "SIR")  # before the range
    attempt(other, MONDAY, ACTOR_LIKE, "AES")  # another quiz
    return quiz


def get(client, quiz, **params):
    query = {"start": "2025-03-03", "end": "2025-03-16", "assessment": quiz.pk, **params}
    return client.get(URL, query)


def test_totals_per_week_and_completion_rate(counselor_client, attempts):
    response = get(counselor_client, attempts)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert [(w.start, w.started, w.finished) for w in summary.weeks] == [
        (MONDAY, 3, 2),
        (MONDAY + datetime.timedelta(days=7), 2, 2),
    ]
    assert (summary.started, summary.finished, summary.completion_rate) == (5, 4, 80)
    assert summary.codes == [("SIR", 2), ("AES", 1)]  # the flat one has no code shown
    html = response.content.decode()
    assert re.search(r'id="completion-rate">80%<', html)
    assert "3 started, 2 finished" in html


def test_top_clusters_follow_the_results_ranking(counselor_client, attempts):
    catalogue = matching_catalogue()
    summary = get(counselor_client, attempts).context["summary"]
    nurse_top = match_profile(profile=NURSE_LIKE, catalogue=catalogue).clusters[0].cluster.name
    actor_top = match_profile(profile=ACTOR_LIKE, catalogue=catalogue).clusters[0].cluster.name
    expected = {nurse_top: 2, aggregates.FLAT: 1}
    expected[actor_top] = expected.get(actor_top, 0) + 1
    assert dict(summary.clusters) == expected
    assert summary.clusters[-1][0] == aggregates.FLAT
    classic = get(counselor_client, attempts, framework="classic-16").context["summary"]
    assert classic.framework_name == "Classic 16 Career Clusters"
    assert sum(n for _, n in classic.clusters) == 4


def test_top_cluster_matches_match_profile_for_many_profiles(imported_sample):
    catalogue = matching_catalogue()
    profiles = [NURSE_LIKE, ACTOR_LIKE] + [
        dict(zip("RIASEC", (1 + (i * k) % 7 for k in (1, 2, 3, 5, 4, 6)), strict=True))
        for i in range(1, 12)
    ]
    for profile in profiles:
        if len(set(profile.values())) == 1:
            continue
        for framework in ("national-2024", "classic-16"):
            expected = match_profile(profile=profile, catalogue=catalogue, framework=framework)
            found = aggregates.top_cluster(
                profile=[profile[a] for a in "RIASEC"],
                catalogue=catalogue,
                framework=framework,
            )
            assert found.id == expected.clusters[0].cluster.id


def test_all_quizzes_and_default_range(counselor_client, attempts):
    summary = get(counselor_client, attempts, assessment="").context["summary"]
    assert summary.started == 6
    response = counselor_client.get(URL)
    assert response.status_code == 200
    summary = response.context["summary"]
    # the last 12 weeks, today included, in whole weeks from Monday
    today = timezone.localdate()
    assert (summary.start, summary.end) == (today - datetime.timedelta(days=83), today)
    weeks = summary.weeks
    assert weeks[0].start.weekday() == 0 and weeks[0].start <= summary.start <= weeks[0].end
    assert weeks[-1].start <= today <= weeks[-1].end
    assert all((b.start - a.start).days == 7 for a, b in itertools.pairwise(weeks))


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "2025-13-40"}, "Enter a valid date"),
        ({"end": "yesterday"}, "Enter a valid date"),
        ({"start": "2025-03-20", "end": "2025-03-01"}, "on or after the start date"),
        ({"start": "2000-01-01", "end": "2025-03-01"}, "at most three years"),
        ({"assessment": "999999"}, "Select a valid choice"),
        ({"assessment": "x'; drop"}, "Select a valid choice"),
        ({"framework": "nope"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_a_form_error_not_a_server_error(counselor_client, quiz, params, message):
    response = get(counselor_client, quiz, **params)
    assert response.status_code == 200
    assert response.context["summary"] is None
    assert message in response.content.decode()


def test_no_individual_answers_or_private_links(counselor_client, attempts):
    html = get(counselor_client, attempts).content.decode()
    for made in Attempt.objects.all():
        assert made.token not in html
    assert "Help a friend" not in html  # item texts (answers) are not listed


def test_charts_are_inline_svg_with_text_alternatives_and_no_inline_styles(
    counselor_client, attempts
):
    html = get(counselor_client, attempts).content.decode()
    assert html.count('<svg role="img" aria-labelledby=') == 3
    assert html.count("<table id=") == 3
    assert "style=" not in re.sub(r"<link[^>]+>", "", html.split("<body")[1])
    assert "<script>" not in html


def test_results_page_runs_a_fixed_number_of_queries(counselor_client, attempts, quiz):
    matching_catalogue()  # loaded once per process (and after catalogue changes)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert get(counselor_client, quiz).status_code == 200
        counts.append(len(queries))
        for day in range(14):
            when = MONDAY + datetime.timedelta(days=day)
            attempt(quiz, when, NURSE_LIKE if day % 2 else ACTOR_LIKE, "SIR" if day % 2 else "AES")
            attempt(quiz, when)
    # session, user, 2 x permissions, the chosen quiz, weeks, codes, finished profiles,
    # the quiz choices for the form, the content version (is the matching catalogue current?)
    assert counts == [10, 10]
    assert get(counselor_client, quiz).context["summary"].started == 5 + 2 * 28


def test_results_page_needs_view_permission_on_attempts(client, django_user_model):
    user = django_user_model.objects.create_user("staff-only", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert client.post(URL).status_code == 405  # the page only answers GET


def test_bar_chart_geometry():
    chart = aggregates.bar_chart(rows=[("A", 10), ("B", 5), ("C", 0)], total=15)
    widths = [bar.width for bar in chart.bars]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert [bar.percent for bar in chart.bars] == [67, 33, 0]
    assert chart.height == 3 * 18 + 2 * 8
    empty = aggregates.bar_chart(rows=[])
    assert empty.bars == [] and empty.height > 0
