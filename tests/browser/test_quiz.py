"""The quick quiz end to end in a real browser: with htmx, and with JavaScript turned off.

Each step is checked with axe-core; mid-way the page is reloaded and a page is gone back
to, and nothing answered is lost.
"""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt, Item, Response
from tests.assessments.conftest import interest_catalogue, shipped_quiz  # noqa: F401 (fixtures)
from tests.support.quiz_browser import answer_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quiz(shipped_quiz, interest_catalogue):  # noqa: F811
    return {item.text: item.area for item in Item.objects.filter(assessment=shipped_quiz)}


def no_csp_errors(page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security" in m.text else 0)
    return errors


def saved_answers() -> int:
    return Response.objects.count()


def test_quick_quiz_end_to_end_with_htmx(page, live_server, quiz, assert_no_axe_violations):
    csp_errors = no_csp_errors(page)
    page.goto(live_server.url + "/quiz/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Start the quick interest quiz").click()
    expect(page.locator(".quiz-page")).to_have_text("Page 1 of 5")
    expect(page.locator("progress")).to_have_attribute("value", "1")
    assert_no_axe_violations(page)

    # keyboard only: arrow keys pick an answer, which is saved at once and announced
    page.locator("fieldset.quiz-item").first.get_by_label("Strongly dislike").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#quiz-status")).to_have_text("Answer saved. 1 of 30 statements answered.")
    assert saved_answers() == 1

    answer_page(page, quiz)
    expect(page.locator("#quiz-status")).to_contain_text("6 of 30 statements answered")
    assert saved_answers() == 6
    page.get_by_role("button", name="Save and go to page 2").click()
    expect(page.locator(".quiz-page")).to_have_text("Page 2 of 5")

    # answer half of page 2, then reload: the answers are still there
    answer_page(page, quiz, skip_last=3)
    page.reload()
    expect(page.locator("input[type=radio]:checked")).to_have_count(3)
    expect(page.locator("#quiz-status")).to_contain_text("9 of 30")

    # next with statements missing: they are pointed out, focus goes to the summary
    page.get_by_role("button", name="Save and go to page 3").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("3 statements on this page still need an answer")
    expect(summary).to_be_focused()
    expect(page.locator("fieldset.has-error")).to_have_count(3)
    expect(page.locator("input[type=radio]:checked")).to_have_count(3)
    assert_no_axe_violations(page)
    answer_page(page, quiz)
    page.get_by_role("button", name="Save and go to page 3").click()
    expect(page.locator(".quiz-page")).to_have_text("Page 3 of 5")

    # a step back keeps everything
    answer_page(page, quiz, skip_last=2)
    page.get_by_role("button", name="Save and go back").click()
    expect(page.locator(".quiz-page")).to_have_text("Page 2 of 5")
    expect(page.locator("input[type=radio]:checked")).to_have_count(6)
    page.get_by_role("button", name="Save and go to page 3").click()
    expect(page.locator("input[type=radio]:checked")).to_have_count(4)
    answer_page(page, quiz)
    page.get_by_role("button", name="Save and go to page 4").click()
    answer_page(page, quiz)
    page.get_by_role("button", name="Save and go to page 5").click()
    assert_no_axe_violations(page)
    answer_page(page, quiz)
    assert saved_answers() == 30
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("One last question")
    assert_no_axe_violations(page)
    page.get_by_label("A four-year college degree").check()
    page.get_by_role("button", name="See my results").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your results")
    expect(page.locator("svg.profile-chart")).to_be_visible()
    # each interest area's bar in its own color from the stylesheet, not SVG's default black
    fills = page.locator("svg.profile-chart rect[class^=bar-]").evaluate_all(
        "bars => bars.map(bar => getComputedStyle(bar).fill)"
    )
    assert len(fills) == 6 and len(set(fills)) == 6 and "rgb(0, 0, 0)" not in fills, fills
    expect(page.locator(".cluster-match .why").first).to_contain_text(re.compile(r"fits? you"))
    assert_no_axe_violations(page)
    attempt = Attempt.objects.get()
    assert attempt.is_complete and attempt.education_plan == 4 and attempt.code.startswith("AI")

    # the education filter swaps the matches in place, updates the address, moves focus
    page.get_by_label("Show careers for this education plan").select_option("2")
    page.get_by_role("button", name="Show careers").click()
    expect(page).to_have_url(re.compile(r"plan=2"))
    status = page.locator(".filter-status")
    expect(status).to_contain_text("Finish high school")
    expect(status).to_be_focused()
    assert_no_axe_violations(page)
    page.go_back()
    expect(page.locator(".filter-status")).to_contain_text("A four-year college degree")
    expect(page.get_by_role("button", name="Print your results")).to_be_visible()
    assert csp_errors == []


def test_quick_quiz_end_to_end_without_javascript(
    browser, page, live_server, quiz, assert_no_axe_violations
):
    """axe-core needs JavaScript: each page met without it is checked again in `page`."""

    def check(url):
        page.goto(url)
        assert_no_axe_violations(page)

    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(live_server.url + "/quiz/")
    check(plain.url)
    plain.get_by_role("button", name="Start the quick interest quiz").click()
    expect(plain.locator(".quiz-page")).to_have_text("Page 1 of 5")
    answer_page(plain, quiz, wait_for_save=False)
    assert saved_answers() == 0  # nothing is sent until the page is saved
    plain.get_by_role("button", name="Save and go to page 2").click()
    expect(plain.locator(".quiz-page")).to_have_text("Page 2 of 5")
    assert saved_answers() == 6
    check(plain.url)

    answer_page(plain, quiz, skip_last=2, wait_for_save=False)
    plain.get_by_role("button", name="Save and go to page 3").click()
    expect(plain.locator(".error-summary")).to_contain_text("2 statements on this page still need")
    expect(plain.locator("input[type=radio]:checked")).to_have_count(4)
    check(plain.url)
    plain.reload()
    expect(plain.locator("input[type=radio]:checked")).to_have_count(4)
    answer_page(plain, quiz, wait_for_save=False)
    plain.get_by_role("button", name="Save and go back").click()
    expect(plain.locator(".quiz-page")).to_have_text("Page 1 of 5")
    expect(plain.locator("input[type=radio]:checked")).to_have_count(6)
    plain.get_by_role("button", name="Save and go to page 2").click()
    expect(plain.locator("input[type=radio]:checked")).to_have_count(6)
    for number in (3, 4, 5):
        plain.get_by_role("button", name=f"Save and go to page {number}").click()
        expect(plain.locator(".quiz-page")).to_have_text(f"Page {number} of 5")
        answer_page(plain, quiz, wait_for_save=False)
    plain.get_by_role("button", name="Save and continue").click()
    assert saved_answers() == 30
    check(plain.url)
    plain.get_by_role("button", name="See my results").click()  # "Not sure yet" is the default

    expect(plain.get_by_role("heading", level=1)).to_have_text("Your results")
    check(plain.url)
    plain.get_by_label("Show careers for this education plan").select_option("5")
    plain.get_by_role("button", name="Show careers").click()
    expect(plain).to_have_url(re.compile(r"plan=5"))
    expect(plain.locator(".filter-status")).to_contain_text("More than four years")
    expect(plain.get_by_role("button", name="Print your results")).to_be_hidden()
    attempt = Attempt.objects.get()
    assert attempt.is_complete and attempt.education_plan is None
    context.close()


def test_quiz_page_fits_a_360px_screen(page, live_server, quiz):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/quiz/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Start the quick interest quiz").click()
    expect(page.locator(".quiz-page")).to_have_text("Page 1 of 5")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_five_point_scale_is_one_compact_row_of_big_targets_on_a_phone(
    page, live_server, quiz, assert_no_axe_violations
):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/quiz/")
    page.get_by_role("button", name="Start the quick interest quiz").click()
    expect(page.locator(".quiz-page")).to_have_text("Page 1 of 5")
    first = page.locator(".quiz-item").first
    expect(first.get_by_role("radio")).to_have_count(5)  # real radios in a fieldset
    boxes = first.locator(".scale-option").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().toJSON())"
    )
    assert len({round(b["top"]) for b in boxes}) == 1  # one row
    assert all(b["width"] >= 44 and b["height"] >= 44 for b in boxes), boxes
    height = first.evaluate("e => e.getBoundingClientRect().height")
    assert height < 200, height  # a statement with its scale, not over 400 px as before
    first.get_by_text("Strongly like").click()
    expect(first.locator(".saved")).to_contain_text("Saved")
    assert_no_axe_violations(page)
