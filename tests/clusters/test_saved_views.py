"""Saved careers: the save toggle (htmx and plain POST), CSRF, and the My careers page."""

import pytest
from django.test import Client
from django.urls import reverse

from clusters import services
from tests.support import factories as make

pytestmark = pytest.mark.django_db

SAVE = reverse("clusters:save")
SAVED = reverse("clusters:saved")
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "save-29-1141-00"}


def saved_list(client) -> list[str]:
    return client.session.get(services.SAVED_KEY, [])


def test_plain_post_saves_then_removes_and_redirects_back(client, explore_catalogue):
    page = reverse("clusters:occupation", args=["29-1141.00"])
    response = client.post(SAVE, {"code": "29-1141.00", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert saved_list(client) == ["29-1141.00"]
    client.post(SAVE, {"code": "47-2111.00", "next": page})
    assert saved_list(client) == ["29-1141.00", "47-2111.00"]
    client.post(SAVE, {"code": "29-1141.00", "next": page})
    assert saved_list(client) == ["47-2111.00"]


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/", "//evil.example/", "/\\evil.example/", "",
        "javascript:alert(1)",
        # Bare words: redirect() would look them up as URL names (500, or "home" → /).
        "x", "-1", "home", "clusters:saved",
    ],
)  # fmt: skip
def test_unsafe_or_missing_next_goes_to_my_careers(client, explore_catalogue, next_url):
    response = client.post(SAVE, {"code": "29-1141.00", "next": next_url})
    assert response.status_code == 302 and response["Location"] == SAVED


@pytest.mark.parametrize("next_url", ["x", "home", "https://evil.example/"])
def test_unusable_next_goes_back_to_the_page_the_button_was_on(
    client, explore_catalogue, next_url
):
    page = "http://testserver/clusters/?framework=classic-16"
    response = client.post(SAVE, {"code": "29-1141.00", "next": next_url}, HTTP_REFERER=page)
    assert response.status_code == 302
    assert response["Location"] == "/clusters/?framework=classic-16"
    assert saved_list(client) == ["29-1141.00"]


def test_a_referer_on_another_site_is_not_followed(client, explore_catalogue):
    response = client.post(
        SAVE, {"code": "29-1141.00", "next": "x"}, HTTP_REFERER="https://evil.example/page/"
    )
    assert response.status_code == 302 and response["Location"] == SAVED


def test_htmx_button_never_carries_an_unusable_next(client, explore_catalogue):
    response = client.post(SAVE, {"code": "29-1141.00", "next": "home"}, **HTMX)
    assert response.status_code == 200
    assert 'name="next" value="/my-careers/"' in response.content.decode()


def test_htmx_post_returns_just_the_button(client, explore_catalogue):
    response = client.post(SAVE, {"code": "29-1141.00", "next": "/search/?q=nurse"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="save-29-1141-00"' not in html  # inner part only
    assert 'hx-target="#save-29-1141-00"' in html
    assert 'Remove<span class="visually-hidden"> Registered Nurses</span>' in html
    assert "data-focus-after-swap" in html
    assert 'value="/search/?q=nurse"' in html  # the plain form still returns to the page
    assert 'Saved to <a href="/my-careers/">My careers</a>.' in html
    response = client.post(SAVE, {"code": "29-1141.00"}, **HTMX)
    assert "Removed from My careers." in response.content.decode()
    assert saved_list(client) == []


def test_remove_on_my_careers_updates_its_compare_list_too(client, explore_catalogue):
    for code in ("29-1141.00", "31-1131.00", "47-2111.00"):
        client.post(SAVE, {"code": code})
    page = client.get(SAVED).content.decode()
    assert "Compare these 3 careers" in page and 'id="pick-47-2111.00"' in page
    response = client.post(SAVE, {"code": "47-2111.00", "next": SAVED}, **HTMX)
    html = response.content.decode()
    assert "Removed from My careers." in html
    tools = html[html.index('<div id="compare-tools" hx-swap-oob="true">') :]
    assert "Compare these 2 careers" in tools
    assert "o=29-1141.00&amp;o=31-1131.00" in tools and "47-2111.00" not in tools
    elsewhere = client.post(SAVE, {"code": "47-2111.00", "next": "/search/"}, **HTMX)
    assert "compare-tools" not in elsewhere.content.decode()  # other pages have no such list


@pytest.mark.parametrize("code", ["", "99-9999.99", "nurse", "29-1141.00' OR 1=1"])
def test_unknown_code_is_a_400(client, explore_catalogue, code):
    response = client.post(SAVE, {"code": code})
    assert response.status_code == 400
    assert "did not make sense" in response.content.decode()
    assert saved_list(client) == []


def test_save_needs_post_and_a_csrf_token(explore_catalogue):
    strict = Client(enforce_csrf_checks=True)
    assert strict.get(SAVE, {"code": "29-1141.00"}).status_code == 405
    assert strict.post(SAVE, {"code": "29-1141.00"}).status_code == 403
    strict.get(reverse("clusters:occupation", args=["29-1141.00"]))
    token = strict.cookies["csrftoken"].value
    response = strict.post(SAVE, {"code": "29-1141.00", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_list_is_capped(client, explore_catalogue, monkeypatch):
    monkeypatch.setattr(services, "MAX_SAVED", 1)
    client.post(SAVE, {"code": "29-1141.00"})
    response = client.post(SAVE, {"code": "47-2111.00"}, **HTMX)
    assert "Your list is full" in response.content.decode()
    assert saved_list(client) == ["29-1141.00"]


def test_tampered_session_values_are_ignored(explore_catalogue):
    session = {services.SAVED_KEY: ["29-1141.00", 5, "DROP TABLE", None, "47-2111.00"]}
    assert services.saved_codes(session=session) == ["29-1141.00", "47-2111.00"]
    assert services.saved_codes(session={services.SAVED_KEY: "29-1141.00"}) == []


def test_my_careers_lists_saved_careers_with_compare(client, explore_catalogue):
    empty = client.get(SAVED).content.decode()
    assert "You have not saved any careers yet." in empty
    for code in ["29-1141.00", "47-2111.00"]:
        client.post(SAVE, {"code": code})
    html = client.get(SAVED).content.decode()
    assert html.index("Registered Nurses") < html.index("Electricians")  # saved order
    assert 'href="/compare/?o=29-1141.00&amp;o=47-2111.00"' in html
    assert 'name="o" value="47-2111.00"' in html  # pick-to-compare form (plain GET)
    assert 'Remove<span class="visually-hidden"> Electricians</span>' in html


def test_more_than_four_saved_careers_are_picked_to_compare(client, explore_catalogue):
    for n in range(5):
        client.post(SAVE, {"code": make.occupation(f"Job {n}").code})
    html = client.get(SAVED).content.decode()
    assert "Compare these" not in html
    assert "Pick 2 to 4 careers to compare" in html


def test_a_career_removed_from_the_data_just_disappears(client, explore_catalogue):
    client.post(SAVE, {"code": "29-1141.00"})
    client.post(SAVE, {"code": "47-2111.00"})
    explore_catalogue["electrician"].delete()
    response = client.get(SAVED)
    assert response.status_code == 200
    assert "Electricians" not in response.content.decode()


def test_my_careers_query_count_is_fixed(client, explore_catalogue, django_assert_num_queries):
    client.post(SAVE, {"code": "29-1141.00"})
    # session, content version, occupations, content version and data releases (for the
    # footer; then kept)
    with django_assert_num_queries(5):
        client.get(SAVED)
    with django_assert_num_queries(2):  # session, content version: the cached page
        client.get(SAVED)
    for n in range(10):
        client.post(SAVE, {"code": make.occupation(f"Job {n}").code})
    with django_assert_num_queries(4):  # another list of saved careers: another page
        response = client.get(SAVED)
    assert "Job 9" in response.content.decode()
