"""Languages: content in the page's language, hreflang links and the header's switch."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import i18n

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """{{ cluster|translated:"name" }}: the Spanish column on Spanish pages, else English."""
    return i18n.translated(obj, field)


@register.simple_tag
def english_data() -> str:
    """lang="en" on a page in another language: for imported data (O*NET, BLS, CIP), which
    is in English only, so screen readers read it as English."""
    return "" if get_language() == settings.LANGUAGE_CODE else mark_safe(' lang="en"')


def _in_each_language(path: str) -> dict[str, str] | None:
    """This address in each language, or None when it has no copy in the others (an address
    that matches no page: translate_url then gives it back unchanged)."""
    current = get_language()
    addresses = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    if any(url == path for code, url in addresses.items() if code != current):
        return None
    return addresses


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context) -> dict:
    """<link rel="alternate" hreflang> for each language, and x-default: the English page,
    which is the one a visitor with no language we speak gets."""
    request = context.get("request")
    if request is None:  # the 500 page renders without one
        return {}
    addresses = _in_each_language(request.get_full_path())
    if addresses is None:
        return {}
    links = [(code, request.build_absolute_uri(url)) for code, url in addresses.items()]
    return {"links": links, "default": links[0][1]}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context) -> dict:
    """A button for each other language; it posts to set_language, which keeps the page (or,
    on an address with no copy in the other language, goes to its home page)."""
    request = context.get("request")
    if request is None:
        return {}
    current = get_language()
    path = request.get_full_path()
    return {
        "csrf_token": context.get("csrf_token"),
        "next": path if _in_each_language(path) is not None else reverse("home"),
        "others": [(code, name) for code, name in settings.LANGUAGES if code != current],
    }
