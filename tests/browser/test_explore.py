"""Explore pages in a real Chromium: live search, in-place filters, saving and comparing,
back/forward, axe-core, 360 px screens and no JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from clusters.models import Cluster, Occupation
from tests.support import factories as make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLUSTER = "/clusters/healthcare-human-services/"


@pytest.fixture
def explore_catalogue():
    return make.small_catalogue()


def mark_page(page):
    """A flag that survives htmx swaps but not a full page load."""
    page.evaluate("window.__stillHere = true")


def still_same_page(page) -> bool:
    return page.evaluate("window.__stillHere === true")


def rows(page):
    return page.locator(".occupation-row-title a")


def test_search_as_you_type(page, live_server, explore_catalogue):
    page.goto(live_server.url + "/search/")
    mark_page(page)
    box = page.get_by_label("Job title, or what you like to do")
    box.press_sequentially("electrisian", delay=30)  # misspelt on purpose
    expect(rows(page).first).to_have_text("Electricians")
    expect(page.locator(".search-results")).to_contain_text("Showing results for")
    expect(page).to_have_url(live_server.url + "/search/?q=electrisian")
    assert still_same_page(page)
    assert page.evaluate("document.activeElement.id") == "q"  # typing is not interrupted
    expect(page.locator("#search-status")).to_have_text("1 career found.")
    page.get_by_label("Preparation needed").select_option("4")
    expect(page.locator(".search-results h2").first).to_contain_text("No careers found")
    expect(page).to_have_url(re.compile(r"zone=4"))


def test_filter_a_cluster_list_in_place_with_back_and_forward(
    page, live_server, explore_catalogue
):
    page.goto(live_server.url + CLUSTER)
    mark_page(page)
    expect(rows(page)).to_have_count(3)
    page.get_by_label("Preparation needed").select_option("4")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first).to_have_text("Registered Nurses")
    expect(page).to_have_url(re.compile(r"zone=4"))
    page.get_by_label("Sort by").select_option("pay")
    expect(page).to_have_url(live_server.url + CLUSTER + "?zone=4&sort=pay")
    assert still_same_page(page)  # updated in place, not reloaded
    page.go_back()
    expect(page).to_have_url(live_server.url + CLUSTER + "?zone=4")
    expect(page.get_by_label("Sort by")).to_have_value("")  # most openings, the default
    page.go_back()
    expect(page).to_have_url(live_server.url + CLUSTER)
    expect(rows(page)).to_have_count(3)
    expect(page.get_by_label("Preparation needed")).to_have_value("")
    page.go_forward()
    expect(rows(page)).to_have_count(1)
    expect(page.get_by_label("Preparation needed")).to_have_value("4")


def test_filters_fold_away_on_a_phone_and_say_how_many_are_on(
    page, live_server, explore_catalogue, assert_no_axe_violations
):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + CLUSTER)
    zone = page.get_by_label("Preparation needed")
    expect(zone).to_be_hidden()  # folded: the careers come first
    expect(rows(page)).to_have_count(3)
    page.get_by_text("Filter and sort").click()
    zone.select_option("4")
    expect(rows(page)).to_have_count(1)
    expect(page.locator("#filter-count")).to_have_text("1 filter on")
    page.get_by_label("Education to start").select_option("bachelor")
    expect(page.locator("#filter-count")).to_have_text("2 filters on")
    assert_no_axe_violations(page)
    page.reload()  # a link with filters on opens with them shown
    expect(zone).to_be_visible()
    expect(page.locator("#filter-count")).to_have_text("2 filters on")
    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator("#filter-count")).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + CLUSTER)
    expect(zone).to_be_visible()  # a wide screen has room: open from the start


def test_search_filters_fold_away_on_a_phone_too(page, live_server, explore_catalogue):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/search/?q=nurse")
    zone = page.get_by_label("Preparation needed")
    expect(zone).to_be_hidden()
    expect(rows(page).first).to_be_in_viewport()  # the first result on the first screen
    page.locator("summary", has_text="Narrow the results").click()
    zone.select_option("4")
    expect(page.locator("#filter-count")).to_have_text("1 filter on")
    page.get_by_label("Growing demand only").check()
    expect(page.locator("#filter-count")).to_have_text("2 filters on")
    expect(page).to_have_url(re.compile(r"zone=4&bright=1"))


def test_save_and_compare_careers(page, live_server, explore_catalogue):
    page.goto(live_server.url + "/occupations/29-1141.00/")
    mark_page(page)
    page.get_by_role("button", name="Save Registered Nurses to my careers").click()
    remove = page.get_by_role("button", name="Remove Registered Nurses from my careers")
    expect(remove).to_be_focused()  # focus stays on the control after the swap
    expect(page.locator(".save-status")).to_contain_text("Saved to My careers")
    assert still_same_page(page)
    page.goto(live_server.url + CLUSTER + "?zone=2")
    page.get_by_role("button", name="Save Nursing Assistants to my careers").click()
    expect(
        page.get_by_role("button", name="Remove Nursing Assistants from my careers")
    ).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My careers").click()
    expect(rows(page)).to_have_text(["Registered Nurses", "Nursing Assistants"])
    page.get_by_role("link", name="Compare these 2 careers").click()
    expect(page.locator("#compare-caption")).to_have_text(
        "Comparing Registered Nurses and Nursing Assistants"
    )
    expect(page).to_have_url(re.compile(r"/compare/\?o=29-1141.00&o=31-1131.00"))


PAGES = [
    "/",  # after saving a career: the returning student's home page
    "/clusters/",
    "/clusters/?framework=classic-16",
    CLUSTER,
    CLUSTER + "physical-health/",
    CLUSTER + "?zone=%EF%BC%93&sort=x",
    "/occupations/29-1141.00/",
    "/search/",
    "/search/?q=nurse",
    "/search/?q=qqqzzz",
    "/search/?q=nurse&zone=%D9%A3&bright=yes",  # junk filters: reset, with a notice
    "/compare/?o=29-1141.00&o=47-2111.00",
    "/compare/?o=29-1141.00",
    "/my-careers/",
    "/about-the-data/",
    "/compare/?o=29-1141.00&o=31-1131.00&o=47-2111.00",
    "/no-such-page/",  # the 404 page and its search box
]


def test_every_explore_page_passes_axe_and_fits_360px(
    page, live_server, explore_catalogue, assert_no_axe_violations
):
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security" in m.text else 0)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/occupations/31-1131.00/")
    page.get_by_role("button", name="Save Nursing Assistants to my careers").click()
    expect(page.locator(".save-status")).to_be_visible()
    for path in PAGES:
        page.goto(live_server.url + path)
        if path == "/":
            expect(page.get_by_role("link", name="Your saved careers")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert page.locator("h1").count() == 1, path
        assert_no_axe_violations(page)
    assert csp_errors == []


def test_explore_works_without_javascript(browser, live_server, explore_catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_label("Search for a job").fill("nurse")
    page.get_by_label("Search for a job").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=nurse"))
    expect(rows(page).first).to_have_text("Registered Nurses")
    page.locator("summary", has_text="Narrow the results").click()  # folded without JavaScript
    page.get_by_label("Preparation needed").select_option("2")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_label("Preparation needed")).to_be_visible()  # open: a filter is on
    expect(rows(page)).to_have_text(["Nursing Assistants"])

    page.goto(live_server.url + CLUSTER)
    page.get_by_text("Filter and sort").click()  # folded without JavaScript, at any width
    page.get_by_label("Education to start").select_option("certificate")
    page.get_by_label("Sort by").select_option("pay")
    page.get_by_role("button", name="Show careers").click()
    expect(page).to_have_url(re.compile(r"education=certificate"))
    expect(rows(page)).to_have_text(
        ["Licensed Practical and Licensed Vocational Nurses", "Nursing Assistants"]
    )
    page.get_by_role("button", name="Save Nursing Assistants to my careers").click()
    expect(page).to_have_url(re.compile(r"education=certificate"))  # back where we were
    page.get_by_role(
        "button", name="Save Licensed Practical and Licensed Vocational Nurses to my careers"
    ).click()
    page.goto(live_server.url + "/my-careers/")
    page.get_by_label("Nursing Assistants").check()
    page.get_by_label("Licensed Practical and Licensed Vocational Nurses").check()
    page.get_by_role("button", name="Compare selected").click()
    expect(page.locator("#compare-caption")).to_have_text(
        "Comparing Nursing Assistants and Licensed Practical and Licensed Vocational Nurses"
    )
    context.close()


def rendered_font_sizes(page, selector: str) -> list[float]:
    """CSS px as drawn: the computed size times the SVG's scale on screen."""
    return page.eval_on_selector_all(
        selector,
        "els => els.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)",
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_pay_chart_text_is_readable_and_marks_the_median(
    page, live_server, explore_catalogue, width
):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/compare/?o=29-1141.00&o=31-1131.00&o=47-2111.00", "/occupations/29-1141.00/"):
        page.goto(live_server.url + path)
        sizes = rendered_font_sizes(page, ".pay-chart text")
        assert sizes and min(sizes) >= 12, (path, sizes)
        labels = page.locator(".pay-chart .median-label").all_text_contents()
        assert "Median $93,600" in labels, (path, labels)
        fills = page.locator(".pay-chart rect").evaluate_all(
            "rects => rects.map(rect => getComputedStyle(rect).fill)"
        )
        assert fills and "rgb(0, 0, 0)" not in fills, (path, fills)  # the palette's, not black


def test_compare_on_a_phone_shows_every_career_without_sideways_scrolling(
    page, live_server, explore_catalogue, assert_no_axe_violations
):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/compare/?o=29-1141.00&o=31-1131.00&o=47-2111.00")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    region = page.locator(".compare-region")
    assert region.evaluate("r => r.scrollWidth <= r.clientWidth")
    pay_row = page.locator("tr", has=page.get_by_role("rowheader", name="Median yearly pay"))
    cells = pay_row.locator("td")
    expect(cells).to_have_count(3)
    names = cells.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    assert names == ['"Registered Nurses"', '"Nursing Assistants"', '"Electricians"']
    for box in cells.evaluate_all("tds => tds.map(td => td.getBoundingClientRect().toJSON())"):
        assert box["left"] >= 0 and box["right"] <= 360
    assert_no_axe_violations(page)


def test_remove_on_my_careers_updates_the_compare_list(
    page, live_server, explore_catalogue, assert_no_axe_violations
):
    for code in ("29-1141.00", "31-1131.00", "47-2111.00"):
        page.goto(live_server.url + f"/occupations/{code}/")
        page.locator(".save-button").first.click()
        expect(page.locator(".save-status")).to_be_visible()
    page.goto(live_server.url + "/my-careers/")
    mark_page(page)
    expect(page.get_by_role("link", name="Compare these 3 careers")).to_be_visible()
    page.get_by_role("button", name="Remove Electricians from my careers").click()
    expect(page.get_by_role("link", name="Compare these 2 careers")).to_have_attribute(
        "href", "/compare/?o=29-1141.00&o=31-1131.00"
    )
    expect(page.locator(".compare-pick").get_by_label("Electricians")).to_have_count(0)
    expect(page.get_by_role("button", name="Save Electricians to my careers")).to_be_focused()
    assert still_same_page(page)
    assert_no_axe_violations(page)


def test_touch_targets_are_big_enough_on_a_phone_in_both_languages(
    page, live_server, explore_catalogue, axe
):
    """axe's target-size rule (WCAG 2.2: 24 px, or room around), which Lighthouse also runs,
    at Lighthouse's phone width; names are longer in Spanish, so links wrap and clip there."""
    Cluster.objects.filter(slug="healthcare-human-services").update(
        name_es="Atención médica y servicios humanos"
    )
    Occupation.objects.filter(code="29-1141.00").update(
        title_es="Enfermeros y enfermeras registrados"
    )
    page.set_viewport_size({"width": 412, "height": 823})
    only_target_size = {"runOnly": {"type": "rule", "values": ["target-size"]}}
    for prefix in ("", "/es"):
        for path in PAGES:
            page.goto(live_server.url + prefix + path)
            results = axe.run(page, options=only_target_size)
            assert results.violations_count == 0, (prefix + path, results.generate_report())


def test_explore_pages_fit_a_320px_screen(page, live_server, explore_catalogue):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in PAGES:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_save_stays_in_reach_on_a_long_occupation_page(page, live_server, explore_catalogue):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/occupations/29-1141.00/")
    page.locator("#related").scroll_into_view_if_needed()
    save = page.get_by_role("button", name="Save Registered Nurses to my careers")
    box = save.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800  # still on screen
    save.click()
    expect(page.locator(".save-status")).to_contain_text("Saved to My careers")
