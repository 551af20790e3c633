"""Local programmes ("At our school"): written by counselors, linked to pathways and
occupations."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from clusters import csv_io
from clusters import models as m
from clusters.admin.csv_admin import CsvAdminMixin
from clusters.admin.filters import ProgrammeClusterFilter, ProgrammeFrameworkFilter
from core.admin_helpers import (
    SafeListAdmin,
    annotated_column,
)
from core.queries import count_of

GRADE_CHOICES = [("", "—")] + [(g, f"Grade {g}") for g in range(csv_io.GRADE_MIN, 13)]


class LocalProgrammeForm(forms.ModelForm):
    grade_from = forms.TypedChoiceField(
        choices=GRADE_CHOICES, coerce=int, empty_value=None, required=False
    )
    grade_to = forms.TypedChoiceField(
        choices=GRADE_CHOICES, coerce=int, empty_value=None, required=False
    )

    class Meta:
        model = m.LocalProgramme
        fields = [
            "name", "kind", "description", "link", "grade_from", "grade_to", "pathways",
            "occupations", "is_published",
        ]  # fmt: skip
        help_texts = {
            "description": "One or two plain sentences a student can understand.",
            "link": "Optional: a page with more about it (https://…).",
            "pathways": "Shown on these pathway pages under “At our school”.",
            "occupations": "Shown on these occupation pages under “At our school”.",
            "is_published": "Untick to hide it from students without deleting it.",
        }

    def clean(self):
        data = super().clean()
        low, high = data.get("grade_from"), data.get("grade_to")
        if low is not None and high is not None and low > high:
            self.add_error("grade_to", "The last grade cannot be before the first grade.")
        return data


@admin.register(m.LocalProgramme)
class LocalProgrammeAdmin(CsvAdminMixin, SafeListAdmin, admin.ModelAdmin):
    form = LocalProgrammeForm
    list_display = [
        "name", "kind", "grades_display", "is_published", "pathway_count", "occupation_count",
        "updated_at",
    ]  # fmt: skip
    list_filter = ["kind", "is_published", ProgrammeFrameworkFilter, ProgrammeClusterFilter]
    search_fields = ["name", "description"]
    autocomplete_fields = ["pathways", "occupations"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "description", "link", "is_published"]}),
        ("Grade levels", {"fields": [("grade_from", "grade_to")]}),
        ("Where students see it", {"fields": ["pathways", "occupations"]}),
    ]
    actions = ["export_csv", "publish", "unpublish"]
    csv_name = "local-programmes"
    csv_import_kind = csv_io.LOCAL_PROGRAMMES

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                pathway_count=count_of(m.LocalProgramme.pathways.through, "localprogramme"),
                occupation_count=count_of(m.LocalProgramme.occupations.through, "localprogramme"),
            )
        )

    def csv_rows(self, queryset):
        return csv_io.local_programme_rows(programmes=queryset)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def view_on_site(self, obj):
        pathway = obj.pathways.select_related("cluster").first()
        if pathway:
            return pathway.get_absolute_url()
        occupation = obj.occupations.first()
        return occupation.get_absolute_url() if occupation else None

    @admin.display(description="grades", ordering="grade_from")
    def grades_display(self, obj):
        return obj.grades or "—"

    pathway_count = annotated_column("pathway_count", "pathways")

    occupation_count = annotated_column("occupation_count", "occupations")

    def _set_published(self, request, queryset, value: bool) -> None:
        changed = 0
        for programme in queryset.filter(is_published=not value):
            programme.is_published = value
            programme.save(update_fields=["is_published", "updated_at"])
            self.log_change(request, programme, [{"changed": {"fields": ["Is published"]}}])
            changed += 1
        state = "published" if value else "hidden from students"
        self.message_user(request, f"{changed} local program(s) {state}.")

    @admin.action(description="Publish selected local programs", permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description="Hide selected local programs", permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)
