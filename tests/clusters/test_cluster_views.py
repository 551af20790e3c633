"""The clusters index, cluster pages and pathway pages: filters, sorting, paging, htmx."""

import re

import pytest
from django.urls import reverse

from clusters import models as m
from tests.support import factories as make
from tests.support.content import content_committed

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "occupation-list"}


def titles(response) -> list[str]:
    """Occupation titles in the order the list shows them."""
    html = response.content.decode()
    return re.findall(r'class="occupation-row-title"><a href="[^"]+">([^<]+)</a>', html)


# -- Index -----------------------------------------------------------------------------------


def test_index_lists_the_default_framework_with_counts_and_interests(client, explore_catalogue):
    response = client.get(reverse("clusters:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Healthcare &amp; Human Services" in html
    assert "Our words about Healthcare" in html
    assert "3 careers" in html  # three nurses, counted once each
    card = html[html.index("Healthcare &amp; Human Services</a>") :]
    examples = card[card.index('<p class="examples small">') :].split("</p>")[0]
    assert "For example: " in examples and "Registered Nurses" in examples
    assert "Social</span> (100%)" in html  # all three have interest code SI
    assert "Health Science" not in html  # the other framework's cluster
    assert "?framework=classic-16" in html


def test_index_shows_the_other_framework_one_click_away(client, explore_catalogue):
    response = client.get(reverse("clusters:index"), {"framework": "classic-16"})
    html = response.content.decode()
    assert "Health Science" in html and "Construction" not in html
    assert "?framework=national-2024" in html


def test_unknown_framework_is_a_404_page(client, explore_catalogue):
    response = client.get(reverse("clusters:index"), {"framework": "nope"})
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_index_with_no_data_is_a_friendly_404(client):
    response = client.get(reverse("clusters:index"))
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_index_query_count_does_not_grow_with_data(
    client, explore_catalogue, django_assert_num_queries
):
    # content version, frameworks, clusters with counts, example careers, content version and
    # data releases (footer; then kept)
    with django_assert_num_queries(6):
        client.get(reverse("clusters:index"))
    with content_committed():
        more = make.cluster(explore_catalogue["national"], "Agriculture")
        for n in range(5):
            make.occupation(f"Farmer {n}", pathways=[make.pathway(more, f"Crops {n}")])
    with django_assert_num_queries(6):  # the releases again too: the content changed
        response = client.get(reverse("clusters:index"))
    assert "Agriculture" in response.content.decode()
    with django_assert_num_queries(1):  # the cached page, checked against the content version
        client.get(reverse("clusters:index"))


# -- Cluster page ----------------------------------------------------------------------------


def test_cluster_page_shows_pathways_and_careers(client, explore_catalogue):
    response = client.get(reverse("clusters:cluster", args=["healthcare-human-services"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Healthcare &amp; Human Services</h1>" in html
    assert (
        reverse("clusters:pathway", args=["healthcare-human-services", "physical-health"]) in html
    )
    assert titles(response) == [  # most job openings first, and why, with A to Z one click away
        "Nursing Assistants",
        "Registered Nurses",
        "Licensed Practical and Licensed Vocational Nurses",
    ]
    assert "Most job openings first: more openings, more chances to be hired." in html
    assert '<a href="?sort=title">Sort A to Z</a>' in html
    assert "$93,600" in html and "Growing demand" in html and "+4.9%" in html
    assert "Electricians" not in html
    assert "from the O*NET Database 29.3 by USDOL/ETA" in html


def test_unknown_cluster_is_a_404_page(client, explore_catalogue):
    response = client.get(reverse("clusters:cluster", args=["no-such-cluster"]))
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("pay", ["Registered Nurses", "Licensed Practical", "Nursing Assistants"]),
        ("growth", ["Registered Nurses", "Licensed Practical", "Nursing Assistants"]),
        ("openings", ["Nursing Assistants", "Registered Nurses", "Licensed Practical"]),
        ("title", ["Licensed Practical", "Nursing Assistants", "Registered Nurses"]),
        ("bogus", ["Nursing Assistants", "Registered Nurses", "Licensed Practical"]),
        ("", ["Nursing Assistants", "Registered Nurses", "Licensed Practical"]),
    ],
)
def test_cluster_list_sorts_and_falls_back_to_most_openings(
    client, explore_catalogue, sort, expected
):
    response = client.get(
        reverse("clusters:cluster", args=["healthcare-human-services"]), {"sort": sort}
    )
    assert response.status_code == 200
    assert [t[: len(e)] for t, e in zip(titles(response), expected, strict=True)] == expected


def test_missing_figures_sort_last(client, explore_catalogue):
    explore_catalogue["nurse"].wage_median = None
    explore_catalogue["nurse"].save()
    response = client.get(
        reverse("clusters:cluster", args=["healthcare-human-services"]), {"sort": "pay"}
    )
    assert titles(response)[-1] == "Registered Nurses"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"zone": "4"}, ["Registered Nurses"]),
        ({"zone": "2"}, ["Nursing Assistants"]),
        ({"education": "certificate"}, ["Nursing Assistants",
                                        "Licensed Practical and Licensed Vocational Nurses"]),
        ({"education": "bachelor", "zone": "4"}, ["Registered Nurses"]),
        ({"education": "doctoral"}, []),
        ({"zone": "9"}, None),  # out of range: no filter
        ({"zone": "abc"}, None),
        ({"education": "<script>"}, None),
    ],
)  # fmt: skip
def test_cluster_list_filters(client, explore_catalogue, params, expected):
    response = client.get(reverse("clusters:cluster", args=["healthcare-human-services"]), params)
    assert response.status_code == 200
    if expected is None:
        assert len(titles(response)) == 3
        assert "Clear filters" not in response.content.decode()
    else:
        assert titles(response) == expected
        assert "Clear filters" in response.content.decode()
    if expected == []:
        assert "No careers here match" in response.content.decode()


def test_filter_form_keeps_the_choices(client, explore_catalogue):
    response = client.get(
        reverse("clusters:cluster", args=["healthcare-human-services"]),
        {"zone": "3", "education": "bachelor", "sort": "pay"},
    )
    html = response.content.decode()
    assert '<option value="3" selected>' in html
    assert '<option value="bachelor" selected>' in html
    assert '<option value="pay" selected>' in html


def test_cluster_list_pages_through_25_at_a_time(client, explore_catalogue):
    for n in range(30):
        make.occupation(f"Helper {n:02d}", pathways=[explore_catalogue["physical"]])
    url = reverse("clusters:cluster", args=["healthcare-human-services"])
    first = client.get(url)
    assert len(titles(first)) == 25
    assert "33 careers; showing 1–25" in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    second = client.get(url, {"page": "2", "sort": "pay"})
    assert len(titles(second)) == 8
    assert "?page=1&amp;sort=pay" in second.content.decode()


@pytest.mark.parametrize(("page", "shown"), [("0", 1), ("-3", 1), ("abc", 1), ("999", 2), ("", 1)])
def test_bad_page_numbers_show_the_first_or_last_page(client, explore_catalogue, page, shown):
    for n in range(30):
        make.occupation(f"Helper {n:02d}", pathways=[explore_catalogue["physical"]])
    response = client.get(
        reverse("clusters:cluster", args=["healthcare-human-services"]), {"page": page}
    )
    assert response.status_code == 200
    assert f"Page {shown} of 2" in response.content.decode()


def test_htmx_request_gets_only_the_list(client, explore_catalogue):
    response = client.get(
        reverse("clusters:cluster", args=["healthcare-human-services"]), {"zone": "4"}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<h1>" not in html
    assert titles(response) == ["Registered Nurses"]
    assert 'hx-swap-oob="innerHTML"' in html  # the screen-reader status line
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client, explore_catalogue):
    response = client.get(
        reverse("clusters:cluster", args=["healthcare-human-services"]),
        **HTMX,
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    assert "<html" in response.content.decode()


def test_filter_form_and_links_work_without_javascript(client, explore_catalogue):
    html = client.get(reverse("clusters:cluster", args=["healthcare-human-services"])).content
    html = html.decode()
    form = re.search(r'<form class="list-controls"[^>]*>', html).group(0)
    assert 'method="get"' in form and 'action="/clusters/healthcare-human-services/"' in form
    assert 'hx-push-url="true"' in form and 'hx-target="#occupation-list"' in form
    assert '<button type="submit">Show careers</button>' in html


def test_cluster_page_query_count_is_fixed(client, explore_catalogue, django_assert_num_queries):
    url = reverse("clusters:cluster", args=["healthcare-human-services"])
    client.get(url)  # warm the data-release cache
    # content version, cluster, pathways, count, rows, content version (footer)
    with django_assert_num_queries(6):
        client.get(url, {"zone": "3", "sort": "pay"})
    for n in range(40):
        make.occupation(
            f"Helper {n:02d}",
            pathways=[explore_catalogue["physical"], explore_catalogue["therapy"]],
        )
    with django_assert_num_queries(6):
        client.get(url, {"page": "2"})
    # htmx: no pathways, no footer; the content version again for the data releases the
    # rows' "Jobs by 2034" heading comes from (once a second per process outside tests)
    with django_assert_num_queries(5):
        client.get(url, {"page": "2"}, **HTMX)


def test_cluster_page_query_count_with_a_session(
    client, explore_catalogue, django_assert_num_queries
):
    client.post(reverse("clusters:save"), {"code": "29-1141.00"})
    url = reverse("clusters:cluster", args=["healthcare-human-services"])
    client.get(url)
    with django_assert_num_queries(7):  # + the session
        response = client.get(url, {"sort": "pay"})
    assert (
        'Remove<span class="visually-hidden"> Registered Nurses</span>'
        in response.content.decode()
    )
    with django_assert_num_queries(2):  # the session, the content version; the cached page
        cached = client.get(url, {"sort": "pay"})
    assert (
        'Remove<span class="visually-hidden"> Registered Nurses</span>' in cached.content.decode()
    )


# -- Pathway page ----------------------------------------------------------------------------


@pytest.fixture
def with_programmes(explore_catalogue):
    rn_programme = m.Programme.objects.create(cip_code="51.3801", title="Registered Nursing")
    explore_catalogue["physical"].programmes.add(rn_programme)
    for n in range(70):
        explore_catalogue["physical"].programmes.add(
            m.Programme.objects.create(cip_code=f"51.{n:04d}", title=f"Health Programme {n:02d}")
        )
    offer = m.LocalProgramme.objects.create(
        name="Health Careers Academy", kind="cte", grade_from=10, grade_to=12
    )
    offer.pathways.add(explore_catalogue["physical"])
    hidden = m.LocalProgramme.objects.create(
        name="Old Draft Course", kind="course", is_published=False
    )
    hidden.pathways.add(explore_catalogue["physical"])
    return explore_catalogue


def test_pathway_page_shows_careers_programmes_and_our_school(client, with_programmes):
    response = client.get(
        reverse("clusters:pathway", args=["healthcare-human-services", "physical-health"])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Physical Health</h1>" in html
    assert len(titles(response)) == 3
    assert "Health Programme 59" in html and "Health Programme 60" not in html
    assert "And 11 more." in html  # 71 programmes, 60 shown
    assert "At our school" in html and "Health Careers Academy" in html
    assert "Grades 10–12" in html and "CTE program" in html
    assert "Old Draft Course" not in html


def test_pathway_page_filters_and_htmx(client, explore_catalogue):
    url = reverse("clusters:pathway", args=["healthcare-human-services", "physical-health"])
    response = client.get(url, {"zone": "4"}, **HTMX)
    assert titles(response) == ["Registered Nurses"]
    assert "<h1>" not in response.content.decode()


@pytest.mark.parametrize(
    "args",
    [
        ["healthcare-human-services", "nope"],
        ["construction", "physical-health"],  # a real pathway under the wrong cluster
        ["nope", "physical-health"],
    ],
)
def test_unknown_pathway_is_a_404_page(client, explore_catalogue, args):
    assert client.get(reverse("clusters:pathway", args=args)).status_code == 404


def test_pathway_page_query_count_is_fixed(client, with_programmes, django_assert_num_queries):
    url = reverse("clusters:pathway", args=["healthcare-human-services", "physical-health"])
    client.get(url)
    # content version, pathway (+ programme count), count, rows, programmes, local programmes,
    # content version (footer)
    with django_assert_num_queries(7):
        client.get(url, {"sort": "pay"})
    for n in range(30):
        make.occupation(f"Helper {n:02d}", pathways=[with_programmes["physical"]])
    with django_assert_num_queries(7):
        client.get(url, {"sort": "openings", "page": "2"})


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_pages_only_answer_get(client, explore_catalogue, method):
    url = reverse("clusters:cluster", args=["healthcare-human-services"])
    assert getattr(client, method)(url).status_code == 405
