"""The WSGI module: each worker builds what it keeps before it takes traffic."""

import pytest
from django.db import OperationalError

from assessments.selectors import matching_catalogue
from clusters.models import Occupation
from clusters.search import get_index
from clusters.selectors import data_releases
from tests.support.factories import small_catalogue


@pytest.mark.django_db(transaction=True)  # warming up closes its database connection
def test_warm_up_builds_the_index_catalogue_and_releases(django_assert_num_queries):
    from careerclusters.wsgi import warm_up

    small_catalogue()
    warm_up()
    # only the content version each is kept under (tests read it on every use): nothing built
    with django_assert_num_queries(4):
        index = get_index()
        spanish = get_index("es")
        matching_catalogue()
        data_releases()
    assert index.n == spanish.n == Occupation.objects.count() > 0
    assert spanish.language.code == "es"


@pytest.mark.django_db(transaction=True)
def test_a_worker_starts_without_its_database(monkeypatch, caplog):
    from careerclusters import wsgi

    def unavailable():
        raise OperationalError("connection refused")

    monkeypatch.setattr("clusters.search.get_index", unavailable)
    wsgi.warm_up()  # no exception: the worker builds these on first use instead
    assert "Not warmed up" in caplog.text
