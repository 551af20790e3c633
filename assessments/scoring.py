"""Scoring a quiz: answers -> area scores -> a RIASEC profile and a three-letter code.

Plain functions with keyword-only arguments; no database, no requests.

- Answers are 1 ("Strongly dislike") to 5 ("Strongly like"). An area's score is the mean of
  its answers, so the quick quiz (5 items per area) and the profiler (10 per area) give
  comparable scores, and a missing answer does not count as a dislike.
- The profile puts each area score on O*NET's 1-7 interest scale with the straight line
  that maps 1 -> 1 and 5 -> 7 (score = 1 + (mean - 1) * 1.5), so a student's profile and an
  occupation's O*NET profile can be shown and compared on the same scale.
- The interest code is the three areas with the highest scores, highest first.
  Tie rule: equal scores (to 6 decimals) are ordered in the RIASEC hexagon order
  R, I, A, S, E, C. The rule is arbitrary but stable, so the same answers always give the
  same code; `tie_groups` tells the results page which letters were a toss-up so it can say so.
- Liked: an area is described as liked only when its score is above NEUTRAL (4.0, the middle
  of the 1-7 scale, where "Not sure" lands), i.e. the student's answers for it lean to "Like".
- Flat ("nothing stands out"): the results show no matches when either
  (a) the area scores span less than FLAT_RANGE (0.75 on the 1-7 scale: less than half an
      answer step between the most and least liked areas), or
  (b) nearly flat: SAME_SHARE (9 in 10) or more of the answers are the same answer, e.g. 27
      of 30 "Not sure" (54 of 60 in the longer quiz): the few other answers are too few for
      their pattern to say which careers fit better.
- Low across the board: no area is liked (every score is 4.0 or less) and the profile is
  not flat. The results say so with advice instead of calling careers a fit.
- Tie notes: only for groups of equal scores that change the code, i.e. that hold at least
  one of its letters and more than one area (see `tie_groups`), one sentence per group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import pgettext_lazy

from clusters.riasec import RIASEC, RIASEC_NAMES

AREAS = tuple(RIASEC)
AREA_NAMES = RIASEC_NAMES  # O*NET's English names: also field names and admin labels
# The names students read, in their language (AREA_NAMES stays English for code and admin).
AREA_LABELS = {
    "R": pgettext_lazy("RIASEC area", "Realistic"),
    "I": pgettext_lazy("RIASEC area", "Investigative"),
    "A": pgettext_lazy("RIASEC area", "Artistic"),
    "S": pgettext_lazy("RIASEC area", "Social"),
    "E": pgettext_lazy("RIASEC area", "Enterprising"),
    "C": pgettext_lazy("RIASEC area", "Conventional"),
}
ANSWER_MIN, ANSWER_MAX = 1, 5
SCALE_MIN, SCALE_MAX = 1.0, 7.0  # O*NET's interest scale
FLAT_RANGE = 0.75  # on the 1-7 scale; = half a step on the five-point answer scale
SAME_SHARE = 0.9  # nearly flat: 9 in 10 answers (27 of 30) are the same
NEUTRAL = 4.0  # the middle of the 1-7 scale ("Not sure"); liked means above it
_PLACES = 6


@dataclass(frozen=True)
class Score:
    profile: dict[str, float]  # area -> 1-7
    code: str
    is_flat: bool
    ties: list  # TieGroup: equal scores that change the code's letters


def area_means(*, answers: Iterable[tuple[str, int]]) -> dict[str, float | None]:
    """Mean answer (1-5) per RIASEC area; None for an area with no answers.

    `answers` are (area, value) pairs. Raises ValueError for an unknown area or a value
    outside 1-5: scoring never guesses.
    """
    totals = dict.fromkeys(AREAS, 0)
    counts = dict.fromkeys(AREAS, 0)
    for area, value in answers:
        if area not in totals:
            raise ValueError(f"Unknown RIASEC area {area!r}.")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"An answer must be a whole number, not {value!r}.")
        if not ANSWER_MIN <= value <= ANSWER_MAX:
            raise ValueError(f"An answer must be {ANSWER_MIN}-{ANSWER_MAX}, not {value}.")
        totals[area] += value
        counts[area] += 1
    return {a: (totals[a] / counts[a] if counts[a] else None) for a in AREAS}


def to_onet_scale(*, mean: float) -> float:
    """A mean answer on the 1-5 scale, as a score on O*NET's 1-7 interest scale."""
    return round(SCALE_MIN + (mean - ANSWER_MIN) * 1.5, _PLACES)


def profile_from_answers(*, answers: Iterable[tuple[str, int]]) -> dict[str, float]:
    """The RIASEC profile (1-7 per area). Every area needs at least one answer."""
    means = area_means(answers=answers)
    missing = [a for a, m in means.items() if m is None]
    if missing:
        raise ValueError(f"No answers for {', '.join(missing)}: every area needs one.")
    return {a: to_onet_scale(mean=m) for a, m in means.items()}


def _ranked(profile: Mapping[str, float]) -> list[str]:
    return sorted(AREAS, key=lambda a: (-round(profile[a], _PLACES), AREAS.index(a)))


def interest_code(*, profile: Mapping[str, float], length: int = 3) -> str:
    """The `length` highest areas, highest first; equal scores in R-I-A-S-E-C order."""
    return "".join(_ranked(profile)[:length])


@dataclass(frozen=True)
class TieGroup:
    areas: tuple[str, ...]  # equal scores, in R-I-A-S-E-C order (the code's order)
    in_code: int  # how many of them the code holds
    score: float


def tie_groups(*, profile: Mapping[str, float], length: int = 3) -> list[TieGroup]:
    """Groups of equal scores that change the code's letters: more than one area, at least
    one of them in the code. Either their order in the code is a toss-up (all in it) or which
    of them gets into the code is (some in it). In code order."""
    ranked = _ranked(profile)
    code = ranked[:length]
    groups: dict[float, list[str]] = {}
    for area in ranked:
        groups.setdefault(round(profile[area], _PLACES), []).append(area)
    found = []
    for value, areas in groups.items():
        inside = sum(1 for a in areas if a in code)
        if len(areas) > 1 and inside:
            found.append(TieGroup(areas=tuple(areas), in_code=inside, score=value))
    return found


def same_answer_share(*, values: Iterable[int]) -> float:
    """The share of answers that are the most common answer (0 with no answers)."""
    counts = Counter(values)
    total = sum(counts.values())
    return max(counts.values()) / total if total else 0.0


def is_flat(
    *,
    profile: Mapping[str, float],
    values: Iterable[int] = (),
    threshold: float = FLAT_RANGE,
) -> bool:
    """True when no area stands out: the scores hardly differ, or (given the answers) nine in
    ten of them or more are the same answer."""
    scores = [profile[a] for a in AREAS]
    if max(scores) - min(scores) < threshold:
        return True
    return same_answer_share(values=values) >= SAME_SHARE


def liked_areas(*, profile: Mapping[str, float]) -> tuple[str, ...]:
    """Areas the student likes (score above NEUTRAL), highest first."""
    return tuple(a for a in _ranked(profile) if round(profile[a], _PLACES) > NEUTRAL)


def is_low(*, profile: Mapping[str, float]) -> bool:
    """True when no area is liked: every score is at or below the middle of the scale."""
    return not liked_areas(profile=profile)


def validate_profile(*, values: Iterable[float]) -> dict[str, float]:
    """Six scores in R-I-A-S-E-C order on the 1-7 scale, as a profile; ValueError if not."""
    values = list(values)
    if len(values) != len(AREAS):
        raise ValueError(
            f"A profile needs {len(AREAS)} scores (R, I, A, S, E, C), not {len(values)}."
        )
    for area, value in zip(AREAS, values, strict=True):
        if not isinstance(value, int | float) or value != value:  # NaN
            raise ValueError(f"The {AREA_NAMES[area]} score must be a number.")
        if not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(
                f"The {AREA_NAMES[area]} score must be between 1 and 7, not {value:g}."
            )
    return dict(zip(AREAS, (float(v) for v in values), strict=True))


def score_answers(*, answers: Iterable[tuple[str, int]]) -> Score:
    """Everything the results need from a finished quiz's answers."""
    answers = list(answers)
    profile = profile_from_answers(answers=answers)
    return Score(
        profile=profile,
        code=interest_code(profile=profile),
        is_flat=is_flat(profile=profile, values=[v for _, v in answers]),
        ties=tie_groups(profile=profile),
    )
