"""The pages `make bench` loads, with a real quiz attempt made through the app's own services."""

import random

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import get_random_string

from assessments import browser_attempts
from assessments.models import Assessment, Attempt, Item
from assessments.services import complete_attempt, save_answers, start_attempt
from clusters.models import Cluster, Occupation


def _student_cookie(attempt: Attempt) -> str:
    """The cookies of the student who owns the attempt, as their browser sends them: the one
    that remembers their attempts and the CSRF cookie set before they could start the quiz."""
    csrf_secret = get_random_string(32)  # the shape of Django's CSRF cookie
    return (
        f"{browser_attempts.COOKIE_NAME}={attempt.token}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf_secret}"
    )


def _finished_attempt(assessment: Assessment) -> Attempt:
    rng = random.Random(7)
    attempt = start_attempt(assessment=assessment)
    items = Item.objects.filter(assessment=assessment).values_list("pk", flat=True)
    save_answers(attempt=attempt, answers={pk: rng.randint(1, 5) for pk in items})
    return complete_attempt(attempt=attempt, education_plan=3)


def print_urls() -> None:
    assessment = Assessment.objects.filter(is_published=True).order_by("position").first()
    open_attempt = start_attempt(assessment=assessment)
    cluster = Cluster.objects.filter(framework__is_default=True).order_by("name").first()
    occupation = Occupation.objects.get(code="29-1141.00")
    finished = _finished_attempt(assessment)
    pages = {  # name: (address, cookie)
        "healthz": (reverse("healthz"), ""),
        "home": (reverse("home"), ""),
        "clusters index": (reverse("clusters:index"), ""),
        "cluster": (cluster.get_absolute_url(), ""),
        "occupation": (occupation.get_absolute_url(), ""),
        "search": (reverse("clusters:search") + "?q=nurse", ""),
        "quiz page": (
            reverse("assessments:page", args=[open_attempt.token, 1]),
            _student_cookie(open_attempt),
        ),
        "results page": (
            reverse("assessments:results", args=[finished.token]),
            _student_cookie(finished),
        ),
    }
    for name, (url, cookie) in pages.items():
        print(f"{name}\t{url}\t{cookie}")
