"""The quiz attempts this browser has started or opened, kept in a cookie.

The start page offers to resume them and the results page lists the earlier ones. With each
token the cookie keeps the attempt's state as this browser last saw or saved it, so a cached
page is never older than the student's own last answer (assessments/attempt_states.py).

A cookie rather than the session, so that quiz and results pages need no session read. It
holds nothing the private links don't: a changed cookie can only name attempts whose private
link its sender already has.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from assessments.attempt_states import stamp
from assessments.models import Attempt

COOKIE_NAME = "quiz_attempts"
LIMIT = 20
_ENTRY = re.compile(r"([A-Za-z0-9_-]{20,64})(?:\.(\d{1,20}))?")


def _parse(value: str) -> dict[str, str]:
    """{token: stamp or ""}, oldest first; whatever does not look like an entry is skipped."""
    entries = {}
    for part in value.split("|")[-LIMIT:]:
        if match := _ENTRY.fullmatch(part):
            entries.pop(match[1], None)
            entries[match[1]] = match[2] or ""
    return entries


def _entries(request: HttpRequest) -> dict[str, str]:
    if not hasattr(request, "_quiz_attempts"):
        request._quiz_attempts = _parse(request.COOKIES.get(COOKIE_NAME, ""))
    return request._quiz_attempts


def tokens(request: HttpRequest) -> list[str]:
    """This browser's attempt tokens, most recently used last."""
    return list(_entries(request))


def seen(request: HttpRequest) -> dict[str, str]:
    """{token: the attempt's state as this browser last saw or saved it}."""
    return {token: known for token, known in _entries(request).items() if known}


def remember(request: HttpRequest, attempt: Attempt) -> None:
    """Make the attempt this browser's latest, as it is now; the middleware sends the cookie."""
    entries = _entries(request)
    now = stamp(attempt.updated_at)
    if list(entries)[-1:] == [attempt.token] and entries[attempt.token] == now:
        return
    entries.pop(attempt.token, None)
    entries[attempt.token] = now
    request._quiz_attempts = dict(list(entries.items())[-LIMIT:])
    request._quiz_attempts_changed = True


class BrowserAttemptsMiddleware:
    """Sends the attempts cookie when a view remembered an attempt (see `remember`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "_quiz_attempts_changed", False):
            value = "|".join(f"{token}.{known}" for token, known in request._quiz_attempts.items())
            response.set_cookie(
                COOKIE_NAME,
                value,
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
