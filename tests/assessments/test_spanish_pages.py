"""The quiz and results pages in Spanish (/es/...): the site's own words are Spanish there,
and the English pages read as before. Quiz statements, cluster and career names are data
(still English here), so they are not checked."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from assessments import wording
from assessments.models import Attempt
from assessments.scoring import TieGroup
from tests.support.quiz import HELPER, answer_items, finished_attempt, item_ids

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "assessments/locale/es/LC_MESSAGES/django.po"
HTMX = {"HX-Request": "true"}


def es(name, *args) -> str:
    with translation.override("es"):
        return reverse(name, args=args)


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def page(response) -> str:
    return response.content.decode()


def has_all(html: str, *texts: str) -> None:
    for text in texts:
        assert text in html, text


def has_none(html: str, *texts: str) -> None:
    for text in texts:
        assert text not in html, text


@pytest.fixture
def attempt_es(client, mini_quiz):
    """A mini quiz begun from the Spanish start page."""
    response = client.post(es("assessments:begin", mini_quiz.slug))
    attempt = Attempt.objects.get()
    assert response.status_code == 302
    assert response["Location"] == es("assessments:page", attempt.token, 1)
    assert response["Location"].startswith("/es/")
    return attempt


# ---------------------------------------------------------------------------------------
# Start


def test_the_start_page_in_spanish(client, mini_quiz):
    html = page(client.get(es("assessments:start")))
    assert '<html lang="es"' in html
    has_all(
        html,
        "<title>Haz el cuestionario de intereses",
        "<h1>Haz el cuestionario de intereses</h1>",
        "Nunca te pedimos tu nombre, tu correo electrónico ni otros datos personales.",
        "Elige un cuestionario",
        "Más o menos 2 minutos.",
        "Empezar el mini quiz",
        'content="Un cuestionario corto sobre las actividades que te gustan.',
    )
    has_none(
        html,
        "Take the interest quiz",
        "We never ask for your name, email",
        "Choose a quiz",
        "About 2 minutes",
        "Start the mini quiz",
    )


def test_the_start_page_lists_unfinished_and_earlier_quizzes_in_spanish(client, attempt_es):
    earlier = finished_attempt(attempt_es.assessment, HELPER)
    client.get(es("assessments:resume", earlier.token))  # this browser remembers it
    html = page(client.get(es("assessments:start")))
    has_all(html, "Sigue donde te quedaste", "Sigue con tu mini quiz", "Tus resultados anteriores")
    assert re.search(r"\(lo empezaste el \d{1,2} de [a-z]+\)", html)
    assert re.search(r"Mini quiz, \d{1,2} de [a-z]+ de \d{4}</a>: código de intereses SIR", html)
    has_none(html, "Pick up where you left off", "Continue your", "interest code")


# ---------------------------------------------------------------------------------------
# Quiz pages and the htmx answer endpoint


def test_a_quiz_page_in_spanish(client, attempt_es):
    html = page(client.get(es("assessments:page", attempt_es.token, 1)))
    has_all(
        html,
        "<title>Página 1 de 2, Mini quiz",
        '<p class="quiz-page" id="page-label">Página 1 de 2</p>',
        "Llevas 0 de 12 frases respondidas.",
        "¿Cuánto te gustaría hacer cada actividad?",
        "<span>No me gusta nada</span>",
        "<span>No me gusta</span>",
        "<span>No lo sé</span>",
        "<span>Me gusta</span>",
        "<span>Me gusta mucho</span>",
        "Guardar e ir a la página 2",
        "Guardar y salir",
        "Termina más tarde",
        "Cualquiera que lo tenga puede ver tus respuestas",
        f"http://testserver/es/quiz/{attempt_es.token}/",  # the private link keeps Spanish
        f'hx-post="{es("assessments:answer", attempt_es.token)}"',
    )
    has_none(
        html,
        "Page 1 of 2",
        "Strongly dislike",
        "Strongly like",
        "Not sure",
        "Save and go",
        "Finish later",
        "statements answered",
    )


def test_the_last_quiz_page_and_going_back_in_spanish(client, attempt_es):
    html = page(client.get(es("assessments:page", attempt_es.token, 2)))
    has_all(html, "Página 2 de 2", "Guardar y seguir", "Guardar y volver")
    has_none(html, "Save and continue", "Save and go back")


def test_missing_answers_are_pointed_out_in_spanish(client, attempt_es):
    url = es("assessments:page", attempt_es.token, 1)
    response = client.post(url, {"action": "next"})
    assert response["Location"] == f"{url}?check=1#problems"
    html = page(client.get(f"{url}?check=1"))
    has_all(
        html,
        "<title>Revisa tus respuestas: página 1 de 2, Mini quiz",
        "Falta responder 6 frases en esta página",
        "Tus otras respuestas están guardadas. Elige una respuesta para:",
        '<span class="visually-hidden">Error:</span> Elige una respuesta para esta.',
    )
    has_none(html, "Check your answers", "still need an answer", "Choose an answer for")


def test_one_missing_answer_is_singular_in_spanish(client, attempt_es):
    url = es("assessments:page", attempt_es.token, 1)
    ids = item_ids(page(client.get(url)))
    client.post(url, {f"q{i}": "4" for i in ids[:5]} | {"action": "next"})
    html = page(client.get(f"{url}?check=1"))
    assert "Falta responder 1 frase en esta página" in html
    assert "<span>Me gusta</span>" in html and "✓</span> Guardada" in html


def test_the_htmx_answer_endpoint_says_saved_in_spanish(client, attempt_es):
    ids = item_ids(page(client.get(es("assessments:page", attempt_es.token, 1))))
    response = client.post(
        es("assessments:answer", attempt_es.token), {f"q{ids[0]}": "5"}, headers=HTMX
    )
    html = page(response)
    assert response.status_code == 200
    has_all(
        html,
        f'id="saved-{ids[0]}" hx-swap-oob="true"><span aria-hidden="true">✓</span> Guardada</p>',
        "Respuesta guardada. Llevas 1 de 12 frases respondidas.",
    )
    has_none(html, "Saved", "Answer saved", "statements answered")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"q{id}": "9"}, "Las respuestas van de 1 a 5."),
        ({"q{id}": ""}, "Las respuestas van de 1 a 5."),
        ({"qx": "4"}, "“qx” no es una frase de este cuestionario."),
        ({}, "No llegó ninguna respuesta."),
        (
            {"q999999": "4"},
            "Algunas respuestas eran para frases que no están en este cuestionario.",
        ),
    ],
    ids=["out-of-range", "empty", "odd-key", "nothing", "not-in-quiz"],
)
def test_the_htmx_answer_endpoint_explains_bad_input_in_spanish(client, attempt_es, data, message):
    ids = item_ids(page(client.get(es("assessments:page", attempt_es.token, 1))))
    data = {key.format(id=ids[0]): value for key, value in data.items()}
    response = client.post(es("assessments:answer", attempt_es.token), data, headers=HTMX)
    html = page(response)
    assert response.status_code == 400
    has_all(
        html,
        f"<p>{message} No perdiste nada de lo que guardaste antes. "
        "Vuelve atrás y prueba otra vez.</p>",
        "Volver a tu cuestionario",
    )
    has_none(html, "Nothing you saved before", "Back to your quiz", "Answers go from")


def test_an_answer_sent_twice_is_refused_in_spanish(client, attempt_es):
    ids = item_ids(page(client.get(es("assessments:page", attempt_es.token, 1))))
    response = client.post(
        es("assessments:answer", attempt_es.token),
        f"q{ids[0]}=4&q{ids[0]}=5",
        content_type="application/x-www-form-urlencoded",
    )
    html = page(response)
    assert response.status_code == 400
    has_all(
        html,
        "<title>No pudimos guardar esa respuesta",
        "Manda una sola respuesta para cada frase.",
    )


def test_answering_a_finished_quiz_says_so_in_spanish(client, attempt_es):
    answer_items(attempt_es, HELPER)
    client.post(es("assessments:plan", attempt_es.token), {"plan": ""})
    ids = [item.id for item in attempt_es.assessment.items.all()]
    response = client.post(
        es("assessments:answer", attempt_es.token), {f"q{ids[0]}": "3"}, headers=HTMX
    )
    html = page(response)
    assert response.status_code == 409
    has_all(html, "Tus respuestas se guardaron cuando terminaste.", "Ver tus resultados")
    has_none(html, "This quiz is already finished", "See your results")
    response = client.post(es("assessments:page", attempt_es.token, 1), {f"q{ids[0]}": "3"})
    assert response.status_code == 409
    assert "<title>Este cuestionario ya está terminado" in page(response)


# ---------------------------------------------------------------------------------------
# The plan step


def test_the_plan_step_in_spanish(client, attempt_es):
    answer_items(attempt_es, HELPER)
    html = page(client.get(es("assessments:plan", attempt_es.token)))
    has_all(
        html,
        "<title>Una última pregunta, Mini quiz",
        "<h1>Una última pregunta</h1>",
        "Terminaste las 2 páginas. Esta pregunta es opcional.",
        "<legend>¿Cuánta educación o capacitación piensas tener?</legend>",
        "<span>Empezar a trabajar pronto y aprender en el trabajo</span>",
        "<span>Un título universitario de cuatro años</span>",
        "<span>Todavía no lo sé</span>",
        "Ver mis resultados",
        "Volver a la página 2",
    )
    has_none(
        html,
        "One last question",
        "How much education or training",
        "Not sure yet",
        "See my results",
        "A four-year college degree",
    )


def test_a_bad_plan_is_explained_in_spanish(client, attempt_es):
    answer_items(attempt_es, HELPER)
    response = client.post(es("assessments:plan", attempt_es.token), {"plan": "7"})
    html = page(response)
    assert response.status_code == 400
    has_all(
        html,
        "<title>No pudimos usar esa respuesta",
        "Elige uno de los planes de educación, o elige “Todavía no lo sé”. "
        "Todas tus respuestas del cuestionario siguen guardadas.",
    )
    has_none(html, "Pick one of the education plans", "still saved")


def test_finishing_in_spanish_leads_to_the_spanish_results(client, attempt_es):
    answer_items(attempt_es, HELPER)
    response = client.post(es("assessments:plan", attempt_es.token), {"plan": "3"})
    assert response["Location"] == es("assessments:results", attempt_es.token)


# ---------------------------------------------------------------------------------------
# Results


@pytest.fixture
def helper_results(interest_catalogue, mini_quiz):
    return finished_attempt(mini_quiz, HELPER, plan=4)


def test_the_results_page_in_spanish(client, helper_results):
    html = page(client.get(es("assessments:results", helper_results.token)))
    has_all(
        html,
        "<title>Tus resultados, Mini quiz",
        "<h1>Tus resultados</h1>",
        "Tus grupos de carreras principales",
        "Por qué: tiene que ver con ayudar a la gente",
        '<strong class="fit-label">Encaja muy bien</strong>',
        "Tu perfil de intereses",
        "Realista 2.5, Investigador 5.5, Artístico 1.0, Social 7.0",
        "El punto medio, 4.0, es “No lo sé”.",
        'Tu código de intereses es <strong class="code-letters">SIR</strong>',
        "Te gusta ayudar a la gente: enseñar, cuidar, escuchar",
        "Realista, Emprendedor y Convencional tienen el mismo puntaje (2.5).",
        "Solo uno de ellos cabe en tu código.",
        "Carreras de este grupo que encajan contigo",
        "Salario típico: $93,600 al año",  # US numbers in Spanish too
        "Preparación habitual:",
        '<span class="tag bright">Demanda en aumento</span>',
        '<span class="fit fit-strong-fit">Encaja muy bien</span>',  # the class stays English
        "Mostrar carreras para este plan de educación",
        "Cualquier nivel de educación o capacitación",
        "Te mostramos carreras para tu plan, o para un paso más o menos.",
        "Rutas profesionales para mirar:",
        "Salarios: U.S. Bureau of Labor Statistics",
        "Sobre los datos",
        "¿Y ahora qué?",
        "Haz el cuestionario otra vez",
        'aria-label="Lista de grupos de carreras"',
    )
    assert re.search(r"De tu mini quiz, que terminaste el \d{1,2} de [a-z]+ de \d{4}\.", html)
    has_none(
        html,
        "Your results",
        "Your top clusters",
        "Why:",
        "Strong fit",
        "Typical pay",
        " a year",
        "Growing demand",
        "You like",
        "have the same score",
        "Realistic",
        "Investigative",
        "Take the quiz again",
    )


def test_the_results_filter_in_spanish_with_htmx(client, helper_results):
    url = es("assessments:results", helper_results.token)
    html = page(client.get(f"{url}?plan=", headers=HTMX))
    has_all(
        html,
        "Te mostramos carreras para cualquier nivel de educación o capacitación.",
        "carreras de este grupo encajan contigo.",
    )
    has_none(html, "Showing careers", "careers here fit you")
    html = page(client.get(f"{url}?plan=junk"))
    assert '<option value="4" selected>Un título universitario de cuatro años</option>' in html


def test_flat_results_in_spanish(client, interest_catalogue, mini_quiz):
    attempt = finished_attempt(mini_quiz, 3)
    html = page(client.get(es("assessments:results", attempt.token)))
    has_all(
        html,
        "Nada se destaca en tus respuestas",
        "Deja “Me gusta mucho” para las actividades que más te gustarían.",
    )
    has_none(html, "Nothing stands out", "Strongly like")


def test_low_results_in_spanish(client, interest_catalogue, mini_quiz):
    attempt = finished_attempt(mini_quiz, {"R": 1, "I": 2, "A": 3, "S": 3, "E": 2, "C": 1})
    html = page(client.get(es("assessments:results", attempt.token)))
    has_all(
        html,
        "No dijiste que te guste ninguno de los seis tipos de actividades",
        "El más alto es Artístico (4.0).",
        f'<a href="{es("clusters:index")}">Mira todos los grupos de carreras</a>',
    )
    has_none(html, "You did not say", "Your highest is", "Artistic")


def test_earlier_results_are_listed_in_spanish(client, interest_catalogue, mini_quiz):
    flat = finished_attempt(mini_quiz, 3)
    latest = finished_attempt(mini_quiz, HELPER)
    client.get(es("assessments:resume", flat.token))
    html = page(client.get(es("assessments:results", latest.token)))
    has_all(html, "Tus resultados anteriores", "Mira cómo han cambiado tus intereses:")
    assert re.search(r"Mini quiz, \d{1,2} de [a-z]+ de \d{4}, \d\d:\d\d</a>: sin un patrón", html)


# ---------------------------------------------------------------------------------------
# The results' sentences, built in Python


def test_spanish_lists_use_e_before_an_i_sound():
    with translation.override("es"):
        assert wording.join_words(["Realista", "Investigador"]) == "Realista e Investigador"
        assert wording.join_words(["R", "I"]) == "R e I"
        assert wording.join_words(["Social", "Artístico"]) == "Social y Artístico"
        assert wording.join_words(["a", "b", "c"]) == "a, b y c"
    with translation.override("en"):
        assert wording.join_words(["Realistic", "Investigative"]) == "Realistic and Investigative"


def test_tie_sentences_in_spanish():
    two_of_three = TieGroup(areas=("R", "I", "A"), in_code=2, score=5.5)
    with translation.override("es"):
        sentence = wording.tie_sentence(group=two_of_three, code="SRI")
    assert sentence == (
        "Realista, Investigador y Artístico tienen el mismo puntaje (5.5). Solo 2 de ellos "
        "caben en tu código. Por eso mostramos R e I (en el orden R-I-A-S-E-C). Artístico "
        "tiene un puntaje igual de alto."
    )
    with translation.override("en"):
        assert wording.tie_sentence(group=two_of_three, code="SRI") == (
            "Realistic, Investigative and Artistic have the same score (5.5). Only 2 of them "
            "fit in your code, so we show R and I (in the order R-I-A-S-E-C). Artistic is "
            "just as high."
        )


# ---------------------------------------------------------------------------------------
# English stays as it was


def test_the_english_pages_are_unchanged(client, interest_catalogue, mini_quiz):
    html = page(client.get(en("assessments:start")))
    assert '<html lang="en"' in html
    has_all(html, "Take the interest quiz", "About 2 minutes.", "Start the mini quiz")
    has_none(html, "cuestionario", "Más o menos")
    client.post(en("assessments:begin", mini_quiz.slug))
    attempt = Attempt.objects.get()
    html = page(client.get(en("assessments:page", attempt.token, 1)))
    has_all(html, "Page 1 of 2", "<span>Strongly dislike</span>", "Save and go to page 2")
    has_none(html, "Página", "Me gusta", "Guardar")
    answer_items(attempt, HELPER)
    client.post(en("assessments:plan", attempt.token), {"plan": "4"})
    html = page(client.get(en("assessments:results", attempt.token)))
    has_all(
        html,
        "Why: helping people and figuring things out, which you like.",
        '<span class="fit fit-strong-fit">Strong fit</span>',
        "Typical pay: $93,600 a year",
        "Realistic, Enterprising and Conventional have the same score (2.5).",
        "You like helping people: teaching, caring, listening",
    )
    has_none(html, "Encaja", "Por qué", "Salario", "grupos de carreras")


def test_the_spanish_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUE))
    assert len(catalogue) > 100
    assert not catalogue.untranslated_entries()
    assert not catalogue.fuzzy_entries()
    assert Path(str(CATALOGUE).replace(".po", ".mo")).exists()
