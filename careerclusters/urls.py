from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from assessments.views import home
from core import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    # The header's language switch posts here; it keeps the student on the same page.
    path("language/", views.switch_language, name="set_language"),
    path("admin/", admin.site.urls),
]
# Every student page in English at its old address and in Spanish under /es/.
urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("", include("clusters.urls")),
    path("", include("assessments.urls")),
    prefix_default_language=False,
)

handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error
