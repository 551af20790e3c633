"""Spanish pages show our Spanish names, descriptions and titles (English where a field has
no Spanish yet), mark imported English data as English, and cost no extra queries."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_catalogue(explore_catalogue):
    m.Occupation.objects.filter(code="29-1141.00").update(
        title_es="Enfermeros y enfermeras registrados"
    )
    m.Cluster.objects.filter(slug="healthcare-human-services").update(
        name_es="Salud y servicios humanos", description_es="Cuidas la salud de la gente."
    )
    m.Pathway.objects.filter(slug="physical-health").update(name_es="Salud física")
    m.Framework.objects.filter(slug="national-2024").update(name_es="Marco nacional (2024)")
    nurse = m.Occupation.objects.get(code="29-1141.00")
    m.Task.objects.create(occupation=nurse, text="Monitor patients.", is_core=True, position=1)
    return explore_catalogue


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_cluster_page_in_spanish_uses_our_spanish_and_falls_back_to_english(
    client, spanish_catalogue
):
    html = html_of(client, "/es/clusters/healthcare-human-services/")
    assert "<h1>Salud y servicios humanos</h1>" in html
    assert "Cuidas la salud de la gente." in html
    assert "Salud física" in html
    assert "Therapeutic Care" in html  # no Spanish name written yet: the English one
    assert "Enfermeros y enfermeras registrados" in html
    assert "Marco nacional (2024)" in html
    english = html_of(client, "/clusters/healthcare-human-services/")
    assert "<h1>Healthcare &amp; Human Services</h1>" in english
    assert "Salud" not in english and "Enfermeros" not in english


def test_an_occupation_page_in_spanish_marks_the_o_net_text_as_english(client, spanish_catalogue):
    html = html_of(client, "/es/occupations/29-1141.00/")
    assert "<h1>Enfermeros y enfermeras registrados</h1>" in html
    assert "solo están en inglés" in html
    description = m.Occupation.objects.get(code="29-1141.00").description
    assert f'<p lang="en">{description}</p>' in html
    assert '<ul class="tasks" lang="en">' in html and "Monitor patients." in html
    english = html_of(client, "/occupations/29-1141.00/")
    assert f"<p>{description}</p>" in english and 'lang="en">' not in english.split("<body")[1]


def test_education_reads_in_our_words_on_spanish_pages(client, spanish_catalogue):
    html = html_of(client, "/es/occupations/29-2061.00/")
    assert "Postsecondary nondegree award" not in html
    assert "Certificado después de la secundaria" in html or "Certificado" in html
    assert "Postsecondary nondegree award" in html_of(client, "/occupations/29-2061.00/")


def test_spanish_lists_sort_by_the_spanish_names(client, spanish_catalogue):
    m.Cluster.objects.filter(name="Construction").update(name_es="Construcción")
    html = html_of(client, "/es/clusters/")
    assert html.index("Construcción") < html.index("Salud y servicios humanos")
    html = html_of(client, "/clusters/")
    assert html.index("Construction") < html.index("Healthcare")


@pytest.mark.parametrize(
    "path",
    ["/clusters/", "/clusters/healthcare-human-services/", "/occupations/29-1141.00/",
     "/clusters/healthcare-human-services/physical-health/", "/search/?q=nurse"],
)  # fmt: skip
def test_a_spanish_page_makes_as_many_queries_as_the_english_one(client, spanish_catalogue, path):
    counts = {}
    for prefix in ("", "/es"):
        client.get(prefix + path)  # warm what each process keeps (search index, releases)
        caches["pages"].clear()  # but render the page again
        with CaptureQueriesContext(connection) as queries:
            assert client.get(prefix + path).status_code == 200
        counts[prefix] = len(queries)
    assert counts["/es"] == counts[""], path


def test_a_to_z_on_a_spanish_page_follows_the_spanish_titles(client, spanish_catalogue):
    m.Occupation.objects.filter(code="31-1131.00").update(title_es="Técnicos en enfermería")
    path = "/clusters/healthcare-human-services/physical-health/?sort=title"
    html = html_of(client, "/es" + path)
    # Enfermeros (Registered Nurses) < Licensed Practical (no Spanish yet) < Técnicos
    assert html.index("Enfermeros y enfermeras") < html.index("Licensed Practical")
    assert html.index("Licensed Practical") < html.index("Técnicos en enfermería")
    html = html_of(client, path)
    assert html.index("Licensed Practical") < html.index("Nursing Assistants")
    assert html.index("Nursing Assistants") < html.index("Registered Nurses")
