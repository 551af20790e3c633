"""Search on Spanish pages: the Spanish word rules, the Spanish index and how a page picks it."""

import pytest
from django.urls import reverse
from django.utils import translation

from clusters import search
from clusters.models import Occupation
from clusters.search import search_occupations
from clusters.search.spanish import STOPWORDS_ES, SYNONYMS_ES, stem_es
from clusters.search.words import split_words
from tests.support import factories as make
from tests.support.content import content_committed

pytestmark = pytest.mark.django_db


def stems(text: str) -> list[str]:
    return [stem_es(w) for w in split_words(text)]


# -- the stemmer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        "enfermero enfermera enfermeros enfermeras Enfermería",
        "médico médica médicos Médicas medico",
        "doctor doctora doctores doctoras",
        "profesor profesora profesores profesoras",
        "electricista electricistas",
        "policía policías policia",
        "juez jueces",
        "actriz actrices",
        "programador programadora programadores programar",
        "panadero panadera panaderos panadería",
        "camión camiones",
        "autobús autobuses",
        "mujer mujeres",
    ],
)
def test_gender_number_and_accents_share_a_root(forms):
    assert len(set(stems(forms))) == 1, stems(forms)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bombero", "bomba"),  # firefighter, pump
        ("cocinero", "cocina"),  # the cook, the kitchen
        ("cajero", "caja"),
        ("soldado", "soldador"),  # soldier, welder
        ("abogado", "abogar"),
    ],
)
def test_different_jobs_keep_apart(a, b):
    assert stem_es(a) != stem_es(b)


def test_short_words_numbers_and_singular_words_in_s_stay():
    assert [stem_es(w) for w in ["pan", "mes", "911", "analisis", "pais"]] == [
        "pan", "mes", "911", "analisis", "pais",
    ]  # fmt: skip


def test_english_words_only_lose_their_plural():
    assert stem_es("nurses") == stem_es("nurse")
    assert stem_es("electricians") == stem_es("electrician") == "electrician"


def test_student_words_and_small_words_are_normalised():
    assert all(key == split_words(key)[0] or " " in key for key in SYNONYMS_ES)  # no accents
    assert "nino" in SYNONYMS_ES["ninos"]
    assert "medico" in SYNONYMS_ES["doctor"] and "physician" in SYNONYMS_ES["doctor"]
    assert "police" in SYNONYMS_ES["cop"]  # the English student words still work
    assert {"quiero", "trabajar", "con", "de", "the", "with"} <= STOPWORDS_ES


# -- a small catalogue with Spanish titles ------------------------------------------------


@pytest.fixture
def catalogue():
    make.occupation(
        "Registered Nurses",
        "29-1141.00",
        title_es="Enfermeros y enfermeras registrados",
        keywords_es="enfermero; enfermera; enfermería; hospital",
        search_titles="registered nurses\nrn\nstaff nurse",
        search_body="assess patient health problems. monitor patients.",
        employment_2024=3_300_000,
    )
    make.occupation(
        "Nursing Assistants",
        "31-1131.00",
        title_es="Asistentes de enfermería",
        keywords_es="asistente de enfermería; auxiliar de enfermería",
        search_titles="nursing assistants\ncertified nursing assistant (cna)",
        search_body="help patients with daily care.",
        employment_2024=1_400_000,
    )
    make.occupation(
        "Family Medicine Physicians",
        "29-1215.00",
        title_es="Médicos y médicas de familia",
        keywords_es="médico de familia; médica de familia; médico general; doctor; doctora",
        search_titles="family medicine physicians\nfamily doctor\nfamily practice physician",
        search_body="diagnose and treat illnesses of patients of all ages.",
    )
    make.occupation(
        "Medical Secretaries",
        "43-6013.00",
        title_es="Secretarios y secretarias médicos",
        keywords_es="secretaria médica; recepcionista de clínica",
        search_titles="medical secretaries\nmedical receptionist",
        search_body="schedule appointments for patients.",
    )
    make.occupation(
        "Electricians",
        "47-2111.00",
        title_es="Electricistas",
        keywords_es="electricista; electricidad; cableado",
        search_titles="electricians\nwireman\nelectrician",
        search_body="install and repair electrical wiring.",
    )
    make.occupation(
        "Automotive Service Technicians and Mechanics",
        "49-3023.00",
        title_es="Técnicos y técnicas de servicio automotriz y mecánicos",
        keywords_es="mecánico; mecánica; técnico automotriz; taller mecánico",
        search_titles="automotive service technicians and mechanics\nauto mechanic\ncar mechanic",
        search_body="repair and maintain cars and light trucks.",
    )
    make.occupation(
        "Childcare Workers",
        "39-9011.00",
        title_es="Trabajadores y trabajadoras de cuidado infantil",
        keywords_es="niñera; cuidador de niños; cuidadora de niños; guardería",
        search_titles="childcare workers\ndaycare worker\nchild care provider",
        search_body="care for children in childcare centers.",
    )
    make.occupation(
        "Pump Operators, Except Wellhead Pumpers",
        "53-7072.00",
        title_es="Operadores y operadoras de bombas",
        keywords_es="operador de bombas; bombeo",
        search_titles="pump operators\npump tender",
        search_body="tend pumps that move liquids.",
    )
    make.occupation(
        "Firefighters",
        "33-2011.00",
        title_es="Bomberos y bomberas",
        keywords_es="bombero; bombera; apagar incendios",
        search_titles="firefighters\nfire fighter",
        search_body="put out fires and rescue people.",
    )


def spanish(query: str) -> search.SearchResult:
    with translation.override("es"):
        return search_occupations(query=query)


@pytest.mark.parametrize("query", ["médico", "medico", "MÉDICA", "médicos", "doctora", "doctor"])
def test_accents_gender_and_number_are_optional(catalogue, query):
    assert spanish(query).codes[0] == "29-1215.00"


@pytest.mark.parametrize(
    "query", ["enfermera", "enfermeras", "enfermeros", "Enfermero", "enfermera registrada"]
)
def test_the_nurse_in_any_form(catalogue, query):
    assert spanish(query).codes[0] == "29-1141.00"


def test_a_job_and_its_trade_match_enfermeria(catalogue):
    assert set(spanish("enfermería").codes[:2]) == {"29-1141.00", "31-1131.00"}


def test_corrects_spanish_misspellings_and_says_so(catalogue):
    result = spanish("enfemera")
    assert result.codes[0] == "29-1141.00"
    assert result.corrections == {"enfemera": "enfermera"}
    result = spanish("electrisista")
    assert result.codes == ["47-2111.00"]
    assert result.corrected_query == "electricista"


def test_words_of_our_titles_are_not_corrected(catalogue):
    assert spanish("mecánicos").corrections == {}
    assert spanish("mecánicos").codes[0] == "49-3023.00"


def test_student_words_and_small_words(catalogue):
    assert spanish("mecánico de carros").codes[0] == "49-3023.00"
    assert spanish("quiero cuidar niños").codes[0] == "39-9011.00"


def test_a_firefighter_is_not_a_pump(catalogue):
    assert spanish("bombero").codes == ["33-2011.00"]
    assert spanish("bombas").codes == ["53-7072.00"]


@pytest.mark.parametrize(
    ("query", "first"),
    [("nurse", "29-1141.00"), ("registered nurses", "29-1141.00"), ("wireman", "47-2111.00"),
     ("fix cars", "49-3023.00"), ("CNA", "31-1131.00")],
)  # fmt: skip
def test_english_still_works_on_spanish_pages(catalogue, query, first):
    assert spanish(query).codes[0] == first


def test_english_pages_do_not_read_spanish_words(catalogue):
    assert search_occupations(query="enfermera").codes == []
    assert search_occupations(query="bombero").codes == []
    assert search_occupations(query="electricians").codes == ["47-2111.00"]


def test_junk_finds_nothing_on_spanish_pages(catalogue):
    for junk in ["asdfghjkl", "!!!", "de la con", "quiero trabajar"]:
        assert spanish(junk).hits == [], junk


def test_each_language_keeps_its_own_index_rebuilt_when_content_changes(catalogue):
    english = search.get_index()
    with translation.override("es"):
        spanish_index = search.get_index()
    assert spanish_index is not english
    assert (english.language.code, spanish_index.language.code) == ("en", "es")
    assert spanish("electricista").codes == ["47-2111.00"]
    with content_committed():
        make.occupation(
            "Wind Turbine Technicians",
            "49-9081.00",
            title_es="Técnicos y técnicas de turbinas eólicas",
            keywords_es="aerogeneradores",
        )
    assert spanish("aerogeneradores").codes == ["49-9081.00"]
    assert spanish("turbina eólica").codes[0] == "49-9081.00"


def test_an_occupation_without_a_spanish_title_is_found_by_its_english_one(catalogue):
    make.occupation("Wind Turbine Technicians", "49-9081.00", search_titles="windtech")
    assert spanish("wind turbine").codes[0] == "49-9081.00"
    assert spanish("windtech").codes == ["49-9081.00"]


def test_the_spanish_search_page_finds_spanish_words(client, catalogue):
    with translation.override("es"):
        url = reverse("clusters:search")
    with translation.override("en"):
        english_url = reverse("clusters:search")
    assert (url, english_url) == ("/es/search/", "/search/")
    html = client.get(url, {"q": "enfermeras"}).content.decode()
    assert 'href="/es/occupations/29-1141.00/"' in html
    html = client.get(url, {"q": "nurse"}).content.decode()
    assert 'href="/es/occupations/29-1141.00/"' in html
    assert ">Enfermeros y enfermeras registrados</a>" in html  # the title in Spanish
    english = client.get(english_url, {"q": "enfermeras"}).content.decode()
    assert "/occupations/29-1141.00/" not in english
    assert "/occupations/29-1141.00/" in client.get(english_url, {"q": "nurses"}).content.decode()


def test_a_misspelt_english_word_on_a_spanish_page_is_looked_up_in_english(catalogue):
    # not a Spanish word and not an English one as typed: the Spanish index finds nothing
    assert spanish("electrisians").codes[:1] == ["47-2111.00"]
    assert spanish("nurce").codes[:1] == ["29-1141.00"]


def test_filters_hold_when_a_spanish_page_looks_a_word_up_in_english(catalogue):
    Occupation.objects.filter(code="29-1141.00").update(bright_outlook=True)
    with translation.override("es"):
        assert search_occupations(query="nurce", bright=True).codes == ["29-1141.00"]
        assert search_occupations(query="electrisians", bright=True).codes == []
