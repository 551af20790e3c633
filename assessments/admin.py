"""The counselors' interface to the quiz: assessments and their items, attempts (view only),
and the aggregate results page (totals only, no individual answers)."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, Q
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from assessments import aggregates
from assessments.models import Assessment, Attempt, Item, Response
from assessments.selectors import matching_catalogue
from core.admin_helpers import (
    ConstraintLeftToSave,
    PrivateFieldsAdmin,
    SafeListAdmin,
    TwoWayFilter,
    ViewOnly,
    annotated_column,
)
from core.queries import count_of

MAX_ORDER = 9999
MAX_RANGE_DAYS = 3 * 366


# ---------------------------------------------------------------------------------------
# Item order: editable in the assessment's item list and in the items list, where swapping
# two numbers in one save must work although (assessment, order) is unique.


class ItemOrderForm(ConstraintLeftToSave, forms.ModelForm):
    order = forms.IntegerField(min_value=1, max_value=MAX_ORDER, help_text="Position, from 1.")
    # Whether an order number is free is decided for the whole list at once (the formset's
    # clean), so numbers can be swapped in one save.
    constraint_left_to_save = "order"

    class Meta:
        model = Item
        fields = ["order", "area", "basic_interest", "text", "text_es"]


class ItemOrderFormSetMixin:
    """Checks that, after this save, no two items of an assessment share a number."""

    def clean(self):
        super().clean()
        wanted: dict[tuple[int | None, int], list[str]] = {}
        touched = set()
        for form in self.forms:
            if not getattr(form, "cleaned_data", None):
                continue
            if form.instance.pk:
                touched.add(form.instance.pk)
            if self.can_delete and self._should_delete_form(form):
                continue
            order = form.cleaned_data.get("order")
            if order is None:
                continue
            key = (form.instance.assessment_id, order)
            wanted.setdefault(key, []).append(form.cleaned_data.get("text") or str(form.instance))
        assessment_ids = {a for a, _ in wanted if a is not None}
        taken = (
            Item.objects.filter(assessment_id__in=assessment_ids)
            .exclude(pk__in=touched)
            .values_list("assessment_id", "order", "text")
        )
        for assessment_id, order, text in taken:
            if (assessment_id, order) in wanted:
                wanted[(assessment_id, order)].append(text)
        clashes = sorted((order, texts) for (_, order), texts in wanted.items() if len(texts) > 1)
        if clashes:
            raise ValidationError(
                [
                    f"Two items would both be number {order}: "
                    + " / ".join(f"“{t}”" for t in texts)
                    + ". Give each item its own number."
                    for order, texts in clashes
                ]
            )


class ItemInlineFormSet(ItemOrderFormSetMixin, BaseInlineFormSet):
    pass


class ItemChangelistFormSet(ItemOrderFormSetMixin, BaseModelFormSet):
    pass


def park_items(*, pks) -> None:
    """Move items out of the way (to a free number past the last one) before renumbering."""
    for item in Item.objects.filter(pk__in=list(pks)).only("pk", "assessment_id"):
        top = Item.objects.filter(assessment_id=item.assessment_id).aggregate(top=Max("order"))
        Item.objects.filter(pk=item.pk).update(order=(top["top"] or 0) + 1)


# ---------------------------------------------------------------------------------------
# Assessments and items


class ItemInline(admin.TabularInline):
    model = Item
    form = ItemOrderForm
    formset = ItemInlineFormSet
    fields = ["order", "area", "basic_interest", "text", "text_es"]
    ordering = ["order", "pk"]
    extra = 0
    show_change_link = True


class PublishedFilter(TwoWayFilter):
    title = "offered to students"
    parameter_name = "published"
    options = (("yes", "Published"), ("no", "Unpublished"))

    def condition(self, queryset):
        return Q(is_published=True)


@admin.register(Assessment)
class AssessmentAdmin(SafeListAdmin, admin.ModelAdmin):
    list_display = [
        "name", "is_published", "item_count", "minutes", "started", "finished", "position",
        "preview",
    ]  # fmt: skip
    list_filter = [PublishedFilter]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        ("name", "name_es"), "slug", ("description", "description_es"), "minutes",
        "items_per_page", "position", "is_published", "preview",
    ]  # fmt: skip
    readonly_fields = ["preview"]
    inlines = [ItemInline]
    actions = ["publish", "unpublish"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                item_count=count_of(Item, "assessment"),
                started=count_of(Attempt, "assessment"),
                finished=count_of(Attempt, "assessment", completed_at__isnull=False),
            )
        )

    item_count = annotated_column("item_count", "items")

    started = annotated_column("started", "attempts started")

    finished = annotated_column("finished", "finished")

    @admin.display(description="preview")
    def preview(self, obj):
        if not obj.pk:
            return "Save first."
        if not obj.is_published:
            return "Not offered to students (unpublished)."
        return format_html(
            '<a href="{}">Open the quiz as students see it</a>', obj.get_absolute_url()
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is Item:
            moving = [
                f.instance.pk
                for f in formset.initial_forms
                if f.instance.pk
                and (
                    "order" in f.changed_data
                    or (formset.can_delete and formset._should_delete_form(f))
                )
            ]
            park_items(pks=moving)
        super().save_formset(request, form, formset, change)

    def _set_published(self, request, queryset, value: bool) -> None:
        changed = 0
        for assessment in queryset.filter(is_published=not value):
            assessment.is_published = value
            assessment.save(update_fields=["is_published", "updated_at"])
            self.log_change(request, assessment, [{"changed": {"fields": ["Published"]}}])
            changed += 1
        if value:
            self.message_user(request, f"{changed} quiz(zes) published: students can start them.")
        else:
            self.message_user(
                request,
                f"{changed} quiz(zes) unpublished: students can no longer start them; "
                "quizzes already started can still be finished.",
            )

    @admin.action(
        description="Publish (offer to students)",
        permissions=["change"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(
        description="Unpublish (stop offering to students)",
        permissions=["change"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)


@admin.register(Item)
class ItemAdmin(SafeListAdmin, admin.ModelAdmin):
    list_display = ["text", "order", "area", "basic_interest", "assessment"]
    list_display_links = ["text"]
    list_editable = ["order"]
    list_filter = ["assessment", "area"]
    list_select_related = ["assessment"]
    search_fields = ["text", "basic_interest"]
    autocomplete_fields = ["assessment"]
    ordering = ["assessment", "order", "pk"]
    fields = ["assessment", "order", "area", "basic_interest", ("text", "text_es")]

    def view_on_site(self, obj):
        return obj.assessment.get_absolute_url() if obj.assessment.is_published else None

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", ItemOrderForm)
        return super().get_changelist_form(request, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        kwargs.setdefault("formset", ItemChangelistFormSet)
        return super().get_changelist_formset(request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change and "order" in form.changed_data:
            # In the list, another row of this save may hold the number for now: park it.
            holder = (
                Item.objects.filter(assessment_id=obj.assessment_id, order=obj.order)
                .exclude(pk=obj.pk)
                .values_list("pk", flat=True)
            )
            park_items(pks=holder)
        super().save_model(request, obj, form, change)


# ---------------------------------------------------------------------------------------
# Attempts (view only) and the aggregate results page


class CompletedFilter(TwoWayFilter):
    title = "finished"
    parameter_name = "finished"
    options = (("yes", "Finished"), ("no", "Not finished"))

    def condition(self, queryset):
        return Q(completed_at__isnull=False)


class ViewOnlyAdmin(ViewOnly, SafeListAdmin, admin.ModelAdmin):
    pass


@admin.register(Attempt)
class AttemptAdmin(PrivateFieldsAdmin, ViewOnlyAdmin):
    """Anonymous attempts. The private token is never shown, filtered or searched on, and
    there is no link to the student's results: counselors see what a quiz produced, not a way
    into it."""

    private_fields = frozenset({"token"})
    list_display = [
        "pk", "assessment", "created_at", "completed_at", "code", "is_flat", "education_plan",
        "answered",
    ]  # fmt: skip
    list_select_related = ["assessment"]
    list_filter = ["assessment", CompletedFilter, "is_flat", "created_at"]
    search_fields = ["=code", "assessment__name"]
    search_help_text = "Search by three-letter interest code (e.g. SIA) or quiz name."
    date_hierarchy = "created_at"
    exclude = ["token"]
    view_on_site = False
    change_list_template = "admin/assessments/attempt/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answered=count_of(Response, "attempt"))

    answered = annotated_column("answered", "answers")

    def get_urls(self):
        return [
            path(
                "results/",
                self.admin_site.admin_view(self.results_view),
                name="assessments_attempt_results",
            ),
            *super().get_urls(),
        ]

    def results_view(self, request):
        return require_GET(self._results)(request)

    def _results(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        catalogue = matching_catalogue()
        form = ResultsForm(
            request.GET or None,
            frameworks=[(f.slug, f.name) for f in catalogue.frameworks.values()],
        )
        summary = None
        if form.is_valid() or not request.GET:
            data = form.cleaned_data if request.GET else form.defaults()
            assessment = data.get("assessment")
            summary = aggregates.quiz_summary(
                start=data["start"],
                end=data["end"],
                catalogue=catalogue,
                assessment_id=assessment.pk if assessment else None,
                framework=data.get("framework") or None,
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Quiz results: totals only",
            "form": form,
            "summary": summary,
        }
        if summary:
            context.update(
                weeks=aggregates.week_chart(weeks=summary.weeks),
                clusters=aggregates.bar_chart(rows=summary.clusters, total=summary.finished),
                codes=aggregates.bar_chart(
                    rows=summary.codes,
                    total=sum(n for _, n in summary.codes),
                    label_width=120,
                ),
            )
        return TemplateResponse(request, "admin/assessments/results.html", context)


@admin.register(Response)
class ResponseAdmin(PrivateFieldsAdmin, ViewOnlyAdmin):
    private_fields = frozenset({"token"})
    list_display = ["attempt_id", "item", "value", "answered_at"]
    list_select_related = ["item"]
    list_filter = ["item__assessment", "value"]
    search_fields = ["item__text"]


class ResultsForm(forms.Form):
    start = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}), help_text="YYYY-MM-DD"
    )
    end = forms.DateField(
        label="To", widget=forms.DateInput(attrs={"type": "date"}), help_text="YYYY-MM-DD"
    )
    assessment = forms.ModelChoiceField(
        label="Quiz",
        queryset=Assessment.objects.all(),
        required=False,
        empty_label="All quizzes",
    )
    framework = forms.ChoiceField(label="Clusters from", required=False)

    def __init__(self, *args, frameworks: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].choices = [("", "The default framework"), *frameworks]
        if not self.is_bound:
            self.initial.update(self.defaults())

    @staticmethod
    def defaults() -> dict:
        today = timezone.localdate()
        return {
            "start": today - datetime.timedelta(weeks=12) + datetime.timedelta(days=1),
            "end": today,
            "assessment": None,
            "framework": "",
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if start > end:
                self.add_error("end", "The end date must be on or after the start date.")
            elif (end - start).days > MAX_RANGE_DAYS:
                self.add_error("start", "Choose at most three years at a time.")
        return data
