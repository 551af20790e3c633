import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
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
