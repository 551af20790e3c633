"""How the search reads words: normalising, rough roots, singulars, spelling distance, and
the student words we map to the words O*NET uses. `ENGLISH` bundles the English word rules
for the index; clusters/search/spanish.py defines `SPANISH` the same way."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
RELATIVE_CUTOFF = 0.2  # results scoring under a fifth of the best one are left out

# Words that carry no meaning in a job search ("I want to work with kids" -> kids).
STOPWORDS = frozenset(
    [
        "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "being",
        "can", "do", "doing", "for", "from", "get", "go", "have", "help", "i", "id", "if", "im",
        "in", "into", "is", "it", "its", "job", "jobs", "like", "me", "my", "of", "on", "one",
        "or", "our", "out", "people", "person", "really", "some", "someone", "something", "stuff",
        "that", "the", "their", "them", "these", "they", "thing", "things", "this", "to", "up",
        "use", "want", "wanna", "wants", "way", "we", "what", "where", "which", "who", "will",
        "with", "work", "working", "would", "you", "your", "career", "careers", "make", "makes",
        "making", "made", "take", "takes", "taking", "put", "puts", "putting", "love", "loves",
        "enjoy", "enjoys", "good", "fun", "cool", "nice", "kind", "kinds", "type", "types", "know",
        "learn", "become", "becoming",
    ]
)  # fmt: skip

# Student words -> words O*NET uses. Keys are one or more words; each value lists
# replacement words that stand for the key (any of them may match). Written by us.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "cop": ("police",),
    "cops": ("police",),
    "kid": ("child", "children"),
    "kids": ("child", "children"),
    "baby": ("infant", "child"),
    "babies": ("infant", "child"),
    "babysitter": ("babysitter", "nanny", "childcare"),
    "babysitting": ("babysitter", "nanny", "childcare"),
    "tech": ("technician", "tech"),
    "techs": ("technician", "tech"),
    "vet": ("veterinarian", "veterinary"),
    "vets": ("veterinarian", "veterinary"),
    "doc": ("physician", "doctor"),
    "doctor": ("physician", "doctor"),
    "doctors": ("physician", "doctor"),
    "dev": ("developer", "designer"),
    "devs": ("developer", "designer"),
    "coding": ("programming", "coder"),
    "coder": ("coder", "programmer"),
    "coders": ("coder", "programmer"),
    "lunch lady": ("cafeteria",),
    "lunch ladies": ("cafeteria",),
    "garbage man": ("garbage", "refuse"),
    "trash": ("refuse", "garbage", "trash"),
    "mailman": ("mailman", "mail carrier"),
    "fix": ("repair", "fix", "mechanic"),
    "fixing": ("repair", "fix", "mechanic"),
    "car": ("automotive", "car", "vehicle"),
    "cars": ("automotive", "car", "vehicle"),
    "plane": ("aircraft", "airplane", "plane"),
    "planes": ("aircraft", "airplane", "plane"),
    "fly": ("pilot", "fly", "flight"),
    "flying": ("pilot", "flying", "flight"),
    "clothes": ("clothing", "garment", "apparel", "fashion", "clothes"),
    "feelings": ("emotional", "mental", "feelings"),
    "feeling": ("emotional", "mental", "feeling"),
    "sad": ("emotional", "mental", "grief"),
    "draw": ("draw", "illustrate", "illustrator", "sketch", "drawing"),
    "drawing": ("draw", "illustrate", "illustrator", "sketch", "drawing"),
    "picture": ("picture", "illustration", "artwork", "image", "photograph", "photo"),
    "pictures": ("picture", "illustration", "artwork", "image", "photograph", "photo"),
    "photos": ("photograph", "photo", "photos"),
    "sick": ("sick", "patient", "ill"),
    "stars": ("stars", "astronomy", "astronomer", "astronomical"),
    "space": ("space", "aerospace", "astronomy", "astronaut"),
    "house": ("house", "residential", "home", "construction"),
    "houses": ("house", "residential", "home", "construction"),
    "website": ("website", "web"),
    "websites": ("website", "web"),
    "music": ("music", "musician", "musical"),
    "money": ("money", "financial", "finance"),
    "computers": ("computer",),
    "pc": ("computer",),
    "army": ("army", "military", "infantry"),
    "military": ("military", "infantry", "army"),
    "games": ("game", "games"),
    "soldier": ("soldier", "infantry", "military"),
    "soldiers": ("soldier", "infantry", "military"),
    "plants": ("plants", "crop", "crops", "horticulture", "garden", "greenhouse", "nursery"),
    "flowers": ("flowers", "floral", "florist", "garden"),
    "gaming": ("game", "games"),
    "it": ("it", "information technology", "computer"),
}

# Words: letters and digits, with an apostrophe inside ("child's").
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SUFFIXES = (
    "ations", "ation", "ings", "ing", "ists", "ist", "ians", "ian", "ers", "er", "ors",
    "or", "ies", "ied", "ry", "es", "ed", "s", "y",
)  # fmt: skip
_VOWELS = set("aeiouy")
_HAS_VOWEL = re.compile("[aeiouy]")
# Words the suffix rules would merge with unrelated words (nursery/nurse, office/officer).
_STEM_EXCEPTIONS = {
    "nursery": "nursery",
    "nurseries": "nursery",
    "office": "office",
    "offices": "office",
}
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(s for s in _SUFFIXES if s[-1] == last) for last in {s[-1] for s in _SUFFIXES}
}


_DASHES = str.maketrans({"\u2013": " ", "\u2014": " "})  # would vanish with the accents


def normalise(text: str) -> str:
    """Lower case, no accents, '&' as 'and', dashes between words as spaces."""
    text = text.translate(_DASHES)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower().replace("&", " and ")


def split_words(text: str) -> list[str]:
    return _words_of_normalised(normalise(text))


def _words_of_normalised(text: str) -> list[str]:
    words = _WORD.findall(text)
    if "'" in text:
        return [w.replace("'", "") for w in words]
    return words


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A rough root that word forms share: teachers/teaching -> teach, nurse/nursing -> nurs."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[word]
    for _ in range(2):
        for suffix in _SUFFIXES_BY_LAST.get(word[-1], ()):
            if word.endswith(suffix):
                root = word[: -len(suffix)]
                if len(root) < 3 or not _HAS_VOWEL.search(root):
                    continue
                if suffix in {"or", "ors"} and root[-1] in _VOWELS:
                    continue  # floor, door
                if suffix == "s" and root[-1] in "su":
                    continue  # glass, bus, campus
                if suffix == "es" and not root.endswith(("s", "x", "z", "ch", "sh")):
                    continue  # fires -> fire (by "s"), but boxes -> box
                word = root
                break
        else:
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in _VOWELS and word[-1] != "s":
        word = word[:-1]  # programm -> program
    return word


def singular(word: str) -> str:
    """Only the plural taken off: 'chefs' -> 'chef', 'bakeries' -> 'bakery', 'bus' stays."""
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (a swap of neighbours counts 1); limit + 1 when above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


# ---------------------------------------------------------------------------------------
# A language: the word rules one index uses


@dataclass(frozen=True, eq=False)
class Language:
    """What the index needs to know about the words of one language.

    `stem` gives the rough root word forms share; `singular` the form used for whole-title
    matches (a title and a query are the same job when these forms are); `synonyms` and
    `stopwords` as above (keys in normalised form: lower case, no accents); `joiners` splits
    a title into the jobs it names ("Chefs and Head Cooks"); `title_field` is the row's title
    in this language (the English `title` when empty), `also_title_fields` are other titles
    whose whole-title matches count too, `keywords_field` our search words in this language.
    """

    code: str
    stem: Callable[[str], str]
    singular: Callable[[str], str]
    synonyms: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]
    joiners: re.Pattern[str]
    title_field: str = "title"
    also_title_fields: tuple[str, ...] = ()
    keywords_field: str = ""  # "; "-separated search words, read as other titles
    own_synonyms: frozenset[str] = frozenset()  # student words of this language only
    word_keys: Callable[[str], tuple[str, str]] = field(init=False, repr=False)  # set below

    def __post_init__(self) -> None:
        stem = self.stem

        @functools.lru_cache(maxsize=200_000)
        def word_keys(word: str) -> tuple[str, str]:
            """A word's index keys: itself and its root."""
            return (word, "~" + stem(word))

        object.__setattr__(self, "word_keys", word_keys)

    def clear_caches(self) -> None:
        """Forget the build's words (searches only need their own)."""
        for cached in (self.stem, self.word_keys):
            clear = getattr(cached, "cache_clear", None)
            if clear:
                clear()


ENGLISH = Language(
    code="en",
    stem=stem,
    singular=singular,
    synonyms=SYNONYMS,
    stopwords=STOPWORDS,
    joiners=re.compile(r"\band\b|/"),
)
