import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db


def _public_paths(resolver=None, prefix=""):
    """Every concrete URL in the URLconf without parameters (parameterised ones have own tests)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/"):
                continue
            yield from _public_paths(entry, route)
        elif isinstance(entry, URLPattern) and "<" not in route and "^" not in route:
            yield "/" + route


def test_every_url_answers_without_server_error(client):
    paths = sorted(set(_public_paths()))
    assert "/" in paths and "/healthz" in paths
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path


def test_healthz_is_plain_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_home_has_landmarks_and_skip_link(client):
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    for landmark in ("<header", "<nav", "<footer"):
        assert landmark in html


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_wrong_method_is_405_not_500(client):
    assert client.post("/healthz").status_code == 405


def test_error_templates_render_without_a_request():
    from django.template.loader import render_to_string

    for name in ("400.html", "403.html", "403_csrf.html", "404.html", "500.html"):
        assert "Career Clusters" in render_to_string(name)


def test_the_404_page_offers_a_search_box(client):
    html = client.get("/no-such-page/").content.decode()
    form = html[html.index('<form class="search-bar" role="search"') :]
    assert 'action="/search/"' in form[:200] and 'method="get"' in form[:200]
    assert '<label for="not-found-q">' in form and 'id="not-found-q" name="q"' in form


def test_favicon_and_app_icons(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("icons/favicon.ico")
    assert client.head("/favicon.ico").status_code == 301  # crawlers often ask with HEAD
    html = client.get("/").content.decode()
    for icon in ("icons/favicon.svg", "icons/apple-touch-icon.png", "site.webmanifest"):
        assert icon in html
    from pathlib import Path

    static = Path(__file__).resolve().parent.parent / "static"
    for name in ("icons/favicon.ico", "icons/icon-192.png", "icons/icon-512.png"):
        assert (static / name).stat().st_size > 0


def test_the_source_line_appears_once_per_page(client, settings):
    from tests.support import factories as make

    make.small_catalogue()
    for url in ("/", "/clusters/", "/search/", "/occupations/29-1141.00/"):
        html = client.get(url).content.decode()
        assert html.count("CC BY 4.0") == 1, url  # once in each source line
