"""The in-memory index over occupations' titles and texts, and the ranking."""

from __future__ import annotations

import itertools
import math
import re
import struct
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from clusters.search.words import (
    ENGLISH,
    MAX_QUERY_LENGTH,
    MAX_WORDS,
    RELATIVE_CUTOFF,
    Language,
    _trigrams,
    _words_of_normalised,
    edit_distance,
    normalise,
    split_words,
)

# ---------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Hit:
    occupation_id: int
    code: str
    title: str
    score: float


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    understood: bool = False  # the query had at least one word we could use

    @property
    def codes(self) -> list[str]:
        return [hit.code for hit in self.hits]

    @property
    def corrected_query(self) -> str:
        """The query with misspelt words replaced, for a 'Showing results for' line."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(w, w) for w in split_words(self.query))


# ---------------------------------------------------------------------------------------
# The index


@dataclass
class _Doc:
    occupation_id: int
    code: str
    title: str
    job_zone: int | None
    bright: bool
    popularity: float  # 0..1 from employment: a small nudge towards common jobs
    catch_all: bool = False


# Postings with a count: (document number, count) pairs packed two bytes each, in one bytes
# object per key. About 300,000 of them per field: as tuples they took ~60 MiB per process.
_PAIR = struct.Struct("=HH")  # the layout of array("H") holding [doc, count, doc, count, ...]
_MAX = 65_535


def _pairs(packed: bytes) -> Iterator[tuple[int, int]]:
    return _PAIR.iter_unpack(packed)


def _add(postings: dict[str, array], key: str, doc: int, count: int) -> None:
    found = postings.get(key)
    if found is None:
        postings[key] = found = array("H")
    found.append(doc)
    found.append(min(count, _MAX))


def _packed(postings: dict[str, array]) -> dict[str, bytes]:
    """The build's arrays as bytes, freed as they go (so both never exist at once)."""
    packed = {}
    while postings:
        key, found = postings.popitem()
        packed[key] = found.tobytes()
    return packed


class SearchIndex:
    """Everything search needs, in memory (~1,000 occupations, built in about a second).

    `language` gives the word rules (roots, synonyms, small words) and which title is the
    title; rows are dicts with the fields `load_index` reads.
    """

    TITLE, ALT, BODY = 3.0, 2.0, 1.0

    def __init__(self, rows: list[dict], language: Language = ENGLISH):
        self.language = language
        stem, word_keys = language.stem, language.word_keys
        if len(rows) > _MAX:
            raise ValueError(f"The search index holds at most {_MAX} occupations.")
        self.docs: list[_Doc] = []
        self.title_post: dict[str, set[int]] = defaultdict(set)
        alt_post: dict[str, array] = {}
        body_post: dict[str, array] = {}
        self.exact_titles: dict[str, set[int]] = defaultdict(set)
        self.head_titles: dict[str, set[int]] = defaultdict(set)
        exact_alts: dict[str, array] = {}
        self.body_length: list[int] = []
        title_words: Counter = Counter()  # surface words of titles, for spelling and prefixes
        body_words: Counter = Counter()
        single_words: set[str] = set()  # title words as written, not joined pairs
        max_employment = max((r["employment_2024"] or 0 for r in rows), default=0)
        alt_keys_of: list[tuple[str, ...]] = []  # each document's alternate-title keys
        own_words: set[str] = set()  # words of the titles and search words in this language
        for i, row in enumerate(rows):
            employment = row["employment_2024"] or 0
            self.docs.append(
                _Doc(
                    occupation_id=row["id"],
                    code=row["code"],
                    title=row["title"],
                    job_zone=row["job_zone_id"],
                    bright=row["bright_outlook"],
                    popularity=(
                        math.log1p(employment) / math.log1p(max_employment)
                        if max_employment
                        else 0.0
                    ),
                    catch_all=row["title"].endswith("All Other"),
                )
            )
            own_title = row.get(language.title_field) or row["title"]
            title = split_words(own_title)
            for key in _keys(title, stem):
                self.title_post[key].add(i)
            title_words.update(set(title))
            single_words.update(title)
            own_words.update(title)
            for text in (own_title, *(row[f] for f in language.also_title_fields)):
                whole, segments = _title_segments(text, language)
                self.exact_titles[whole].add(i)
                for segment in segments:
                    self.head_titles[segment].add(i)
            alt_keys: Counter = Counter()
            phrases: Counter = Counter()
            lines = normalise(row["search_titles"]).splitlines()
            if language.keywords_field:  # our search words in this language: other titles
                keywords = normalise(row.get(language.keywords_field) or "").split(";")
                keywords = [k.strip() for k in keywords if k.strip()]
                own_words.update(w for k in keywords for w in _words_of_normalised(k))
                lines = keywords + lines
            for line in lines:
                for variant in _title_variants(line) if "(" in line else (line,):
                    words = _words_of_normalised(variant)
                    if not words:
                        continue
                    phrases[_phrase_key(words, language.stopwords)] += 1
                    line_keys = {key for word in words for key in word_keys(word)}
                    pairs = [a + b for a, b in itertools.pairwise(words)]
                    for pair in pairs:
                        line_keys.update(word_keys(pair))
                    alt_keys.update(line_keys)
                    title_words.update(set(words))
                    title_words.update(pairs)
                    single_words.update(words)
            for phrase, count in phrases.items():
                _add(exact_alts, phrase, i, count)
            for key, count in alt_keys.items():
                _add(alt_post, key, i, count)
            alt_keys_of.append(tuple(alt_keys))
            body = _words_of_normalised(normalise(row["search_body"]))
            body_counts = Counter(body)
            body_keys: Counter = Counter()
            for word, count in body_counts.items():
                for key in word_keys(word):
                    body_keys[key] += count
            for key, count in body_keys.items():
                _add(body_post, key, i, count)
            body_words.update(body_counts.keys())
            self.body_length.append(len(body))
        self.n = len(self.docs)
        self._index_compound_parts(title_words, alt_keys_of, alt_post)
        del alt_keys_of
        self.alt_post = _packed(alt_post)
        self.body_post = _packed(body_post)
        self.exact_alts = _packed(exact_alts)
        self.avg_body = (sum(self.body_length) / self.n) if self.n else 1.0
        self.title_vocab = title_words
        self.body_vocab = body_words
        self.known_stems = {stem(w) for w in title_words}
        self.own_stems = frozenset(stem(w) for w in own_words)
        self.sorted_vocab = sorted(single_words)
        # Spelling candidates: title words and common joined pairs, by trigram and length.
        trigrams: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word, count in title_words.items():
            if len(word) >= 4 and not word.isdigit() and (word in single_words or count >= 3):
                for gram in _trigrams(word):
                    trigrams[(gram, len(word))].append(word)
        self.trigram_index = {key: tuple(words) for key, words in trigrams.items()}
        self._freeze()
        self._df_cache: dict[str, int] = {}
        self._fuzzy_cache: dict[str, list[tuple[str, int]]] = {}
        self._lock = threading.Lock()

    def _freeze(self) -> None:
        """Postings as tuples and plain dicts: far fewer objects for the garbage collector to
        walk (a full collection over the build-time sets took ~100 ms). The word caches that
        sped up the build are emptied: searches only need their own words."""
        self.title_post = {k: tuple(sorted(v)) for k, v in self.title_post.items()}
        self.exact_titles = {k: tuple(sorted(v)) for k, v in self.exact_titles.items()}
        self.head_titles = {k: tuple(sorted(v)) for k, v in self.head_titles.items()}
        self.language.clear_caches()

    def _index_compound_parts(
        self, title_words: Counter, alt_keys_of: list[tuple[str, ...]], alt_post: dict
    ) -> None:
        """'firefighter' also answers 'fire', 'childcare' answers 'child' (as an alt-title word).

        A title word of 8+ letters that is two title words of 3+ letters joined up (each used in
        at least two titles) is indexed under both parts.
        """
        parts: dict[str, tuple[str, str]] = {}
        for word in title_words:
            if len(word) < 8 or not word.isalpha():
                continue
            for cut in range(3, len(word) - 2):
                head, tail = word[:cut], word[cut:]
                if title_words[head] >= 2 and title_words[tail] >= 2:
                    parts[word] = (head, tail)
                    break
        for i, keys in enumerate(alt_keys_of):
            has = set(keys)
            for word in [k for k in keys if k in parts]:
                for part in parts[word]:
                    for key in (part, "~" + self.language.stem(part)):
                        if key not in has:
                            has.add(key)
                            _add(alt_post, key, i, 1)

    # -- words ---------------------------------------------------------------------------

    def df(self, key: str) -> int:
        value = self._df_cache.get(key)
        if value is None:
            docs = set(self.title_post.get(key, ()))
            docs.update(i for i, _ in _pairs(self.alt_post.get(key, b"")))
            docs.update(i for i, _ in _pairs(self.body_post.get(key, b"")))
            value = len(docs)
            if len(self._df_cache) > 50_000:  # queries can hold any word: keep memory bounded
                self._df_cache.clear()
            self._df_cache[key] = value
        return value

    def idf(self, key: str) -> float:
        df = self.df(key)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def knows(self, word: str) -> bool:
        """A word our titles use, in this or another form."""
        return word in self.title_vocab or self.language.stem(word) in self.known_stems

    def speaks(self, word: str) -> bool:
        """A word of this language's own titles and search words (in any form), or one of its
        student words; not one only the English titles of a Spanish index use."""
        return self.language.stem(word) in self.own_stems or word in self.language.own_synonyms

    def content_words(self, query: str) -> list[str]:
        """The query's words that are not small words."""
        words = split_words(query[:MAX_QUERY_LENGTH])[:MAX_WORDS]
        return [w for w in words if w not in self.language.stopwords]

    def is_word(self, word: str) -> bool:
        """A word our titles use, or one the descriptions and tasks use more than twice; in
        Spanish also another form of a word of our own titles and search words ("programar"
        for "programador": not a misspelling to correct)."""
        if word in self.title_vocab or self.body_vocab[word] > 2:
            return True
        return self.language.code != "en" and self.speaks(word)

    def corrections(self, word: str) -> list[tuple[str, int]]:
        """Title words a small edit distance from an unknown word, nearest and commonest first."""
        cached = self._fuzzy_cache.get(word)
        if cached is not None:
            return cached
        limit = 1 if len(word) <= 7 else 2
        grams = _trigrams(word)
        shared: Counter = Counter()
        for length in range(len(word) - limit, len(word) + limit + 1):
            for gram in grams:
                shared.update(self.trigram_index.get((gram, length), ()))
        found = []
        enough = max(1, len(grams) // 4)
        ranked = sorted((-n, w) for w, n in shared.items() if n >= enough)[:400]
        for _, candidate in ranked:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                found.append((distance, -self.title_vocab[candidate], candidate))
        found.sort()
        best = [(c, d) for d, _, c in found[:4] if d == found[0][0]] if found else []
        with self._lock:
            if len(self._fuzzy_cache) > 5000:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[word] = best
        return best

    def completions(self, prefix: str, limit: int = 8) -> list[str]:
        """Title words that start with an unfinished word, commonest first."""
        from bisect import bisect_left

        start = bisect_left(self.sorted_vocab, prefix)
        found = []
        for word in self.sorted_vocab[start : start + 400]:
            if not word.startswith(prefix):
                break
            if word != prefix:
                found.append(word)
        found.sort(key=lambda w: -self.title_vocab[w])
        return found[:limit]

    # -- matching ------------------------------------------------------------------------

    def _match(self, key: str, fields: dict[int, list[float]], weight: float) -> None:
        """Record, per document, the best title / alternate-title / body score of one key."""
        for i in self.title_post.get(key, ()):
            found = fields.setdefault(i, [0.0, 0.0, 0.0])
            found[0] = max(found[0], self.TITLE * weight)
        for i, count in _pairs(self.alt_post.get(key, b"")):
            found = fields.setdefault(i, [0.0, 0.0, 0.0])
            found[1] = max(found[1], (self.ALT + min(0.6, 0.2 * math.log(count))) * weight)
        k1, b = 1.2, 0.5
        for i, tf in _pairs(self.body_post.get(key, b"")):
            norm = tf / (tf + k1 * (1 - b + b * self.body_length[i] / self.avg_body))
            found = fields.setdefault(i, [0.0, 0.0, 0.0])
            found[2] = max(found[2], self.BODY * weight * norm * 1.2)

    @staticmethod
    def _combine(fields: dict[int, list[float]]) -> dict[int, float]:
        """The best field counts in full; the others add a little (a word central to the job)."""
        combined = {}
        for i, (title, alt, body) in fields.items():
            best = max(title, alt, body)
            combined[i] = best + 0.2 * (title + alt + body - best)
        return combined

    def search(self, query: str, *, allowed: set[int] | None = None) -> SearchResult:
        result = SearchResult(query=query)
        stem, stopwords = self.language.stem, self.language.stopwords
        groups, corrections, phrase_words = self._parse(query)
        result.corrections = corrections
        if not groups:
            return result
        result.understood = True
        per_group: list[dict[int, float]] = []
        weights: list[float] = []
        for alternatives in groups:
            fields: dict[int, list[float]] = {}
            idf = 0.0
            for words, weight in alternatives:
                for word in words:
                    self._match(word, fields, weight)
                    self._match("~" + stem(word), fields, weight * 0.9)
                idf = max(idf, min(self.idf("~" + stem(w)) for w in words) if words else 0)
            per_group.append(self._combine(fields))
            weights.append(max(idf, 0.3))
        total_weight = sum(weights)
        candidates: set[int] = set()
        for scores in per_group:
            candidates.update(scores)
        if allowed is not None:
            candidates &= allowed

        phrase = _phrase_key(phrase_words, stopwords)
        singular_phrase = _title_key(phrase_words, self.language)
        exact_title = self.exact_titles.get(singular_phrase, ())
        head_title = self.head_titles.get(singular_phrase, ())
        exact_alt = dict(_pairs(self.exact_alts.get(phrase, b"")))
        hits = []
        for i in candidates:
            matched = 0.0
            base = 0.0
            for scores, weight in zip(per_group, weights, strict=True):
                score = scores.get(i)
                if score:
                    base += score * weight
                    matched += weight
            coverage = matched / total_weight
            if len(groups) > 1 and coverage < 0.5:
                continue
            score = base * coverage * coverage
            if i in exact_title:
                score += 6.0 * total_weight
            elif self.docs[i].catch_all:
                score *= 0.85  # "..., All Other": a residual group, rarely what is meant
            elif i in head_title:
                score += 4.0 * total_weight
            if i in exact_alt:
                score += (3.0 + min(1.0, 0.3 * exact_alt[i])) * total_weight
            score += 0.6 * self.docs[i].popularity * total_weight
            hits.append((-round(score, 6), self.docs[i].code, i))
        hits.sort()
        if hits:  # the long tail (a word somewhere in a task) helps nobody: keep the best part
            floor = -hits[0][0] * RELATIVE_CUTOFF
            hits = [hit for hit in hits if -hit[0] >= floor]
        result.hits = [
            Hit(
                occupation_id=self.docs[i].occupation_id,
                code=self.docs[i].code,
                title=self.docs[i].title,
                score=-neg,
            )
            for neg, _, i in hits
        ]
        return result

    def _parse(
        self, query: str
    ) -> tuple[list[list[tuple[tuple[str, ...], float]]], dict[str, str], list[str]]:
        """Query -> groups of alternatives [(words, weight)], corrections, words for phrases."""
        synonyms, stopwords = self.language.synonyms, self.language.stopwords
        raw = query[:MAX_QUERY_LENGTH]
        capitals = {w.lower() for w in re.findall(r"\b[A-Z]{2,5}\b", raw)}
        words = split_words(raw)[:MAX_WORDS]
        if not words:
            return [], {}, []
        content = [w for w in words if w not in stopwords or w in capitals]
        if not content:
            # Only small words: keep those that mean something alone ("it" for IT).
            content = [w for w in words if w in synonyms]
        typing = bool(raw) and raw[-1].isalnum()
        groups: list[list[tuple[tuple[str, ...], float]]] = []
        corrections: dict[str, str] = {}
        phrase_words: list[str] = []
        i = 0
        while i < len(content):
            word = content[i]
            pair = f"{word} {content[i + 1]}" if i + 1 < len(content) else ""
            if pair in synonyms:
                groups.append(
                    [((w,) if " " not in w else tuple(w.split()), 0.95) for w in synonyms[pair]]
                )
                phrase_words.extend(pair.split())
                i += 2
                continue
            alternatives: list[tuple[tuple[str, ...], float]] = [((word,), 1.0)]
            if word in synonyms:
                for synonym in synonyms[word]:
                    if synonym != word:
                        alternatives.append((tuple(synonym.split()), 0.95))
            known = self.knows(word) or word in self.body_vocab
            last = i == len(content) - 1
            completions = (
                self.completions(word)
                if last and typing and len(word) >= 3 and not self.knows(word)
                else []
            )
            if (
                not completions
                and not self.is_word(word)
                and word not in synonyms
                and len(word) >= 4
                and not word.isdigit()
            ):
                fixes = self.corrections(word)
                for fix, distance in fixes:
                    alternatives.append(((fix,), 0.85 - 0.1 * distance))
                if fixes:
                    corrections[word] = fixes[0][0]
                    known = True
            for completion in completions:
                alternatives.append(((completion,), 0.7))
                known = True
            if known or len(alternatives) > 1:
                groups.append(alternatives)
                phrase_words.append(corrections.get(word, word))
            i += 1
        return groups, corrections, phrase_words


def _keys(words: list[str], stem, bigrams: bool = True) -> list[str]:
    """Index keys of a word list: each word, its root ('~'-prefixed) and joined word pairs."""
    keys = []
    for word in words:
        keys.append(word)
        keys.append("~" + stem(word))
    if bigrams:
        for a, b in itertools.pairwise(words):
            keys.append(a + b)
            keys.append("~" + stem(a + b))
    return keys


def _phrase_key(words: list[str], stopwords: frozenset[str]) -> str:
    return " ".join(w for w in words if w not in stopwords) or " ".join(words)


def _title_key(words: list[str], language: Language) -> str:
    """Words of a title or query in their `singular` form, small words and repeats left out:
    'Enfermeros y enfermeras registrados' and 'enfermera registrada' -> 'enfermer registrad'
    (in Spanish; a repeat is the other gender of the same job)."""
    found = dict.fromkeys(language.singular(w) for w in words if w not in language.stopwords)
    return " ".join(found)


def _title_segments(title: str, language: Language) -> tuple[str, set[str]]:
    """The title and its head, plurals taken off: 'Chefs and Head Cooks' -> 'chef head cook',
    {'chef head cook', 'chef'}; 'Bus Drivers, School' -> {'bus driver'}; not 'plant' in 'Plant
    and System Operators' (there 'plant' describes the operators)."""

    def key(text: str) -> str:
        return _title_key(split_words(text), language)

    head = title.split(",")[0]
    segments = {key(head)}
    parts = [p.strip() for p in re.split(language.joiners, head) if p.strip()]
    if len(parts) > 1 and all(p.lower().endswith("s") for p in parts):
        segments.add(key(parts[0]))  # the first job named, not "Teachers" in "Nursing
        # Instructors and Teachers, Postsecondary"
    return key(title), {s for s in segments if s}


def _title_variants(line: str) -> list[str]:
    """An alternate title and its parts: 'certified nursing assistant (cna)' -> also 'cna'."""
    variants = [line]
    if "(" in line:
        outside = re.sub(r"\(.*?\)", " ", line).strip()
        inside = re.findall(r"\((.*?)\)", line)
        variants = [outside, *inside]
    return variants
