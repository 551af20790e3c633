"""The whole journey in Spanish in a real Chromium, with JavaScript and without: a Spanish
browser lands on /es/, takes the quick quiz, sees its results, explores a matched cluster,
saves and compares careers and searches, every page axe-clean; switching to English keeps
the answers and the saved careers."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt, Item
from clusters import models as m
from tests.assessments.conftest import interest_catalogue, shipped_quiz  # noqa: F401 (fixtures)
from tests.support.quiz_browser import answer_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quiz(shipped_quiz, interest_catalogue):  # noqa: F811
    """Spanish statement -> area; our Spanish for the careers an artistic student meets."""
    m.Cluster.objects.filter(slug="creating").update(name_es="Crear")
    m.Occupation.objects.filter(code="27-1024.00").update(title_es="Diseñadores gráficos")
    m.Occupation.objects.filter(code="27-1013.00").update(title_es="Artistas plásticos")
    items = Item.objects.filter(assessment=shipped_quiz)
    assert all(item.text_es for item in items)
    return {item.text_es: item.area for item in items}


def take_the_quiz(page, url, quiz, check, *, wait_for_save: bool):
    page.goto(url + "/es/quiz/")
    check(page)
    page.get_by_role("button", name="Empezar el cuestionario rápido de intereses").click()
    expect(page.locator(".quiz-page")).to_have_text("Página 1 de 5")
    page.wait_for_load_state()  # htmx is running before the first answer
    if wait_for_save:  # keyboard only: an arrow key picks an answer, saved and announced
        first = page.locator("fieldset.quiz-item").first
        first.get_by_label("No me gusta nada", exact=True).focus()
        page.keyboard.press("ArrowDown")
        expect(page.locator("#quiz-status")).to_have_text(
            "Respuesta guardada. Llevas 1 de 30 frases respondidas."
        )
    for number in range(2, 6):
        expect(page.locator(".quiz-page")).to_have_text(f"Página {number - 1} de 5")
        answer_page(page, quiz, language="es", wait_for_save=wait_for_save)
        page.get_by_role("button", name=f"Guardar e ir a la página {number}").click()
    answer_page(page, quiz, language="es", wait_for_save=wait_for_save)
    check(page)
    page.get_by_role("button", name="Guardar y seguir").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Una última pregunta")
    check(page)
    page.get_by_label("Un título universitario de cuatro años").check()
    page.get_by_role("button", name="Ver mis resultados").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tus resultados")
    check(page)


def test_the_journey_in_spanish_with_htmx(browser, live_server, quiz, assert_no_axe_violations):
    context = browser.new_context(locale="es-MX")  # Accept-Language: es-MX
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page).to_have_url(live_server.url + "/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert_no_axe_violations(page)

    take_the_quiz(page, live_server.url, quiz, assert_no_axe_violations, wait_for_save=True)
    assert Attempt.objects.get().code.startswith("AI")
    results = page.url
    page.locator(".cluster-match").get_by_role("link", name="Crear").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Crear")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Art", exact=True).click()  # its pathway
    expect(page).to_have_url(re.compile(r"/es/clusters/creating/art/"))
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Diseñadores gráficos").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Diseñadores gráficos")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Guardar Diseñadores gráficos en mis carreras").click()
    expect(
        page.get_by_role("button", name="Quitar Diseñadores gráficos de mis carreras")
    ).to_be_visible()
    page.goto(live_server.url + "/es/occupations/27-1013.00/")
    page.get_by_role("button", name="Guardar Artistas plásticos en mis carreras").click()
    expect(
        page.get_by_role("button", name="Quitar Artistas plásticos de mis carreras")
    ).to_be_visible()

    page.goto(live_server.url + "/es/my-careers/")
    expect(page.get_by_role("link", name="Diseñadores gráficos")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Comparar estas 2 carreras").click()
    expect(page).to_have_url(re.compile(r"/es/compare/"))
    expect(page.locator("table")).to_contain_text("Artistas plásticos")
    assert_no_axe_violations(page)
    page.goto(live_server.url + "/es/search/?q=diseñadora")
    expect(page.get_by_role("link", name="Diseñadores gráficos")).to_be_visible()
    assert_no_axe_violations(page)

    # English, from the header's switch: the same page, the same saved careers and results
    page.goto(live_server.url + "/es/my-careers/")
    page.locator(".language-switch button").click()
    expect(page).to_have_url(live_server.url + "/my-careers/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Graphic Designers")).to_be_visible()
    page.goto(results.replace("/es/", "/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your results")
    page.goto(live_server.url + "/")  # the choice sticks: no redirect to Spanish any more
    expect(page).to_have_url(live_server.url + "/")
    context.close()


def test_the_journey_in_spanish_without_javascript(browser, live_server, quiz):
    # (axe-core needs JavaScript: the htmx test above checks these pages' markup)
    context = browser.new_context(locale="es", java_script_enabled=False)
    page = context.new_page()
    take_the_quiz(page, live_server.url, quiz, lambda page: None, wait_for_save=False)
    page.goto(live_server.url + "/es/occupations/27-1024.00/")
    page.get_by_role("button", name="Guardar Diseñadores gráficos en mis carreras").click()
    expect(page).to_have_url(re.compile(r"/es/occupations/27-1024.00/"))
    page.goto(live_server.url + "/es/my-careers/")
    expect(page.get_by_role("link", name="Diseñadores gráficos")).to_be_visible()
    page.locator(".language-switch button").click()
    expect(page).to_have_url(live_server.url + "/my-careers/")
    expect(page.get_by_role("link", name="Graphic Designers")).to_be_visible()
    context.close()
