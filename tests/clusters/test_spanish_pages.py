"""The explore pages in Spanish (/es/...): our own words are in Spanish, imported data is
shown as it is, and the English pages still read as before."""

import re
from pathlib import Path

import polib
import pytest

from clusters import models as m

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "clusters/locale/es/LC_MESSAGES/django.po"
NURSE = "/es/occupations/29-1141.00/"


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    html = response.content.decode()
    assert '<html lang="es">' in html
    return html


def test_cluster_index_in_spanish(client, explore_catalogue):
    html = page(client, "/es/clusters/")
    assert "Explora los grupos de carreras" in html
    assert "es una familia de trabajos" in html
    assert "Intereses más comunes:" in html and "Social</span>" in html
    assert "Explore Career Clusters" not in html and "Most common interests" not in html
    assert "Healthcare &amp; Human Services" in html  # the cluster's name is data, unchanged


def test_cluster_page_in_spanish(client, explore_catalogue):
    html = page(client, "/es/clusters/healthcare-human-services/")
    assert "Rutas profesionales" in html
    assert "Carreras de este grupo" in html and "Filtrar y ordenar" in html
    assert "3 carreras." in html
    assert "Más puestos libres primero" in html and "Preparación necesaria" in html
    assert "Demanda en aumento" in html and "Salario mediano" in html
    for english in ("Careers in ", "Most job openings first", "Growing demand", "Median pay"):
        assert english not in html


def test_filtered_list_in_spanish(client, explore_catalogue):
    html = page(client, "/es/clusters/healthcare-human-services/?zone=3")
    assert "1 carrera va con lo que elegiste." in html and "Quitar filtros" in html
    assert "match your choices" not in html


def test_pathway_page_in_spanish(client, explore_catalogue):
    html = page(client, "/es/clusters/healthcare-human-services/physical-health/")
    assert "Carreras en esta ruta" in html and "Programas de estudio" in html
    assert "Careers in this pathway" not in html and "Programs of study" not in html


def test_local_programme_kind_and_grades_in_spanish(client, explore_catalogue):
    offer = m.LocalProgramme.objects.create(
        name="Nurse club", kind="cte", grade_from=10, grade_to=12
    )
    offer.pathways.add(m.Pathway.objects.get(slug="physical-health"))
    html = page(client, "/es/clusters/healthcare-human-services/physical-health/")
    assert "En nuestra escuela" in html
    assert "Programa CTE" in html and "Grados 10–12" in html
    assert "CTE program" not in html and "Grades 10" not in html


def test_occupation_page_in_spanish(client, explore_catalogue):
    html = page(client, NURSE)
    assert "<h1>Registered Nurses</h1>" in html  # the title is data, unchanged
    assert "$93,600 al año" in html  # US numbers in Spanish too
    assert "Qué hacen" in html and "Cómo prepararte" in html
    assert "Nivel 4 de 5: Mucha preparación." in html
    assert "Realista" in html and "Investigador" in html
    assert "Guardar<span" in html and "en mis carreras" in html
    assert "perfil de intereses" in html.lower()
    for english in ("a year", "What they do", "Getting ready", "Realistic", "to my careers"):
        assert english not in html


def test_search_in_spanish(client, explore_catalogue):
    html = page(client, "/es/search/?q=nurse")
    assert "3 carreras para “nurse”" in html
    assert "Nombre de un trabajo o algo que te gusta hacer" in html
    assert "Filtrar los resultados" in html and "Todos los grupos" in html
    assert "careers for" not in html and "Narrow the results" not in html


def test_search_help_in_spanish(client, explore_catalogue):
    html = page(client, "/es/search/?q=zzzzqqq")
    assert "No pudimos entender esa búsqueda" in html and "Ideas para probar" in html
    assert "We could not read that search" not in html


def test_compare_in_spanish(client, explore_catalogue):
    html = page(client, "/es/compare/?o=29-1141.00&o=29-2061.00")
    assert "Comparar carreras" in html and "Salario mediano al año" in html
    assert "Registered Nurses y Licensed Practical" in html
    assert "Median yearly pay" not in html and "Pay charts use" not in html
    error = page(client, "/es/compare/?o=29-1141.00", status=400)
    assert "Elige por lo menos dos carreras para comparar." in error
    assert "Pick at least two" not in error


def test_saved_and_save_button_in_spanish(client, explore_catalogue):
    html = page(client, "/es/my-careers/")
    assert "Todavía no has guardado ninguna carrera." in html
    assert "You have not saved" not in html
    response = client.post(
        "/es/my-careers/save/", {"code": "29-1141.00", "next": NURSE}, HTTP_HX_REQUEST="true"
    )
    saved = response.content.decode()
    assert "Guardada en" in saved and "Saved to" not in saved


def test_about_the_data_in_spanish(client, explore_catalogue):
    html = page(client, "/es/about-the-data/")
    assert "Sobre los datos" in html and "Cómo los usamos" in html
    assert "mayo de 2025" in html  # dates written out the Spanish way
    assert "How we use it" not in html and "May 2025" not in html


def test_english_pages_read_as_before(client, explore_catalogue):
    html = client.get("/clusters/healthcare-human-services/").content.decode()
    assert '<html lang="en">' in html
    assert "Careers in this cluster" in html
    assert "Most job openings first" in html and "3 careers." in html
    assert "Rutas profesionales" not in html and "carreras" not in html
    nurse = client.get("/occupations/29-1141.00/").content.decode()
    assert "$93,600 a year" in nurse and "Level 4 of 5: A lot of preparation." in nurse
    assert "Realistic" in nurse and "al año" not in nurse


def test_the_spanish_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUE))
    assert not catalogue.untranslated_entries()
    assert not catalogue.fuzzy_entries()
    assert not catalogue.metadata_is_fuzzy


def test_spanish_keeps_every_placeholder():
    placeholder = re.compile(r"%\(\w+\)s|%%")
    for entry in polib.pofile(str(CATALOGUE)):
        wanted = sorted(placeholder.findall(entry.msgid_plural or entry.msgid))
        for text in [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values():
            assert sorted(placeholder.findall(text)) == wanted, entry.msgid
