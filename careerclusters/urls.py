from django.contrib import admin
from django.urls import include, path

from careerclusters import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("clusters.urls")),
    path("", include("assessments.urls")),
    path("admin/", admin.site.urls),
]
