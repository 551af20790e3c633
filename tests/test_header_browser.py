"""The header's language switch in a real browser: beside the brand on a 360px phone, at the
end of the one row at 1280px, a 44px touch target, and no axe violations (contrast among
them) in either language; switching takes the student to the same page in the other one."""

import pytest

from tests.support import factories as make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def boxes(page) -> dict:
    return {
        name: page.locator(selector).bounding_box()
        for name, selector in {
            "brand": ".brand",
            "switch": ".language-switch button",
            "nav": ".site-header nav",
        }.items()
    }


@pytest.mark.parametrize("path", ["/", "/es/"])
def test_on_a_360px_phone_the_switch_sits_beside_the_brand(page, live_server, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)
    box = boxes(page)
    assert box["switch"]["height"] >= 44 and box["switch"]["width"] >= 44
    assert abs(box["switch"]["y"] - box["brand"]["y"]) < 4  # the same first row
    assert box["switch"]["x"] + box["switch"]["width"] <= 360 - 15  # inside the page margin
    assert box["nav"]["y"] >= box["brand"]["y"] + box["brand"]["height"] - 1  # the nav below
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    links = page.locator(".site-header nav ul")
    assert links.evaluate("e => e.scrollWidth <= e.clientWidth"), "the nav strip is cut off"


@pytest.mark.parametrize("path", ["/", "/es/"])
def test_at_1280px_the_header_is_one_row_ending_with_the_switch(page, live_server, path):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + path)
    box = boxes(page)
    assert box["switch"]["height"] >= 44
    assert box["switch"]["x"] > box["nav"]["x"] + box["nav"]["width"] - 1
    middle = box["brand"]["y"] + box["brand"]["height"] / 2
    assert abs(box["switch"]["y"] + box["switch"]["height"] / 2 - middle) < 4


def test_the_spanish_home_page_has_no_axe_violations(page, live_server, assert_no_axe_violations):
    make.cluster(make.framework(), "Construction")
    page.goto(live_server.url + "/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert_no_axe_violations(page)
    page.locator(".language-switch button").hover()  # white fill, brand-dark text
    assert_no_axe_violations(page)


def test_switching_keeps_the_page(page, live_server):
    page.goto(live_server.url + "/search/?q=nurse")
    page.get_by_role("button", name="Ver esta página en español").click()
    assert page.url == live_server.url + "/es/search/?q=nurse"
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("button", name="Show this page in English").click()
    assert page.url == live_server.url + "/search/?q=nurse"
    assert page.locator("html").get_attribute("lang") == "en"
