"""/healthz is for load balancers: it answers whatever the Host header says, and only it does."""

import pytest

pytestmark = pytest.mark.django_db

LOAD_BALANCER_PROBE = {"HTTP_HOST": "10.0.0.5"}  # probes use the server's address, not its name


@pytest.fixture(autouse=True)
def _production_hosts(settings):
    settings.ALLOWED_HOSTS = ["careers.district.example"]


def test_healthz_answers_ok_for_a_host_not_in_allowed_hosts(client):
    response = client.get("/healthz", **LOAD_BALANCER_PROBE)
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Cache-Control"].startswith("max-age=0")
    assert response["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware still runs


def test_other_pages_still_refuse_a_host_not_in_allowed_hosts(client):
    assert client.get("/", **LOAD_BALANCER_PROBE).status_code == 400
    assert client.get("/healthz/", **LOAD_BALANCER_PROBE).status_code == 400
    assert client.get("/healthz?x", HTTP_HOST="careers.district.example").status_code == 200
    assert client.get("/", HTTP_HOST="careers.district.example").status_code == 200


def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert client.get("/healthz", **LOAD_BALANCER_PROBE).status_code == 200
    assert client.get("/", HTTP_HOST="careers.district.example").status_code == 301


def test_healthz_still_refuses_other_methods(client):
    assert client.post("/healthz", **LOAD_BALANCER_PROBE).status_code == 405
