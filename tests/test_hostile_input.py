"""Random and malicious input on every public URL and every admin list: never a 5xx, never
reflected unescaped, never a change to answers already saved, and never an admin list
narrowed down by a student's private link."""

from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assessments.content import load_shipped_items
from assessments.models import Assessment, Attempt, Item
from clusters.models import Occupation
from core.roles import sync_counselor_group
from tests.support.factories import small_catalogue

pytestmark = pytest.mark.django_db

XSS = '"><script>alert(1)</script>'
ATTACKS = [
    XSS,
    "<img src=x onerror=alert(1)>",
    "' OR 1=1 --",
    "'; DROP TABLE clusters_occupation; --",
    "../../etc/passwd",
    "%00",
    "\x00",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ نص",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "x" * 5000,
    "",
    # Digits int() refuses or should not take, and numbers too long to be one.
    "²", "①", "３", "٣", "9" * 5000, "+3", " 3", "3.0",
    # Bare words, which redirect() would look up as URL names.
    "x", "home", "clusters:saved", "admin:index",
]  # fmt: skip
# Form bodies in charsets Django refuses to decode (and must answer 400 to, on every URL).
CHARSETS = ["", "; charset=utf-8", "; charset=utf8", "; charset=utf-16", "; charset=latin-1"]
CSRF_SECRET = "s" * 32
PARAMETERS = [
    "q", "page", "sort", "zone", "education", "framework", "cluster", "bright", "o", "plan",
    "code", "next", "check", "answer", "value", "item", "q1", "education_plan",
    "q²", "q①", "q３", "q٣", "q" + "9" * 5000,
]  # fmt: skip
values = st.one_of(st.sampled_from(ATTACKS), st.text(max_size=200))
query = st.dictionaries(
    keys=st.one_of(st.sampled_from(PARAMETERS), st.text(min_size=1, max_size=20)),
    values=st.lists(values, min_size=1, max_size=3),
    max_size=4,
)


@pytest.fixture
def site(db):
    """A small catalogue, the shipped quick quiz and one open and one finished attempt."""
    small_catalogue()
    load_shipped_items(assessment_model=Assessment, item_model=Item)
    quiz = Assessment.objects.get(slug="quick-interest-quiz")
    open_attempt = Attempt.objects.create(assessment=quiz)
    token = open_attempt.token
    paths = [
        "/", "/healthz", "/about-the-data/", "/clusters/", "/clusters/?framework=classic-16",
        "/clusters/healthcare-human-services/",
        "/clusters/healthcare-human-services/physical-health/",
        "/occupations/29-1141.00/", "/occupations/99-9999.99/", "/search/", "/compare/",
        "/my-careers/", "/my-careers/save/", "/quiz/", "/quiz/begin/quick-interest-quiz/",
        "/quiz/begin/no-such-quiz/", f"/quiz/{token}/", f"/quiz/{token}/page/1/",
        f"/quiz/{token}/page/999/", f"/quiz/{token}/answer/", f"/quiz/{token}/plan/",
        f"/quiz/{token}/results/", "/quiz/" + "A" * 43 + "/results/",
    ]  # fmt: skip
    answer_keys = [f"q{pk}" for pk in quiz.items.values_list("pk", flat=True)[:6]]
    return paths, answer_keys, open_attempt


def saved_answers(attempt) -> dict[int, int]:
    return dict(attempt.responses.values_list("item_id", "value"))


def _body_has_raw_attack(response, sent: list[str]) -> bool:
    body = response.content.decode("utf-8", "replace")
    return any(a in body for a in sent if a in (XSS, "<img src=x onerror=alert(1)>"))


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.data(),
    method=st.sampled_from(["get", "post", "put", "patch", "delete", "head", "options"]),
    params=query,
    extra=st.one_of(st.just(""), st.sampled_from(ATTACKS), st.text(max_size=30)),
    charset=st.sampled_from(CHARSETS),
    csrf=st.sampled_from(["none", "cookie only", "cookie and token"]),
)
def test_no_server_error_and_nothing_reflected_raw(
    site, data, method, params, extra, charset, csrf
):
    paths, answer_keys, open_attempt = site
    path = data.draw(st.sampled_from(paths))
    if extra and data.draw(st.booleans()):
        path = path + extra.replace("?", "").replace("#", "")
    # Real answer keys too, so odd values reach the quiz's parsing and not only its 404s.
    for key in data.draw(st.lists(st.sampled_from(answer_keys), max_size=2)):
        params[key] = [data.draw(values)]
    before = saved_answers(open_attempt)
    client = Client(enforce_csrf_checks=True)
    headers = {}
    if csrf != "none":
        client.cookies["csrftoken"] = CSRF_SECRET
    if csrf == "cookie and token":
        headers["X-CSRFToken"] = CSRF_SECRET
    if method in {"get", "head"}:
        response = getattr(client, method)(path, params, headers=headers)
    elif method == "post":
        body = urlencode(params, doseq=True).encode(
            charset.rpartition("=")[2] or "utf-8", "replace"
        )
        response = client.generic(
            "POST",
            path,
            body,
            content_type="application/x-www-form-urlencoded" + charset,
            headers=headers,
        )
    else:
        response = getattr(client, method)(path, headers=headers)
    assert response.status_code < 500, (method, path, params, charset, csrf)
    sent = [v for vs in params.values() for v in vs] + [extra]
    assert not _body_has_raw_attack(response, sent), (method, path, params)
    if response.status_code >= 400:
        assert saved_answers(open_attempt) == before, (method, path, params)


def test_every_post_needs_a_csrf_token(site):
    paths, _, _ = site
    client = Client(enforce_csrf_checks=True)
    posts = [p for p in paths if "/answer/" in p or "/plan/" in p or "/page/" in p]
    posts += ["/my-careers/save/", "/quiz/begin/quick-interest-quiz/"]
    for path in posts:
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.post(path, {"code": "29-1141.00", "q1": "3"}, **headers)
            assert response.status_code == 403, path
    assert Attempt.objects.count() == 1  # nothing was started or saved


def test_attempt_tokens_are_long_and_random(site):
    tokens = {
        Attempt.objects.create(assessment=Assessment.objects.first()).token for _ in range(50)
    }
    assert len(tokens) == 50
    assert all(len(token) >= 40 for token in tokens)


# -- Admin lists, as a counselor ---------------------------------------------------------

LOOKUPS = ["", "__exact", "__startswith", "__istartswith", "__regex", "__contains", "__gt",
           "__in", "__isnull", "__year"]  # fmt: skip
FIELDS = ["code", "pk", "title", "name", "item__assessment", "completed_at", "value", "nope"]
TOKEN_PATHS = {
    "attempt": ["token"],
    "response": ["attempt__token", "item__assessment__attempts__token"],
}
ADMIN_MODELS = sorted(
    (
        model
        for model in admin.site._registry
        if model._meta.app_label in {"clusters", "assessments"}
    ),
    key=lambda model: model._meta.label,
)
WORDS = ["nurse", "RIA", "a", "29-1141.00", "☃", "x"]


@pytest.fixture
def counselor_site(site, django_user_model):
    user = django_user_model.objects.create_user("casey", password="x", is_staff=True)
    user.groups.add(sync_counselor_group())
    Attempt.objects.create(assessment=Assessment.objects.first())  # two attempts to tell apart
    client = Client()
    client.force_login(user)
    return client


def admin_url(model) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


ADMIN_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@ADMIN_SETTINGS
@given(
    model=st.sampled_from(ADMIN_MODELS),
    word_count=st.one_of(st.integers(0, 30), st.integers(30, 600)),
    lookups=st.dictionaries(
        st.builds(lambda f, lk: f + lk, st.sampled_from(FIELDS), st.sampled_from(LOOKUPS)),
        st.one_of(st.sampled_from(ATTACKS), st.text(max_size=20)),
        max_size=1,
    ),
    order=st.one_of(st.none(), st.sampled_from(["1", "-2.1", "x", "99", "-0"])),
)
@example(model=Occupation, word_count=500, lookups={}, order=None)  # the export broke off
def test_admin_lists_and_exports_never_fail(counselor_site, model, word_count, lookups, order):
    client = counselor_site
    params = dict(lookups)
    if word_count:
        params["q"] = " ".join(WORDS[n % len(WORDS)] for n in range(word_count))
    if order is not None:
        params["o"] = order
    response = client.get(admin_url(model), params)
    assert response.status_code < 500, (model, params)
    export = client.get(admin_url(model) + "export/", params)
    assert export.status_code < 500, (model, params)
    if export.status_code == 200 and export.streaming:
        b"".join(export.streaming_content)  # the whole file, not only its first rows


@ADMIN_SETTINGS
@given(
    data=st.data(),
    model_name=st.sampled_from(sorted(TOKEN_PATHS)),
    lookup=st.sampled_from(LOOKUPS),
    letters=st.integers(0, 43),
)
def test_no_admin_list_is_filtered_by_a_private_link(
    counselor_site, data, model_name, lookup, letters
):
    client = counselor_site
    field = data.draw(st.sampled_from(TOKEN_PATHS[model_name]))
    token = Attempt.objects.order_by("pk").first().token
    response = client.get(
        f"/admin/assessments/{model_name}/", {field + lookup: token[:letters] or "a"}
    )
    # Refused outright, whatever the letters: the answer tells nothing about the token.
    assert response.status_code == 400, (field + lookup, response.status_code)


# -- Quiz answers: only ASCII digits in range are answers --------------------------------

numbers = st.one_of(
    st.integers(-3, 9).map(str),
    # Digits of other scripts, superscripts, circled numbers.
    st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=3),
    st.sampled_from(["9" * 5000, "-0", "+3", "3.0", "", "3\x00"]),
)


def is_an_answer(raw: str) -> bool:
    raw = raw.strip()
    return raw.isascii() and raw.isdigit() and len(raw) < 3 and 1 <= int(raw) <= 5


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.data(),
    view=st.sampled_from(["page/1/", "answer/", "plan/"]),
    htmx=st.booleans(),
    odd_key=st.one_of(
        st.none(),
        st.sampled_from(["q²", "q①", "q３", "q" + "9" * 5000]),
        st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=3).map("q".__add__),
    ),
)
def test_quiz_answers_are_ascii_digits_in_range_else_nothing_changes(
    site, data, view, htmx, odd_key
):
    _, answer_keys, attempt = site
    posted = {key: data.draw(numbers) for key in data.draw(st.sets(st.sampled_from(answer_keys)))}
    if odd_key:
        posted[odd_key] = data.draw(numbers)
    if view == "plan/":
        posted["plan"] = data.draw(numbers)
    before = saved_answers(attempt)
    headers = {"HX-Request": "true"} if htmx else {}
    response = Client().post(f"/quiz/{attempt.token}/{view}", posted, headers=headers)
    assert response.status_code < 500, (view, posted)
    after = saved_answers(attempt)
    if response.status_code >= 400:
        assert after == before, (view, posted)
    for key, raw in posted.items():
        if key in answer_keys and not is_an_answer(raw):
            item_id = int(key[1:])
            assert after.get(item_id) == before.get(item_id), (key, raw)
    assert all(1 <= value <= 5 for value in after.values())


# -- Where a Save button returns to --------------------------------------------------------


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    next_url=st.one_of(st.sampled_from(ATTACKS), st.text(max_size=40)),
    referer=st.one_of(st.none(), st.sampled_from(ATTACKS), st.text(max_size=40)),
)
def test_save_always_returns_to_a_path_on_this_site(site, next_url, referer):
    headers = {"Referer": referer} if referer is not None else {}
    response = Client().post(
        "/my-careers/save/", {"code": "29-1141.00", "next": next_url}, headers=headers
    )
    assert response.status_code == 302, (next_url, referer)
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
