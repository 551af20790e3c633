"""The quiz's forms on their own: what they accept, what they refuse, what they render."""

import pytest

from assessments.forms import AnswersForm, PlanFilterForm, PlanForm
from assessments.selectors import QuizItem


def test_answers_are_q_and_an_id_with_a_value_1_to_5():
    form = AnswersForm({"q12": "5", "q3": "1", "action": "next", "csrfmiddlewaretoken": "x"})
    assert form.is_valid()
    assert form.answers() == {12: 5, 3: 1}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"q12": "6"}, "Answers go from 1 to 5."),
        ({"q12": "0"}, "Answers go from 1 to 5."),
        ({"q12": ""}, "Answers go from 1 to 5."),
        ({"q12": " 1 "}, "Answers go from 1 to 5."),
        ({"q12": "true"}, "Answers go from 1 to 5."),
        ({"q12": "\uff13"}, "Answers go from 1 to 5."),  # fullwidth 3
        ({"qx": "3"}, "“qx” is not a statement in this quiz."),
        ({"q\u0663": "3"}, "“q\u0663” is not a statement in this quiz."),  # Arabic-Indic 3
        ({"q1" + "9" * 30: "3"}, "“q1999999999999999999” is not a statement in this quiz."),
    ],
)
def test_odd_answers_are_refused_with_a_message(data, message):
    form = AnswersForm(data)
    assert not form.is_valid()
    assert form.message == message


def test_an_answer_is_required_only_where_asked():
    assert AnswersForm({"action": "back"}).is_valid()
    form = AnswersForm({"action": "back"}, require_answer=True)
    assert not form.is_valid() and form.message == "No answer was sent."


def test_a_page_of_answers_renders_radios_with_saved_answers_and_errors():
    items = [
        QuizItem(id=7, order=1, area="R", text="Build a shed", answer=4),
        QuizItem(id=8, order=2, area="A", text="Sing in a band", answer=None),
    ]
    form = AnswersForm(items=items, missing_ids={8})
    (first, radios_7), (second, radios_8) = form.rows()
    assert (first.id, second.id) == (7, 8)
    html_7, html_8 = str(radios_7), str(radios_8)
    assert html_7.count('type="radio"') == 5 and "required" not in html_7
    assert '<input type="radio" name="q7" value="4" checked>' in html_7
    assert " checked" not in html_8 and html_8.count('aria-describedby="error-8"') == 5
    assert [radio.choice_label for radio in radios_7] == [
        "Strongly dislike", "Dislike", "Not sure", "Like", "Strongly like"
    ]  # fmt: skip


@pytest.mark.parametrize(("value", "plan"), [("", None), ("1", 1), ("5", 5)])
def test_plans_are_1_to_5_or_none(value, plan):
    form = PlanForm({"plan": value})
    assert form.is_valid() and form.cleaned_data["plan"] == plan


def test_no_plan_sent_is_not_sure_yet():
    form = PlanForm({"action": "finish"})
    assert form.is_valid() and form.cleaned_data["plan"] is None


@pytest.mark.parametrize("value", ["0", "6", " 3", "\uff13", "\u00b2", "9" * 5000, "x"])
def test_odd_plans_are_refused_with_a_message(value):
    form = PlanForm({"plan": value})
    assert not form.is_valid()
    assert form.message == "Pick one of the education plans, or choose “Not sure yet”."


@pytest.mark.parametrize(
    ("data", "plan", "ignored"),
    [({}, 4, []), ({"plan": ""}, None, []), ({"plan": "2"}, 2, []),
     ({"plan": "\uff12"}, 4, ["Show careers for this education plan"])],
)  # fmt: skip
def test_the_results_filter_defaults_to_the_students_plan(data, plan, ignored):
    form = PlanFilterForm(data, saved_plan=4)
    assert form.education_plan == plan and form.ignored == ignored
    if ignored:
        assert '<option value="4" selected>' in str(form["plan"])
