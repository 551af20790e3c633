"""The interest quiz: assessments (item sets), their items, students' attempts and answers.

Nothing personal is stored: an attempt is known only by its unguessable token (the
private link) and the list of tokens kept in the student's browser (a cookie).
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assessments.scoring import ANSWER_MAX, ANSWER_MIN, AREA_NAMES, is_low
from clusters.riasec import scores_of
from core.i18n import SPANISH_HELP

AREA_CHOICES = list(AREA_NAMES.items())

# The five-point answer scale, as O*NET's Interest Profiler uses it.
ANSWER_CHOICES = [
    (1, pgettext_lazy("quiz answer", "Strongly dislike")),
    (2, pgettext_lazy("quiz answer", "Dislike")),
    (3, pgettext_lazy("quiz answer", "Not sure")),
    (4, pgettext_lazy("quiz answer", "Like")),
    (5, pgettext_lazy("quiz answer", "Strongly like")),
]


def new_token() -> str:
    """An unguessable private-link token (256 bits of randomness, URL-safe)."""
    return secrets.token_urlsafe(32)


class EducationPlan(models.IntegerChoices):
    """How much education or training a student plans, as O*NET job zones 1-5."""

    ZONE_1 = 1, _("Start work soon and learn on the job")
    ZONE_2 = 2, _("Finish high school, maybe with a short training course")
    ZONE_3 = 3, _("Career or technical training, an apprenticeship or a two-year degree")
    ZONE_4 = 4, _("A four-year college degree")
    ZONE_5 = 5, _("More than four years of college (a master's, doctorate or professional degree)")


class Assessment(models.Model):
    slug = models.SlugField(unique=True, help_text="Used in links, e.g. quick-interest-quiz.")
    name = models.CharField(max_length=200)
    name_es = models.CharField(
        "name in Spanish", max_length=200, blank=True, help_text=SPANISH_HELP
    )
    description = models.TextField(
        blank=True, help_text="Written by us; shown on the start page. Plain language."
    )
    description_es = models.TextField("description in Spanish", blank=True, help_text=SPANISH_HELP)
    minutes = models.PositiveSmallIntegerField(
        "minutes to complete",
        default=10,
        help_text="About how long the quiz takes; shown on the start page.",
    )
    items_per_page = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(6), MaxValueValidator(10)],
        help_text="Between 6 and 10 statements on each page.",
    )
    is_published = models.BooleanField(
        "published",
        default=True,
        help_text="Unpublished quizzes are not offered to students; quizzes already started "
        "can still be finished.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the start page.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "assessment"
        verbose_name_plural = "assessments"
        constraints = [
            models.CheckConstraint(
                condition=Q(items_per_page__gte=6) & Q(items_per_page__lte=10),
                name="assessment_items_per_page_6_to_10",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:start") + f"#{self.slug}"


class Item(models.Model):
    """One activity statement ("Fix a bike") that students rate from dislike to like."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(help_text="Position in the quiz, from 1.")
    area = models.CharField(
        "RIASEC area",
        max_length=1,
        choices=AREA_CHOICES,
        help_text="The interest area it measures.",
    )
    basic_interest = models.CharField(
        max_length=100, blank=True, help_text="O*NET basic interest area, for balance (optional)."
    )
    text = models.CharField(
        max_length=200,
        help_text="A plain activity a teenager can picture; no job titles, no stereotypes.",
    )
    text_es = models.CharField(
        "text in Spanish", max_length=200, blank=True, help_text=SPANISH_HELP
    )

    class Meta:
        ordering = ["assessment_id", "order", "pk"]
        verbose_name = "item"
        verbose_name_plural = "items"
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "order"], name="item_order_per_assessment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.text} ({self.area})"


class Attempt(models.Model):
    """One student's go at an assessment, reachable only through its private token."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="attempts")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    education_plan = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=EducationPlan.choices, help_text="Job zone 1-5, optional."
    )
    # Computed on completion: the RIASEC profile on O*NET's 1-7 interest scale.
    realistic = models.FloatField(null=True, blank=True)
    investigative = models.FloatField(null=True, blank=True)
    artistic = models.FloatField(null=True, blank=True)
    social = models.FloatField(null=True, blank=True)
    enterprising = models.FloatField(null=True, blank=True)
    conventional = models.FloatField(null=True, blank=True)
    code = models.CharField("interest code", max_length=3, blank=True)
    is_flat = models.BooleanField(
        "flat profile",
        default=False,
        help_text="Nothing stands out: the area scores hardly differ, or 9 in 10 "
        "answers are the same, so no matches are shown.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "attempt"
        verbose_name_plural = "attempts"
        indexes = [models.Index(fields=["completed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(education_plan__isnull=True)
                | (Q(education_plan__gte=1) & Q(education_plan__lte=5)),
                name="attempt_education_plan_1_to_5",
            )
        ]

    def __str__(self) -> str:
        state = f"finished, {self.code or 'no code'}" if self.completed_at else "in progress"
        return f"{self.assessment} attempt #{self.pk} ({state})"

    def get_absolute_url(self) -> str:
        if self.completed_at:
            return reverse("assessments:results", args=[self.token])
        return reverse("assessments:resume", args=[self.token])

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def profile(self) -> dict[str, float] | None:
        if self.realistic is None:
            return None
        return scores_of(self)

    @property
    def is_low(self) -> bool:
        """Finished and not flat, but no area liked (scoring.is_low): the results show no fits."""
        profile = self.profile
        return profile is not None and not self.is_flat and is_low(profile=profile)


class Response(models.Model):
    """A student's answer to one item; one per attempt and item, enforced by the database."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="responses")
    value = models.PositiveSmallIntegerField(
        choices=ANSWER_CHOICES,
        validators=[MinValueValidator(ANSWER_MIN), MaxValueValidator(ANSWER_MAX)],
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["attempt_id", "item_id"]
        verbose_name = "response"
        verbose_name_plural = "responses"
        constraints = [
            models.UniqueConstraint(fields=["attempt", "item"], name="one_response_per_item"),
            models.CheckConstraint(
                condition=Q(value__gte=ANSWER_MIN) & Q(value__lte=ANSWER_MAX),
                name="response_value_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_value_display()}: {self.item.text}"
