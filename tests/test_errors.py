import pytest
from django.db import OperationalError
from django.urls import path

from careerclusters.urls import urlpatterns as site_urls

pytestmark = pytest.mark.django_db


def _database_down(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


urlpatterns = [path("database-down/", _database_down), *site_urls]


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
