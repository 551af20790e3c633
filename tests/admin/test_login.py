"""Signing in to admin: wrong passwords are throttled (django-axes), and a missing or unsafe
`next` lands on the admin index."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from tests.support.admin import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def sign_in(client: Client, username: str, password: str, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def fail_five_times(client: Client, username: str, **extra) -> None:
    for _ in range(4):
        response = sign_in(client, username, "wrong-password", **extra)
        assert response.status_code == 200  # the form again, with Django's error
    assert sign_in(client, username, "wrong-password", **extra).status_code == 429


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(counselor):
    client = Client()
    fail_five_times(client, "casey")
    response = sign_in(client, "casey", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in paused" in html
    assert "Try again in 15 minutes" in html
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_another_address_too(counselor):
    fail_five_times(Client(), "casey", REMOTE_ADDR="10.1.1.1")
    response = sign_in(Client(), "casey", PASSWORD, REMOTE_ADDR="10.2.2.2")
    assert response.status_code == 429


def test_an_address_guessing_many_accounts_is_locked(counselor):
    client = Client(REMOTE_ADDR="10.9.9.9")
    for n in range(5):
        sign_in(client, f"someone{n}", "wrong-password")
    assert sign_in(client, "casey", PASSWORD).status_code == 429
    # Another address still gets in.
    assert sign_in(Client(REMOTE_ADDR="10.8.8.8"), "casey", PASSWORD).status_code == 302


def test_four_wrong_passwords_then_the_right_one_signs_in_and_start_again(counselor):
    client = Client()
    for _ in range(4):
        sign_in(client, "casey", "wrong-password")
    response = sign_in(client, "casey", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not AccessAttempt.objects.filter(username="casey").exists()  # the count starts again


def test_the_lock_ends_after_the_cool_off(counselor):
    fail_five_times(Client(), "casey")
    assert sign_in(Client(), "casey", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in(Client(), "casey", PASSWORD).status_code == 302


def test_a_superuser_unlocks_an_account_by_deleting_its_attempt(counselor, superuser_client):
    fail_five_times(Client(), "casey")
    attempt = AccessAttempt.objects.get(username="casey")
    response = superuser_client.post(
        f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert sign_in(Client(), "casey", PASSWORD).status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_one_locked(counselor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for n in range(5):
        sign_in(Client(), f"someone{n}", "x", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.7", **proxy)
    # The address the proxy saw (the last one) is locked, not the proxy itself, and not the
    # address the client claimed further left.
    assert AccessAttempt.objects.filter(ip_address="10.0.0.7").exists()
    assert not AccessAttempt.objects.filter(ip_address__in=["127.0.0.1", "6.6.6.6"]).exists()
    ok = sign_in(Client(), "casey", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.8", **proxy)
    assert ok.status_code == 302


@pytest.mark.parametrize("next_url", ["", "https://evil.example/", "//evil.example/"])
def test_an_unsafe_next_lands_on_the_admin_index(counselor, next_url):
    response = Client().post(LOGIN, {"username": "casey", "password": PASSWORD, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
