"""Two app servers sharing one database, as behind a load balancer.

A quiz started on one server continues and finishes on the other with no answer lost (each
page, on either server and on another device, shows the latest answers), and a counselor's
edit made on one server shows on the other within a second (each process has its own
in-memory page cache, so invalidation must reach the other process through the database).
"""

import io
import secrets
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from assessments.content import load_shipped_items
from assessments.models import Assessment, Attempt, Item, Response
from clusters.models import Cluster
from tests.production.conftest import database_url
from tests.support.app_server import Client, form, production_env, start_servers, stop_servers
from tests.support.factories import small_catalogue

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,  # tests only read; the servers' data is committed by `committed_db`
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs a database other processes can share (PostgreSQL)",
    ),
]

PASSWORD = secrets.token_urlsafe(16)
QUIZ = "quick-interest-quiz"
VERSION_MAX_AGE = 1  # seconds, the production default
BY_AREA = {"R": 2, "I": 4, "A": 1, "S": 5, "E": 2, "C": 3}  # a clear S-I-C profile


@pytest.fixture(scope="module")
def site(committed_db):
    catalogue = small_catalogue()
    load_shipped_items(assessment_model=Assessment, item_model=Item)
    call_command("create_counselor", "pat", "--no-input", stdout=io.StringIO())
    counselor = get_user_model().objects.get(username="pat")
    counselor.set_password(PASSWORD)
    counselor.save()
    return catalogue


@pytest.fixture(scope="module")
def servers(site, tmp_path_factory):
    """Two servers, A and B, with the same settings and secret key."""
    env = production_env(database_url=database_url(), secret_key=secrets.token_urlsafe(50))
    env["SHARED_STATE_MAX_AGE"] = str(VERSION_MAX_AGE)
    started = start_servers([env, env], tmp_path_factory.mktemp("servers"))
    yield [server.url for server in started]
    stop_servers(started)


def test_quiz_started_on_one_server_finishes_on_the_other(servers):
    a, b = servers
    student = Client()
    start = student.get(a, "/quiz/")
    assert start.status == 200
    begin = form(start.body, action=f"/quiz/begin/{QUIZ}/")
    reply = student.post(a, begin.attrs["action"], begin.fields)
    assert reply.status == 302, reply.body
    token = reply.location.split("/")[2]
    areas = {f"q{pk}": area for pk, area in Item.objects.values_list("pk", "area")}

    # Page 1 on A, page 2 on B, page 3 on A, ...; each page read and posted on the same one.
    sent: dict[str, str] = {}
    path, number = reply.location, 1
    while path != f"/quiz/{token}/plan/":
        server, other = (a, b) if number % 2 else (b, a)
        page = student.get(server, path)
        assert page.status == 200, path
        quiz_form = form(page.body, action=path)
        answers = {name: str(BY_AREA[areas[name]]) for name in quiz_form.radios}
        posted = dict(answers)
        if number == 2:
            # The first answer is saved the moment it is given (htmx), by the other server.
            name = quiz_form.radios[0]
            saved = student.post(
                other,
                f"/quiz/{token}/answer/",
                {name: posted.pop(name)},
                headers={
                    "HX-Request": "true",
                    "X-CSRFToken": dict(quiz_form.fields)["csrfmiddlewaretoken"],
                },
            )
            assert saved.status == 200 and "Answer saved." in saved.body
            # Straight back to this server, and from another device (no cookies, only the
            # private link) on either server: the page shows the answer at once.
            checked = f'name="{name}" value="{answers[name]}" checked'
            assert checked in student.get(server, path).body
            for either in (a, b):
                assert checked in Client().get(either, path).body
        reply = student.post(
            server, path, [*quiz_form.fields, *posted.items(), ("action", "next")]
        )
        # Straight on to the next page: the page counted every answer, the htmx one included.
        assert reply.status == 302 and "check" not in reply.headers["location"], reply.location
        sent.update(answers)
        path, number = reply.location, number + 1

    plan_page = student.get(b, path)
    assert plan_page.status == 200
    plan_form = form(plan_page.body, action=path)
    fields = [(k, v) for k, v in plan_form.fields if k != "plan"] + [("plan", "3")]
    reply = student.post(b, path, [*fields, ("action", "finish")])
    assert (reply.status, reply.location) == (302, f"/quiz/{token}/results/")

    attempt = Attempt.objects.get(token=token)
    saved = dict(Response.objects.filter(attempt=attempt).values_list("item_id", "value"))
    assert {f"q{pk}": str(value) for pk, value in saved.items()} == sent
    assert len(sent) == Item.objects.filter(assessment__slug=QUIZ).count() == 30
    assert attempt.completed_at is not None
    assert (attempt.code, attempt.education_plan) == ("SIC", 3)
    for server in (a, b):
        results = student.get(server, reply.location)
        assert results.status == 200
        assert "Your interest code is" in results.body and ">SIC<" in results.body


def test_counselor_edit_on_one_server_shows_on_the_other(servers, site):
    a, b = servers
    cluster = Cluster.objects.get(pk=site["trades"].pk)
    page = f"/clusters/{cluster.slug}/"

    counselor = Client()
    login_path = "/admin/login/?next=/admin/"
    login = form(counselor.get(a, login_path).body, id="login-form")
    credentials = {**dict(login.fields), "username": "pat", "password": PASSWORD}
    reply = counselor.post(a, login_path, credentials)
    assert (reply.status, reply.location) == (302, "/admin/"), reply.body
    change_path = f"/admin/clusters/cluster/{cluster.pk}/change/"
    change = counselor.get(a, change_path)
    assert change.status == 200
    new_text = f"Edited on server A ({secrets.token_hex(4)}): building, wiring, plumbing."
    fields = [
        (name, new_text if name == "description" else value)
        for name, value in form(change.body, id="cluster_form").fields
    ]

    # B shows (and may cache) the page and the index just before the edit is saved.
    visitor = Client()
    for path in (page, "/clusters/"):
        reply = visitor.get(b, path)
        assert reply.status == 200 and cluster.description in reply.body

    reply = counselor.post(a, change_path, [*fields, ("_save", "Save")])
    assert reply.status == 302, reply.body
    assert Cluster.objects.get(pk=cluster.pk).description == new_text

    # B shows the new text as soon as it reads the content version again, which each process
    # does at most VERSION_MAX_AGE after its last read. B's cached pages would
    # otherwise live for an hour, so this fails if the edit does not reach the other process.
    deadline = time.monotonic() + VERSION_MAX_AGE + 2
    for path in (page, "/clusters/"):
        while (reply := visitor.get(b, path)).status == 200 and new_text not in reply.body:
            assert time.monotonic() < deadline, f"B still shows {path} as before the edit"
            time.sleep(0.1)
        assert reply.status == 200
        assert cluster.description not in reply.body
