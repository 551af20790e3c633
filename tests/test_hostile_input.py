"""Random and malicious input on every public URL: never a 5xx, never reflected unescaped."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.content import load_shipped_items
from assessments.models import Assessment, Attempt, Item
from tests.clusters.explore_factories import small_catalogue

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
]
PARAMETERS = [
    "q", "page", "sort", "zone", "education", "framework", "cluster", "bright", "o", "plan",
    "code", "next", "check", "answer", "value", "item", "q1", "education_plan",
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
    return [
        "/", "/healthz", "/about-the-data/", "/clusters/", "/clusters/?framework=classic-16",
        "/clusters/healthcare-human-services/",
        "/clusters/healthcare-human-services/physical-health/",
        "/occupations/29-1141.00/", "/occupations/99-9999.99/", "/search/", "/compare/",
        "/my-careers/", "/my-careers/save/", "/quiz/", "/quiz/begin/quick-interest-quiz/",
        "/quiz/begin/no-such-quiz/", f"/quiz/{token}/", f"/quiz/{token}/page/1/",
        f"/quiz/{token}/page/999/", f"/quiz/{token}/answer/", f"/quiz/{token}/plan/",
        f"/quiz/{token}/results/", "/quiz/" + "A" * 43 + "/results/",
    ]  # fmt: skip


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
)
def test_no_server_error_and_nothing_reflected_raw(site, data, method, params, extra):
    path = data.draw(st.sampled_from(site))
    if extra and data.draw(st.booleans()):
        path = path + extra.replace("?", "").replace("#", "")
    client = Client()
    call = getattr(client, method)
    if method == "get" or method == "head":
        response = call(path, params)
    else:
        flat = {key: values for key, values in params.items()}
        response = call(path, flat) if method == "post" else call(path)
    assert response.status_code < 500, (method, path, params)
    sent = [v for vs in params.values() for v in vs] + [extra]
    assert not _body_has_raw_attack(response, sent), (method, path, params)


def test_every_post_needs_a_csrf_token(site):
    client = Client(enforce_csrf_checks=True)
    posts = [p for p in site if "/answer/" in p or "/plan/" in p or "/page/" in p]
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
