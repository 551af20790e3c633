"""The database restarts while students use the site.

While it is down the app answers only the friendly 503 page (with Retry-After), never a 500
or a traceback; it recovers by itself, without a restart; and no quiz attempt is left
half-written. A real Granian server talks to PostgreSQL through a proxy that we cut.
"""

import secrets
import threading
import time
from dataclasses import dataclass

import pytest
from django.db import connection

from assessments.content import load_shipped_items
from assessments.models import Assessment, Attempt, Item, Response
from assessments.selectors import pages
from tests.production.conftest import database_url
from tests.support.app_server import Client, Reply, production_env, start_servers, stop_servers
from tests.support.factories import small_catalogue
from tests.support.tcp_proxy import TcpProxy

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,  # the test only reads; the server's data is committed by `committed_db`
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs a database other processes can share (PostgreSQL)",
    ),
]

QUIZ = "quick-interest-quiz"
EXPLORE = [
    "/",
    "/clusters/",
    "/clusters/healthcare-human-services/",
    "/clusters/healthcare-human-services/physical-health/",
    "/occupations/29-1141.00/",
    "/search/?q=nurse",
    "/quiz/",
]
PROFILE = ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"]


@pytest.fixture(scope="module")
def quiz_pages(committed_db):
    """Committed data; returns the quiz's item ids page by page, as the quiz shows them."""
    small_catalogue()
    load_shipped_items(assessment_model=Assessment, item_model=Item)
    assessment = Assessment.objects.get(slug=QUIZ)
    items = list(assessment.items.order_by("order", "pk").values_list("pk", flat=True))
    return pages(items=items, per_page=assessment.items_per_page)


@pytest.fixture(scope="module")
def proxy():
    db = connection.settings_dict
    proxy = TcpProxy((db["HOST"], int(db["PORT"])))
    yield proxy
    proxy.close()


@pytest.fixture(scope="module")
def server(quiz_pages, proxy, tmp_path_factory):
    env = production_env(
        database_url=database_url("127.0.0.1", proxy.port), secret_key=secrets.token_urlsafe(50)
    )
    [started] = start_servers([env], tmp_path_factory.mktemp("server"), workers=2)
    yield started
    stop_servers([started])


@dataclass
class Outcome:
    started: float
    ended: float
    request: str
    reply: Reply
    ok: bool


class Load:
    """Threads browsing the catalogue and taking the quiz until stopped.

    A student whose click fails clicks again until it works, so attempts interrupted by the
    outage are finished after it.
    """

    def __init__(self, base: str, quiz_pages: list[list[int]]):
        self.base, self.quiz_pages = base, quiz_pages
        self.outcomes: list[Outcome] = []
        self.surprises: list[str] = []  # a success that is not what the step should give
        self.sent: dict[str, dict[int, int]] = {}  # attempt token -> answers sent
        self.stop = threading.Event()

    def fetch(self, client: Client, path: str, data=None, headers=None, also_fine=()):
        """One request; the reply if it succeeded (2xx/3xx or a status in also_fine), else None."""
        started = time.monotonic()
        try:
            reply = client.request(self.base, path, data=data, headers=headers)
        except OSError as error:  # no HTTP answer at all
            reply = Reply(0, {}, repr(error))
        ok = 200 <= reply.status < 400 or reply.status in also_fine
        request = f"{'POST' if data else 'GET'} {path}"
        self.outcomes.append(Outcome(started, time.monotonic(), request, reply, ok))
        if not ok:
            time.sleep(0.05)
        return reply if ok else None

    def step(self, client: Client, path: str, data=None, headers=None, location=None):
        """Send until it succeeds; the reply, or None when the load stops first."""
        reply = self.fetch(client, path, data, headers)
        while reply is None and not self.stop.is_set():
            reply = self.fetch(client, path, data, headers)
        if reply and location is not None and reply.location != location:
            self.surprises.append(f"{path} -> {reply.status} {reply.location}")
        return reply

    def finish(self, client: Client, path: str, data) -> bool:
        """Send the last step until it works; True once the attempt is finished."""
        reply = self.fetch(client, path, data)
        while reply is None and not self.stop.is_set():
            # 409 "already finished": an earlier try did finish, only its reply was lost.
            reply = self.fetch(client, path, data, also_fine={409})
        results = path.replace("/plan/", "/results/")
        if reply and reply.status != 409 and reply.location != results:
            self.surprises.append(f"{path} -> {reply.status} {reply.location}")
        return reply is not None

    def explore(self) -> None:
        client = Client()
        while not self.stop.is_set():
            for path in EXPLORE:
                self.fetch(client, path)

    def quiz(self) -> None:
        client = Client()
        while not self.stop.is_set():
            self.take_quiz(client)

    def take_quiz(self, client: Client) -> None:
        if not self.step(client, "/quiz/"):  # also sets the CSRF cookie
            return
        csrf = {"csrfmiddlewaretoken": client.cookie("csrftoken")}
        begun = self.step(client, f"/quiz/begin/{QUIZ}/", csrf)
        if not begun:
            return
        quiz = begun.location.removesuffix("/page/1/")
        sent = self.sent[quiz.rsplit("/", 1)[1]] = {}
        for number, items in enumerate(self.quiz_pages, start=1):
            answers = {pk: 1 + (pk + number) % 5 for pk in items}
            posted = {f"q{pk}": str(value) for pk, value in answers.items()}
            if not self.step(client, f"{quiz}/page/{number}/"):
                return
            if number % 2 == 0:  # one answer saved the moment it is given (htmx)
                first = {f"q{items[0]}": posted.pop(f"q{items[0]}")}
                htmx = {"HX-Request": "true", "X-CSRFToken": csrf["csrfmiddlewaretoken"]}
                if not self.step(client, f"{quiz}/answer/", first, htmx):
                    return
            last = number == len(self.quiz_pages)
            following = f"{quiz}/plan/" if last else f"{quiz}/page/{number + 1}/"
            if not self.step(
                client, f"{quiz}/page/{number}/", {**posted, **csrf}, None, following
            ):
                return
            sent.update(answers)
        plan = {"plan": "2", "action": "finish", **csrf}
        if self.finish(client, f"{quiz}/plan/", plan):
            self.step(client, f"{quiz}/results/")


def wait_for(condition, timeout: float = 60) -> None:
    """Progress of the load (no limit on speed: the timeout only stops a stuck test)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the load made no progress"
        time.sleep(0.1)


def test_database_restart_gives_friendly_503s_then_recovers_and_leaves_no_half_attempt(
    server, proxy, quiz_pages
):
    workers = server.worker_pids()
    assert len(workers) == 2
    load = Load(server.url, quiz_pages)

    def served_since(moment: float, ending: str) -> bool:
        return any(
            o.ok and o.started > moment and o.request.endswith(ending) for o in list(load.outcomes)
        )

    threads = [threading.Thread(target=load.explore) for _ in range(2)]
    threads += [threading.Thread(target=load.quiz) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: served_since(0, "/results/"))  # a quiz finished before the outage
        went_down = time.monotonic()
        proxy.go_down()
        time.sleep(2)
        wait_for(lambda: any(not o.ok for o in list(load.outcomes)))
        proxy.come_back()
        came_back = time.monotonic()
        # A quiz finished, and a catalogue page served, entirely after the database came back.
        wait_for(lambda: served_since(came_back, "/results/"))
        wait_for(lambda: served_since(came_back, "/clusters/"))
    finally:
        load.stop.set()
        for thread in threads:
            thread.join(timeout=60)

    def failures(outcomes):
        return [(o.request, o.reply.status) for o in outcomes if not o.ok]

    # Errors only while the database was down; every request sent after it came back worked.
    assert not failures(o for o in load.outcomes if o.ended < went_down)
    assert not failures(o for o in load.outcomes if o.started > came_back)
    failed = [o for o in load.outcomes if not o.ok]
    assert failed, "the outage should have failed some requests"
    for o in failed:  # and each error is the friendly page, never a 500 or a traceback
        assert o.reply.status == 503, (o.request, o.reply.status, o.reply.body[:3000])
        assert o.reply.headers.get("retry-after") == "10", o.request
        assert "We will be back in a moment" in o.reply.body, o.request
        assert "Traceback" not in o.reply.body, o.request
    assert not load.surprises

    # The same server processes answered throughout: nothing was restarted.
    assert server.process.poll() is None
    assert server.worker_pids() == workers
    assert "Traceback" not in server.log.read_text()  # no unhandled error, even in the log

    # Completion is atomic: an attempt is finished with its whole profile and every answer
    # exactly as sent, or it is not finished and has no profile at all.
    item_count = sum(len(items) for items in quiz_pages)
    attempts = list(Attempt.objects.values("pk", "token", "completed_at", "code", *PROFILE))
    assert sum(a["completed_at"] is not None for a in attempts) >= 2
    for attempt in attempts:
        profile = [attempt[name] for name in PROFILE]
        if attempt["completed_at"] is None:
            assert profile == [None] * 6 and attempt["code"] == "", attempt
        else:
            assert None not in profile and len(attempt["code"]) == 3, attempt
            saved = dict(
                Response.objects.filter(attempt=attempt["pk"]).values_list("item", "value")
            )
            assert len(saved) == item_count
            assert saved == load.sent[attempt["token"]]
