"""What every catalogue admin shares: where imported records come from, and the two
kinds of admin (imported only; imported with fields we write)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from clusters import models as m
from clusters.selectors import data_releases
from core.admin_helpers import SafeListAdmin, ViewOnly

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


class ImportedAdmin(ViewOnly, SafeListAdmin, admin.ModelAdmin):
    """Records only the importer writes: shown, searchable, never added, changed or deleted."""

    imported_from: tuple[str, ...] = ("onet",)

    def changelist_view(self, request, extra_context=None):
        releases = releases_by_key()
        sources = [release_line(releases.get(key)) for key in self.imported_from]
        extra = {"imported_sources": sources, **(extra_context or {})}
        return super().changelist_view(request, extra)

    change_list_template = "admin/clusters/imported_change_list.html"


class CatalogueAdmin(SafeListAdmin, admin.ModelAdmin):
    """Imported records with something we write: editable fields are the authored ones."""

    def has_add_permission(self, request):
        return False  # the importer creates them from the data files

    def has_delete_permission(self, request, obj=None):
        return False  # and it would create them again


class ReadOnlyInline(ViewOnly, admin.TabularInline):
    extra = 0
    can_delete = False
