from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from careerclusters.page_cache import same_for_everyone, shared_page


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe and the benchmarks' baseline: no template, no database."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@shared_page(same_for_everyone)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")
