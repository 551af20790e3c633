from django.urls import path, register_converter
from django.urls.converters import StringConverter

from clusters import views


class OccupationCode(StringConverter):
    """An O*NET-SOC code such as 29-1141.00; anything else is a 404 before the view runs.
    ([0-9], not \\d, which would also take other scripts' digits.)"""

    regex = r"[0-9]{2}-[0-9]{4}\.[0-9]{2}"


register_converter(OccupationCode, "onet")

app_name = "clusters"
urlpatterns = [
    path("about-the-data/", views.about_data, name="about_data"),
    path("clusters/", views.cluster_index, name="index"),
    path("clusters/<slug:slug>/", views.cluster_detail, name="cluster"),
    path(
        "clusters/<slug:cluster_slug>/<slug:pathway_slug>/",
        views.pathway_detail,
        name="pathway",
    ),
    path("occupations/<onet:code>/", views.occupation_detail, name="occupation"),
    path("search/", views.search, name="search"),
    path("compare/", views.compare, name="compare"),
    path("my-careers/", views.saved, name="saved"),
    path("my-careers/save/", views.save, name="save"),
]
