"""What the results page says, in words that follow its numbers.

Plain functions, no database. The rules (also in the README, "Matching: how the quiz decides"):

- An area is called liked only when its score is above the middle of the scale
  (scoring.NEUTRAL, 4.0). Letters of the code that are not liked are described as the
  student's higher scores, never as likes.
- Tie notes: one sentence per group of equal scores that changes the code (scoring.tie_groups).
- A cluster's reason names only areas the student likes and its fitting careers are high in
  (their typical profile's three highest areas), starting with the ones where this cluster
  is highest of the top clusters shown: what sets it apart from them.
- Counts and examples are of the careers that fit within the education plan, the same ones
  the card lists; a career only weakly in a cluster is never among them (matching).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessments.matching import ClusterMatch
from assessments.scoring import AREA_NAMES, AREAS, TieGroup, liked_areas

# Our own words for each area, short enough to sit inside a sentence.
AREA_PHRASES = {
    "R": "hands-on work",
    "I": "figuring things out",
    "A": "creating",
    "S": "helping people",
    "E": "leading and persuading",
    "C": "organizing and details",
}
# What each area means, for 13-18 year olds (no claim that the student likes it).
AREA_MEANINGS = {
    "R": "building, fixing, growing things, using tools and machines, working outdoors or "
    "with animals.",
    "I": "asking why, solving puzzles, doing experiments, science and math.",
    "A": "art, music, writing, design, acting, and coming up with your own ideas.",
    "S": "teaching, caring, listening, and working with others to make things better.",
    "E": "taking charge, selling ideas, starting projects and making decisions.",
    "C": "organizing things, working with numbers and records, and following clear steps to "
    "get details right.",
}


def join_words(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' for short phrases of our own (never for career titles)."""
    words = list(words)
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def join_titles(titles: Sequence[str]) -> str:
    """Career titles separated by semicolons, so titles with their own "and" or commas stay
    readable ("Coaches and Scouts; Athletes and Sports Competitors")."""
    return "; ".join(titles)


@dataclass(frozen=True)
class CodeLetter:
    letter: str
    name: str
    score: float
    liked: bool
    sentence: str


def code_letters(*, profile: Mapping[str, float], code: str) -> list[CodeLetter]:
    """Each letter of the code with a sentence that says only what its score shows."""
    liked = set(liked_areas(profile=profile))
    letters = []
    for letter in code:
        phrase = AREA_PHRASES[letter]
        if letter in liked:
            sentence = f"You like {phrase}: {AREA_MEANINGS[letter]}"
        else:
            sentence = (
                f"{phrase.capitalize()}: {AREA_MEANINGS[letter]} This is one of your higher "
                f"scores, but it is not above the middle of the scale, so it is not something "
                f"you said you like."
            )
        letters.append(
            CodeLetter(
                letter=letter,
                name=AREA_NAMES[letter],
                score=profile[letter],
                liked=letter in liked,
                sentence=sentence,
            )
        )
    return letters


def tie_sentence(*, group: TieGroup, code: str) -> str:
    """One correct sentence for one group of equal scores that changes the code."""
    names = join_words([AREA_NAMES[a] for a in group.areas])
    score = f"{group.score:.1f}"
    if group.in_code == len(group.areas):
        letters = "".join(group.areas)
        return (
            f"{names} have the same score ({score}), so their letters in your code could go "
            f"in any order: we show {letters}, in the usual R-I-A-S-E-C order."
        )
    shown = [a for a in group.areas if a in code]
    left = [a for a in group.areas if a not in code]
    room = "one of them fits" if group.in_code == 1 else f"{group.in_code} of them fit"
    return (
        f"{names} have the same score ({score}), and only {room} in your three-letter code: "
        f"we show {join_words(shown)} (the usual R-I-A-S-E-C order), but "
        f"{join_words([AREA_NAMES[a] for a in left])} {'is' if len(left) == 1 else 'are'} "
        f"just as high."
    )


@dataclass(frozen=True)
class Reason:
    short: str  # the strongest reason, for the summary at the top
    sentence: str  # the reason in full, on the cluster's card
    areas: tuple[str, ...]  # the liked areas it names
    apart: tuple[str, ...]  # of those, the ones where this cluster is highest of the top


def cluster_reasons(
    *, clusters: Sequence[ClusterMatch], profile: Mapping[str, float]
) -> dict[int, Reason]:
    """Why each of the top clusters fits, by cluster id (see the module docstring)."""
    liked = liked_areas(profile=profile)
    with_profile = [c for c in clusters if c.typical]
    highest: dict[str, int] = {}
    for area in liked:
        index = AREAS.index(area)
        holders = [c for c in with_profile if area in c.typical]
        if len(with_profile) > 1 and holders:
            best = max(holders, key=lambda c: (c.typical_scores[index], -c.rank))
            highest[area] = best.cluster.id
    reasons = {}
    for c in with_profile:
        shared = [a for a in liked if a in c.typical]  # the student's order: most liked first
        apart = [a for a in shared if highest.get(a) == c.cluster.id][:2]
        also = [a for a in shared if a not in apart]
        if apart:
            phrase = join_words([AREA_PHRASES[a] for a in apart])
            short = f"more {phrase} than your other top clusters"
            sentence = (
                f"Its careers that fit you involve more {phrase} than your other top clusters "
                f"do, and you like {'both' if len(apart) > 1 else 'that'}."
            )
            if also:
                sentence += f" They also involve {AREA_PHRASES[also[0]]}, which you like too."
            named = (*apart, *also[:1])
        elif shared:
            phrase = join_words([AREA_PHRASES[a] for a in shared[:2]])
            other = next((a for a in c.typical if a not in shared), None)
            short = f"{phrase}, which you like"
            sentence = f"Its careers that fit you involve {phrase}, which you like."
            if other:
                sentence += f" They also involve a lot of {AREA_PHRASES[other]}."
            named = tuple(shared[:2])
        else:
            short = "the same pattern of higher and lower scores as yours"
            sentence = (
                "Its careers that fit you have the same pattern of higher and lower scores "
                "as yours, even though none of their main areas is one you said you like."
            )
            named = ()
        reasons[c.cluster.id] = Reason(
            short=short, sentence=sentence, areas=tuple(named), apart=tuple(apart)
        )
    return reasons


def count_sentence(*, match: ClusterMatch, plan: int | None) -> str:
    """How many of its careers fit, within the plan: the same careers the card lists."""
    within = " within your education plan" if plan else ""
    n = match.fitting_count
    if n == 0:
        return (
            "None of its careers that fit you suit this education plan. "
            "Try “Any amount of education or training”."
        )
    if n == 1:
        return f"1 career here fits you{within}."
    listed = len(match.occupations)
    rest = f" Here are the {listed} best." if listed < n else ""
    return f"{n} careers here fit you{within}.{rest}"
