"""Whole-page cache for explore pages, which many visitors see the same way.

A page is stored in each process's memory under its address, the htmx headers and a
view-specific *variant*, together with the content version it was rendered at. It is used
only while that version is current, so a counselor's edit shows on the very next request in
the process that saved it and within SHARED_STATE_MAX_AGE on every other.

What a shared page may contain (the one rule every `shared_page` view keeps):
- only what its address, its htmx headers, the content version and its variant decide:
  published catalogue and quiz content, and the variant (for explore pages, the visitor's
  saved careers);
- the CSRF token only as CSRF_PLACEHOLDER: every response gets the visitor's own token;
- nothing about a signed-in user (names, staff links, messages): requests from a signed-in
  user never read or fill the cache;
- nothing from a private link (quiz attempts and results are plain views), and nothing the
  view sets a cookie for: only 200 responses without cookies are stored.

Responses carry an ETag, so a browser revalidating a page it already has gets a 304 without
a body.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags, quote_etag

from core.content_version import content_version

CSRF_PLACEHOLDER = "csrf-token-to-be-filled-in-8d1f7c"
TIMEOUT = 60 * 60  # the "pages" cache also drops the least used pages when it is full
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")

# variant(request, *args, **kwargs) -> what differs between visitors who see this page
Variant = Callable[..., str]


def csrf_placeholder(request: HttpRequest) -> dict:
    """Context processor: while a shared page renders, forms get the placeholder token."""
    return {"csrf_token": CSRF_PLACEHOLDER} if getattr(request, "_shared_page", False) else {}


def _page_key(request: HttpRequest, variant: str) -> str:
    htmx = "|".join(request.headers.get(h, "") for h in HTMX_HEADERS)
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(f"{address}\n{htmx}\n{variant}".encode()).hexdigest()


def _etag(key: str, version: int, request: HttpRequest) -> str | None:
    """Same page, same content and same CSRF secret: the browser's copy is still right."""
    secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if not secret:
        return None  # a new token is issued with this response, so the page is new too
    return quote_etag(hashlib.sha256(f"{key}:{version}:{secret}".encode()).hexdigest()[:32])


def _given_etags(request: HttpRequest) -> set[str]:
    """The browser's ETags, weak or strong: GZipMiddleware sends ours as W/"…"."""
    return {e.removeprefix("W/") for e in parse_etags(request.headers.get("If-None-Match", ""))}


def _fill_in_token(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    placeholder = CSRF_PLACEHOLDER.encode()
    if not response.streaming and placeholder in response.content:
        response.content = response.content.replace(placeholder, get_token(request).encode())
    return response


def _signed_in(request: HttpRequest) -> bool:
    """Only a browser with a session can be signed in: others cost no session read."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def shared_page(variant: Variant):
    """Cache a GET view's 200 responses for everyone whose `variant` is the same (see the
    module's docstring for what such a page may contain)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "GET" or _signed_in(request):
                return view(request, *args, **kwargs)
            key = _page_key(request, variant(request, *args, **kwargs))
            version = content_version()
            etag = _etag(key, version, request)
            if etag and etag in _given_etags(request):
                return HttpResponseNotModified(headers={"ETag": etag})
            entry = caches["pages"].get(key)
            if entry is not None and entry[0] == version:
                _, headers, body = entry
                response = HttpResponse(body, headers=headers)
            else:
                request._shared_page = True
                try:
                    response = view(request, *args, **kwargs)
                finally:
                    request._shared_page = False  # error pages render with the real token
                if response.status_code != 200 or response.cookies or response.streaming:
                    return _fill_in_token(request, response)
                entry = (version, dict(response.items()), response.content)
                caches["pages"].set(key, entry, TIMEOUT)
            if etag:
                response["ETag"] = etag
            # The page holds a CSRF token and maybe saved careers: browsers only, and always
            # revalidated (cheap, thanks to the ETag).
            patch_cache_control(response, private=True, no_cache=True)
            return _fill_in_token(request, response)

        return wrapper

    return decorator


def same_for_everyone(request: HttpRequest, *args, **kwargs) -> str:
    """Variant for pages that do not depend on the visitor at all."""
    return ""
