import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from careerclusters.urls import urlpatterns as site_urls

pytestmark = pytest.mark.django_db


def _database_down(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def _remember_something(request):
    request.session["seen"] = True  # saved by SessionMiddleware, after the view
    return HttpResponse("ok")


urlpatterns = [
    path("database-down/", _database_down),
    path("remember/", _remember_something),
    *site_urls,
]


def _session_table_unreachable(execute, sql, params, many, context):
    """The database goes away after the view, just as the session is being saved."""
    if "django_session" in sql:
        raise OperationalError("server closed the connection unexpectedly")
    return execute(sql, params, many, context)


@pytest.mark.urls(__name__)
def test_database_outage_is_a_friendly_503(client):
    response = client.get("/database-down/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "We will be back in a moment" in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.urls(__name__)
def test_503_page_renders_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/database-down/")


@pytest.mark.urls(__name__)
def test_database_lost_while_saving_the_session_is_a_friendly_503(client):
    with connection.execute_wrapper(_session_table_unreachable):
        response = client.get("/remember/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "We will be back in a moment" in response.content.decode()


@pytest.mark.urls(__name__)
def test_other_session_errors_are_not_hidden(client):
    def broken(execute, sql, params, many, context):
        if "django_session" in sql:
            raise ValueError("a bug, not an outage")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(broken), pytest.raises(ValueError):
        client.get("/remember/")


FORM_URLS = [
    "/",
    "/my-careers/save/",
    "/quiz/begin/quick-interest-quiz/",
    "/search/",
    "/admin/login/",
]


@pytest.mark.parametrize("charset", ["utf-16", "latin-1", "utf8"])
@pytest.mark.parametrize("path", FORM_URLS)
def test_a_form_in_another_charset_is_a_400_page_on_every_url(charset, path):
    """Django refuses to decode such a form (BadRequest) while checking the CSRF token, and
    its own error handlers ran that check again and failed a second time (an empty 500)."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    response = client.post(
        path,
        "code=29-1141.00",  # the test client encodes it in `charset`
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "Something in that request did not make sense" in response.content.decode()


def test_error_pages_still_carry_the_visitors_csrf_token():
    client = Client()
    client.get("/")  # the page gives this visitor a CSRF cookie
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    token = response.content.decode().split('"X-CSRFToken": "')[1].split('"')[0]
    assert _unmask(token) == _unmask(client.cookies["csrftoken"].value)


def _unmask(token: str) -> str:
    from django.middleware.csrf import _unmask_cipher_token

    return _unmask_cipher_token(token) if len(token) == 64 else token
