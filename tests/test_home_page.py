"""The home page: one clear choice each for the quiz, browsing and searching."""

import pytest
from django.urls import NoReverseMatch, reverse

from assessments import browser_attempts
from assessments.models import Assessment, Attempt
from tests.assessments.conftest import shipped_quiz  # noqa: F401
from tests.support import factories as make
from tests.support.quiz import HELPER, finished_attempt

pytestmark = pytest.mark.django_db


def test_home_offers_quiz_browse_and_search(client):
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert f'href="{reverse("clusters:index")}"' in html
    form = html[html.index('<form class="home-search"') :]
    assert f'action="{reverse("clusters:search")}"' in form[:200] and 'method="get"' in form[:200]
    assert '<label for="home-q">' in html and 'id="home-q" name="q"' in html
    try:
        quiz = reverse("assessments:start")
    except NoReverseMatch:  # the quiz is built separately; the home page copes without it
        quiz = None
    if quiz:
        assert f'href="{quiz}"' in html


def test_nav_marks_the_current_explore_page(client):
    html = client.get(reverse("clusters:search")).content.decode()
    assert f'<a href="{reverse("clusters:search")}" aria-current="page">Search</a>' in html
    assert f'<a href="{reverse("clusters:saved")}">My careers</a>' in html
    assert f'<a href="{reverse("clusters:index")}">Clusters</a>' in html


def test_home_query_count(client, django_assert_num_queries):
    # the content version, frameworks, the default framework's clusters, the published quizzes,
    # the content version and data releases for the footer (then kept)
    with django_assert_num_queries(5):
        client.get(reverse("home"))
    with django_assert_num_queries(1):  # the cached page, checked against the content version
        client.get(reverse("home"))


def test_home_leads_with_the_shortest_quiz_and_the_clusters(client):
    make.cluster(make.framework(), "Construction")
    Assessment.objects.create(slug="long", name="Long quiz", minutes=10, position=1)
    Assessment.objects.create(slug="short", name="Short quiz", minutes=3, position=2)
    html = client.get(reverse("home")).content.decode()
    assert f'<a class="button big" href="{reverse("assessments:start")}#short">' in html
    assert "Take the 3-minute quiz" in html
    tile = html[html.index('<ul class="cluster-tiles">') :]
    assert 'href="/clusters/construction/"' in tile and "#construction" in tile
    assert "Welcome back" not in html


def test_a_returning_student_sees_their_quiz_results_and_saved_careers(client, shipped_quiz):  # noqa: F811
    quiz = shipped_quiz
    unfinished = Attempt.objects.create(assessment=quiz)
    done = finished_attempt(quiz, HELPER)
    client.get(reverse("home"))  # a first visit fills the shared page cache
    client.cookies[browser_attempts.COOKIE_NAME] = f"{done.token}|{unfinished.token}"
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert "Welcome back" in html
    assert reverse("assessments:resume", args=[unfinished.token]) in html
    assert reverse("assessments:results", args=[done.token]) in html
    assert "private" in response["Cache-Control"]
    client.cookies.pop(browser_attempts.COOKIE_NAME)
    other = client.get(reverse("home")).content.decode()  # the shared page never has them
    assert unfinished.token not in other and "Welcome back" not in other
