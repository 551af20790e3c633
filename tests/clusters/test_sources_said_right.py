"""Each page credits the sources of what it shows, each framework with its own publisher."""

import re

import pytest
from django.urls import reverse

from clusters import models as m
from clusters import services
from tests.support import factories as make

pytestmark = pytest.mark.django_db


def plain(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def credited(explore_catalogue):
    """The releases as the importer names them, so the pages credit real publishers."""
    m.DataRelease.objects.filter(key="advance-cte").update(
        name="National Career Clusters Framework crosswalks",
        version="2024 framework, September 2025 edition",
        publisher="Advance CTE",
    )
    m.DataRelease.objects.filter(key="onet-classic").update(
        name="Career Clusters in O*NET OnLine",
        version="the classic 16 clusters, with O*NET 29.3 occupations",
        publisher="USDOL/ETA (O*NET OnLine)",
    )
    return explore_catalogue


def test_classic_framework_pages_credit_o_net_online_not_advance_cte(client, credited):
    for path in (
        reverse("clusters:cluster", args=["health-science"]),
        reverse("clusters:pathway", args=["health-science", "therapeutic-services"]),
        reverse("clusters:index") + "?framework=classic-16",
    ):
        text = plain(client.get(path))
        source = text[text.index("Sources:") :]
        assert (
            "clusters and pathways from USDOL/ETA (O*NET OnLine)'s Career Clusters in O*NET OnLine"
            in source
        ), path
        assert "Advance CTE's National" not in source.split("About the data")[0], path
    text = plain(client.get(reverse("clusters:cluster", args=["healthcare-human-services"])))
    source = text[text.index("Sources:") :].split("About the data")[0]
    assert (
        "Advance CTE's National Career Clusters Framework crosswalks"
        " (2024 framework, September 2025 edition)" in source
    )


def test_footer_names_the_advance_cte_edition_and_links_the_license(client, credited):
    html = client.get(reverse("home")).content.decode()
    footer = html[html.index("<footer") :]
    assert "September 2025 edition" in footer
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in footer


def test_my_careers_names_its_sources(client, credited):
    session = client.session
    session[services.SAVED_KEY] = ["29-1141.00"]
    session.save()
    text = plain(client.get(reverse("clusters:saved")))
    assert "pay from BLS" in text and "outlook and education to start from BLS" in text


def test_about_the_data_links_the_license_and_says_who_changed_the_data(client, credited):
    m.DataRelease.objects.filter(key="onet").update(
        licence="Creative Commons Attribution 4.0 International (CC BY 4.0)"
    )
    response = client.get(reverse("clusters:about_data"))
    html = response.content.decode()
    assert '<a href="https://creativecommons.org/licenses/by/4.0/">' in html
    assert "The Career Clusters project made the changes" in plain(response)
    assert "as the publisher gave it" not in html


@pytest.mark.parametrize("phrase", ["O*NET has", "O*NET says", "O*NET lists", "O*NET's"])
def test_o_net_is_used_as_an_adjective(client, credited, phrase):
    bare = make.occupation(
        "Infantry", "55-3016.00", realistic=None, investigative=None, artistic=None,
        social=None, enterprising=None, conventional=None, job_zone_id=None,
    )  # fmt: skip
    for path in (
        reverse("clusters:occupation", args=["29-1141.00"]),
        reverse("clusters:occupation", args=[bare.code]),
        reverse("clusters:index"),
        reverse("clusters:about_data"),
    ):
        assert phrase not in client.get(path).content.decode(), path
