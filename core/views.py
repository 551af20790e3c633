from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.i18n import set_language


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe and the benchmarks' baseline: no template, no database."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and crawlers ask for /favicon.ico whatever the page links to."""
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))


# Error pages. Django's own handlers re-run the CSRF check (`requires_csrf_token`), which
# reads the form body again; when the body itself was the problem (a form in UTF-16, say)
# that raises a second time inside the handler and the visitor gets an empty 500. The CSRF
# middleware has already read the visitor's cookie by the time any view fails, so the pages'
# token is right without the decorator.


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: whatever failed (the database, a template tag) must not fail again.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def switch_language(request: HttpRequest) -> HttpResponse:
    """The header's language switch: Django's set_language, which keeps the page.

    set_language finds `next` in the chosen language by resolving it in the active one, and
    this address has no language prefix, so that would always be English: a Spanish `next`
    (/es/clusters/) would match nothing and the student would stay in Spanish. So the
    language of the page the switch was on is active while it runs.
    """
    page_language = translation.get_language_from_path(urlsplit(request.POST.get("next", "")).path)
    with translation.override(page_language or translation.get_language()):
        return set_language(request)
