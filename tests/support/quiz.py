"""Helpers for the quiz tests: answering a quiz, finishing one, occupations with profiles."""

import datetime
import re

from django.urls import reverse

from assessments.models import Assessment, Attempt, Response
from assessments.services import complete_attempt
from clusters.models import (
    DataRelease,
    JobZone,
    Occupation,
)


def make_occupation(code: str, title: str, scores, zone: int | None = 3, **extra) -> Occupation:
    release = make_release()
    if zone is not None:
        JobZone.objects.get_or_create(
            number=zone,
            defaults={
                "name": f"Job Zone {zone}",
                "education": "",
                "experience": "",
                "training": "",
                "examples": "",
            },
        )
    values = dict(zip(FIELDS, scores, strict=True)) if scores else {}
    return Occupation.objects.create(
        code=code,
        title=title,
        description="",
        release=release,
        job_zone_id=zone,
        **values,
        **extra,
    )


def answer_items(attempt: Attempt, by_area: dict[str, int] | int) -> None:
    for item in attempt.assessment.items.all():
        value = by_area if isinstance(by_area, int) else by_area[item.area]
        Response.objects.update_or_create(attempt=attempt, item=item, defaults={"value": value})


def finished_attempt(assessment: Assessment, by_area, plan=None) -> Attempt:
    attempt = Attempt.objects.create(assessment=assessment)
    answer_items(attempt, by_area)
    return complete_attempt(attempt=attempt, education_plan=plan)


HELPER = {"R": 2, "I": 4, "A": 1, "S": 5, "E": 2, "C": 2}  # an S-I student


def page_url(attempt, number):
    return reverse("assessments:page", args=[attempt.token, number])


def answer_url(attempt):
    return reverse("assessments:answer", args=[attempt.token])


def item_ids(html):
    return [int(i) for i in dict.fromkeys(re.findall(r'name="q(\d+)"', html))]


FIELDS = ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"]


def make_release(key: str = "onet") -> DataRelease:
    return DataRelease.objects.get_or_create(
        key=key,
        defaults={
            "name": key.upper(),
            "version": "29.3",
            "published": datetime.date(2025, 5, 1),
            "publisher": "USDOL/ETA",
            "licence": "CC BY 4.0",
            "attribution": "Test data",
        },
    )[0]
