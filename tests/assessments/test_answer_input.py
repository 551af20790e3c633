"""Odd quiz input (issue 12, defect 2): only ASCII digits in range are answers, item keys or
education plans. Anything else is a 400 with the form's message and changes nothing saved,
on the page form, the htmx answer view and the plan form."""

from urllib.parse import quote, urlencode

import pytest
from django.urls import reverse

from assessments.models import Attempt, Response
from tests.support.quiz import HELPER, answer_items

pytestmark = pytest.mark.django_db

# Each would once be a 500 (int() refusing what str.isdigit() accepts) or be taken as 3.
ODD_VALUES = {
    "superscript two": "²",
    "circled one": "①",
    "five thousand nines": "9" * 5000,
    "fullwidth three": "３",
    "arabic-indic three": "٣",
    "devanagari three": "३",
    "three with a space": "3 ",
    "plus three": "+3",
    "three point zero": "3.0",
}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Keys for a real item of the quiz (its id given), written in odd ways.
ODD_KEYS = {
    "superscript two": lambda pk: "q²",
    "its id in fullwidth digits": lambda pk: "q" + str(pk).translate(FULLWIDTH),
    "its id in arabic-indic digits": lambda pk: "q" + str(pk).translate(ARABIC_INDIC),
    "five thousand nines": lambda pk: "q" + "9" * 5000,
    "no digits": lambda pk: "q",
    "negative": lambda pk: f"q-{pk}",
    "its id with a space": lambda pk: f"q{pk} ",
}


@pytest.fixture
def attempt(mini_quiz):
    return Attempt.objects.create(assessment=mini_quiz)


@pytest.fixture
def first_two(attempt):
    """Two items of the first page; the first already answered 4."""
    first, second = attempt.assessment.items.order_by("order")[:2]
    Response.objects.create(attempt=attempt, item=first, value=4)
    return first, second


def saved(attempt):
    return dict(Response.objects.filter(attempt=attempt).values_list("item_id", "value"))


def page_url(attempt):
    return reverse("assessments:page", args=[attempt.token, 1])


def answer_url(attempt):
    return reverse("assessments:answer", args=[attempt.token])


def post(client, url, data, **headers):
    """Posted as a browser does (urlencoded), so any key or value can be sent."""
    return client.post(
        url, urlencode(data), content_type="application/x-www-form-urlencoded", **headers
    )


def assert_refused(response, attempt, before):
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing you saved before has been lost" in html
    assert saved(attempt) == before


@pytest.mark.parametrize("value", ODD_VALUES.values(), ids=ODD_VALUES.keys())
def test_odd_value_on_the_page_form_is_400(client, attempt, first_two, value):
    first, second = first_two
    response = post(
        client, page_url(attempt), {f"q{first.pk}": "1", f"q{second.pk}": value, "action": "next"}
    )
    assert_refused(response, attempt, {first.pk: 4})
    assert "Answers go from 1 to 5" in response.content.decode()


@pytest.mark.parametrize("value", ODD_VALUES.values(), ids=ODD_VALUES.keys())
def test_odd_value_on_the_htmx_answer_view_is_400(client, attempt, first_two, value):
    first, second = first_two
    response = post(
        client, answer_url(attempt), {f"q{second.pk}": value}, headers={"HX-Request": "true"}
    )
    assert_refused(response, attempt, {first.pk: 4})
    html = response.content.decode()
    assert 'id="quiz-problem"' in html and "<html" not in html  # the htmx error partial
    assert "Answers go from 1 to 5" in html


@pytest.mark.parametrize("value", ODD_VALUES.values(), ids=ODD_VALUES.keys())
def test_odd_value_on_the_plain_answer_view_is_400(client, attempt, first_two, value):
    first, second = first_two
    response = post(client, answer_url(attempt), {f"q{second.pk}": value})
    assert_refused(response, attempt, {first.pk: 4})


@pytest.mark.parametrize("key", ODD_KEYS.values(), ids=ODD_KEYS.keys())
def test_odd_key_on_the_page_form_is_400(client, attempt, first_two, key):
    first, second = first_two
    data = {f"q{first.pk}": "1", key(second.pk): "3", "action": "next"}
    response = post(client, page_url(attempt), data)
    assert_refused(response, attempt, {first.pk: 4})
    assert "is not a statement in this quiz" in response.content.decode()


@pytest.mark.parametrize("key", ODD_KEYS.values(), ids=ODD_KEYS.keys())
def test_odd_key_on_the_htmx_answer_view_is_400(client, attempt, first_two, key):
    first, second = first_two
    data = {key(second.pk): "3"}
    response = post(client, answer_url(attempt), data, headers={"HX-Request": "true"})
    assert_refused(response, attempt, {first.pk: 4})
    html = response.content.decode()
    assert 'id="quiz-problem"' in html and "is not a statement in this quiz" in html


@pytest.mark.parametrize(
    "value", [*ODD_VALUES.values(), "0", "6", "x"], ids=[*ODD_VALUES.keys(), "0", "6", "x"]
)
def test_odd_education_plan_is_400_and_the_quiz_stays_open(client, attempt, value):
    answer_items(attempt, HELPER)
    before = saved(attempt)
    plan_url = reverse("assessments:plan", args=[attempt.token])
    response = post(client, plan_url, {"plan": value, "action": "finish"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Pick one of the education plans" in html and "all still saved" in html
    attempt.refresh_from_db()
    assert not attempt.is_complete and attempt.education_plan is None
    assert saved(attempt) == before


@pytest.mark.parametrize("values", [["９", "3"], ["3", "９"], ["3", "3"]], ids=str)
def test_an_answer_sent_twice_is_400(client, attempt, first_two, values):
    first, second = first_two
    query = "&".join(f"q{second.pk}={quote(v)}" for v in values)
    for url, headers in ((page_url(attempt), {}), (answer_url(attempt), {"HX-Request": "true"})):
        response = client.post(
            url, query, content_type="application/x-www-form-urlencoded", headers=headers
        )
        assert_refused(response, attempt, {first.pk: 4})
        assert "Send one answer for each statement." in response.content.decode()


@pytest.mark.parametrize("values", [["x", "3"], ["3", "x"], ["3", "3"]], ids=str)
def test_a_plan_sent_twice_is_400(client, attempt, values):
    answer_items(attempt, HELPER)
    response = client.post(
        reverse("assessments:plan", args=[attempt.token]),
        "&".join(f"plan={v}" for v in values),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "Pick one of the education plans" in response.content.decode()
    attempt.refresh_from_db()
    assert not attempt.is_complete


def test_ascii_digits_in_range_are_still_answers(client, attempt, first_two):
    first, second = first_two
    response = post(
        client,
        answer_url(attempt),
        {f"q{first.pk}": "1", f"q{second.pk}": "5"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert saved(attempt) == {first.pk: 1, second.pk: 5}
