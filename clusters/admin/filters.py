"""List filters for the catalogue admins."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q

from clusters import models as m
from core.admin_helpers import (
    TwoWayFilter,
)


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
