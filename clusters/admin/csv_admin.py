"""CSV export of any list and CSV import with a preview, for the catalogue admins."""

from __future__ import annotations

import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest, HttpResponseRedirect, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clusters import csv_io
from core.admin_helpers import (
    search_too_long,
)


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
