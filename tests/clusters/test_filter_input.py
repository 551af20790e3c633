"""Odd query strings on the explore pages' filter forms: never an error; a value the page
cannot use falls back to its control's default and the page says which control it reset."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from clusters.forms import OccupationListForm, SearchForm
from clusters.models import Cluster

pytestmark = pytest.mark.django_db

CLUSTER = reverse("clusters:cluster", args=["healthcare-human-services"])
PATHWAY = reverse("clusters:pathway", args=["healthcare-human-services", "physical-health"])
SEARCH = reverse("clusters:search")
NOTICE = "We could not use part of this link, so we reset:"

# Values no control of ours sends. Numbers only count in ASCII digits.
ODD = {
    "fullwidth three": "３",
    "arabic-indic three": "٣",
    "superscript two": "²",
    "circled one": "①",
    "five thousand nines": "9" * 5000,
    "minus one": "-1",
    "three point zero": "3.0",
    "spaces": " 3 ",
    "markup": '"><script>alert(1)</script>',
    "null character": "\x00",
}


def titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="occupation-row-title"><a href="[^"]+">([^<]+)</a>', html)


def get(client, url, query: str, **headers):
    return client.get(f"{url}?{query}", **headers)


def notice(response) -> str:
    html = response.content.decode()
    match = re.search(r'<p class="note" id="ignored-notice">([^<]*)</p>', html)
    return match.group(1) if match else ""


@pytest.mark.parametrize("url", [CLUSTER, PATHWAY], ids=["cluster", "pathway"])
@pytest.mark.parametrize(
    ("field", "label"),
    [("zone", "Preparation needed"), ("education", "Education to start"), ("sort", "Sort by"),
     ("page", "Page")],
)  # fmt: skip
@pytest.mark.parametrize("value", ODD.values(), ids=ODD.keys())
def test_odd_list_values_fall_back_and_say_so(client, explore_catalogue, url, field, label, value):
    response = get(client, url, f"{field}={quote(value)}")
    assert response.status_code == 200
    assert notice(response) == f"{NOTICE} {label}."
    assert len(titles(response)) == 3  # no filter, sorted by title
    assert "<script>alert" not in response.content.decode()
    assert "Clear filters" not in response.content.decode()


@pytest.mark.parametrize("value", ODD.values(), ids=ODD.keys())
def test_the_controls_show_the_defaults_after_junk(client, explore_catalogue, value):
    html = get(client, CLUSTER, f"zone={quote(value)}&sort={quote(value)}").content.decode()
    assert '<option value="" selected>Any</option>' in html
    assert '<option value="" selected>Most job openings first</option>' in html
    assert "Preparation needed, Sort by." in html


def test_good_values_beside_junk_still_apply(client, explore_catalogue):
    response = get(client, CLUSTER, "zone=4&sort=%EF%BC%93&education=bachelor")
    assert titles(response) == ["Registered Nurses"]
    assert notice(response) == f"{NOTICE} Sort by."
    assert '<option value="4" selected>' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "shown", "reset"),
    [
        ("zone=4&zone=x", 3, "Preparation needed"),  # repeated: the last one counts
        ("zone=x&zone=4", 1, ""),
        ("zone=&education=&sort=&page=", 3, ""),  # empty: the defaults, nothing to say
        ("sort=title", 3, ""),
        ("page=0", 3, ""),
        ("page=99", 3, ""),  # past the end: the last page
        ("unknown=1", 3, ""),  # not ours: left alone
    ],
)
def test_repeated_empty_and_edge_values(client, explore_catalogue, query, shown, reset):
    response = get(client, CLUSTER, query)
    assert response.status_code == 200
    assert len(titles(response)) == shown
    assert notice(response) == (f"{NOTICE} {reset}." if reset else "")


def test_htmx_list_with_junk_says_so_in_the_partial(client, explore_catalogue):
    response = get(
        client, CLUSTER, "zone=%D9%A3", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="occupation-list"
    )
    html = response.content.decode()
    assert "<h1>" not in html and notice(response) == f"{NOTICE} Preparation needed."


@pytest.mark.parametrize(
    ("field", "label"),
    [("cluster", "Career Cluster"), ("zone", "Preparation needed"),
     ("bright", "Growing demand only"), ("page", "Page")],
)  # fmt: skip
@pytest.mark.parametrize("value", ODD.values(), ids=ODD.keys())
def test_odd_search_filters_fall_back_and_say_so(client, explore_catalogue, field, label, value):
    response = get(client, SEARCH, f"q=nurse&{field}={quote(value)}")
    assert response.status_code == 200
    assert notice(response) == f"{NOTICE} {label}."
    assert len(titles(response)) == 3  # no filter
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "shown", "reset"),
    [
        ("q=nurse&zone=4&zone=%EF%BC%94", 3, "Preparation needed"),
        ("q=nurse&zone=%EF%BC%94&zone=4", 1, ""),
        ("q=nurse&bright=yes", 3, "Growing demand only"),
        ("q=nurse&bright=1&bright=1", 1, ""),
        ("q=nurse&cluster=&zone=&bright=&page=", 3, ""),
        ("q=nurse&cluster=nope", 3, "Career Cluster"),
        ("q=nurse&cluster=construction", 0, ""),
    ],
)
def test_search_repeated_empty_and_unknown_values(client, explore_catalogue, query, shown, reset):
    response = get(client, SEARCH, query)
    assert response.status_code == 200
    assert len(titles(response)) == shown
    assert notice(response) == (f"{NOTICE} {reset}." if reset else "")


def test_a_search_with_a_null_character_is_reset_not_an_error(client, explore_catalogue):
    response = get(client, SEARCH, "q=nurse%00")
    assert response.status_code == 200
    assert notice(response) == f"{NOTICE} Job title, or what you like to do."
    assert "Not sure what to search for?" in response.content.decode()


def test_a_very_long_search_is_cut_like_the_box_does(client, explore_catalogue):
    form = SearchForm({"q": "nurse " * 1000}, clusters=[])
    assert form.values["q"] == ("nurse " * 1000).strip()[:200]
    assert len(form.values["q"]) == 200 and not form.ignored


def test_forms_without_a_page_hold_their_defaults():
    form = OccupationListForm({})
    assert form.values == {"zone": None, "education": "", "sort": "openings", "page": None}
    assert not form.ignored


def test_search_form_offers_every_cluster_grouped_by_framework(explore_catalogue):
    clusters = list(Cluster.objects.select_related("framework").order_by("framework", "name"))
    html = str(SearchForm({}, clusters=clusters)["cluster"])
    assert html.count("<optgroup") == len({c.framework_id for c in clusters})
    for cluster in clusters:
        assert f'<option value="{cluster.slug}">' in html
