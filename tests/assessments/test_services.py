"""Saving answers and completing attempts: validation, upserts, atomic completion."""

import pytest
from django.db import IntegrityError, transaction

from assessments import services
from assessments.models import Assessment, Attempt, Item, Response
from tests.support.quiz import HELPER, answer_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(mini_quiz):
    return services.start_attempt(assessment=mini_quiz)


def items(attempt):
    return list(attempt.assessment.items.order_by("order"))


def test_start_gives_an_unguessable_token(mini_quiz):
    a = services.start_attempt(assessment=mini_quiz)
    b = services.start_attempt(assessment=mini_quiz)
    assert a.token != b.token and len(a.token) >= 43


def test_saving_again_updates_without_duplicates(attempt):
    first = items(attempt)[0]
    services.save_answers(attempt=attempt, answers={first.pk: 2})
    services.save_answers(attempt=attempt, answers={first.pk: 5})
    assert list(Response.objects.filter(attempt=attempt).values_list("item_id", "value")) == [
        (first.pk, 5)
    ]


def test_the_database_refuses_a_second_response_for_an_item(attempt):
    first = items(attempt)[0]
    Response.objects.create(attempt=attempt, item=first, value=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(attempt=attempt, item=first, value=4)


def test_the_database_refuses_out_of_range_values(attempt):
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(attempt=attempt, item=items(attempt)[0], value=6)


def test_an_out_of_range_answer_saves_nothing(attempt):
    """Values are checked once, by AnswersForm; a caller that skips it meets the database."""
    good, bad = items(attempt)[:2]
    with pytest.raises(IntegrityError):
        services.save_answers(attempt=attempt, answers={good.pk: 3, bad.pk: 6})
    assert not Response.objects.exists()


def test_unknown_items_and_items_from_another_quiz_save_nothing(attempt):
    other = Assessment.objects.create(slug="other", name="Other")
    foreign = Item.objects.create(assessment=other, order=1, area="R", text="Other item")
    good = items(attempt)[0]
    for bad in (foreign.pk, 999_999):
        with pytest.raises(services.BadAnswer):
            services.save_answers(attempt=attempt, answers={good.pk: 3, bad: 4})
    assert not Response.objects.exists()


def test_completion_scores_and_stores_the_profile(attempt):
    answer_items(attempt, HELPER)
    done = services.complete_attempt(attempt=attempt, education_plan=4)
    done.refresh_from_db()
    assert done.completed_at is not None
    assert done.code == "SIR"  # S 7, I 5.5, then R/E/C tie at 2.5 -> R by the tie rule
    assert done.profile == {"R": 2.5, "I": 5.5, "A": 1.0, "S": 7.0, "E": 2.5, "C": 2.5}
    assert done.education_plan == 4 and not done.is_flat


def test_completion_needs_every_answer_and_changes_nothing_otherwise(attempt):
    answer_items(attempt, 3)
    last = items(attempt)[-1]
    Response.objects.filter(item=last).delete()
    with pytest.raises(services.Incomplete) as error:
        services.complete_attempt(attempt=attempt, education_plan=None)
    assert str(error.value) == "Statements still without an answer: 1."
    attempt.refresh_from_db()
    assert attempt.completed_at is None and attempt.code == ""


def test_completion_is_atomic(attempt, monkeypatch):
    answer_items(attempt, HELPER)

    def broken(**kwargs):
        raise RuntimeError("scoring failed")

    monkeypatch.setattr(services.scoring, "score_answers", broken)
    with pytest.raises(RuntimeError):
        services.complete_attempt(attempt=attempt, education_plan=2)
    fresh = Attempt.objects.get(pk=attempt.pk)
    assert fresh.completed_at is None and fresh.education_plan is None
    assert fresh.updated_at == attempt.updated_at


def test_a_finished_attempt_is_frozen(attempt):
    answer_items(attempt, HELPER)
    services.complete_attempt(attempt=attempt, education_plan=None)
    first = items(attempt)[0]
    with pytest.raises(services.AttemptFinished):
        services.save_answers(attempt=attempt, answers={first.pk: 1})
    with pytest.raises(services.AttemptFinished):
        services.complete_attempt(attempt=attempt, education_plan=3)
    assert Response.objects.get(attempt=attempt, item=first).value == HELPER[first.area]
    attempt.refresh_from_db()
    assert attempt.education_plan is None


def test_same_answer_everywhere_is_flagged_flat(attempt):
    answer_items(attempt, 4)
    assert services.complete_attempt(attempt=attempt, education_plan=None).is_flat


def test_an_education_plan_outside_1_to_5_finishes_nothing(attempt):
    """Plans are checked once, by PlanForm; a caller that skips it meets the database."""
    answer_items(attempt, HELPER)
    with pytest.raises(IntegrityError):
        services.complete_attempt(attempt=attempt, education_plan=9)
    attempt.refresh_from_db()
    assert attempt.completed_at is None and attempt.education_plan is None


def test_a_quiz_missing_an_area_cannot_be_scored(attempt):
    Item.objects.filter(assessment=attempt.assessment, area="C").delete()
    answer_items(attempt, HELPER)
    with pytest.raises(services.QuizError):
        services.complete_attempt(attempt=attempt, education_plan=None)
