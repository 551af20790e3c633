"""What each process remembers of quiz attempts, and the browser's attempts cookie.

Tests run with SHARED_STATE_MAX_AGE=0 (every read goes to the database); these turn the
memory on. Inside a test transaction on_commit callbacks never run unless captured, so a
change saved without capturing them is one this process did not make: it stands for a change
made through another app server.
"""

import time

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from assessments import attempt_states, browser_attempts
from assessments.models import Attempt
from assessments.services import save_answers, start_attempt
from tests.assessments.test_quiz_views import answer_url, item_ids, page_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def remembered(settings):
    settings.SHARED_STATE_MAX_AGE = 60


@pytest.fixture
def attempt(mini_quiz):
    return start_attempt(assessment=mini_quiz)


def first_item(attempt):
    return attempt.assessment.items.order_by("order").first()


def test_states_are_read_once_within_the_max_age(remembered, attempt, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = attempt_states.current([attempt.token, "x" * 43], seen={})
    assert first == {
        attempt.token: attempt_states.State(attempt_states.stamp(attempt.updated_at), False),
        "x" * 43: None,
    }
    with django_assert_num_queries(0):  # unknown tokens are remembered too
        assert attempt_states.current([attempt.token, "x" * 43], seen={}) == first


def test_a_change_elsewhere_shows_when_the_browser_saw_it_or_the_copy_expires(
    remembered, settings, attempt
):
    before = attempt_states.current([attempt.token], seen={})[attempt.token]
    save_answers(attempt=attempt, answers={first_item(attempt).pk: 4})  # "another server"
    after = attempt_states.stamp(attempt.updated_at)
    assert after != before.stamp
    assert attempt_states.current([attempt.token], seen={})[attempt.token] == before
    # the browser that saved it says so: the database decides
    seen = {attempt.token: after}
    assert attempt_states.current([attempt.token], seen=seen)[attempt.token].stamp == after
    # a copy older than the max age is read again
    settings.SHARED_STATE_MAX_AGE = 0.1
    caches["attempt_states"].clear()
    attempt_states.current([attempt.token], seen={})
    save_answers(attempt=attempt, answers={first_item(attempt).pk: 2})
    time.sleep(0.15)
    state = attempt_states.current([attempt.token], seen={})[attempt.token]
    assert state.stamp == attempt_states.stamp(attempt.updated_at) != after


def test_changes_and_deletions_in_this_process_show_at_once(
    remembered, attempt, django_capture_on_commit_callbacks
):
    attempt_states.current([attempt.token], seen={})
    with django_capture_on_commit_callbacks(execute=True):
        save_answers(attempt=attempt, answers={first_item(attempt).pk: 4})
    state = attempt_states.current([attempt.token], seen={})[attempt.token]
    assert state.stamp == attempt_states.stamp(attempt.updated_at)
    with django_capture_on_commit_callbacks(execute=True):
        Attempt.objects.filter(pk=attempt.pk).delete()
    assert attempt_states.current([attempt.token], seen={}) == {attempt.token: None}


def test_a_student_sees_their_own_answer_whichever_server_saved_it(remembered, mini_quiz):
    student, other_device = Client(), Client()
    student.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    first = item_ids(student.get(page_url(attempt, 1)).content.decode())[0]
    other_device.get(page_url(attempt, 1))  # both cached the page with no answers
    checked = f'name="q{first}" value="4" checked'
    # saved without this process forgetting its copy, as through another server
    student.post(answer_url(attempt), {f"q{first}": "4"}, headers={"HX-Request": "true"})
    # another device has not seen the change: it may wait for the max age
    assert checked not in other_device.get(page_url(attempt, 1)).content.decode()
    # the student's browser has: the database decides
    assert checked in student.get(page_url(attempt, 1)).content.decode()


def test_a_deleted_attempt_is_gone_at_once_with_the_memory_on(
    remembered, client, mini_quiz, django_capture_on_commit_callbacks
):
    client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    assert client.get(page_url(attempt, 1)).status_code == 200
    assert client.get(page_url(attempt, 1)).status_code == 200  # cached
    with django_capture_on_commit_callbacks(execute=True):
        attempt.delete()
    assert client.get(page_url(attempt, 1)).status_code == 404


# ---------------------------------------------------------------------------------------
# The cookie


def test_starting_sets_a_private_cookie_with_the_attempt_and_its_state(client, mini_quiz):
    response = client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    cookie = response.cookies[browser_attempts.COOKIE_NAME]
    assert cookie.value == f"{attempt.token}.{attempt_states.stamp(attempt.updated_at)}"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 60 * 60 * 24 * 180
    assert "sessionid" not in response.cookies  # the quiz needs no session


def test_saving_an_answer_updates_the_cookie(client, mini_quiz):
    client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    first = item_ids(client.get(page_url(attempt, 1)).content.decode())[0]
    response = client.post(answer_url(attempt), {f"q{first}": "4"}, headers={"HX-Request": "true"})
    attempt.refresh_from_db()
    value = response.cookies[browser_attempts.COOKIE_NAME].value
    assert value == f"{attempt.token}.{attempt_states.stamp(attempt.updated_at)}"
    # a page view changes nothing, so it sends no cookie
    assert browser_attempts.COOKIE_NAME not in client.get(page_url(attempt, 1)).cookies


def test_the_cookie_keeps_the_latest_twenty_attempts_most_recent_last(client, mini_quiz):
    attempts = [start_attempt(assessment=mini_quiz) for _ in range(22)]
    for attempt in attempts:
        client.get(reverse("assessments:resume", args=[attempt.token]))
    client.get(reverse("assessments:resume", args=[attempts[5].token]))
    value = client.cookies[browser_attempts.COOKIE_NAME].value
    tokens = [entry.split(".")[0] for entry in value.split("|")]
    assert tokens == [a.token for a in attempts[2:5] + attempts[6:] + [attempts[5]]]


@pytest.mark.parametrize(
    "value",
    [
        "",
        "nonsense",
        "<script>alert(1)</script>",
        "short.123",
        "A" * 43 + ".12x",
        "A" * 43 + "." + "9" * 40,
        "|||" + "B" * 5000,
    ],
)
def test_a_tampered_cookie_is_ignored_not_an_error(client, mini_quiz, value):
    attempt = start_attempt(assessment=mini_quiz)
    client.cookies[browser_attempts.COOKIE_NAME] = f"{value}|{attempt.token}.1"
    start = client.get(reverse("assessments:start"))
    assert start.status_code == 200
    assert reverse("assessments:resume", args=[attempt.token]) in start.content.decode()
    assert client.get(page_url(attempt, 1)).status_code == 200
