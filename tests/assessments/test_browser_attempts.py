"""The browser's attempts cookie, and what a student sees from two devices.

Quiz and results pages are plain views: every request reads the attempt from the database,
so another device (or another app server) always shows the latest answers.
"""

import pytest
from django.test import Client
from django.urls import reverse

from assessments import browser_attempts
from assessments.models import Attempt
from assessments.services import start_attempt
from tests.support.quiz import answer_url, item_ids, page_url

pytestmark = pytest.mark.django_db


def test_a_second_device_always_sees_the_latest_answers(mini_quiz):
    student, other_device = Client(), Client()
    student.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    first = item_ids(student.get(page_url(attempt, 1)).content.decode())[0]
    other_device.get(page_url(attempt, 1))
    for value in ("4", "2"):
        student.post(answer_url(attempt), {f"q{first}": value}, headers={"HX-Request": "true"})
        checked = f'name="q{first}" value="{value}" checked'
        assert checked in other_device.get(page_url(attempt, 1)).content.decode()
        assert checked in student.get(page_url(attempt, 1)).content.decode()


def test_a_deleted_attempt_is_gone_at_once(client, mini_quiz):
    client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    assert client.get(page_url(attempt, 1)).status_code == 200
    attempt.delete()
    assert client.get(page_url(attempt, 1)).status_code == 404


# ---------------------------------------------------------------------------------------
# The cookie


def test_starting_sets_a_private_cookie_with_the_attempt(client, mini_quiz):
    response = client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    cookie = response.cookies[browser_attempts.COOKIE_NAME]
    assert cookie.value == attempt.token
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 60 * 60 * 24 * 180
    assert "sessionid" not in response.cookies  # the quiz needs no session


def test_the_cookie_lists_tokens_only_and_changes_only_when_the_list_does(client, mini_quiz):
    client.post(reverse("assessments:begin", args=[mini_quiz.slug]))
    attempt = Attempt.objects.get()
    first = item_ids(client.get(page_url(attempt, 1)).content.decode())[0]
    # the attempt is already this browser's latest: saving an answer or viewing a page sends
    # no cookie
    response = client.post(answer_url(attempt), {f"q{first}": "4"}, headers={"HX-Request": "true"})
    assert browser_attempts.COOKIE_NAME not in response.cookies
    assert browser_attempts.COOKIE_NAME not in client.get(page_url(attempt, 1)).cookies
    other = start_attempt(assessment=mini_quiz)
    response = client.get(reverse("assessments:resume", args=[other.token]))
    assert response.cookies[browser_attempts.COOKIE_NAME].value == f"{attempt.token}|{other.token}"


def test_a_cookie_from_the_previous_release_still_lists_its_attempts(client, mini_quiz):
    attempt = start_attempt(assessment=mini_quiz)
    client.cookies[browser_attempts.COOKIE_NAME] = f"{attempt.token}.1764612345123456"
    start = client.get(reverse("assessments:start"))
    assert reverse("assessments:resume", args=[attempt.token]) in start.content.decode()


def test_the_cookie_keeps_the_latest_twenty_attempts_most_recent_last(client, mini_quiz):
    attempts = [start_attempt(assessment=mini_quiz) for _ in range(22)]
    for attempt in attempts:
        client.get(reverse("assessments:resume", args=[attempt.token]))
    client.get(reverse("assessments:resume", args=[attempts[5].token]))
    value = client.cookies[browser_attempts.COOKIE_NAME].value
    tokens = value.split("|")
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
    client.cookies[browser_attempts.COOKIE_NAME] = f"{value}|{attempt.token}"
    start = client.get(reverse("assessments:start"))
    assert start.status_code == 200
    assert reverse("assessments:resume", args=[attempt.token]) in start.content.decode()
    assert client.get(page_url(attempt, 1)).status_code == 200
