"""The search page: results, filters, paging, htmx partials, empty and junk queries."""

import re

import pytest
from django.urls import reverse

from tests.support import factories as make
from tests.support.content import content_committed

pytestmark = pytest.mark.django_db

URL = reverse("clusters:search")
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "search-results"}


def result_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="occupation-row-title"><a href="[^"]+">([^<]+)</a>', html)


def test_results_link_to_occupation_pages_best_first(client, explore_catalogue):
    response = client.get(URL, {"q": "registered nurse"})
    assert response.status_code == 200
    html = response.content.decode()
    assert result_titles(response)[0] == "Registered Nurses"
    assert 'href="/occupations/29-1141.00/"' in html
    assert "for “registered nurse”" in html
    assert 'value="registered nurse"' in html  # the box keeps the query


def test_misspelling_shows_what_we_searched_for(client, explore_catalogue):
    response = client.get(URL, {"q": "electrision"})
    assert result_titles(response) == ["Electricians"]
    assert "Showing results for <strong>electrician</strong>" in response.content.decode()


@pytest.mark.parametrize("q", ["", "   "])
def test_empty_query_gets_a_helpful_page(client, explore_catalogue, q):
    response = client.get(URL, {"q": q})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not sure what to search for?" in html
    assert 'href="/search/?q=video%20games"' in html
    assert reverse("clusters:index") in html


@pytest.mark.parametrize(
    "q", ["!!!", "qqqzzzxxx", "the of", "<script>alert(1)</script>", "x" * 5000]
)
def test_junk_query_gets_a_helpful_page(client, explore_catalogue, q):
    response = client.get(URL, {"q": q})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "Ideas to try" in html
    assert result_titles(response) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"zone": "4"}, ["Registered Nurses"]),
        ({"bright": "1"}, ["Registered Nurses"]),
        ({"cluster": "construction"}, []),
        ({"zone": "7"}, None),  # ignored
        ({"zone": "x"}, None),
        ({"bright": "yes"}, None),
        ({"cluster": "nope"}, None),
    ],
)
def test_filters(client, explore_catalogue, params, expected):
    response = client.get(URL, {"q": "nurse", **params})
    assert response.status_code == 200
    if expected is None:
        assert len(result_titles(response)) == 3
    else:
        assert result_titles(response) == expected
    if expected == []:
        assert "Your filters may be hiding results" in response.content.decode()


def test_filter_controls_keep_their_values(client, explore_catalogue):
    html = client.get(URL, {"q": "nurse", "zone": "4", "bright": "1", "cluster": "construction"})
    html = html.content.decode()
    assert '<option value="4" selected>' in html
    assert '<input type="checkbox" name="bright" value="1" id="s-bright" checked>' in html
    assert '<option value="construction" selected>' in html


def test_results_come_20_to_a_page(client, explore_catalogue):
    for n in range(25):
        make.occupation(f"Nurse Helper {n:02d}", search_titles=f"nurse helper {n}")
    first = client.get(URL, {"q": "nurse"})
    assert len(result_titles(first)) == 20
    html = first.content.decode()
    assert "28 careers for “nurse”" in html
    assert 'href="?q=nurse&amp;page=2"' in html
    second = client.get(URL, {"q": "nurse", "page": "2"})
    assert len(result_titles(second)) == 8
    assert not set(result_titles(first)) & set(result_titles(second))


@pytest.mark.parametrize(("page", "shown"), [("0", 1), ("abc", 1), ("-1", 1), ("50", 2)])
def test_bad_page_numbers_show_the_first_or_last_page(client, explore_catalogue, page, shown):
    for n in range(25):
        make.occupation(f"Nurse Helper {n:02d}", search_titles=f"nurse helper {n}")
    response = client.get(URL, {"q": "nurse", "page": page})
    assert response.status_code == 200
    assert f"page {shown} of 2" in response.content.decode()


def test_htmx_gets_only_the_results(client, explore_catalogue):
    response = client.get(URL, {"q": "electrician"}, **HTMX)
    html = response.content.decode()
    assert "<html" not in html and "<h1>" not in html and 'id="q"' not in html
    assert result_titles(response) == ["Electricians"]
    assert '<span id="search-status" hx-swap-oob="innerHTML">1 career found.</span>' in html
    assert "HX-Request" in response["Vary"]


def test_live_search_box_is_debounced_and_form_works_without_javascript(client, explore_catalogue):
    html = client.get(URL).content.decode()
    box = re.search(r'<input type="search"[^>]* id="q"[^>]*>', html, re.S).group(0)
    assert 'hx-trigger="input changed delay:300ms, search"' in box
    assert 'hx-target="#search-results"' in box
    form = re.search(r'<form class="search-form"[^>]*>', html).group(0)
    assert 'method="get"' in form and 'action="/search/"' in form and 'hx-push-url="true"' in form
    assert '<label for="q">' in html


def test_search_page_query_count_is_fixed(client, explore_catalogue, django_assert_num_queries):
    client.get(URL, {"q": "nurse"})  # build the index, warm the release cache
    # content version (page cache), clusters for the filter menu, content version (index),
    # the page's occupations, content version (footer)
    with django_assert_num_queries(5):
        client.get(URL, {"q": "nurses"})
    with django_assert_num_queries(1):  # the cached page
        client.get(URL, {"q": "nurses"})
    with content_committed():
        for n in range(40):
            make.occupation(f"Nurse Helper {n:02d}", search_titles=f"nurse helper {n}")
    client.get(URL, {"q": "nurse"})  # rebuild after the change
    with django_assert_num_queries(5):
        client.get(URL, {"q": "nurse", "page": "2"})
    with django_assert_num_queries(6):  # + the cluster's members
        client.get(URL, {"q": "nurse", "cluster": "healthcare-human-services"})
    with django_assert_num_queries(3):  # no search: content version, filter menu, footer
        client.get(URL)


def test_search_only_answers_get(client, explore_catalogue):
    assert client.post(URL, {"q": "nurse"}).status_code == 405
