"""The page in each of the site's languages: hreflang links and the header's switch."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context) -> dict:
    request = context.get("request")
    if request is None:  # the 500 page renders without one
        return {}
    path = request.get_full_path()
    links = [
        (code, request.build_absolute_uri(translate_url(path, code)))
        for code, _name in settings.LANGUAGES
    ]
    return {"links": links, "default": links[0][1]}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context) -> dict:
    """A button for each other language; it posts to set_language, which keeps the page."""
    request = context.get("request")
    if request is None:
        return {}
    current = get_language()
    return {
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
        "others": [(code, name) for code, name in settings.LANGUAGES if code != current],
    }
