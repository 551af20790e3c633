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
  same code; `tied_areas` tells the results page which letters were a toss-up so it can say so.
- A flat profile (highest minus lowest area score below FLAT_RANGE on the 1-7 scale, that is
  less than half an answer step between the most and least liked areas) carries no
  information about which careers fit better: the results say so instead of matching.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from clusters.riasec import RIASEC, RIASEC_NAMES

AREAS = tuple(RIASEC)
AREA_NAMES = RIASEC_NAMES
ANSWER_MIN, ANSWER_MAX = 1, 5
SCALE_MIN, SCALE_MAX = 1.0, 7.0  # O*NET's interest scale
FLAT_RANGE = 0.75  # on the 1-7 scale; = half a step on the five-point answer scale
_PLACES = 6


@dataclass(frozen=True)
class Score:
    profile: dict[str, float]  # area -> 1-7
    code: str
    is_flat: bool
    tied: frozenset[str]  # areas whose order in the code was decided by the tie rule


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


def tied_areas(*, profile: Mapping[str, float], length: int = 3) -> frozenset[str]:
    """Areas in the code whose place depended on the tie rule, with the areas they tie with.

    Empty when every letter of the code is clearly ahead of the next area.
    """
    ranked = _ranked(profile)
    values = [round(profile[a], _PLACES) for a in ranked]
    tied: set[str] = set()
    for i in range(min(length, len(ranked))):
        same = [ranked[j] for j in range(len(ranked)) if values[j] == values[i]]
        if len(same) > 1:
            tied.update(same)
    return frozenset(tied)


def is_flat(*, profile: Mapping[str, float], threshold: float = FLAT_RANGE) -> bool:
    """True when the areas hardly differ, so no area stands out from the others."""
    values = [profile[a] for a in AREAS]
    return max(values) - min(values) < threshold


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
    profile = profile_from_answers(answers=answers)
    return Score(
        profile=profile,
        code=interest_code(profile=profile),
        is_flat=is_flat(profile=profile),
        tied=tied_areas(profile=profile),
    )
