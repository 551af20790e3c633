"""Inlines: local programs linked to pathways and occupations, and imported parts."""

from __future__ import annotations

from django.contrib import admin

from clusters import models as m
from clusters.admin.base import ReadOnlyInline, admin_link


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
    fields = [("name", "name_es"), "slug", ("description", "description_es")]
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
