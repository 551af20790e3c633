"""Languages: content in the page's language, hreflang links and the header's switch."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from core import i18n

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """{{ cluster|translated:"name" }}: the Spanish column on Spanish pages, else English."""
    return i18n.translated(obj, field)


@register.filter
def is_translated(obj, field: str) -> bool:
    """False when a Spanish page shows this field in English (mark it lang="en")."""
    return i18n.is_translated(obj, field)


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
