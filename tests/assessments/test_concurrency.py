"""Two tabs writing to one attempt at the same moment (real threads, PostgreSQL only:
SQLite's shared in-memory test database cannot take concurrent writers)."""

import threading

import pytest
from django.db import connection, connections

from assessments import services
from assessments.models import Response

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that takes concurrent writers (PostgreSQL)")


def run_together(*jobs):
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # collected and checked by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_two_tabs_answering_at_once_leave_one_response_per_item(mini_quiz):
    attempt = services.start_attempt(assessment=mini_quiz)
    items = list(mini_quiz.items.values_list("pk", flat=True))

    def tab(value):
        return lambda: [
            services.save_answers(attempt=attempt, answers={item: value}) for item in items
        ]

    assert run_together(tab(2), tab(4)) == []
    assert Response.objects.filter(attempt=attempt).count() == len(items)
    assert set(Response.objects.values_list("value", flat=True)) <= {2, 4}


def test_no_answer_lands_after_completion(mini_quiz):
    attempt = services.start_attempt(assessment=mini_quiz)
    items = list(mini_quiz.items.order_by("order"))
    services.save_answers(attempt=attempt, answers={i.pk: 1 + n % 5 for n, i in enumerate(items)})

    def complete():
        services.complete_attempt(attempt=attempt, education_plan=None)

    def keep_answering():
        for _ in range(20):
            services.save_answers(attempt=attempt, answers={items[0].pk: 5})

    errors = run_together(complete, keep_answering)
    assert all(isinstance(e, services.AttemptFinished) for e in errors)
    attempt.refresh_from_db()
    assert attempt.is_complete
    latest = Response.objects.filter(attempt=attempt).latest("answered_at").answered_at
    assert latest <= attempt.completed_at
