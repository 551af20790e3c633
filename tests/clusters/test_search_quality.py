"""Search quality on the real data, and page query counts with the full catalogue loaded.

Slow (loads the shipped data once for the module, ~15 s). The counselor-written query set is
tests/data/search_queries.csv; do not edit its expectations to make the engine pass.
"""

import hashlib
import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from bench.search import QUERIES_ES, load_queries, search_quality
from clusters import search
from clusters.models import Cluster, Occupation

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

HOLDOUT = Path(__file__).parent / "search_queries_holdout.csv"

# sha256 of the top-10 codes of every counselor query. The suite runs on SQLite and on
# PostgreSQL; both must give this same digest, which proves identical results. After a
# deliberate ranking change, print `ranking_digest()` and update it here.
RANKING_DIGEST = "5e9d4fb8e7da647fd1f17fc43245c6c141314dae4a4cabb6a7f6a29ae1ac2901"


@pytest.fixture(scope="module")
def shipped_index(shipped_catalogue, django_db_blocker):
    """The index of the shipped data, built once for the module (a few seconds each time)."""
    with django_db_blocker.unblock():
        return search.load_index()


@pytest.fixture(scope="module")
def shipped_spanish_index(shipped_catalogue, django_db_blocker):
    """The Spanish index of the shipped data, built once for the module."""
    with django_db_blocker.unblock():
        return search.load_spanish_index()


@pytest.fixture(autouse=True)
def _same_index_for_every_test(shipped_index, shipped_spanish_index, db, monkeypatch):
    # Every test starts with nothing kept (the root conftest); the data does not change in
    # this module, so the rebuild hands back the index already built.
    monkeypatch.setattr(search, "load_index", lambda: shipped_index)
    monkeypatch.setattr(search, "load_spanish_index", lambda: shipped_spanish_index)


@pytest.fixture
def spanish_titles():
    """Skip until the shipped data has our Spanish titles (occupation-titles-es.csv)."""
    written = Occupation.objects.filter(is_retired=False).exclude(title_es="").count()
    if written < 0.9 * Occupation.objects.filter(is_retired=False).count():
        pytest.skip(f"only {written} occupations have a Spanish title in the shipped data")


def ranking_digest() -> str:
    ranked = {
        row["query"]: search.search_occupations(query=row["query"]).codes[:10]
        for row in load_queries()
    }
    return hashlib.sha256(json.dumps(ranked, sort_keys=True).encode()).hexdigest()


def test_counselor_queries_hit_the_top_five_at_least_95_percent():
    rate, misses = search_quality()
    assert len(load_queries()) >= 40
    assert rate >= 0.95, "\n".join(
        f"{m.query}: expected {m.expected}, got {m.got}" for m in misses
    )


def test_our_own_holdout_queries_hit_the_top_five_at_least_90_percent():
    rate, misses = search_quality(path=HOLDOUT)
    assert rate >= 0.90, "\n".join(
        f"{m.query}: expected {m.expected}, got {m.got}" for m in misses
    )


def test_spanish_queries_hit_the_top_five_at_least_90_percent(spanish_titles):
    rate, misses = search_quality(path=QUERIES_ES, language="es")
    assert len(load_queries(QUERIES_ES)) >= 40
    assert rate >= 0.90, "\n".join(
        f"{m.query}: expected {m.expected}, got {m.got}" for m in misses
    )


def test_english_queries_on_spanish_pages_hit_the_top_five_at_least_90_percent(spanish_titles):
    rate, misses = search_quality(language="es")
    assert rate >= 0.90, "\n".join(
        f"{m.query}: expected {m.expected}, got {m.got}" for m in misses
    )


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("enfermera registrada", "29-1141.00"),
        ("electricistas", "47-2111.00"),
        ("bombero", "33-2011.00"),
        ("nurse", "29-1141.00"),
    ],
)
def test_obvious_occupation_comes_first_on_spanish_pages(spanish_titles, query, first):
    with translation.override("es"):
        assert search.search_occupations(query=query).codes[0] == first


def test_same_ranking_on_every_database():
    assert ranking_digest() == RANKING_DIGEST


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("registered nurse", "29-1141.00"),
        ("cop", "33-3051.00"),
        ("CNA", "31-1131.00"),
        ("HVAC", "49-9021.00"),
        ("nurce", "29-1141.00"),
        ("electricians", "47-2111.00"),
        ("barista", "35-3023.01"),
    ],
)
def test_obvious_occupation_comes_first(query, first):
    assert search.search_occupations(query=query).codes[0] == first


def test_title_matches_rank_above_description_matches():
    codes = search.search_occupations(query="baker").codes
    assert codes[0] == "51-3011.00"  # Bakers, before jobs whose tasks mention baking


def test_junk_finds_nothing_on_the_real_data():
    for junk in ["asdfghjkl", "!!!", "the and of", "zzzzzz"]:
        assert search.search_occupations(query=junk).hits == [], junk


def test_real_pages_render_with_a_fixed_number_of_queries(client, django_assert_num_queries):
    biggest = max(
        Cluster.objects.filter(framework__is_default=True), key=lambda c: c.pathways.count()
    )
    pathway = biggest.pathways.first()
    client.get(reverse("home"))  # warm the data-release cache
    client.get(reverse("clusters:search"), {"q": "nurse"})  # build the search index
    pages = [
        # each query count includes the content version, and pages rendered anew read it again
        # for the footer's data releases (tests read it on every use)
        (reverse("home"), {}, 1),  # the page cached above
        (reverse("clusters:index"), {}, 5),  # + each cluster's example careers
        (biggest.get_absolute_url(), {"sort": "pay", "zone": "4"}, 6),
        (pathway.get_absolute_url(), {"page": "2"}, 7),
        (reverse("clusters:occupation", args=["29-1141.00"]), {}, 11),
        (reverse("clusters:occupation", args=["51-9199.00"]), {}, 11),  # 2,750 other titles
        (reverse("clusters:search"), {"q": "nurse"}, 1),  # the page cached above
        (reverse("clusters:search"), {"q": "teecher", "page": "2", "bright": "1"}, 5),  # + index
        (reverse("clusters:compare"), {"o": ["29-1141.00", "47-2111.00", "15-1252.00"]}, 4),
        (reverse("clusters:saved"), {}, 1),  # nothing saved: no data, so no source line
    ]
    for url, params, queries in pages:
        with django_assert_num_queries(queries):
            response = client.get(url, params)
        assert response.status_code == 200, url
    assert Occupation.objects.count() == 1016
