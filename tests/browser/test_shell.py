import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_has_no_axe_violations(page, live_server, assert_no_axe_violations):
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security" in m.text else 0)
    page.goto(live_server.url + "/")
    assert page.title().endswith("Career Clusters")
    assert_no_axe_violations(page)
    assert page.evaluate("typeof htmx") == "object"
    assert csp_errors == []


def test_skip_link_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_fits_a_360px_screen(page, live_server):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
