"""The counselors' interface to the catalogue.

Imported records (occupations, tasks, titles, job zones, programs of study, ...) come from
the data importer, which overwrites them on every run: their fields are read-only here, for
everyone, and show which data release they come from. What we write is editable: framework,
cluster and pathway descriptions, the default framework, and local programs ("At our
school") with their links to pathways and occupations. Every list runs a fixed number of
queries whatever the number of rows (counts are subqueries, related rows are joined).
"""

from __future__ import annotations

import secrets

from axes import admin as axes_admin
from axes.models import AccessAttempt
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.admin.options import ActionLocation, IncorrectLookupParameters
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseBadRequest, HttpResponseRedirect, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clusters import csv_io
from clusters import models as m
from clusters.authoring import make_default_framework, save_framework
from clusters.riasec import RIASEC_NAMES
from clusters.selectors import data_releases
from core.admin_helpers import (
    BoundedSearchAdmin,
    ConstraintLeftToSave,
    TwoWayFilter,
    ViewOnly,
    annotated_column,
    has_description,
    search_too_long,
)
from core.queries import count_of

admin.site.site_header = "Career Clusters admin"
admin.site.site_title = "Career Clusters admin"
admin.site.index_title = "Manage content and see quiz results"

GRADE_CHOICES = [("", "—")] + [(g, f"Grade {g}") for g in range(csv_io.GRADE_MIN, 13)]


# ---------------------------------------------------------------------------------------
# Helpers


def release_line(release: m.DataRelease | None) -> str:
    if release is None:
        return "—"
    link = format_html(' <a href="{}">{}</a>', release.url, release.url) if release.url else ""
    return format_html(
        "{} {}, {} ({}; {}).{}",
        release.name,
        release.version,
        release.publisher,
        release.published.strftime("%B %Y"),
        release.licence,
        link,
    )


def releases_by_key() -> dict[str, m.DataRelease]:
    return {r.key: r for r in data_releases()}


def admin_link(obj, text: str | None = None) -> str:
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text or str(obj))


class ImportedAdmin(ViewOnly, BoundedSearchAdmin, admin.ModelAdmin):
    """Records only the importer writes: shown, searchable, never added, changed or deleted."""

    imported_from: tuple[str, ...] = ("onet",)

    def changelist_view(self, request, extra_context=None):
        releases = releases_by_key()
        sources = [release_line(releases.get(key)) for key in self.imported_from]
        extra = {"imported_sources": sources, **(extra_context or {})}
        return super().changelist_view(request, extra)

    change_list_template = "admin/clusters/imported_change_list.html"


class CatalogueAdmin(BoundedSearchAdmin, admin.ModelAdmin):
    """Imported records with something we write: editable fields are the authored ones."""

    def has_add_permission(self, request):
        return False  # the importer creates them from the data files

    def has_delete_permission(self, request, obj=None):
        return False  # and it would create them again


class ReadOnlyInline(ViewOnly, admin.TabularInline):
    extra = 0
    can_delete = False


# ---------------------------------------------------------------------------------------
# CSV export and import


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=f"UTF-8 CSV with a header row, at most {csv_io.MAX_BYTES // 1024 // 1024} MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > csv_io.MAX_BYTES:
            raise ValidationError(
                f"The file is larger than {csv_io.MAX_BYTES // 1024 // 1024} MB; split it up."
            )
        return upload


class CsvAdminMixin:
    """Adds `export/` (the current list, filters and search applied) and, when
    `csv_import_kind` is set, `import/` (upload and preview) and `import/confirm/` (save)."""

    csv_name = ""
    csv_import_kind: str | None = None
    change_list_template = "admin/clusters/csv_change_list.html"

    def csv_rows(self, queryset):
        raise NotImplementedError

    def has_import_permission(self, request) -> bool:
        return False

    def _url_name(self, action: str) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_{action}"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        urls = [path("export/", wrap(self.export_view), name=self._url_name("export"))]
        if self.csv_import_kind:
            urls += [
                path("import/", wrap(self.import_view), name=self._url_name("import")),
                path(
                    "import/confirm/",
                    wrap(self.import_confirm_view),
                    name=self._url_name("import_confirm"),
                ),
            ]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra = {
            "csv_export_url": reverse(f"admin:{self._url_name('export')}")
            + (f"?{request.GET.urlencode()}" if request.GET else ""),
            "csv_import_url": (
                reverse(f"admin:{self._url_name('import')}")
                if self.has_import_permission(request)
                else None
            ),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra)

    def csv_response(self, queryset) -> StreamingHttpResponse:
        filename = f"{self.csv_name}-{timezone.localdate():%Y-%m-%d}.csv"
        response = StreamingHttpResponse(
            csv_io.csv_lines(self.csv_rows(queryset)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @admin.action(description="Export selected %(verbose_name_plural)s as CSV")
    def export_csv(self, request, queryset):
        return self.csv_response(queryset)

    def export_view(self, request):
        return require_GET(self._export)(request)

    def _export(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if problem := search_too_long(request.GET.get("q", "")):
            return HttpResponseBadRequest(problem, content_type="text/plain; charset=utf-8")
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest("Those list filters are not valid.")
        return self.csv_response(changelist.queryset)

    # Import ------------------------------------------------------------------------------

    def _session_key(self) -> str:
        return f"csv-import:{self.csv_import_kind}"

    def _import_context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Import {csv_io.KINDS[self.csv_import_kind]} from CSV",
            "kind": self.csv_import_kind,
            "format": csv_io.FORMATS[self.csv_import_kind],
            "changelist_url": reverse(f"admin:{self._url_name('changelist')}"),
            "export_url": self.import_example_url(),
            "confirm_url": reverse(f"admin:{self._url_name('import_confirm')}"),
            **extra,
        }

    def import_example_url(self) -> str:
        return reverse(f"admin:{self._url_name('export')}")

    def _render_import(self, request, **extra):
        return TemplateResponse(
            request, "admin/clusters/csv_import.html", self._import_context(request, **extra)
        )

    def import_view(self, request):
        return require_http_methods(["GET", "POST"])(self._import)(request)

    def _import(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "GET":
            return self._render_import(request, form=CsvUploadForm())
        form = CsvUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render_import(request, form=form)
        data = form.cleaned_data["file"].read()
        plan = csv_io.plan_import(kind=self.csv_import_kind, data=data)
        token = ""
        if plan.ok and plan.changed:
            token = secrets.token_urlsafe(16)
            request.session[self._session_key()] = {
                "token": token,
                "text": data.decode("utf-8-sig"),
                "name": form.cleaned_data["file"].name,
            }
        return self._render_import(
            request,
            form=CsvUploadForm(),
            plan=plan,
            token=token,
            filename=form.cleaned_data["file"].name,
        )

    def import_confirm_view(self, request):
        return require_POST(self._import_confirm)(request)

    def _import_confirm(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        pending = request.session.get(self._session_key())
        if not pending or not secrets.compare_digest(
            str(pending.get("token", "")), request.POST.get("token", "")
        ):
            messages.error(request, "That preview is no longer available. Upload the file again.")
            return HttpResponseRedirect(reverse(f"admin:{self._url_name('import')}"))
        plan, saved = csv_io.apply_import(
            kind=self.csv_import_kind, data=pending["text"].encode("utf-8")
        )
        if not plan.ok:
            return self._render_import(
                request, form=CsvUploadForm(), plan=plan, token="", filename=pending["name"]
            )
        del request.session[self._session_key()]
        for row, obj in saved:
            if row.action == "create":
                message = f"Added from a CSV import ({pending['name']}, line {row.line})."
            else:
                message = (
                    f"Changed {', '.join(row.changes)} from a CSV import "
                    f"({pending['name']}, line {row.line})."
                )
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=[obj],
                action_flag=ADDITION if row.action == "create" else CHANGE,
                change_message=message,
            )
        counts = plan.summary
        messages.success(
            request,
            f"Imported {pending['name']}: {counts['create']} added, {counts['update']} changed, "
            f"{counts['unchanged'] + counts['skip']} left as they were.",
        )
        return HttpResponseRedirect(reverse(f"admin:{self._url_name('changelist')}"))


# ---------------------------------------------------------------------------------------
# List filters


class _SlugFilter(admin.SimpleListFilter):
    """Narrows the list to rows whose `lookup` (a field path ending in a slug) is the choice."""

    lookup = ""

    def queryset(self, request, queryset):
        if self.value():
            return self.filter(queryset, self.value())
        return queryset

    def filter(self, queryset, slug):
        return queryset.filter(**{self.lookup: slug})


class FrameworkFilter(_SlugFilter):
    title = "framework"
    parameter_name = "framework"

    def lookups(self, request, model_admin):
        return [(f.slug, f.name) for f in m.Framework.objects.all()]


class ClusterFilter(_SlugFilter):
    """Clusters of the chosen framework (or all, labelled with their framework)."""

    title = "cluster"
    parameter_name = "cluster"

    def lookups(self, request, model_admin):
        clusters = m.Cluster.objects.select_related("framework").order_by(
            "framework__position", "name"
        )
        framework = request.GET.get("framework")
        if framework:
            clusters = clusters.filter(framework__slug=framework)
            return [(c.slug, c.name) for c in clusters]
        return [(c.slug, f"{c.name} ({c.framework.name})") for c in clusters]


def _membership_filters(through, owner: str):
    """Framework and cluster filters for a model linked to pathways through `through`."""

    class Linked:
        def filter(self, queryset, slug):
            linked = through.objects.filter(**{owner: OuterRef("pk"), self.lookup: slug})
            return queryset.filter(Exists(linked))

    class ByFramework(Linked, FrameworkFilter):
        lookup = "pathway__cluster__framework__slug"

    class ByCluster(Linked, ClusterFilter):
        lookup = "pathway__cluster__slug"

    return ByFramework, ByCluster


OccupationFrameworkFilter, OccupationClusterFilter = _membership_filters(
    m.PathwayOccupation, "occupation"
)
ProgrammeFrameworkFilter, ProgrammeClusterFilter = _membership_filters(
    m.LocalProgramme.pathways.through, "localprogramme"
)


class PathwayFrameworkFilter(FrameworkFilter):
    lookup = "cluster__framework__slug"


class PathwayClusterFilter(ClusterFilter):
    lookup = "cluster__slug"


class ClusterFrameworkFilter(FrameworkFilter):
    lookup = "framework__slug"


class MembershipFrameworkFilter(FrameworkFilter):
    lookup = "pathway__cluster__framework__slug"


class MembershipClusterFilter(ClusterFilter):
    lookup = "pathway__cluster__slug"


class DescriptionFilter(TwoWayFilter):
    title = "description"
    parameter_name = "description"
    options = (("written", "Written"), ("missing", "Missing"))

    def condition(self, queryset):
        return ~Q(description="")


class LocalProgrammesFilter(TwoWayFilter):
    title = "at our school"
    parameter_name = "local"
    options = (("yes", "Has local programs"), ("no", "No local programs"))

    def condition(self, queryset):
        through = queryset.model.local_programmes.through
        return Exists(through.objects.filter(**{queryset.model._meta.model_name: OuterRef("pk")}))


# ---------------------------------------------------------------------------------------
# Inlines


class LinkedLocalProgrammesInline(admin.TabularInline):
    """Local programs linked here ("At our school"): untick to unlink. Shown read-only, so
    the list costs one query however long it is (an editable select would cost one each)."""

    extra = 0
    fields = ["localprogramme"]
    readonly_fields = ["localprogramme"]
    verbose_name = "local program"
    verbose_name_plural = "At our school: local programs shown here"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("localprogramme")
            .order_by("localprogramme__name")
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AddLocalProgrammeInline(admin.TabularInline):
    """Blank rows to link more local programs, with search-as-you-type."""

    extra = 1
    autocomplete_fields = ["localprogramme"]
    verbose_name = "local program to show here"
    verbose_name_plural = "At our school: show another local program here"

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_delete_permission(self, request, obj=None):
        return False


class OccupationLocalProgrammesInline(LinkedLocalProgrammesInline):
    model = m.LocalProgramme.occupations.through


class OccupationAddLocalProgrammeInline(AddLocalProgrammeInline):
    model = m.LocalProgramme.occupations.through


class PathwayLocalProgrammesInline(LinkedLocalProgrammesInline):
    model = m.LocalProgramme.pathways.through


class PathwayAddLocalProgrammeInline(AddLocalProgrammeInline):
    model = m.LocalProgramme.pathways.through


class TaskInline(ReadOnlyInline):
    model = m.Task
    fields = ["text", "is_core"]
    ordering = ["-is_core", "position"]
    verbose_name_plural = "Tasks (imported from O*NET)"


class OtherTitleInline(ReadOnlyInline):
    model = m.OtherTitle
    fields = ["title", "short_title", "kind", "featured"]
    ordering = ["kind", "-featured", "title"]
    classes = ["collapse"]
    verbose_name_plural = "Other job titles (imported from O*NET)"


class OccupationPathwayInline(ReadOnlyInline):
    model = m.PathwayOccupation
    fields = ["pathway_link", "framework"]
    readonly_fields = ["pathway_link", "framework"]
    verbose_name = "pathway"
    verbose_name_plural = "Clusters and pathways (imported)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("pathway__cluster__framework")
            .order_by("pathway__cluster__framework__position", "pathway__cluster__name")
        )

    @admin.display(description="pathway")
    def pathway_link(self, obj):
        return admin_link(obj.pathway)

    @admin.display(description="framework")
    def framework(self, obj):
        return obj.pathway.cluster.framework.name


class PathwayOccupationInline(ReadOnlyInline):
    model = m.PathwayOccupation
    fields = ["occupation_link", "job_zone"]
    readonly_fields = ["occupation_link", "job_zone"]
    verbose_name = "occupation"
    verbose_name_plural = "Occupations in this pathway (imported)"
    classes = ["collapse"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("occupation")
            .order_by("occupation__title")
        )

    @admin.display(description="occupation")
    def occupation_link(self, obj):
        return admin_link(obj.occupation)

    @admin.display(description="job zone")
    def job_zone(self, obj):
        return obj.occupation.job_zone_id or "—"


class PathwayInline(admin.StackedInline):
    model = m.Pathway
    fields = ["name", "slug", "description"]
    readonly_fields = ["name", "slug"]
    ordering = ["name"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "Pathways (descriptions are ours; names come from the framework)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("cluster")

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# ---------------------------------------------------------------------------------------
# Model admins


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
    fields = ["name", "slug", "source", "description", "is_default"]
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
    fields = ["framework", "name", "slug", "source", "description"]
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
    fields = ["cluster", "name", "slug", "source", "description", "programmes_of_study"]
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
        LocalProgrammesFilter,
    ]  # fmt: skip
    search_fields = ["code", "title", "search_titles"]
    search_help_text = "Search by O*NET-SOC code (29-1141), title or any alternate title."
    actions = ["export_csv"]
    csv_name = "occupations"
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
    ]
    readonly_fields = [
        "onet_source", "code", "title", "description", "interest_profile", "interest_code",
        "job_zone", "bls_source", "bls_code", "bls_title", "wages", "entry_education",
        "work_experience", "job_training", "employment", "bright_outlook",
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

    @admin.display(description="job zone", ordering="job_zone")
    def zone(self, obj):
        return obj.job_zone_id or "—"

    @admin.display(description="median wage", ordering="wage_median")
    def median_wage(self, obj):
        if obj.wage_median is None:
            return "—"
        return f"${obj.wage_median:,}" + (" or more" if obj.wage_top_coded else "")

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
        if obj.wage_top_coded:
            text += " (some at BLS's top figure, $239,200 or more)"
        return text

    @admin.display(description="employment 2024 → 2034 (change, openings a year)")
    def employment(self, obj):
        if obj.employment_2024 is None:
            return "—"
        change = "—" if obj.employment_change_pct is None else f"{obj.employment_change_pct:+}%"
        openings = "—" if obj.annual_openings is None else f"{obj.annual_openings:,}"
        return f"{obj.employment_2024:,} → {obj.employment_2034 or 0:,} ({change}, {openings})"


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
class LocalProgrammeAdmin(CsvAdminMixin, BoundedSearchAdmin, admin.ModelAdmin):
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


# ---------------------------------------------------------------------------------------
# Permissions, so superusers can look up what each one is called (counselors get a 403).


@admin.register(Permission)
class PermissionAdmin(ViewOnly, BoundedSearchAdmin, admin.ModelAdmin):
    list_display = ["name", "codename", "content_type"]
    list_select_related = ["content_type"]
    list_filter = [("content_type__app_label", admin.AllValuesFieldListFilter)]
    search_fields = ["name", "codename"]


# Django's own user and group lists and django-axes' locked-out logins (a superuser deletes
# a row to unlock early), with the same bound on searches as every other list.
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(BoundedSearchAdmin, axes_admin.AccessAttemptAdmin):
    pass


@admin.register(User)
class UserAdmin(BoundedSearchAdmin, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(BoundedSearchAdmin, auth_admin.GroupAdmin):
    pass
