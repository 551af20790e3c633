"""Admins for frameworks, clusters, pathways and occupations (what we write is editable)
and for the imported-only records."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import format_html, format_html_join

from clusters import csv_io
from clusters import models as m
from clusters.admin.base import CatalogueAdmin, ImportedAdmin, release_line, releases_by_key
from clusters.admin.csv_admin import CsvAdminMixin
from clusters.admin.filters import (
    ClusterFrameworkFilter,
    DescriptionFilter,
    LocalProgrammesFilter,
    MembershipClusterFilter,
    MembershipFrameworkFilter,
    OccupationClusterFilter,
    OccupationFrameworkFilter,
    PathwayClusterFilter,
    PathwayFrameworkFilter,
)
from clusters.admin.inlines import (
    OccupationAddLocalProgrammeInline,
    OccupationLocalProgrammesInline,
    OccupationPathwayInline,
    OtherTitleInline,
    PathwayAddLocalProgrammeInline,
    PathwayInline,
    PathwayLocalProgrammesInline,
    PathwayOccupationInline,
    TaskInline,
)
from clusters.authoring import make_default_framework, save_framework
from clusters.riasec import RIASEC_NAMES
from core.admin_helpers import (
    ConstraintLeftToSave,
    annotated_column,
    has_description,
)
from core.queries import count_of


@admin.register(m.DataRelease)
class DataReleaseAdmin(ImportedAdmin):
    list_display = ["name", "version", "published", "publisher", "licence", "imported_at"]
    search_fields = ["name", "publisher", "key"]
    imported_from = ()


class FrameworkForm(ConstraintLeftToSave, forms.ModelForm):
    # Saving a new default unsets the old one (in the same transaction), so the one-default
    # constraint is not a form error here.
    constraint_left_to_save = "is_default"

    class Meta:
        model = m.Framework
        fields = ["description", "is_default"]

    def clean_is_default(self):
        value = self.cleaned_data["is_default"]
        if self.instance.pk and self.instance.is_default and not value:
            raise ValidationError(
                "The site needs a default framework. To change it, open the other framework "
                "and make that one the default."
            )
        return value


@admin.register(m.Framework)
class FrameworkAdmin(CatalogueAdmin):
    form = FrameworkForm
    list_display = ["name", "is_default", "cluster_count", "slug", "source"]
    list_select_related = ["release"]
    search_fields = ["name", "slug"]
    # English and Spanish side by side (one row each)
    fields = [
        ("name", "name_es"),
        "slug",
        "source",
        ("description", "description_es"),
        "is_default",
    ]
    readonly_fields = ["name", "slug", "source"]
    actions = ["make_default"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(cluster_count=count_of(m.Cluster, "framework"))
        )

    cluster_count = annotated_column("cluster_count", "clusters")

    @admin.display(description="source")
    def source(self, obj):
        return release_line(obj.release)

    def save_model(self, request, obj, form, change):
        save_framework(framework=obj)

    @admin.action(
        description="Make this the default framework",
        permissions=["change"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def make_default(self, request, queryset):
        chosen = list(queryset[:2])
        if len(chosen) != 1:
            self.message_user(request, "Choose exactly one framework.", messages.ERROR)
            return None
        framework = chosen[0]
        make_default_framework(framework=framework)
        self.log_change(request, framework, [{"changed": {"fields": ["Is default"]}}])
        self.message_user(request, f"{framework.name} is now the default framework.")
        return None


@admin.register(m.Cluster)
class ClusterAdmin(CsvAdminMixin, CatalogueAdmin):
    list_display = ["name", "framework", "pathway_count", "occupation_count", has_description]
    list_select_related = ["framework"]
    list_filter = [ClusterFrameworkFilter, DescriptionFilter]
    search_fields = ["name", "slug"]
    fields = [
        "framework",
        ("name", "name_es"),
        "slug",
        "source",
        ("description", "description_es"),
    ]
    readonly_fields = ["framework", "name", "slug", "source"]
    inlines = [PathwayInline]
    actions = ["export_csv"]
    csv_name = "clusters"
    csv_import_kind = csv_io.DESCRIPTIONS

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("framework__release")
            .annotate(
                pathway_count=count_of(m.Pathway, "cluster"),
                occupation_count=Coalesce(
                    Subquery(
                        m.PathwayOccupation.objects.filter(pathway__cluster=OuterRef("pk"))
                        .order_by()
                        .values("pathway__cluster")
                        .annotate(n=Count("occupation", distinct=True))
                        .values("n"),
                        output_field=IntegerField(),
                    ),
                    0,
                ),
            )
        )

    def csv_rows(self, queryset):
        return csv_io.cluster_rows(clusters=queryset)

    def has_import_permission(self, request):
        return request.user.has_perms(["clusters.change_cluster", "clusters.change_pathway"])

    pathway_count = annotated_column("pathway_count", "pathways")

    occupation_count = annotated_column("occupation_count", "occupations")

    @admin.display(description="source of the name")
    def source(self, obj):
        return release_line(obj.framework.release)


@admin.register(m.Pathway)
class PathwayAdmin(CatalogueAdmin):
    list_display = [
        "name", "cluster", "framework", "occupation_count", "local_count", has_description,
    ]  # fmt: skip
    list_select_related = ["cluster__framework"]
    list_filter = [PathwayFrameworkFilter, PathwayClusterFilter, DescriptionFilter,
                   LocalProgrammesFilter]  # fmt: skip
    search_fields = ["name", "slug", "cluster__name"]
    fields = [
        "cluster", ("name", "name_es"), "slug", "source", ("description", "description_es"),
        "programmes_of_study",
    ]  # fmt: skip
    readonly_fields = ["cluster", "name", "slug", "source", "programmes_of_study"]
    inlines = [
        PathwayLocalProgrammesInline,
        PathwayAddLocalProgrammeInline,
        PathwayOccupationInline,
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("cluster__framework__release")
            .annotate(
                occupation_count=count_of(m.PathwayOccupation, "pathway"),
                local_count=count_of(m.LocalProgramme.pathways.through, "pathway"),
            )
        )

    @admin.display(description="framework", ordering="cluster__framework__position")
    def framework(self, obj):
        return obj.cluster.framework.name

    occupation_count = annotated_column("occupation_count", "occupations")

    local_count = annotated_column("local_count", "local programs")

    @admin.display(description="source of the name")
    def source(self, obj):
        return release_line(obj.cluster.framework.release)

    @admin.display(description="programs of study (CIP 2020, imported)")
    def programmes_of_study(self, obj):
        programmes = obj.programmes.order_by("title")
        if not programmes:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{} ({})</li>", ((p.title, p.cip_code) for p in programmes)),
        )


@admin.register(m.Occupation)
class OccupationAdmin(CsvAdminMixin, CatalogueAdmin):
    list_display = [
        "code", "title", "zone", "interest_code", "bright_outlook", "median_wage",
        "pathway_count", "local_count",
    ]  # fmt: skip
    list_display_links = ["code", "title"]
    list_filter = [
        OccupationFrameworkFilter, OccupationClusterFilter, "job_zone", "bright_outlook",
        "is_retired", LocalProgrammesFilter,
    ]  # fmt: skip
    search_fields = ["code", "title", "search_titles"]
    search_help_text = "Search by O*NET-SOC code (29-1141), title or any alternate title."
    actions = ["export_csv"]
    csv_name = "occupations"
    csv_import_kind = csv_io.SPANISH_TITLES
    fieldsets = [
        (
            "Imported from O*NET",
            {
                "fields": [
                    "onet_source",
                    "code",
                    "title",
                    "description",
                    "interest_profile",
                    "interest_code",
                    "job_zone",
                    "is_retired",
                ],
                "description": "The importer updates these from O*NET, so they are read-only.",
            },
        ),
        (
            "Imported from the Bureau of Labor Statistics",
            {
                "fields": [
                    "bls_source",
                    "bls_code",
                    "bls_title",
                    "figures_group",
                    "wages",
                    "entry_education",
                    "work_experience",
                    "job_training",
                    "employment",
                    "bright_outlook",
                ],
                "description": "BLS figures for the occupation named here (sometimes a broader "
                "group). Read-only: the importer updates them.",
            },
        ),
        (
            "In Spanish (written by us)",
            {
                "fields": ["title_es", "keywords_es"],
                "description": "Spanish pages show this title; Spanish search also finds "
                "these words. The O*NET description and tasks stay in English.",
            },
        ),
    ]
    readonly_fields = [
        "onet_source", "code", "title", "description", "interest_profile", "interest_code",
        "job_zone", "is_retired", "bls_source", "bls_code", "bls_title", "figures_group", "wages",
        "entry_education", "work_experience", "job_training", "employment", "bright_outlook",
    ]  # fmt: skip
    inlines = [
        OccupationLocalProgrammesInline,
        OccupationAddLocalProgrammeInline,
        OccupationPathwayInline,
        TaskInline,
        OtherTitleInline,
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("job_zone", "release")
            .annotate(
                pathway_count=count_of(m.PathwayOccupation, "occupation"),
                local_count=count_of(m.LocalProgramme.occupations.through, "occupation"),
            )
        )

    def csv_rows(self, queryset):
        return csv_io.occupation_rows(occupations=queryset)

    def has_import_permission(self, request):
        return request.user.has_perm("clusters.change_occupation")

    @admin.display(description="job zone", ordering="job_zone")
    def zone(self, obj):
        return obj.job_zone_id or "—"

    @admin.display(description="median wage", ordering="wage_median")
    def median_wage(self, obj):
        if obj.wage_median is None:
            return "—"
        capped = obj.wage_cap and obj.wage_median >= obj.wage_cap
        return f"${obj.wage_median:,}" + (" or more" if capped else "")

    pathway_count = annotated_column("pathway_count", "pathways")

    local_count = annotated_column("local_count", "local programs")

    @admin.display(description="source")
    def onet_source(self, obj):
        return release_line(obj.release)

    @admin.display(description="source")
    def bls_source(self, obj):
        releases = releases_by_key()
        return format_html(
            "{}<br>{}",
            release_line(releases.get("bls-oews")),
            release_line(releases.get("bls-ep")),
        )

    @admin.display(description="interest profile (1–7)")
    def interest_profile(self, obj):
        if not obj.has_interests:
            return "O*NET has no interest profile for this occupation."
        return " · ".join(
            f"{RIASEC_NAMES[letter]} {score:.2f}" for letter, score in obj.riasec_scores.items()
        )

    @admin.display(description="annual wages (10th / 25th / median / 75th / 90th percentile)")
    def wages(self, obj):
        values = [obj.wage_p10, obj.wage_p25, obj.wage_median, obj.wage_p75, obj.wage_p90]
        if all(v is None for v in values):
            return "—"
        text = " / ".join("—" if v is None else f"${v:,}" for v in values)
        if obj.hourly_only:
            text += " (BLS publishes only hourly wages)"
        if obj.wage_cap:
            text += f" (some at BLS's top figure, ${obj.wage_cap:,} or more)"
        return text

    @admin.display(description="employment 2024 → 2034 (change, openings a year)")
    def employment(self, obj):
        if obj.employment_2024 is None:
            return "—"
        change = "—" if obj.employment_change_pct is None else f"{obj.employment_change_pct:+}%"
        openings = "—" if obj.annual_openings is None else f"{obj.annual_openings:,}"
        return f"{obj.employment_2024:,} → {obj.employment_2034 or 0:,} ({change}, {openings})"


# Imported-only models ------------------------------------------------------------------


@admin.register(m.JobZone)
class JobZoneAdmin(ImportedAdmin):
    list_display = ["number", "name", "occupation_count"]
    search_fields = ["name", "education"]
    fields = ["number", "name", "education", "experience", "training", "examples"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(occupation_count=count_of(m.Occupation, "job_zone"))
        )

    occupation_count = annotated_column("occupation_count", "occupations")


@admin.register(m.Programme)
class ProgrammeAdmin(ImportedAdmin):
    list_display = ["cip_code", "title", "pathway_count", "occupation_count"]
    search_fields = ["cip_code", "title"]
    imported_from = ("advance-cte",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                pathway_count=count_of(m.Pathway.programmes.through, "programme"),
                occupation_count=count_of(m.Occupation.programmes.through, "programme"),
            )
        )

    pathway_count = annotated_column("pathway_count", "pathways")

    occupation_count = annotated_column("occupation_count", "occupations")


@admin.register(m.PathwayOccupation)
class PathwayOccupationAdmin(ImportedAdmin):
    list_display = ["occupation", "pathway_name", "cluster_name", "framework_name"]
    list_select_related = ["occupation", "pathway__cluster__framework"]
    list_filter = [MembershipFrameworkFilter, MembershipClusterFilter]
    search_fields = ["occupation__code", "occupation__title", "pathway__name"]
    imported_from = ("advance-cte", "onet-classic")

    @admin.display(description="pathway", ordering="pathway__name")
    def pathway_name(self, obj):
        return obj.pathway.name

    @admin.display(description="cluster", ordering="pathway__cluster__name")
    def cluster_name(self, obj):
        return obj.pathway.cluster.name

    @admin.display(description="framework")
    def framework_name(self, obj):
        return obj.pathway.cluster.framework.name


class OccupationPartAdmin(ImportedAdmin):
    list_select_related = ["occupation"]
    search_fields = ["occupation__code", "occupation__title"]

    @admin.display(description="occupation", ordering="occupation__code")
    def occupation_code(self, obj):
        return f"{obj.occupation.code} {obj.occupation.title}"


@admin.register(m.Task)
class TaskAdmin(OccupationPartAdmin):
    list_display = ["text", "occupation_code", "is_core"]
    list_filter = ["is_core"]
    search_fields = [*OccupationPartAdmin.search_fields, "text"]


@admin.register(m.OtherTitle)
class OtherTitleAdmin(OccupationPartAdmin):
    list_display = ["title", "short_title", "kind", "featured", "occupation_code"]
    list_filter = ["kind", "featured"]
    search_fields = [*OccupationPartAdmin.search_fields, "title", "short_title"]


@admin.register(m.RelatedOccupation)
class RelatedOccupationAdmin(OccupationPartAdmin):
    list_display = ["occupation_code", "related", "tier", "rank"]
    list_select_related = ["occupation", "related"]
    list_filter = ["tier"]
    search_fields = [*OccupationPartAdmin.search_fields, "related__code", "related__title"]


@admin.register(m.Attribute)
class AttributeAdmin(OccupationPartAdmin):
    list_display = ["name", "kind", "importance", "occupation_code"]
    list_filter = ["kind"]
    search_fields = [*OccupationPartAdmin.search_fields, "name"]


@admin.register(m.EducationShare)
class EducationShareAdmin(OccupationPartAdmin):
    list_display = ["occupation_code", "category", "label", "percent"]
    list_filter = ["category"]
