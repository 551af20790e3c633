"""The career-figure template filters on their own (clusters/templatetags/careers.py)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from clusters.templatetags import careers
from clusters.wording import JOB_ZONE_WORDS


@pytest.mark.parametrize(
    ("value", "text"),
    [(93600, "$93,600"), (0, "$0"), (None, ""), ("", ""), (1234567, "$1,234,567")],
)
def test_money(value, text):
    assert careers.money(value) == text


@pytest.mark.parametrize(
    ("value", "cap", "text"),
    [
        (None, None, "Not published"),
        (59190, None, "$59,190"),
        (239200, None, "$239,200"),
        (239200, 239200, "$239,200 or more"),
        (250000, 250000, "$250,000 or more"),  # a later release's cap, read from its file
        (100000, 239200, "$100,000"),
    ],
)
def test_wage_says_or_more_only_at_the_releases_cap(value, cap, text):
    assert careers.wage(value, cap) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(4.9, "+4.9%"), (-2.25, "−2.2%"), (0, "0.0%"), (None, "Not published"), (16.8, "+16.8%")],
)
def test_change_uses_a_real_minus_sign(value, text):
    assert careers.change(value) == text


@pytest.mark.parametrize(
    ("value", "fast", "words"),
    [
        (None, None, ""),
        (6.2, None, "growing fast"),
        (6.1, None, "growing"),
        (0.6, None, "growing"),
        (0.5, None, "about the same"),
        (-0.5, None, "about the same"),
        (-0.6, None, "shrinking"),
        (7.0, 8.0, "growing"),  # the release's own "fast" wins over the 2024-34 figure
        (8.0, 8.0, "growing fast"),
    ],
)
def test_change_words(value, fast, words):
    assert careers.change_words(value, fast) == words


def test_zone_name_and_the_unrated():
    assert careers.zone_name(None) == "Not rated"
    assert careers.zone_name(99) == "Not rated"
    assert careers.zone_name(3) == JOB_ZONE_WORDS[3][0]


def test_interest_names():
    assert careers.interest_names("SI") == "Social, Investigative"
    assert careers.interest_names("") == ""
    assert careers.interest_names(None) == ""
    assert careers.interest_names("SX") == "Social"
    assert careers.riasec_name("R") == "Realistic" and careers.riasec_name("?") == ""


def occupation(**figures):
    fields = {"wage_median": None, "wage_cap": None, "hourly_only": False}
    return SimpleNamespace(**{"wage_hourly_median": None, **fields, **figures})


@pytest.mark.parametrize(
    ("figures", "text"),
    [
        ({"wage_median": 59190}, "$59,190"),
        ({"wage_median": 239200, "wage_cap": 239200}, "$239,200 or more"),
        ({"hourly_only": True, "wage_hourly_median": Decimal("23.97")}, "$23.97 an hour"),
        ({}, "Not published"),
        ({"hourly_only": True}, "Not published"),
    ],
)
def test_median_pay_in_lists(figures, text):
    assert careers.median_pay(occupation(**figures)) == text


def test_hourly_keeps_its_cents():
    assert careers.hourly(Decimal("23.9")) == "$23.90"
    assert careers.hourly(None) == ""


def test_short_label_and_dom_id():
    assert careers.short_label("Bachelor's Degree (or equivalent) - extra") == "Bachelor's Degree"
    assert careers.dom_id("29-1141.00") == "29-1141-00"
