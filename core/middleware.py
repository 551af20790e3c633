import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils.cache import patch_vary_headers
from django.utils.translation import activate, get_language_from_path, get_language_from_request

from core.views import healthz

logger = logging.getLogger(__name__)


def _database_unavailable(exception: Exception) -> bool:
    return isinstance(exception, OperationalError | InterfaceError) or (
        isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
    )


def _unavailable_response(request, exception: Exception):
    logger.warning("Database unavailable: %s", exception)
    response = render(request, "503.html", status=503)
    response["Retry-After"] = "10"
    return response


class HealthCheckMiddleware:
    """Answer /healthz before the Host header is checked, so a load balancer can probe by IP.

    Every other path still goes through ALLOWED_HOSTS (CommonMiddleware, after this one).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database is unreachable, answer 503 with a friendly page instead of a 500.

    Django reconnects by itself (CONN_HEALTH_CHECKS), so the site recovers without a restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if _database_unavailable(exception):
            return _unavailable_response(request, exception)
        return None


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, but the same friendly 503 if the database goes away before the session is saved.

    The session is saved after the view has returned, where process_exception above cannot
    see the error, so without this a database outage would show a 500 there.
    """

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except DatabaseError as exception:
            if not _database_unavailable(exception):
                raise
            return _unavailable_response(request, exception)


def hide_server_software(get_response):
    """An empty Server header: Granian names itself unless the application sends one."""

    def middleware(request):
        response = get_response(request)
        response["Server"] = ""
        return response

    return middleware


def client_ip(request) -> str | None:
    """The visitor's address for login throttling: the connection's, or, behind
    TRUSTED_PROXY_COUNT proxies, the one the outermost trusted proxy put in X-Forwarded-For
    (addresses further left are the client's own claims and could be forged)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def first_visit_language(get_response):
    """Send a browser that prefers Spanish to the Spanish page on its first visit.

    English pages keep their addresses, so LocaleMiddleware alone never looks at
    Accept-Language for them. Once the visitor picks a language with the header's switch,
    its cookie decides and this does nothing; so do addresses with no Spanish page (admin).

    It also lets the switch leave a Spanish page: see _switching_from.
    """

    def middleware(request):
        if language := _switching_from(request):
            activate(language)
        if _wants_spanish_first(request):
            spanish = translate_url(request.get_full_path(), "es")
            if spanish != request.get_full_path():
                response = HttpResponseRedirect(spanish)
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = get_response(request)
        if request.method in ("GET", "HEAD") and not get_language_from_path(request.path_info):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return middleware


def _wants_spanish_first(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        and not request.headers.get("HX-Request")
        and not get_language_from_path(request.path_info)
        and get_language_from_request(request) == "es"  # no cookie: the browser's list
    )


def _switching_from(request) -> str | None:
    """The language of the page a language switch was posted from, when it has a prefix.

    set_language finds `next` in the chosen language by resolving it in the active one. On
    /language/, which has no prefix, that is always English, so a Spanish `next`
    (/es/clusters/) matched nothing and the student stayed on the Spanish page. With the
    page's own language active, /es/clusters/ resolves and becomes /clusters/.
    """
    if request.method != "POST" or request.path_info != reverse("set_language"):
        return None
    return get_language_from_path(urlsplit(request.POST.get("next", "")).path)
