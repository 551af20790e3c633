from django.urls import path, register_converter
from django.urls.converters import StringConverter

from assessments import views


class TokenConverter(StringConverter):
    """A private-link token as secrets.token_urlsafe makes it; anything else is a 404."""

    regex = r"[A-Za-z0-9_-]{20,64}"


register_converter(TokenConverter, "quiztoken")

app_name = "assessments"
urlpatterns = [
    path("quiz/", views.start, name="start"),
    path("quiz/begin/<slug:slug>/", views.begin, name="begin"),
    path("quiz/<quiztoken:token>/", views.resume, name="resume"),
    path("quiz/<quiztoken:token>/page/<int:number>/", views.page, name="page"),
    path("quiz/<quiztoken:token>/answer/", views.answer, name="answer"),
    path("quiz/<quiztoken:token>/plan/", views.plan, name="plan"),
    path("quiz/<quiztoken:token>/results/", views.results, name="results"),
]
