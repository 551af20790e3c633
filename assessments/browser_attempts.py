"""The quiz attempts this browser has started or opened, kept in a cookie.

The start page offers to resume them and the results page lists the earlier ones. A cookie
rather than the session, so that quiz and results pages need no session read. It holds only
the attempts' private links (their tokens), most recently used last: a changed cookie can
only name attempts whose private link its sender already has, so tampering gains nothing.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from assessments.models import Attempt

COOKIE_NAME = "quiz_attempts"
LIMIT = 20
# A token; cookies written by the previous release add ".<digits>" to each, which is ignored.
_ENTRY = re.compile(r"([A-Za-z0-9_-]{20,64})(?:\.\d{1,20})?")


def _parse(value: str) -> list[str]:
    """Tokens, oldest first, without repeats; whatever does not look like one is skipped."""
    found: dict[str, None] = {}
    for part in value.split("|")[-LIMIT:]:
        if match := _ENTRY.fullmatch(part):
            found.pop(match[1], None)
            found[match[1]] = None
    return list(found)


def tokens(request: HttpRequest) -> list[str]:
    """This browser's attempt tokens, most recently used last."""
    if not hasattr(request, "_quiz_attempts"):
        request._quiz_attempts = _parse(request.COOKIES.get(COOKIE_NAME, ""))
    return list(request._quiz_attempts)


def remember(request: HttpRequest, attempt: Attempt) -> None:
    """Make the attempt this browser's latest; the middleware sends the cookie."""
    known = tokens(request)
    if known[-1:] == [attempt.token]:
        return
    request._quiz_attempts = [t for t in known if t != attempt.token][-(LIMIT - 1) :] + [
        attempt.token
    ]
    request._quiz_attempts_changed = True


class BrowserAttemptsMiddleware:
    """Sends the attempts cookie when a view remembered an attempt (see `remember`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "_quiz_attempts_changed", False):
            response.set_cookie(
                COOKIE_NAME,
                "|".join(request._quiz_attempts),
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
