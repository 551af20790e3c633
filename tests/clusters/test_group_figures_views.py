"""Wherever a list shows pay, outlook or education that belong to a group, it says so."""

import pytest
from django.urls import reverse

from clusters import services
from tests.support import factories as make

pytestmark = pytest.mark.django_db

NOTE = "Figures for a group of related jobs"


@pytest.fixture
def web_admin(explore_catalogue):
    return make.occupation(
        "Web Administrators",
        "15-1299.01",
        pathways=[explore_catalogue["physical"]],
        search_titles="web administrators\nnurse web administrator",
        wage_median=108970,
        bls_code="15-1299",
        bls_title="Computer Occupations, All Other",
        figures_for_group=True,
        figures_group="a group of related jobs",
    )


def test_cluster_and_search_lists_say_the_figures_are_a_groups(client, web_admin):
    for path in (
        reverse("clusters:pathway", args=["healthcare-human-services", "physical-health"]),
        reverse("clusters:search") + "?q=web+administrators",
    ):
        html = client.get(path).content.decode()
        assert "Web Administrators" in html
        assert html.count(NOTE) == 1, path  # the nurses' own figures carry no note


def test_my_careers_and_compare_say_whose_figures(client, web_admin):
    session = client.session
    session[services.SAVED_KEY] = ["29-1141.00", web_admin.code]
    session.save()
    html = client.get(reverse("clusters:saved")).content.decode()
    assert html.count(NOTE) == 1
    html = client.get(
        reverse("clusters:compare") + f"?o=29-1141.00&o={web_admin.code}"
    ).content.decode()
    row = html[html.index("Pay, jobs and education are for") :]
    row = row[: row.index("</tr>")]
    assert '<td data-career="Registered Nurses">This job</td>' in row
    assert f'<td data-career="{web_admin.title}">A group of related jobs</td>' in row
