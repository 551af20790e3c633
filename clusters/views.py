from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clusters.selectors import data_releases


@require_GET
def about_data(request: HttpRequest) -> HttpResponse:
    return render(request, "clusters/about_data.html", {"releases": data_releases()})
