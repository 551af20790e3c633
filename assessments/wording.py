"""What the results page says, in words that follow its numbers.

Plain functions, no database. The rules (also in the README, "Matching: how the quiz decides"):

- An area is called liked only when its score is above the middle of the scale
  (scoring.NEUTRAL, 4.0). Letters of the code that are not liked are described as the
  student's higher scores, never as likes.
- Tie notes: one sentence per group of equal scores that changes the code (scoring.tie_groups).
- A cluster's reason starts with what sets it apart from the other top clusters shown: one
  of its fitting careers' three main areas where they score higher than all (or most) of the
  others, the student's liked areas first; then the liked areas its careers share with the
  student. "You like" is said only of liked areas.
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
                f"scores. But it is not above the middle of the scale, so you did not say you "
                f"like it."
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
            f"{names} have the same score ({score}), so their letters could go in any order. "
            f"We show {letters}, in the order R-I-A-S-E-C."
        )
    shown = [a for a in group.areas if a in code]
    left = [a for a in group.areas if a not in code]
    room = "one of them fits" if group.in_code == 1 else f"{group.in_code} of them fit"
    others = join_words([AREA_NAMES[a] for a in left])
    return (
        f"{names} have the same score ({score}). Only {room} in your code, so we show "
        f"{join_words(shown)} (in the order R-I-A-S-E-C). {others} "
        f"{'is' if len(left) == 1 else 'are'} just as high."
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
    """Why each of the top clusters fits, by cluster id (see the module docstring).

    What sets a cluster apart: one of its careers' three main areas where they score higher
    than the careers of every other top cluster ("more X than your other top clusters"), or
    higher than most of them; the student's liked areas first. Then the liked areas its
    careers share with the student.
    """
    liked = liked_areas(profile=profile)
    top = [c for c in clusters if c.typical]
    reasons = {}
    for c in top:
        others = [o for o in top if o is not c]

        def margin(area, c=c, others=others):
            i = AREAS.index(area)
            return c.typical_scores[i] - max(o.typical_scores[i] for o in others)

        def beaten(area, c=c, others=others):
            i = AREAS.index(area)
            return sum(1 for o in others if o.typical_scores[i] < c.typical_scores[i])

        apart, than = None, ""
        if others:
            order = sorted(c.typical, key=lambda a: (a not in liked, -margin(a)))
            ahead = [a for a in order if margin(a) > 0]
            most = [a for a in order if beaten(a) * 2 >= len(others) and beaten(a) > 0]
            if ahead:
                apart, than = ahead[0], "your other top clusters"
            elif most and len(others) > 1:
                apart, than = most[0], "most of your other top clusters"
        shared = [a for a in liked if a in c.typical and a != apart]
        parts = []
        if apart:
            phrase = AREA_PHRASES[apart]
            short = f"more {phrase} than {than}"
            if apart in liked:
                short = f"more {phrase} (which you like) than {than}"
            elif shared:  # for the student, the liked match comes first
                short = f"{join_words([AREA_PHRASES[a] for a in shared[:2]])}, which you like"
            end = ", and you like that." if apart in liked else "."
            parts.append(f"Its careers that fit you involve more {phrase} than {than} do{end}")
            if shared:
                also = join_words([AREA_PHRASES[a] for a in shared[:2]])
                word = "also involve" if apart in liked else "involve"
                parts.append(f"They {word} {also}, which you like.")
        elif shared:
            also = join_words([AREA_PHRASES[a] for a in shared[:2]])
            short = f"{also}, which you like"
            parts.append(f"Its careers that fit you involve {also}, which you like.")
        else:
            short = "the same pattern of higher and lower scores as yours"
            parts.append(
                "Its careers that fit you have the same pattern of higher and lower scores as "
                "yours."
            )
        named = tuple(a for a in (apart, *shared[:2]) if a and a in liked)
        reasons[c.cluster.id] = Reason(
            short=short,
            sentence=" ".join(parts),
            areas=named,
            apart=(apart,) if apart else (),
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
