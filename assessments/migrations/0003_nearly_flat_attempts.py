"""Finished attempts get the new flat rule: "nearly flat" (9 in 10 answers or more the same
answer, e.g. 27 of 30) now counts as flat too (assessments.scoring.is_flat). Answers, scores
and codes are not touched; only `is_flat` is set again from each attempt's saved answers, so
their results pages and the counselors' figures follow the same rule as new attempts.
Reversing restores the old rule (the area scores span less than 0.75)."""

from collections import Counter

from django.db import migrations, models

FLAT_RANGE = 0.75
SAME_SHARE = 0.9
AREAS = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")


def _range_flat(attempt) -> bool:
    scores = [getattr(attempt, a) for a in AREAS]
    return max(scores) - min(scores) < FLAT_RANGE


def _apply(apps, *, same_share: bool):
    Attempt = apps.get_model("assessments", "Attempt")
    Response = apps.get_model("assessments", "Response")
    finished = Attempt.objects.filter(completed_at__isnull=False, realistic__isnull=False)
    for attempt in finished.iterator():
        flat = _range_flat(attempt)
        if not flat and same_share:
            values = Counter(
                Response.objects.filter(attempt_id=attempt.pk).values_list("value", flat=True)
            )
            total = sum(values.values())
            flat = bool(total) and max(values.values()) / total >= SAME_SHARE
        if flat != attempt.is_flat:
            Attempt.objects.filter(pk=attempt.pk).update(is_flat=flat)


def forwards(apps, schema_editor):
    _apply(apps, same_share=True)


def backwards(apps, schema_editor):
    _apply(apps, same_share=False)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_shipped_items")]

    operations = [
        migrations.AlterField(
            model_name="attempt",
            name="is_flat",
            field=models.BooleanField(
                default=False,
                help_text="Nothing stands out: the area scores hardly differ, or 9 in 10 "
                "answers are the same, so no matches are shown.",
                verbose_name="flat profile",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
