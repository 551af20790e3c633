"""Compare: 2-4 occupations side by side; every other count or code gets a clear message."""

import pytest
from django.urls import reverse

from clusters import models as m
from tests.support import factories as make

pytestmark = pytest.mark.django_db

URL = reverse("clusters:compare")


@pytest.fixture
def compare_catalogue():
    data = make.small_catalogue()
    m.Task.objects.create(occupation=data["nurse"], text="Monitor patients.", is_core=True)
    m.Task.objects.create(occupation=data["nurse"], text="Rarely done thing.", is_core=False)
    return data


def compare(client, *codes):
    response = client.get(URL, {"o": list(codes)})
    return response, response.content.decode()


def test_two_to_four_careers_side_by_side(client, compare_catalogue):
    response, html = compare(client, "29-1141.00", "47-2111.00")
    assert response.status_code == 200
    heading = "Comparing Registered Nurses and Electricians</h2>"
    assert f'<h2 id="compare-caption" class="compare-heading">{heading}' in html
    for text in ["$93,600", "$61,590", "+4.9%", "+9.5%", "Bachelor&#x27;s degree",
                 "High school diploma or equivalent", "Social, Investigative", "Monitor patients.",
                 "A lot of preparation (level 4 of 5)", "189,100"]:  # fmt: skip
        assert text in html, text
    assert "Rarely done thing." not in html  # core tasks only
    assert html.count('class="chart pay-chart"') == 2
    _, html = compare(client, "29-1141.00", "47-2111.00", "29-2061.00", "31-1131.00")
    assert html.count('<th scope="col">') == 4


def test_order_follows_the_link_and_duplicates_count_once(client, compare_catalogue):
    response, html = compare(client, "47-2111.00", "29-1141.00", "47-2111.00")
    assert response.status_code == 200
    assert html.index(">Electricians</a></th>") < html.index(">Registered Nurses</a></th>")


def test_no_codes_explains_how_to_compare(client, compare_catalogue):
    response, html = compare(client)
    assert response.status_code == 200
    assert "How to compare" in html and reverse("clusters:saved") in html


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        (["29-1141.00"], "Pick at least two careers"),
        (["29-1141.00", "29-1141.00"], "Pick at least two careers"),
        (
            ["29-1141.00", "47-2111.00", "29-2061.00", "31-1131.00", "99-0001.00"],
            "up to 4 careers",
        ),
        (["29-1141.00", "99-9999.99"], "We could not find 99-9999.99"),
        (["29-1141.00", "nurse"], "We could not find nurse"),
        (["29-1141.00", "x" * 300], "We could not find"),
    ],
)
def test_wrong_counts_and_unknown_codes_get_a_clear_400(client, compare_catalogue, codes, message):
    response = client.get(URL, {"o": codes})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'role="alert"' in html
    assert "How to compare" in html


def test_known_careers_in_a_bad_link_are_still_linked(client, compare_catalogue):
    _, html = compare(client, "29-1141.00")
    assert 'href="/occupations/29-1141.00/"' in html


def test_compare_query_count_is_fixed(client, compare_catalogue, django_assert_num_queries):
    compare(client, "29-1141.00", "47-2111.00")  # warm the release cache
    # content version, occupations, their core tasks, content version (footer)
    with django_assert_num_queries(4):
        compare(client, "29-1141.00", "29-2061.00")
    with django_assert_num_queries(1):  # the cached page
        compare(client, "29-1141.00", "29-2061.00")
    with django_assert_num_queries(4):
        compare(client, "29-1141.00", "47-2111.00", "29-2061.00", "31-1131.00")
