from django.urls import path

from clusters import views

app_name = "clusters"
urlpatterns = [
    path("about-the-data/", views.about_data, name="about_data"),
]
