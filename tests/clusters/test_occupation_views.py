"""The occupation page: every section, the awkward wage cases, 404s and a fixed query count."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from clusters import models as m
from tests.support import factories as make
from tests.support.content import content_committed

pytestmark = pytest.mark.django_db


@pytest.fixture
def nurse_catalogue():
    data = make.small_catalogue()
    nurse = data["nurse"]
    nurse.bls_code = "29-1141"
    nurse.entry_education = "Bachelor's degree"
    nurse.work_experience = "None"
    nurse.job_training = "None"
    nurse.save()
    m.Task.objects.create(
        occupation=nurse, text="Give medicine to patients.", is_core=False, position=1
    )
    m.Task.objects.create(
        occupation=nurse, text="Monitor patients' condition.", is_core=True, position=2
    )
    m.OtherTitle.objects.create(occupation=nurse, title="Staff Nurse", kind="alternate")
    m.OtherTitle.objects.create(
        occupation=nurse, title="Charge Nurse", kind="reported", featured=True
    )
    m.RelatedOccupation.objects.create(
        occupation=nurse, related=data["lpn"], tier="Primary-Short", rank=1
    )
    m.RelatedOccupation.objects.create(
        occupation=nurse, related=data["aide"], tier="Primary-Short", rank=2
    )
    m.Attribute.objects.create(
        occupation=nurse, kind="skill", name="Active Listening", importance=4.1
    )
    m.Attribute.objects.create(occupation=nurse, kind="skill", name="Speaking", importance=3.9)
    m.Attribute.objects.create(
        occupation=nurse, kind="knowledge", name="Medicine and Dentistry", importance=4.6
    )
    m.EducationShare.objects.create(
        occupation=nurse,
        category=3,
        label="Post-Secondary Certificate - awarded for training",
        percent=20,
    )
    m.EducationShare.objects.create(
        occupation=nurse, category=6, label="Bachelor's Degree", percent=80
    )
    m.EducationShare.objects.create(
        occupation=nurse, category=8, label="Master's Degree", percent=0
    )
    nurse.programmes.add(
        m.Programme.objects.create(cip_code="51.3801", title="Registered Nursing/Registered Nurse")
    )
    offer = m.LocalProgramme.objects.create(
        name="Nurse Aide Course", kind="certification", grade_from=11
    )
    offer.occupations.add(nurse)
    m.LocalProgramme.objects.create(
        name="Hidden Draft", kind="course", is_published=False
    ).occupations.add(nurse)
    return data  # fmt: skip


def page(client, code="29-1141.00"):
    response = client.get(reverse("clusters:occupation", args=[code]))
    return response, response.content.decode()


def test_occupation_page_shows_every_section(client, nurse_catalogue):
    response, html = page(client)
    assert response.status_code == 200
    assert "<h1>Registered Nurses</h1>" in html
    # What they do: description, core tasks first, other titles (featured first)
    assert "Registered Nurses do things." in html
    assert html.index("Monitor patients&#x27; condition.") < html.index(
        "Give medicine to patients."
    )
    assert html.index("Charge Nurse") < html.index("Staff Nurse")
    # Interests: chart with a text alternative
    assert 'role="img"' in html and '<title id="interests-29-1141-00-title">' in html
    assert "Social 6.0" in html  # the svg description
    assert '<th scope="row">Investigative</th><td class="num">4.0</td>' in html
    assert "Social, Investigative" in html
    # Key facts first: pay, education to start, outlook, preparation
    start = html.index('<dl class="key-facts"')
    facts = html[start : html.index("</dl>", start)]
    assert "$93,600 a year" in facts and "Bachelor&#x27;s degree" in facts
    assert "(+4.9%)" in facts and "A lot of preparation" in facts
    # every section is in "On this page"
    start = html.index('<nav class="on-this-page"')
    links = html[start : html.index("</nav>", start)]
    for section in re.findall(r'<h2 id="([^"]+)"', html):
        assert f'href="#{section}"' in links
    # Preparation in plain words ("job zone" only explained), O*NET's text as data
    assert "Level 4 of 5: A lot of preparation." in html
    assert "O*NET education text 4." in html
    # Education: BLS typical entry and O*NET's spread (0% rows left out, labels shortened)
    assert "Bachelor&#x27;s degree" in html
    assert '<th scope="row">Post-Secondary Certificate</th><td class="num">20%</td>' in html
    assert "Master&#x27;s Degree</th>" not in html
    # Pay: median, range, chart and the numbers
    assert "$93,600" in html and "$40,000" in html and "$80,000" in html
    assert 'class="chart pay-chart"' in html
    # Outlook with the bright outlook rule linked
    assert "+4.9%" in html and "189,100" in html
    assert reverse("clusters:about_data") + "#growing-demand" in html
    # Skills and knowledge, programmes, at our school (published only)
    assert "Active Listening" in html and "Medicine and Dentistry" in html
    assert "Registered Nursing/Registered Nurse" in html and "51.3801" in html
    assert "Nurse Aide Course" in html and "Grade 11 and up" in html
    assert "Hidden Draft" not in html
    # Clusters and pathways in each framework; related careers
    assert (
        reverse("clusters:pathway", args=["healthcare-human-services", "physical-health"]) in html
    )
    assert reverse("clusters:pathway", args=["health-science", "therapeutic-services"]) in html
    assert "Classic 16 Clusters" in html
    assert reverse("clusters:occupation", args=["29-2061.00"]) in html
    assert reverse("clusters:compare") + "?o=29-1141.00&amp;o=29-2061.00" in html
    # Source line with release versions
    assert "O*NET Database 29.3" in html and "May 2024" in html and "2024–34" in html
    assert "broader BLS group" not in html


def test_top_coded_wages_say_or_more(client, nurse_catalogue):
    dentist = make.occupation(
        "Dentists, General",
        "29-1021.00",
        wage_p75=239200,
        wage_p90=239200,
        wage_top_coded=True,
        wage_cap=239200,
    )
    _, html = page(client, dentist.code)
    assert "$239,200 or more" in html
    assert "BLS does not publish pay above that figure" in html
    surgeon = make.occupation(
        "Surgeons, All Other", "29-1249.00", wage_median=239200, wage_p90=239200,
        wage_top_coded=True, wage_cap=239200,
    )  # fmt: skip
    _, html = page(client, surgeon.code)
    plain = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Half of the workers earn more than $239,200 a year" in plain
    # A later release's higher cap: only the figures at that cap say "or more".
    anesthesiologist = make.occupation(
        "Anesthesiologists", "29-1211.00", wage_p75=245000, wage_p90=250000,
        wage_top_coded=True, wage_cap=250000,
    )  # fmt: skip
    _, html = page(client, anesthesiologist.code)
    assert '<td class="num">$245,000</td>' in html
    assert '<td class="num">$250,000 or more</td>' in html
    assert "more than $239,200 or more" not in plain


def test_hourly_only_wages_are_explained(client, nurse_catalogue):
    actor = make.occupation(
        "Actors", "27-2011.00", hourly_only=True, wage_p10=None, wage_p25=None,
        wage_median=None, wage_p75=None, wage_p90=None,
    )  # fmt: skip
    _, html = page(client, actor.code)
    assert "paid by the hour" in html
    assert "pay-chart" not in html
    dancer = make.occupation(
        "Dancers", "27-2031.00", hourly_only=True, wage_hourly_median=Decimal("23.97"),
        wage_p10=None, wage_p25=None, wage_median=None, wage_p75=None, wage_p90=None,
    )  # fmt: skip
    _, html = page(client, dancer.code)
    assert "Half of the workers earn more than <strong>$23.97 an hour</strong>" in html
    html = client.get(reverse("clusters:compare") + "?o=27-2031.00&o=29-1141.00").content
    assert "$23.97 an hour" in html.decode()


def test_missing_figures_are_said_plainly(client, nurse_catalogue):
    soldier = make.occupation(
        "Infantry", "55-3016.00", bls_code="", bls_title="", entry_education="",
        wage_p10=None, wage_p25=None, wage_median=None, wage_p75=None, wage_p90=None,
        employment_change_pct=None, annual_openings=None, job_zone_id=None,
        realistic=None, investigative=None, artistic=None, social=None, enterprising=None,
        conventional=None, interest_code="",
    )  # fmt: skip
    response, html = page(client, soldier.code)
    assert response.status_code == 200
    assert "BLS publishes no pay figures" in html
    assert "BLS publishes no projections" in html
    assert "has no interest profile" in html
    assert "has not rated how much preparation" in html
    assert "not in any Career Cluster yet" in html


def test_figures_for_a_group_are_named_with_the_group(client, nurse_catalogue):
    _, html = page(client, "29-1141.00")
    assert "figures-group" not in html  # the whole SOC occupation: BLS figures are its own
    acute = make.occupation(
        "Acute Care Nurses",
        "29-1141.01",
        bls_code="29-1141",
        bls_title="Registered Nurses",
        figures_for_group=True,
        figures_group="all registered nurses",
    )
    _, html = page(client, acute.code)
    assert (
        "are for all registered nurses: the group BLS calls <strong>Registered Nurses</strong>"
        " (29-1141)" in html
    )
    assert "Education to start for all registered nurses" in html
    assert "Jobs and openings for all registered nurses" in html


@pytest.mark.parametrize("code", ["29-1141.99", "00-0000.00"])
def test_unknown_code_is_a_404_page(client, nurse_catalogue, code):
    response, html = page(client, code)
    assert response.status_code == 404
    assert "We could not find that page" in html


@pytest.mark.parametrize(
    "path",
    [
        "/occupations/nurse/", "/occupations/29-1141/", "/occupations/29-1141.00x/",
        "/occupations/٢٩-١١٤١.٠٠/",  # Arabic-Indic digits: not a code, whatever int() says
    ],
)  # fmt: skip
def test_malformed_code_is_a_404_page(client, nurse_catalogue, path, django_assert_num_queries):
    with django_assert_num_queries(0):  # refused by the URL pattern, before any view runs
        assert client.get(path).status_code == 404


def test_save_button_reflects_the_session(client, nurse_catalogue):
    _, html = page(client)
    assert 'Save<span class="visually-hidden"> Registered Nurses to my careers</span>' in html
    client.post(reverse("clusters:save"), {"code": "29-1141.00"})
    _, html = page(client)
    assert 'Remove<span class="visually-hidden"> Registered Nurses</span> from my careers' in html


def test_occupation_page_query_count_is_fixed(client, nurse_catalogue, django_assert_num_queries):
    page(client, "47-2111.00")  # warm the data-release cache
    # content version, occupation, tasks, titles, related, attributes, education, programmes,
    # pathways, local programmes, content version (footer)
    with django_assert_num_queries(11):
        page(client)
    with django_assert_num_queries(1):  # the cached page
        page(client)
    nurse = nurse_catalogue["nurse"]
    with content_committed():
        for n in range(30):
            m.Task.objects.create(occupation=nurse, text=f"Task {n}", is_core=True, position=n)
            m.OtherTitle.objects.create(occupation=nurse, title=f"Nurse {n}", kind="alternate")
            other = make.occupation(f"Other {n}")
            m.RelatedOccupation.objects.create(
                occupation=nurse, related=other, tier="Supplemental", rank=n + 3
            )
            nurse.programmes.add(
                m.Programme.objects.create(cip_code=f"51.{n:04d}", title=f"P {n}")
            )
            m.LocalProgramme.objects.create(name=f"Offer {n}", kind="course").occupations.add(
                nurse
            )
    with django_assert_num_queries(12):  # the releases again too: the content changed
        _, html = page(client)
    assert "And 11 more." in html  # 31 programmes, 20 shown
