"""Writes for the quiz: start an attempt, save answers, complete it. Plain functions.

Concurrency: saving answers and completing both begin by writing the attempt row
(`UPDATE ... WHERE completed_at IS NULL`), which takes the row lock on PostgreSQL and the
write lock on SQLite. So an answer can never land after completion, and completion sees
every answer saved before it. Answers are upserted (INSERT ... ON CONFLICT DO UPDATE on the
attempt+item unique constraint), so two tabs answering the same item leave one response.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import scoring
from assessments.models import Assessment, Attempt, Item, Response


class QuizError(Exception):
    """Something a student sent cannot be used; the message says what, in plain words."""


class BadAnswer(QuizError):
    pass


class AttemptFinished(QuizError):
    pass


class Incomplete(QuizError):
    def __init__(self, missing_item_ids: list[int]):
        super().__init__(f"Statements still without an answer: {len(missing_item_ids)}.")


def start_attempt(*, assessment: Assessment) -> Attempt:
    """A new attempt at a published quiz (the view only offers published ones)."""
    return Attempt.objects.create(assessment=assessment)


def _claim_open(attempt: Attempt) -> datetime:
    """Write-lock the attempt row, or raise AttemptFinished if it is complete. Returns the
    attempt's new updated_at."""
    now = timezone.now()
    claimed = Attempt.objects.filter(pk=attempt.pk, completed_at__isnull=True).update(
        updated_at=now
    )
    if not claimed:
        raise AttemptFinished(_("This quiz is already finished, so answers can no longer change."))
    return now


@transaction.atomic
def save_answers(*, attempt: Attempt, answers: Mapping[int, int]) -> int:
    """Save (or change) answers given as {item id: value 1-5}. All or nothing.

    Values come checked from assessments.forms.AnswersForm (and the database refuses any
    outside 1-5). Raises BadAnswer for items not in the attempt's assessment, AttemptFinished
    once the attempt is complete. Returns how many answers were saved.
    """
    changed_at = _claim_open(attempt)
    if answers:
        known = set(
            Item.objects.filter(
                assessment_id=attempt.assessment_id, pk__in=list(answers)
            ).values_list("pk", flat=True)
        )
        if set(answers) - known:
            raise BadAnswer(_("Some answers were for statements that are not in this quiz."))
        Response.objects.bulk_create(
            [
                Response(attempt=attempt, item_id=item, value=value)
                for item, value in answers.items()
            ],
            update_conflicts=True,
            unique_fields=["attempt", "item"],
            update_fields=["value", "answered_at"],
        )
    attempt.updated_at = changed_at
    return len(answers)


@transaction.atomic
def complete_attempt(*, attempt: Attempt, education_plan: int | None) -> Attempt:
    """Score the attempt and mark it finished, in one transaction.

    The education plan (1-5 or None) comes checked from assessments.forms.PlanForm. Raises
    Incomplete (with the unanswered item ids, in quiz order) when statements are still
    unanswered, AttemptFinished when it was already complete (nothing changes).
    """
    _claim_open(attempt)
    items = list(
        Item.objects.filter(assessment_id=attempt.assessment_id)
        .order_by("order", "pk")
        .values_list("pk", "area")
    )
    given = dict(Response.objects.filter(attempt_id=attempt.pk).values_list("item_id", "value"))
    missing = [pk for pk, _ in items if pk not in given]
    if missing or not items:
        raise Incomplete(missing)
    try:
        score = scoring.score_answers(answers=[(area, given[pk]) for pk, area in items])
    except ValueError:
        raise QuizError(
            _(
                "This quiz cannot be scored: it needs statements for all six kinds of "
                "interests. Please tell your counselor."
            )
        ) from None
    attempt.realistic = score.profile["R"]
    attempt.investigative = score.profile["I"]
    attempt.artistic = score.profile["A"]
    attempt.social = score.profile["S"]
    attempt.enterprising = score.profile["E"]
    attempt.conventional = score.profile["C"]
    attempt.code = score.code
    attempt.is_flat = score.is_flat
    attempt.education_plan = education_plan
    attempt.completed_at = timezone.now()
    attempt.save()
    return attempt
