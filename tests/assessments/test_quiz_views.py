"""The quiz pages: start, pages, saving answers, resuming, the last step, bad input."""

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Assessment, Attempt, Item, Response
from assessments.services import start_attempt
from tests.support.quiz import HELPER, answer_items, answer_url, item_ids, page_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(mini_quiz, client):
    response = client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:page", args=[attempt.token, 1])
    return attempt


def saved(attempt):
    return dict(Response.objects.filter(attempt=attempt).values_list("item_id", "value"))


# ---------------------------------------------------------------------------------------
# Start


def test_start_page_lists_published_quizzes_with_their_length(client, mini_quiz):
    Assessment.objects.filter(slug="interest-profiler").update(is_published=False)
    html = client.get(reverse("assessments:start")).content.decode()
    assert html.count("<h1") == 1
    assert "Quick interest quiz" in html and "About 5 minutes" in html
    assert "Mini quiz" in html
    assert "Interest profiler" not in html
    assert "We never ask for your name, email or anything else personal." in html


def test_an_unpublished_quiz_cannot_be_begun(client, mini_quiz):
    Assessment.objects.filter(pk=mini_quiz.pk).update(is_published=False)
    before = Attempt.objects.count()
    response = client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    assert response.status_code == 404
    assert Attempt.objects.count() == before


def test_start_page_query_count(client, django_assert_num_queries, mini_quiz):
    client.get(reverse("assessments:start"))
    with django_assert_num_queries(2):  # the quizzes, the content version; no session
        client.get(reverse("assessments:start"))


def test_starting_needs_post_and_a_published_quiz(client, mini_quiz):
    assert client.get(reverse("assessments:begin", args=[mini_quiz.slug])).status_code == 405
    assert client.post(reverse("assessments:begin", args=["no-such-quiz"])).status_code == 404
    mini_quiz.is_published = False
    mini_quiz.save()
    assert client.post(reverse("assessments:begin", args=[mini_quiz.slug])).status_code == 404
    assert not Attempt.objects.exists()


def test_unpublishing_lets_started_attempts_finish(client, attempt):
    Assessment.objects.filter(pk=attempt.assessment_id).update(is_published=False)
    assert client.get(page_url(attempt, 1)).status_code == 200
    answer_items(attempt, HELPER)
    response = client.post(reverse("assessments:plan", args=[attempt.token]), {"plan": ""})
    assert response["Location"] == reverse("assessments:results", args=[attempt.token])


# ---------------------------------------------------------------------------------------
# Pages


def test_page_has_progress_fieldsets_and_htmx_saving(client, attempt):
    response = client.get(page_url(attempt, 1))
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "Page 1 of 2" in html
    assert '<progress max="2" value="1"' in html
    assert 'role="status"' in html and "0 of 12 statements answered" in html
    ids = item_ids(html)
    assert len(ids) == 6
    assert html.count("<fieldset") == 6 and html.count("<legend>") == 6
    assert html.count('type="radio"') == 30
    for value in ("Strongly dislike", "Dislike", "Not sure", "Like", "Strongly like"):
        assert value in html
    assert f'hx-post="{answer_url(attempt)}"' in html
    assert 'hx-trigger="change"' in html and f'hx-params="q{ids[0]}"' in html
    assert 'style="' not in html and "<script>" not in html
    assert attempt.token in html  # the private link


def test_page_query_count(client, attempt, django_assert_num_queries):
    client.get(page_url(attempt, 2))  # warm the footer's data releases
    # attempt, items with their answers, content version (footer's releases; a server reads
    # it at most once a second); no session; not cached, so the same again
    for _ in range(2):
        with django_assert_num_queries(3):
            client.get(page_url(attempt, 1))


def test_htmx_answer_is_saved_at_once_and_progress_announced(client, attempt):
    ids = item_ids(client.get(page_url(attempt, 1)).content.decode())
    response = client.post(
        answer_url(attempt), {f"q{ids[0]}": "4"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="saved-{ids[0]}" hx-swap-oob="true"' in html
    assert 'hx-swap-oob="innerHTML"' in html and "1 of 12 statements answered" in html
    assert saved(attempt) == {ids[0]: 4}
    assert "no-store" in response["Cache-Control"]  # one student's answer: never kept
    # changing it keeps one response
    client.post(answer_url(attempt), {f"q{ids[0]}": "2"}, headers={"HX-Request": "true"})
    assert saved(attempt) == {ids[0]: 2}
    # and the page shows it after a reload
    assert (
        f'name="q{ids[0]}" value="2" checked' in client.get(page_url(attempt, 1)).content.decode()
    )


def test_answer_without_htmx_redirects_to_its_page(client, attempt):
    second_page = item_ids(client.get(page_url(attempt, 2)).content.decode())
    response = client.post(answer_url(attempt), {f"q{second_page[0]}": "5"})
    assert response.status_code == 302 and response["Location"] == page_url(attempt, 2)
    assert client.get(answer_url(attempt)).status_code == 405


def test_next_with_missing_answers_points_them_out_and_keeps_the_rest(client, attempt):
    ids = item_ids(client.get(page_url(attempt, 1)).content.decode())
    data = {f"q{i}": "4" for i in ids[:4]} | {"action": "next"}
    response = client.post(page_url(attempt, 1), data)
    assert response["Location"] == page_url(attempt, 1) + "?check=1#problems"
    assert saved(attempt) == dict.fromkeys(ids[:4], 4)
    html = client.get(response["Location"]).content.decode()
    assert "2 statements on this page still need an answer" in html
    assert 'role="alert"' in html
    for missing in ids[4:]:
        assert f'href="#item-{missing}"' in html
        assert f'aria-describedby="error-{missing}"' in html
    assert html.count('class="error"') == 2
    assert html.count(" checked") == 4  # the answers given are still there


def test_next_and_back_save_the_page(client, attempt):
    first = item_ids(client.get(page_url(attempt, 1)).content.decode())
    response = client.post(
        page_url(attempt, 1), {f"q{i}": "3" for i in first} | {"action": "next"}
    )
    assert response["Location"] == page_url(attempt, 2)
    second = item_ids(client.get(page_url(attempt, 2)).content.decode())
    # back does not need a complete page, and saves what was given
    response = client.post(page_url(attempt, 2), {f"q{second[0]}": "5", "action": "back"})
    assert response["Location"] == page_url(attempt, 1)
    assert saved(attempt)[second[0]] == 5
    response = client.post(page_url(attempt, 1), {"action": "back"})
    assert response["Location"] == reverse("assessments:start")


def test_last_page_leads_to_the_plan_then_results(client, attempt):
    answer_items(attempt, HELPER)
    response = client.post(page_url(attempt, 2), {"action": "next"})
    plan_url = reverse("assessments:plan", args=[attempt.token])
    assert response["Location"] == plan_url
    html = client.get(plan_url).content.decode()
    assert "How much education or training do you plan?" in html
    assert html.count('name="plan"') == 6 and "<legend>" in html
    response = client.post(plan_url, {"plan": "3", "action": "finish"})
    assert response["Location"] == reverse("assessments:results", args=[attempt.token])
    attempt.refresh_from_db()
    assert attempt.is_complete and attempt.education_plan == 3
    # after finishing, pages and the plan lead to the results
    assert client.get(page_url(attempt, 1))["Location"].endswith("/results/")
    assert client.get(plan_url)["Location"].endswith("/results/")


def test_plan_step_is_optional_and_can_go_back(client, attempt):
    answer_items(attempt, HELPER)
    plan_url = reverse("assessments:plan", args=[attempt.token])
    assert client.post(plan_url, {"action": "back"})["Location"] == page_url(attempt, 2)
    client.post(plan_url, {"plan": ""})
    attempt.refresh_from_db()
    assert attempt.is_complete and attempt.education_plan is None


def test_plan_before_all_answers_points_to_the_gap(client, attempt):
    answer_items(attempt, HELPER)
    last = attempt.assessment.items.order_by("order").last()
    Response.objects.filter(item=last).delete()
    plan_url = reverse("assessments:plan", args=[attempt.token])
    assert client.get(plan_url)["Location"] == page_url(attempt, 2) + "?check=1#problems"
    assert (
        client.post(plan_url, {"plan": "2"})["Location"]
        == page_url(attempt, 2) + "?check=1#problems"
    )
    attempt.refresh_from_db()
    assert not attempt.is_complete


# ---------------------------------------------------------------------------------------
# Resuming


def test_resume_from_the_session_on_the_start_page(client, attempt):
    html = client.get(reverse("assessments:start")).content.decode()
    assert "Pick up where you left off" in html
    assert reverse("assessments:resume", args=[attempt.token]) in html


def test_private_link_resumes_on_another_device(client, attempt):
    first = item_ids(client.get(page_url(attempt, 1)).content.decode())
    client.post(page_url(attempt, 1), {f"q{i}": "2" for i in first} | {"action": "next"})
    other_device = Client()
    response = other_device.get(reverse("assessments:resume", args=[attempt.token]))
    assert response["Location"] == page_url(attempt, 2)
    html = other_device.get(page_url(attempt, 1)).content.decode()
    assert html.count(" checked") == 6
    # the other device's session now knows the attempt too
    assert (
        "Pick up where you left off"
        in other_device.get(reverse("assessments:start")).content.decode()
    )


def test_resume_goes_to_the_plan_or_results(client, attempt):
    answer_items(attempt, HELPER)
    resume = reverse("assessments:resume", args=[attempt.token])
    assert client.get(resume)["Location"] == reverse("assessments:plan", args=[attempt.token])
    client.post(reverse("assessments:plan", args=[attempt.token]), {"plan": ""})
    assert client.get(resume)["Location"] == reverse("assessments:results", args=[attempt.token])


# ---------------------------------------------------------------------------------------
# Bad input: clear 4xx, nothing lost, never 500


def test_unknown_and_tampered_tokens_are_404(client, attempt):
    tampered = attempt.token[:-1] + ("A" if attempt.token[-1] != "A" else "B")
    for url in (
        reverse("assessments:resume", args=[tampered]),
        reverse("assessments:page", args=[tampered, 1]),
        reverse("assessments:plan", args=[tampered]),
        reverse("assessments:results", args=[tampered]),
        "/quiz/short/",
        "/quiz/" + "x" * 80 + "/",
        f"/quiz/{attempt.token}%00/page/1/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "We could not find that page" in response.content.decode()
    assert (
        client.post(answer_url(attempt).replace(attempt.token, tampered), {"q1": "3"}).status_code
        == 404
    )


def test_page_numbers_out_of_range_are_404(client, attempt):
    for number in (0, 3, 99):
        assert client.get(page_url(attempt, number)).status_code == 404
    assert client.get(f"/quiz/{attempt.token}/page/x/").status_code == 404


@pytest.mark.parametrize("value", ["0", "6", "-1", "abc", "", "3.5", "９"])
def test_out_of_range_values_are_400_and_nothing_is_lost(client, attempt, value):
    ids = item_ids(client.get(page_url(attempt, 1)).content.decode())
    client.post(answer_url(attempt), {f"q{ids[0]}": "4"}, headers={"HX-Request": "true"})
    for url, extra in ((page_url(attempt, 1), {"action": "next"}), (answer_url(attempt), {})):
        response = client.post(url, {f"q{ids[1]}": value} | extra)
        assert response.status_code == 400
        assert "Nothing you saved before has been lost" in response.content.decode()
    assert saved(attempt) == {ids[0]: 4}


def test_unknown_items_and_items_from_another_quiz_are_400(client, attempt):
    other = Assessment.objects.create(slug="other", name="Other")
    foreign = Item.objects.create(assessment=other, order=1, area="R", text="Other")
    ids = item_ids(client.get(page_url(attempt, 1)).content.decode())
    for key in (f"q{foreign.pk}", "q999999", "qabc"):
        response = client.post(
            page_url(attempt, 1), {f"q{ids[0]}": "3", key: "3", "action": "next"}
        )
        assert response.status_code == 400, key
        response = client.post(answer_url(attempt), {key: "3"}, headers={"HX-Request": "true"})
        assert response.status_code == 400, key
        assert 'id="quiz-problem"' in response.content.decode()
    assert saved(attempt) == {}


def test_empty_answer_post_is_400(client, attempt):
    assert client.post(answer_url(attempt), {}).status_code == 400


def test_bad_education_plan_is_400_and_answers_kept(client, attempt):
    answer_items(attempt, HELPER)
    response = client.post(reverse("assessments:plan", args=[attempt.token]), {"plan": "9"})
    assert response.status_code == 400
    assert "all still saved" in response.content.decode()
    attempt.refresh_from_db()
    assert not attempt.is_complete and len(saved(attempt)) == 12


def test_posting_to_a_finished_attempt_is_409(client, attempt):
    answer_items(attempt, HELPER)
    client.post(reverse("assessments:plan", args=[attempt.token]), {"plan": "2"})
    before = saved(attempt)
    first = next(iter(before))
    for url, data in (
        (page_url(attempt, 1), {f"q{first}": "1", "action": "next"}),
        (answer_url(attempt), {f"q{first}": "1"}),
        (reverse("assessments:plan", args=[attempt.token]), {"plan": "5"}),
    ):
        response = client.post(url, data)
        assert response.status_code == 409, url
        html = response.content.decode()
        assert "This quiz is already finished" in html
        assert reverse("assessments:results", args=[attempt.token]) in html
    assert saved(attempt) == before
    attempt.refresh_from_db()
    assert attempt.education_plan == 2


def test_missing_csrf_token_is_403_and_nothing_changes(mini_quiz, attempt):
    strict = Client(enforce_csrf_checks=True)
    ids = [i.pk for i in attempt.assessment.items.order_by("order")[:2]]
    for url, data in (
        (reverse("assessments:begin", args=[mini_quiz.slug]), {}),
        (page_url(attempt, 1), {f"q{ids[0]}": "5", "action": "next"}),
        (answer_url(attempt), {f"q{ids[1]}": "5"}),
        (reverse("assessments:plan", args=[attempt.token]), {"plan": "1"}),
    ):
        response = strict.post(url, data)
        assert response.status_code == 403, url
        assert "That form has expired" in response.content.decode()
    assert saved(attempt) == {} and Attempt.objects.count() == 1


def test_wrong_methods_are_405(client, attempt):
    assert client.put(page_url(attempt, 1)).status_code == 405
    assert client.post(reverse("assessments:results", args=[attempt.token])).status_code == 405
    assert client.post(reverse("assessments:start")).status_code == 405
    assert client.delete(reverse("assessments:plan", args=[attempt.token])).status_code == 405


def test_two_tabs_answering_the_same_attempt_keep_one_response_per_item(mini_quiz):
    attempt = start_attempt(assessment=mini_quiz)
    tab_a, tab_b = Client(), Client()
    ids = [i.pk for i in mini_quiz.items.order_by("order")]
    for n, item in enumerate(ids):
        tab_a.post(answer_url(attempt), {f"q{item}": "2"}, headers={"HX-Request": "true"})
        tab_b.post(
            answer_url(attempt), {f"q{item}": str(3 + n % 3)}, headers={"HX-Request": "true"}
        )
    tab_a.post(page_url(attempt, 1), {f"q{i}": "1" for i in ids[:6]} | {"action": "next"})
    assert Response.objects.filter(attempt=attempt).count() == 12
    values = saved(attempt)
    assert [values[i] for i in ids[:6]] == [1] * 6
    assert [values[i] for i in ids[6:]] == [3 + n % 3 for n in range(6, 12)]
