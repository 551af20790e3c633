"""The language plumbing: a Spanish browser's first visit, the header's switch, hreflang links
and html lang (core/middleware.py first_visit_language, core/templatetags/languages.py)."""

import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from tests.support import factories as make

pytestmark = pytest.mark.django_db

SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US"}
COOKIE = settings.LANGUAGE_COOKIE_NAME


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switch(html: str) -> str:
    start = html.index('<form class="language-switch"')
    return html[start : html.index("</form>", start)]


# --- first visit ------------------------------------------------------------------------------


def test_a_spanish_browsers_first_visit_goes_to_the_spanish_home_page(client):
    response = client.get("/", **SPANISH_BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    vary = response["Vary"]
    assert "Accept-Language" in vary and "Cookie" in vary  # caches keep the two apart


def test_a_spanish_browser_keeps_the_page_and_its_query(client):
    response = client.get("/search/?q=nurse", **SPANISH_BROWSER)
    assert response.status_code == 302 and response["Location"] == "/es/search/?q=nurse"


def test_an_english_browser_stays(client):
    response = client.get("/", **ENGLISH_BROWSER)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Accept-Language" in response["Vary"]


def test_a_chosen_language_wins_over_the_browser(client):
    client.cookies[COOKIE] = "en"
    response = client.get("/", **SPANISH_BROWSER)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_the_admin_never_redirects_to_spanish(client):
    response = client.get("/admin/", **SPANISH_BROWSER)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    login = client.get("/admin/login/", **SPANISH_BROWSER)
    assert login.status_code == 200
    assert not login.get("Location")


def test_htmx_requests_and_posts_are_not_redirected(client):
    response = client.get("/search/?q=nurse", HTTP_HX_REQUEST="true", **SPANISH_BROWSER)
    assert response.status_code == 200
    assert client.get("/healthz", **SPANISH_BROWSER).status_code == 200


def test_a_spanish_address_is_not_redirected_again(client):
    response = client.get("/es/", **SPANISH_BROWSER)
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()


# --- the switch -------------------------------------------------------------------------------


def test_switching_to_english_keeps_the_page_and_sets_the_cookie(client):
    response = client.post("/language/", {"next": "/es/clusters/", "language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/clusters/"
    assert response.cookies[COOKIE].value == "en"
    deeper = client.post("/language/", {"next": "/es/search/?q=nurse", "language": "en"})
    assert deeper["Location"] == "/search/?q=nurse"


def test_the_switch_works_with_the_sites_csrf_check():
    strict = Client(enforce_csrf_checks=True)
    page = strict.get("/es/search/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', switch(page))[1]
    response = strict.post(
        "/language/", {"csrfmiddlewaretoken": token, "next": "/es/search/", "language": "en"}
    )
    assert response.status_code == 302 and response["Location"] == "/search/"


def test_switching_to_spanish_keeps_the_page_and_its_query(client):
    response = client.post("/language/", {"next": "/search/?q=nurse", "language": "es"})
    assert response.status_code == 302
    assert response["Location"] == "/es/search/?q=nurse"
    assert response.cookies[COOKIE].value == "es"


def test_the_switch_never_leaves_the_site(client):
    response = client.post("/language/", {"next": "https://evil.example/", "language": "es"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")


def test_the_header_switch_posts_the_page_it_is_on(client):
    make.cluster(make.framework(), "Construction")
    english = switch(client.get("/clusters/").content.decode())
    assert 'action="/language/" method="post"' in english
    assert 'name="csrfmiddlewaretoken"' in english
    assert '<input type="hidden" name="next" value="/clusters/">' in english
    assert 'name="language" value="es" lang="es"' in english
    # named in the language it switches to, for eyes and for screen readers
    assert '<span aria-hidden="true">Español</span>' in english
    assert '<span class="visually-hidden">Ver esta página en español</span>' in english
    spanish = switch(client.get("/es/clusters/").content.decode())
    assert '<input type="hidden" name="next" value="/es/clusters/">' in spanish
    assert 'name="language" value="en" lang="en"' in spanish
    assert '<span aria-hidden="true">English</span>' in spanish
    assert '<span class="visually-hidden">Show this page in English</span>' in spanish


def test_on_an_address_with_no_page_the_switch_goes_home(client):
    html = client.get("/es/no-such-page/").content.decode()
    assert '<input type="hidden" name="next" value="/es/">' in switch(html)


# --- hreflang and html lang ---------------------------------------------------------------


def test_the_spanish_home_page_names_its_language_and_its_english_copy(client):
    html = client.get("/es/").content.decode()
    assert '<html lang="es">' in html
    assert alternates(html) == {
        "en": "http://testserver/",
        "es": "http://testserver/es/",
        "x-default": "http://testserver/",
    }


def test_english_and_spanish_pages_link_each_other(client):
    make.cluster(make.framework(), "Construction")  # the clusters index needs a framework
    for path in ("/clusters/", "/es/clusters/"):
        html = client.get(path).content.decode()
        assert alternates(html) == {
            "en": "http://testserver/clusters/",
            "es": "http://testserver/es/clusters/",
            "x-default": "http://testserver/clusters/",
        }, path
    assert '<html lang="en">' in client.get("/clusters/").content.decode()


def test_error_pages_have_no_other_language_copy(client):
    for path in ("/no-such-page/", "/es/no-such-page/"):
        response = client.get(path)
        assert response.status_code == 404
        assert alternates(response.content.decode()) == {}, path
    assert '<html lang="es">' in client.get("/es/no-such-page/").content.decode()


def test_the_500_page_names_its_language_without_a_request():
    with translation.override("en"):
        assert '<html lang="en">' in render_to_string("500.html")
    with translation.override("es"):
        html = render_to_string("500.html")
    assert '<html lang="es">' in html and "Algo salió mal" in html
