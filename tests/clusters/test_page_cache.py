"""The whole-page cache: shared pages, each visitor's own CSRF token, invalidation, ETags."""

import gzip
import re

import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse

from core.content_version import bump_content_version, content_version
from core.models import ContentVersion
from core.page_cache import CSRF_PLACEHOLDER
from tests.support.content import content_committed

pytestmark = pytest.mark.django_db

CLUSTER = reverse("clusters:cluster", args=["healthcare-human-services"])
NURSE = reverse("clusters:occupation", args=["29-1141.00"])
SAVE = reverse("clusters:save")


def form_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_visitors_share_the_page_but_each_gets_their_own_working_token(
    explore_catalogue, django_assert_num_queries
):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    html = first.get(NURSE).content.decode()
    with django_assert_num_queries(1):  # the content version: the page itself is cached
        response = second.get(NURSE)
    cached = response.content.decode()
    assert CSRF_PLACEHOLDER not in html and CSRF_PLACEHOLDER not in cached
    token = form_token(cached)
    assert token != form_token(html)
    assert f'"X-CSRFToken": "{token}"' in cached  # htmx posts carry it too
    assert re.sub(r'value="[^"]{64}"|"X-CSRFToken": "[^"]+"', "", cached) == re.sub(
        r'value="[^"]{64}"|"X-CSRFToken": "[^"]+"', "", html
    )  # the rest of the page is the same
    saved = second.post(SAVE, {"code": "29-1141.00", "csrfmiddlewaretoken": token})
    assert saved.status_code == 302
    refused = second.post(SAVE, {"code": "29-1141.00", "csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403


def test_saved_careers_are_part_of_the_page(client, explore_catalogue):
    assert "Save<span" in Client().get(NURSE).content.decode()  # cached for visitors
    client.post(SAVE, {"code": "29-1141.00"})
    assert "Remove<span" in client.get(NURSE).content.decode()
    assert "Save<span" in Client().get(NURSE).content.decode()


def test_an_edit_shows_on_the_next_request(client, explore_catalogue):
    assert "Caring for people" not in client.get(CLUSTER).content.decode()
    health = explore_catalogue["health"]
    health.description = "Caring for people, every day."
    with content_committed():
        health.save()
    assert "Caring for people, every day." in client.get(CLUSTER).content.decode()


def test_htmx_partial_and_full_page_are_kept_apart(client, explore_catalogue):
    full = client.get(CLUSTER, {"sort": "pay"})
    partial = client.get(
        CLUSTER, {"sort": "pay"}, headers={"HX-Request": "true", "HX-Target": "occupation-list"}
    )
    again = client.get(CLUSTER, {"sort": "pay"})
    assert "<html" in full.content.decode() and "<html" not in partial.content.decode()
    assert "<html" in again.content.decode()


def test_error_pages_get_a_real_token(client, explore_catalogue):
    response = client.get(reverse("clusters:cluster", args=["no-such-cluster"]))
    assert response.status_code == 404
    html = response.content.decode()
    assert CSRF_PLACEHOLDER not in html and '"X-CSRFToken": "' in html


def test_browsers_revalidate_with_the_etag(client, explore_catalogue):
    first = client.get(NURSE)  # sets the CSRF cookie
    second = client.get(NURSE)
    etag = second["ETag"]
    assert "private" in second["Cache-Control"] and "no-cache" in second["Cache-Control"]
    not_modified = client.get(NURSE, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert "ETag" not in first  # no CSRF cookie yet: a new token, so nothing to revalidate
    assert Client().get(NURSE, headers={"If-None-Match": etag}).status_code == 200
    with content_committed():
        explore_catalogue["nurse"].save()
    changed = client.get(NURSE, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_cached_pages_are_compressed_with_the_visitors_own_token(explore_catalogue):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(NURSE)  # fills the cache
    second.get(NURSE)  # sets this browser's CSRF cookie
    response = second.get(NURSE, headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert CSRF_PLACEHOLDER not in html and b"Registered Nurses" not in response.content
    etag = response["ETag"]
    assert etag.startswith("W/")  # GZipMiddleware weakens it
    again = second.get(NURSE, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304
    saved = second.post(SAVE, {"code": "29-1141.00", "csrfmiddlewaretoken": form_token(html)})
    assert saved.status_code == 302  # the token in the compressed page works


def test_the_version_is_reread_after_its_maximum_age(explore_catalogue, settings):
    settings.SHARED_STATE_MAX_AGE = 60
    seen = bump_content_version()
    ContentVersion.objects.update(value=F("value") + 5)  # as another process would
    assert content_version() == seen  # another process's edit: not read again yet
    settings.SHARED_STATE_MAX_AGE = 0
    assert content_version() > seen


@pytest.mark.parametrize("value", ["*", '"nope"', "W/", '"a", W/"b"', "x" * 5000, "\u00e9\u00e8"])
def test_odd_if_none_match_headers_get_the_page(client, explore_catalogue, value):
    client.get(NURSE)  # sets the CSRF cookie
    response = client.get(NURSE, headers={"If-None-Match": value})
    assert response.status_code == 200 and b"Registered Nurses" in response.content


def test_a_signed_in_user_never_gets_or_leaves_a_cached_page(
    explore_catalogue, django_user_model, django_assert_num_queries
):
    from clusters.selectors import data_releases

    counselor = Client()
    counselor.force_login(django_user_model.objects.create_user("pat", is_staff=True))
    visitor = Client()
    data_releases()  # the footer's, kept from here on
    # session, user, then the page's own 9 queries and the footer's content version (see
    # test_occupation_page_query_count_is_fixed; not the page cache's content version) on
    # every visit: never read from the cache...
    for _ in range(2):
        with django_assert_num_queries(12):
            assert counselor.get(NURSE).status_code == 200
    # ...and never stored in it: the first visitor after the counselor renders the page again
    with django_assert_num_queries(11):
        visitor.get(NURSE)
    with django_assert_num_queries(1):  # which is cached for the next one
        Client().get(NURSE)
    with django_assert_num_queries(12):  # still not for the counselor
        counselor.get(NURSE)
