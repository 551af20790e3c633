from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.page_cache import same_for_everyone, shared_page


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe and the benchmarks' baseline: no template, no database."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@shared_page(same_for_everyone)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


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
