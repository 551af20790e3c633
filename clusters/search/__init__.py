"""Occupation search that understands how students type.

Students type "cop", "nurce", "electricians" or "take care of kids", not O*NET titles. We rank
in Python over a compact in-memory index built from `Occupation.search_titles` (title,
alternate and reported titles) and `Occupation.search_body` (description and tasks), so the
results are exactly the same on SQLite and PostgreSQL. The index is built once per process
and rebuilt when the content version changes (`kept` in core/content_version.py).

How a query is read:
- words are lower-cased and reduced to a rough root ("electricians", "electrician" ->
  "electric"; "teaching", "teachers" -> "teach"), so word forms match;
- a short list of student words maps to the words O*NET uses ("kids" -> children, "cop" ->
  police), written by us in `SYNONYMS`;
- a word we do not know is corrected to the nearest words of our titles (edit distance,
  candidates found through shared letter trigrams): "nurce" -> nurse, "mechanik" -> mechanic;
- while typing, an unfinished last word also matches the title words it starts.

How results are ranked: a word found in the O*NET title counts most, then in an alternate
title, then in the description and tasks (with BM25-style weighting). Documents that match
all the words beat those that match some; an exact title or alternate-title match gets a
large bonus, so "barista" finds Baristas before jobs whose tasks mention coffee. A small
nudge from employment puts common jobs first among equals ("teacher" -> school teachers),
and results scoring under a fifth of the best are left out.

On Spanish pages (`get_language() == "es"`) the same engine runs over a second index, kept
per process like the first ("search index es"), with Spanish word rules (`SPANISH` in
clusters/search/spanish.py, given to `SearchIndex` as its `Language`):
- the title is our Spanish title (`title_es`, the English one while it is empty); our
  Spanish search words (`keywords_es`) and the English title are the other titles, and
  the (English) description and tasks the body;
- accents are optional, as in English ("medico" = "médico", "ninos" = "niños");
- a light Spanish stemmer folds gender and number ("enfermera", "enfermeros" ->
  "enfermer"), a trade and its worker ("enfermería") and a verb and its worker
  ("programar", "programador"); whole-title matches use it too, and a title's repeated
  word in the other gender counts once ("Enfermeros y enfermeras registrados");
- Spanish small words ("quiero trabajar con") and student words ("carros" -> automotriz,
  "niños" -> infantil, "doctor" -> médico) written by us, on top of the English ones;
- misspellings are corrected over the Spanish words and the English titles' words.
A query in English on a Spanish page ("nurse", "fix cars": none of its words is one of our
Spanish words, one is a word of the English titles) is searched in the English index, so it
ranks as on English pages; so is a query the Spanish index finds nothing for (a misspelt
English word: "teecher"). Either way the page shows each career's title in its language.
"""

from __future__ import annotations

from django.utils.translation import get_language

from clusters.models import Occupation, PathwayOccupation
from clusters.search.index import Hit, SearchIndex, SearchResult
from clusters.search.spanish import SPANISH
from core.content_version import kept

__all__ = ["Hit", "SearchResult", "get_index", "load_index", "search_occupations"]

# ---------------------------------------------------------------------------------------
# One index per language and process, rebuilt when the data changes

_FIELDS = (
    "id",
    "code",
    "title",
    "title_es",
    "job_zone_id",
    "bright_outlook",
    "employment_2024",
    "search_titles",
    "search_body",
)


def _rows(*extra: str) -> list[dict]:
    """Occupations still in the data (one query)."""
    return list(
        Occupation.objects.filter(is_retired=False).order_by("code").values(*_FIELDS, *extra)
    )


def load_index() -> SearchIndex:
    """The English index, built from the database."""
    return SearchIndex(_rows())


def load_spanish_index() -> SearchIndex:
    """The Spanish index: our Spanish title is the title; our Spanish search words and the
    English title are the other titles; the (English) description and tasks the body.

    The English alternate titles (about 49,000) stay in the English index only, where a
    query in English goes (`index_for`, `search_occupations`): here they would cost each
    worker 28 MiB more and find no Spanish query a career more. A career with no Spanish
    title yet keeps them, since its English title stands in for the Spanish one.
    """
    rows = _rows("keywords_es")
    for row in rows:
        if row["title_es"]:
            row["search_titles"] = row["title"].lower()
    return SearchIndex(rows, SPANISH)


def get_index(language: str | None = None) -> SearchIndex:
    """The index for `language` (default: the page's), kept per process."""
    if (language or get_language() or "en").startswith("es"):
        return kept("search index es", load_spanish_index)
    return kept("search index", load_index)


def index_for(query: str) -> SearchIndex:
    """The page's index; on a Spanish page, the English one for a query in English: none of
    its words is Spanish (of our Spanish titles and search words, or a Spanish student word)
    and at least one is a word of the English titles."""
    index = get_index()
    if index.language.code == "en":
        return index
    words = index.content_words(query)
    if not words or any(index.speaks(w) for w in words):
        return index
    english = get_index("en")
    if any(english.knows(w) or w in english.language.synonyms for w in words):
        return english
    return index


def search_occupations(
    *,
    query: str,
    cluster: str | None = None,
    job_zone: int | None = None,
    bright: bool | None = None,
) -> SearchResult:
    """Occupations matching a student's query, best first, optionally filtered.

    `cluster` is a cluster slug (its occupations in any pathway), `job_zone` 1-5, `bright`
    True for growing-demand jobs only. Costs one query (two with a cluster filter).
    """
    members = None
    if cluster:
        members = set(
            PathwayOccupation.objects.filter(pathway__cluster__slug=cluster).values_list(
                "occupation_id", flat=True
            )
        )

    filters = {"members": members, "job_zone": job_zone, "bright": bright}
    index = index_for(query)
    result = index.search(query, allowed=_allowed(index, **filters))
    if not result.hits and index.language.code != "en":
        # Nothing in Spanish: perhaps a misspelt English word ("teecher").
        english = get_index("en")
        result = english.search(query, allowed=_allowed(english, **filters))
    return result


def _allowed(
    index: SearchIndex, *, members: set[int] | None, job_zone: int | None, bright: bool | None
) -> set[int] | None:
    """The positions in `index` of the careers the filters keep (None: no filter)."""
    if members is None and not job_zone and not bright:
        return None
    return {
        i
        for i, doc in enumerate(index.docs)
        if (not job_zone or doc.job_zone == job_zone)
        and (not bright or doc.bright)
        and (members is None or doc.occupation_id in members)
    }
