"""Forms for the quiz: answers (a page of statements, or one answer sent by htmx) and the
education plan (the last step, and the results page's filter).

Only the exact values our controls send are accepted: "1" to "5" for an answer, `q<id>` with
ASCII digits for a statement, "" or "1" to "5" for a plan. Other digits (Arabic-Indic,
fullwidth, superscript), signs, spaces and huge numbers are refused with a message, so nothing
is guessed or saved.
"""

import re

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import ANSWER_CHOICES, ANSWER_MAX, ANSWER_MIN, EducationPlan
from clusters.forms import FilterForm

ITEM_KEY = re.compile(r"q([0-9]{1,18})")
ANSWER_RANGE = format_lazy(
    gettext_lazy("Answers go from {low} to {high}."), low=ANSWER_MIN, high=ANSWER_MAX
)
PLAN_MESSAGE = gettext_lazy("Pick one of the education plans, or choose “Not sure yet”.")


def _sent_twice(data, names) -> list[str]:
    """Radio-button keys that came more than once (a browser sends each once)."""
    getlist = getattr(data, "getlist", None)
    return [name for name in names if getlist and len(getlist(name)) > 1]


class AnswerField(forms.TypedChoiceField):
    """One statement's answer on the five-point scale, as radio buttons."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        messages = {"required": ANSWER_RANGE, "invalid_choice": ANSWER_RANGE}
        super().__init__(choices=ANSWER_CHOICES, coerce=int, error_messages=messages, **kwargs)


class AnswersForm(forms.Form):
    """Answers as fields named `q<item id>`; other fields (the buttons, CSRF) are left alone.

    Bound to a POST, every `q...` key sent is checked: a key that is not `q` and an id, a key
    sent twice, or a value that is not 1-5, makes the form invalid. Unbound, with `items`
    (selectors.QuizItem), it renders a page of the quiz, each item's saved answer checked.
    """

    use_required_attribute = False

    def __init__(self, data=None, *, items=(), missing_ids=frozenset(), require_answer=False):
        super().__init__(data, auto_id=False)
        self.require_answer = require_answer
        self.items = list(items)
        if data is None:
            for item in self.items:
                missing = item.id in missing_ids
                describe = {"aria-describedby": f"error-{item.id}"} if missing else {}
                self.fields[f"q{item.id}"] = AnswerField(
                    label=item.text,
                    initial=item.answer,
                    required=False,
                    widget=forms.RadioSelect(attrs=describe),
                )
            return
        keys = [key for key in data if key.startswith("q")]
        self.odd_keys = [key for key in keys if not ITEM_KEY.fullmatch(key)]
        for key in keys:
            if key not in self.odd_keys:
                self.fields[key] = AnswerField()

    def clean(self):
        if self.odd_keys:
            shown = self.odd_keys[0][:20]
            raise forms.ValidationError(
                _("“%(key)s” is not a statement in this quiz.") % {"key": shown}
            )
        if _sent_twice(self.data, self.fields):
            raise forms.ValidationError(_("Send one answer for each statement."))
        if self.require_answer and not self.fields:
            raise forms.ValidationError(_("No answer was sent."))
        return super().clean()

    @property
    def message(self) -> str:
        """The first problem, in plain words, for the error page."""
        errors = self.errors.get("__all__") or next(iter(self.errors.values()))
        return errors[0]

    def answers(self) -> dict[int, int]:
        """{item id: value}, once the form is valid."""
        return {int(key[1:]): value for key, value in self.cleaned_data.items()}

    def rows(self):
        """(item, its radio buttons) for each item of the page being shown."""
        return [(item, self[f"q{item.id}"]) for item in self.items]


PLAN_CHOICES = [(str(value), label) for value, label in EducationPlan.choices]


class PlanField(forms.TypedChoiceField):
    def __init__(self, *, blank_label: str, **kwargs):
        super().__init__(
            choices=[*PLAN_CHOICES, ("", blank_label)],
            coerce=int,
            empty_value=None,
            required=False,
            error_messages={"invalid_choice": PLAN_MESSAGE},
            **kwargs,
        )


class PlanForm(forms.Form):
    """The quiz's optional last step: how much education or training the student plans."""

    use_required_attribute = False

    plan = PlanField(
        label=gettext_lazy("How much education or training do you plan?"),
        blank_label=gettext_lazy("Not sure yet"),
        widget=forms.RadioSelect(attrs={"aria-describedby": "plan-help"}),
    )

    def __init__(self, data=None, *, saved_plan: int | None = None):
        super().__init__(data, auto_id=False, initial={"plan": saved_plan or ""})

    def clean(self):
        if _sent_twice(self.data, ["plan"]):
            raise forms.ValidationError(PLAN_MESSAGE)
        return super().clean()

    @property
    def message(self) -> str:
        return (self.errors.get("plan") or self.errors["__all__"])[0]


class PlanFilterForm(FilterForm):
    """The results page's education-plan filter. No `plan` in the address means the plan the
    student gave; junk falls back to that too, and the page says so."""

    plan = forms.TypedChoiceField(
        label=gettext_lazy("Show careers for this education plan"),
        choices=[("", gettext_lazy("Any amount of education or training")), *PLAN_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.Select(attrs={"id": "plan-filter"}),
    )

    def __init__(self, data, *, saved_plan: int | None):
        self.saved_plan = saved_plan
        if "plan" not in data:
            data = {"plan": "" if saved_plan is None else str(saved_plan)}
        super().__init__(data)

    def full_clean(self):
        super().full_clean()
        if self.ignored:  # reset to the student's own plan, not to "any"
            self.data = {"plan": "" if self.saved_plan is None else str(self.saved_plan)}
            self.cleaned_data["plan"] = self.saved_plan

    @property
    def education_plan(self) -> int | None:
        return self.values["plan"]
