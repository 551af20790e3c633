"""The results page: profile chart, explained cluster matches, filters, extras, bad input."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Attempt
from assessments.services import complete_attempt
from clusters.models import LocalProgramme, Pathway
from tests.support.quiz import HELPER, answer_items, finished_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(interest_catalogue, mini_quiz):
    return finished_attempt(mini_quiz, HELPER)


def url(attempt, **params):
    base = reverse("assessments:results", args=[attempt.token])
    if params:
        base += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return base


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_profile_chart_with_text_alternative_and_meanings(client, attempt):
    response = client.get(url(attempt))
    html = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex, nofollow"
    assert html.count("<h1") == 1
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert '<title id="chart-title">' in svg and "Social 7.0" in svg
    assert svg.count('class="bar-') == 6 and 'style="' not in svg
    table = html[html.index('<table class="profile-table"') : html.index("</table>")]
    assert '<th scope="row">Investigative</th><td class="num">5.5</td>' in table
    assert "Your interest code is" in html and "SIR" in html
    assert "You like helping people" in html  # our words for S
    assert "You like figuring things out" in html  # I is 5.5
    assert "You like hands-on work" not in html  # R is 2.5: in the code, but not liked
    plain = text(html)
    assert "so you did not say you like it" in plain
    # R, E and C tie at 2.5 for the code's last letter: one sentence for the group
    assert plain.count("same score") == 1
    assert (
        "Realistic, Enterprising and Conventional have the same score (2.5). Only one of them "
        "fits in your code, so we show R" in plain
    )
    assert "either way" not in plain


def test_clusters_ranked_and_explained_with_links(client, attempt, interest_catalogue):
    html = client.get(url(attempt)).content.decode()
    plain = text(html)
    assert plain.index("Helping People") < plain.index("Creating")
    assert (
        "Its careers that fit you involve helping people and figuring things out, which you "
        "like." in plain
    )
    assert "3 careers here fit you." in plain
    assert reverse("clusters:cluster", args=["helping"]) in html
    assert reverse("clusters:pathway", args=["helping", "care"]) in html
    assert reverse("clusters:occupation", args=["29-1141.00"]) in html
    assert "Registered Nurses" in html and "$93,600 a year" in html
    assert "Usual preparation: Career or technical training" in plain  # the nurse: job zone 3
    assert "Growing demand" in html
    assert re.search(r"(Strong|Good|Some) fit", html)
    assert not re.search(r"\d+ ?%|out of 100", plain)
    assert "No Interest Data" not in html  # no profile, never matched
    # one cluster fits; the other three are listed as not a close fit
    assert plain.count("not a close fit") == 3
    assert "O*NET" in html and reverse("clusters:about_data") in html


def test_education_plan_filter_plain_get(client, attempt):
    html = client.get(url(attempt, plan=2)).content.decode()
    matches = html.split('id="matches"')[1]
    assert "Registered Nurses" in matches  # job zone 3: one step from 2
    assert "Physical Therapists" not in matches  # job zone 5
    assert "Nursing Assistants" in html  # zone 2
    assert '<option value="2" selected>' in html


def test_education_plan_filter_with_htmx_returns_the_partial(client, attempt):
    response = client.get(url(attempt, plan=5), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<h1" not in html
    assert "data-focus-after-swap" in html
    assert "Physical Therapists" in html and "Nursing Assistants" not in html
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_after_an_htmx_plan_change_the_framework_links_keep_the_new_plan(client, attempt):
    html = client.get(url(attempt, plan=4), headers={"HX-Request": "true"}).content.decode()
    nav = html[html.index('<nav id="framework-switch"') : html.index("</nav>")]
    assert 'hx-swap-oob="true"' in nav  # replaces the links above the list
    assert "?framework=wide&amp;plan=4" in nav
    full = client.get(url(attempt, plan=4)).content.decode()
    assert full.count('id="framework-switch"') == 1 and "hx-swap-oob" not in full


def test_the_attempts_plan_is_the_default_filter(client, interest_catalogue, mini_quiz):
    attempt = finished_attempt(mini_quiz, HELPER, plan=5)
    html = client.get(url(attempt)).content.decode()
    assert '<option value="5" selected>' in html
    assert "Nursing Assistants" not in html
    assert "Nursing Assistants" in client.get(url(attempt, plan="")).content.decode()


def test_other_framework(client, attempt):
    html = client.get(url(attempt, framework="wide")).content.decode()
    assert reverse("clusters:cluster", args=["everything"]) in html
    assert reverse("clusters:cluster", args=["helping"]) not in html
    assert 'aria-current="page">Wide framework' in html


def test_an_unknown_framework_is_404(client, attempt):
    assert client.get(url(attempt) + "?framework=nope").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["plan=9", "plan=0", "plan=abc", "plan=1&plan=x", "plan=%EF%BC%92", "plan=%D9%A2",
     "plan=%C2%B2", "plan=+2", "plan=" + "9" * 5000],
)  # fmt: skip
def test_a_junk_plan_filter_falls_back_to_the_students_plan_and_says_so(
    client, interest_catalogue, mini_quiz, query
):
    attempt = finished_attempt(mini_quiz, HELPER, plan=5)
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(url(attempt) + "?" + query, headers=headers)
        html = response.content.decode()
        assert response.status_code == 200
        assert "We could not use part of this link, so we reset: " in html
        assert "Show careers for this education plan." in html
        assert "Physical Therapists" in html and "Nursing Assistants" not in html  # plan 5
    page = client.get(url(attempt) + "?" + query).content.decode()
    assert '<option value="5" selected>' in page


def test_unfinished_attempts_go_back_to_the_quiz(client, mini_quiz):
    attempt = Attempt.objects.create(assessment=mini_quiz)
    response = client.get(url(attempt))
    assert response["Location"] == reverse("assessments:resume", args=[attempt.token])


def test_flat_profile_says_so_and_shows_no_matches(client, interest_catalogue, mini_quiz):
    attempt = finished_attempt(mini_quiz, 4)
    html = client.get(url(attempt)).content.decode()
    assert "Nothing stands out in your answers" in html
    assert "Try the quiz again" in html
    assert "Career Clusters that fit you" not in html and "Registered Nurses" not in html
    assert reverse("assessments:begin", args=[mini_quiz.slug]) in html


def test_retake_and_earlier_attempts_of_this_session(client, interest_catalogue, mini_quiz):
    first = finished_attempt(mini_quiz, 4)
    client.get(url(first))
    second = finished_attempt(mini_quiz, HELPER)
    html = client.get(url(second)).content.decode()
    assert "Your earlier results" in html
    assert url(first) in html and "no clear pattern" in html
    assert f'action="{reverse("assessments:begin", args=[mini_quiz.slug])}"' in html
    # someone else's session does not see them
    assert "Your earlier results" not in Client().get(url(second)).content.decode()


def test_the_results_page_lists_a_quiz_finished_since_on_another_device(
    client, interest_catalogue, mini_quiz
):
    client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    unfinished = Attempt.objects.get()
    second = finished_attempt(mini_quiz, HELPER)
    client.get(url(second))  # remembered in this browser's cookie
    assert "Your earlier results" not in client.get(url(second)).content.decode()
    answer_items(unfinished, 4)  # finished with its private link, on another device
    complete_attempt(attempt=unfinished, education_plan=None)
    html = client.get(url(second)).content.decode()
    assert "Your earlier results" in html and url(unfinished) in html


def test_a_deleted_attempt_is_gone_at_once(client, attempt, mini_quiz):
    earlier = finished_attempt(mini_quiz, 4)
    client.get(url(earlier))
    client.get(url(attempt))
    assert client.get(url(attempt)).status_code == 200
    attempt.delete()  # a counselor deletes it on request
    assert client.get(url(attempt)).status_code == 404


def test_at_our_school_shows_published_programmes_for_top_clusters(client, attempt):
    care = Pathway.objects.get(slug="care")
    art = Pathway.objects.get(slug="art")
    shown = LocalProgramme.objects.create(
        name="Health Careers Academy", kind="cte", grade_from=10, grade_to=12
    )
    shown.pathways.add(care)
    hidden = LocalProgramme.objects.create(name="Secret Draft", kind="course", is_published=False)
    hidden.pathways.add(care)
    elsewhere = LocalProgramme.objects.create(name="Pottery Club", kind="course")
    elsewhere.pathways.add(art)
    html = client.get(url(attempt)).content.decode()
    assert "At our school" in html and "Health Careers Academy" in html and "Grades 10–12" in html
    assert "Secret Draft" not in html
    # "Creating" is not among this student's three best clusters
    assert "Pottery Club" not in html


def test_print_button_needs_javascript_and_print_css_exists(client, attempt):
    html = client.get(url(attempt)).content.decode()
    assert "data-print hidden" in html
    assert 'media="print"' in html


def test_results_query_count_is_fixed(
    client, interest_catalogue, mini_quiz, django_assert_num_queries
):
    attempt = finished_attempt(mini_quiz, HELPER)
    care = Pathway.objects.get(slug="care")
    LocalProgramme.objects.create(name="Health Careers Academy", kind="cte").pathways.add(care)
    client.get(url(attempt))  # warms the matching catalogue and the footer's releases
    # attempt, content version (matching catalogue), content version (footer's releases),
    # occupation details, programmes, earlier attempts; tests read the content version on
    # every use (SHARED_STATE_MAX_AGE=0), a server at most once a second
    for _ in range(2):  # not cached: the same again
        with django_assert_num_queries(6):
            client.get(url(attempt))
    # no cluster of "wide" fits this student closely: no careers or programmes to read
    with django_assert_num_queries(4):
        client.get(url(attempt, framework="wide", plan=3))
    # htmx filter: no programmes, earlier attempts or footer
    with django_assert_num_queries(3):
        client.get(url(attempt, plan=2), headers={"HX-Request": "true"})


def test_careers_with_a_groups_figures_say_so(client, attempt):
    from clusters.models import Occupation

    Occupation.objects.filter(code="29-1123.00").update(
        figures_for_group=True, figures_group="all physical therapists and their aides"
    )
    plain = text(client.get(url(attempt)).content.decode())
    assert plain.count("Figures for all physical therapists and their aides") == 1


def test_source_line_credits_onet_for_preparation_and_bls_for_outlook(client, attempt):
    plain = text(client.get(url(attempt)).content.decode())
    assert "usual preparation (job zones): the O*NET 29.3 Database" in plain
    assert "Outlook: U.S. Bureau of Labor Statistics" in plain
