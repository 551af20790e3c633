"""One simulated student's visit, as a Locust user: the journey the site exists for.

Home, the quiz's start page, begin the quick quiz, answer every statement the moment it is
chosen (the htmx answer endpoint) with 1 to 3 s to read each one, save each page and open the
next, the education-plan step, results, the best-matched cluster, an occupation in it, save
it (htmx) and My careers. Between the other steps the student reads for 1 to 3 s too. Every
step checks that it got the page it expects, so an error page counts as a failure.

When a journey ends the same user starts again as a new student (new cookies), so the number
of users is the number of students on the site at once.
"""

from __future__ import annotations

import os
import random
import re

import gevent
from locust import FastHttpUser, task

QUIZ = "quick-interest-quiz"
# Seconds a student takes to read a statement or a page (shorter only to try the journey out).
THINK = tuple(float(n) for n in os.environ.get("BENCH_STUDENT_THINK", "1,3").split(","))

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_RADIO = re.compile(r'<input type="radio" name="(q\d+)"')
_CLUSTER = re.compile(r'<h3><span class="rank">1\.</span> <a href="(/clusters/[^"/]+/)"')
_ANY_CLUSTER = re.compile(r'href="(/clusters/[a-z0-9-]+/)"')
_OCCUPATION = re.compile(r'href="/occupations/(\d\d-\d{4}\.\d\d)/"')

completed = 0  # journeys finished in this process (read by bench/students.py)
# A new student arrives within this many seconds of being added (set by bench/students.py),
# so that students are spread over every step of the journey rather than moving in step.
arrival_spread = 0.0


class JourneyFailed(Exception):
    pass


class Student(FastHttpUser):
    # Statuses are checked by hand: redirects are steps of their own.
    default_headers = {"User-Agent": "career-clusters-bench"}

    def on_start(self) -> None:
        gevent.sleep(random.uniform(0, arrival_spread))

    def think(self) -> None:
        gevent.sleep(random.uniform(*THINK))

    def get(self, path: str, name: str, *, expect: str, status: int = 200, **kwargs) -> str:
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            return self._check(response, expect, status)

    def post(
        self, path: str, name: str, data: dict, *, expect: str = "", status: int = 302, htmx=False
    ):
        headers = (
            {"HX-Request": "true", "X-CSRFToken": data["csrfmiddlewaretoken"]} if htmx else {}
        )
        with self.client.post(
            path,
            name=name,
            data=data,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            self._check(response, expect, status)
            return response.headers.get("Location", "")

    @staticmethod
    def _check(response, expect: str, status: int) -> str:
        body = response.text or ""
        if response.status_code != status or (expect and expect not in body):
            response.failure(f"status {response.status_code}, expected {status} with {expect!r}")
            raise JourneyFailed(response.request_meta["name"])
        response.success()
        return body

    @task
    def journey(self) -> None:
        global completed
        self.client.cookiejar.clear()  # a new student
        try:
            self.take_the_quiz_and_explore()
        except JourneyFailed as failed:
            if os.environ.get("BENCH_STUDENT_DEBUG"):
                print("journey failed:", failed, flush=True)
            return
        completed += 1

    def take_the_quiz_and_explore(self) -> None:
        self.get("/", "home", expect="Career Clusters")
        self.think()
        start = self.get("/quiz/", "quiz start", expect=f"/quiz/begin/{QUIZ}/")
        csrf = _CSRF.search(start).group(1)
        self.think()
        path = self.post(f"/quiz/begin/{QUIZ}/", "begin quiz", {"csrfmiddlewaretoken": csrf})
        token = path.split("/")[2]
        while "/page/" in path:
            html = self.get(path, "quiz page", expect='<input type="radio"')
            csrf = _CSRF.search(html).group(1)
            answers = {}
            for name in dict.fromkeys(_RADIO.findall(html)):
                self.think()
                answers[name] = str(random.randint(1, 5))
                self.post(
                    f"/quiz/{token}/answer/",
                    "answer (htmx)",
                    {name: answers[name], "csrfmiddlewaretoken": csrf},
                    expect="Answer saved.",
                    status=200,
                    htmx=True,
                )
            self.think()
            form = {**answers, "csrfmiddlewaretoken": csrf, "action": "next"}
            path = self.post(path, "save page", form)
            if "check=1" in path:
                raise JourneyFailed("a page said answers were missing")
        html = self.get(path, "plan step", expect='name="plan"')
        self.think()
        form = {"plan": str(random.randint(1, 5)), "action": "finish"}
        path = self.post(path, "finish", {**form, "csrfmiddlewaretoken": _CSRF.search(html)[1]})
        # Every results page shows the profile; random answers can also give the low or the
        # flat state, with no matched cluster: that student then picks one from the index.
        results = self.get(path, "results", expect='<h2 id="profile-title">')
        self.think()
        matched = _CLUSTER.search(results)
        if matched is None:
            index = self.get("/clusters/", "clusters index", expect="<h1")
            matched = _ANY_CLUSTER.search(index)
        cluster = self.get(matched.group(1), "cluster", expect="<h1")
        self.think()
        code = _OCCUPATION.search(cluster).group(1)
        occupation = self.get(f"/occupations/{code}/", "occupation", expect="<h1")
        self.think()
        self.post(
            "/my-careers/save/",
            "save career (htmx)",
            {"code": code, "csrfmiddlewaretoken": _CSRF.search(occupation).group(1)},
            expect="Saved to",
            status=200,
            htmx=True,
        )
        self.think()
        self.get("/my-careers/", "my careers", expect=code)
