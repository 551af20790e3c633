"""Search benchmarks: quality (top-5 hit rate on the counselors' query set) and speed.

Run with `python -m bench.search` (or through `make bench`) against a database that holds
the real data (`python manage.py import_career_data`).
"""

from __future__ import annotations

import csv
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "data" / "search_queries.csv"
# Spanish queries (searched as on /es/search/), written by the search engineer before tuning.
QUERIES_ES = QUERIES.parent / "search_queries_es.csv"
# Queries the explore engineer wrote before tuning on them; a check against over-fitting.
HOLDOUT = QUERIES.parent.parent / "clusters" / "search_queries_holdout.csv"
TOP = 5


@dataclass(frozen=True)
class Miss:
    query: str
    kind: str
    expected: tuple[str, ...]
    got: tuple[str, ...]


def load_queries(path: Path = QUERIES) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            {
                "query": row["query"],
                "kind": row["kind"],
                "expected": tuple(row["expected_codes"].split()),
            }
            for row in csv.DictReader(handle)
        ]


def search_quality(
    *, path: Path = QUERIES, top: int = TOP, language: str = "en"
) -> tuple[float, list[Miss]]:
    """(share of queries with an expected occupation in the top `top`, the misses), searching
    as the pages in `language` do."""
    from django.utils import translation

    from clusters.search import search_occupations

    queries = load_queries(path)
    misses = []
    with translation.override(language):
        for row in queries:
            got = tuple(search_occupations(query=row["query"]).codes[:top])
            if not set(got) & set(row["expected"]):
                misses.append(Miss(row["query"], row["kind"], row["expected"], got))
    rate = (len(queries) - len(misses)) / len(queries) if queries else 0.0
    return rate, misses


def search_speed(
    *, path: Path = QUERIES, rounds: int = 5, language: str = "en"
) -> dict[str, float]:
    """p50/p95/max milliseconds of `search_occupations` over the query set, after a warm-up.

    The warm-up builds the in-memory index once, as the first search of a process does; the
    figures are server-side function time and include the one fingerprint query per search.
    The spelling-correction cache is cleared between rounds so misspellings are timed cold.
    """
    from django.utils import translation

    with translation.override(language):
        return _search_speed(path=path, rounds=rounds)


def _search_speed(*, path: Path, rounds: int) -> dict[str, float]:
    from clusters.search import get_index, search_occupations
    from core.content_version import forget_all

    queries = [row["query"] for row in load_queries(path)]
    forget_all()
    started = time.perf_counter()
    index = get_index()
    build_ms = (time.perf_counter() - started) * 1000
    for query in queries:
        search_occupations(query=query)
    timings = []
    for _ in range(rounds):
        index._fuzzy_cache.clear()
        for query in queries:
            started = time.perf_counter()
            search_occupations(query=query)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "queries": len(timings),
        "p50_ms": statistics.median(timings),
        "p95_ms": timings[int(0.95 * (len(timings) - 1))],
        "max_ms": timings[-1],
        "index_build_ms": build_ms,
    }


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerclusters.settings")
    django.setup()
    from django.db import connection

    from clusters.models import Occupation

    if not Occupation.objects.exists():
        print("No occupations in the database: run `python manage.py import_career_data`.")
        return
    _print_quality(f"Search quality ({connection.vendor})", QUERIES, "en", misses=True)
    if HOLDOUT.exists():
        _print_quality("Our own holdout set", HOLDOUT, "en")
    _print_speed(f"Search speed ({connection.vendor}", QUERIES, "en")
    spanish = Occupation.objects.exclude(title_es="").count()
    total = Occupation.objects.filter(is_retired=False).count()
    print(f"Spanish pages ({spanish}/{total} occupations have a Spanish title):")
    _print_quality("  Spanish queries", QUERIES_ES, "es", misses=True)
    _print_quality("  English queries on Spanish pages", QUERIES, "es", misses=True)
    _print_speed(f"  Spanish search speed ({connection.vendor}", QUERIES_ES, "es")


def _print_quality(label: str, path: Path, language: str, *, misses: bool = False) -> None:
    rate, missed = search_quality(path=path, language=language)
    total = len(load_queries(path))
    print(f"{label}: top-{TOP} hit rate {rate:.1%} ({total - len(missed)}/{total} queries)")
    for miss in missed if misses else ():
        print(f"  miss: {miss.query!r} ({miss.kind}) expected {' '.join(miss.expected)}; "
              f"got {' '.join(miss.got) or 'nothing'}")  # fmt: skip


def _print_speed(label: str, path: Path, language: str) -> None:
    speed = search_speed(path=path, language=language)
    print(
        f"{label}, {speed['queries']} searches): "
        f"p50 {speed['p50_ms']:.1f} ms, p95 {speed['p95_ms']:.1f} ms, "
        f"max {speed['max_ms']:.1f} ms; index built in {speed['index_build_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
