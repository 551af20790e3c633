"""Scoring: hand-computed cases and properties that must hold for any answers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.scoring import (
    AREAS,
    area_means,
    interest_code,
    is_flat,
    profile_from_answers,
    score_answers,
    tied_areas,
    to_onet_scale,
    validate_profile,
)


def test_hand_computed_profile_and_code():
    answers = [
        ("R", 5), ("R", 3),  # mean 4   -> 1 + 3 * 1.5 = 5.5
        ("I", 1), ("I", 1),  # mean 1   -> 1.0
        ("A", 2), ("A", 4),  # mean 3   -> 4.0
        ("S", 5), ("S", 5),  # mean 5   -> 7.0
        ("E", 4), ("E", 4),  # mean 4   -> 5.5
        ("C", 3), ("C", 2),  # mean 2.5 -> 3.25
    ]  # fmt: skip
    score = score_answers(answers=answers)
    assert score.profile == {"R": 5.5, "I": 1.0, "A": 4.0, "S": 7.0, "E": 5.5, "C": 3.25}
    # R and E tie at 5.5: the tie rule puts them in R-I-A-S-E-C order.
    assert score.code == "SRE"
    assert score.tied == {"R", "E"}
    assert not score.is_flat


def test_scale_end_points():
    assert to_onet_scale(mean=1) == 1.0
    assert to_onet_scale(mean=3) == 4.0
    assert to_onet_scale(mean=5) == 7.0


def test_areas_with_different_numbers_of_answers_are_comparable():
    means = area_means(answers=[("R", 4), ("R", 4), ("R", 4), ("I", 4)])
    assert means["R"] == means["I"] == 4
    assert means["A"] is None


def test_every_area_needs_an_answer():
    with pytest.raises(ValueError, match="A, S, E, C"):
        profile_from_answers(answers=[("R", 3), ("I", 4)])


@pytest.mark.parametrize(
    "bad", [("X", 3), ("R", 0), ("R", 6), ("R", 2.5), ("R", True), ("R", "3")]
)
def test_bad_answers_are_refused(bad):
    with pytest.raises(ValueError):
        area_means(answers=[bad])


def test_code_tie_rule_is_riasec_order():
    equal = dict.fromkeys(AREAS, 4.0)
    assert interest_code(profile=equal) == "RIA"
    assert interest_code(profile={**equal, "C": 6.0, "E": 5.0}) == "CER"
    assert tied_areas(profile={**equal, "C": 6.0, "E": 5.0}) == set("RIAS")
    assert tied_areas(profile={"R": 7, "I": 6, "A": 5, "S": 4, "E": 3, "C": 2}) == frozenset()


def test_flat_profiles_are_detected():
    assert is_flat(profile=dict.fromkeys(AREAS, 4.0))
    assert is_flat(profile={**dict.fromkeys(AREAS, 4.0), "R": 4.6})
    assert not is_flat(profile={**dict.fromkeys(AREAS, 4.0), "R": 4.75})
    same_answer_everywhere = [(a, 3) for a in AREAS for _ in range(5)]
    assert score_answers(answers=same_answer_everywhere).is_flat


def test_validate_profile():
    assert validate_profile(values=[1, 2, 3, 4, 5, 7]) == {
        "R": 1.0, "I": 2.0, "A": 3.0, "S": 4.0, "E": 5.0, "C": 7.0,
    }  # fmt: skip
    for bad in ([1, 2, 3], [1, 2, 3, 4, 5, 8], [0, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, float("nan")]):
        with pytest.raises(ValueError):
            validate_profile(values=bad)


# ---------------------------------------------------------------------------------------
# Properties

answer_values = st.integers(min_value=1, max_value=5)
answer_sets = st.fixed_dictionaries(
    {area: st.lists(answer_values, min_size=1, max_size=12) for area in AREAS}
)


def flatten(by_area: dict[str, list[int]]) -> list[tuple[str, int]]:
    return [(area, value) for area, values in by_area.items() for value in values]


@given(answer_sets, st.randoms())
def test_answer_order_does_not_matter(by_area, rnd):
    answers = flatten(by_area)
    shuffled = list(answers)
    rnd.shuffle(shuffled)
    assert score_answers(answers=answers) == score_answers(answers=shuffled)


@given(answer_sets, st.sampled_from(AREAS), st.data())
def test_raising_one_answer_never_lowers_its_area(by_area, area, data):
    index = data.draw(st.integers(min_value=0, max_value=len(by_area[area]) - 1))
    before = profile_from_answers(answers=flatten(by_area))
    raised = {a: list(v) for a, v in by_area.items()}
    raised[area][index] = min(5, raised[area][index] + data.draw(st.integers(1, 4)))
    after = profile_from_answers(answers=flatten(raised))
    assert after[area] >= before[area]
    assert {a: after[a] for a in AREAS if a != area} == {a: before[a] for a in AREAS if a != area}


@given(answer_sets)
def test_scores_stay_on_the_1_to_7_scale_and_the_code_is_ordered(by_area):
    score = score_answers(answers=flatten(by_area))
    assert all(1.0 <= score.profile[a] <= 7.0 for a in AREAS)
    assert len(score.code) == 3 and len(set(score.code)) == 3
    values = [score.profile[a] for a in score.code]
    assert values == sorted(values, reverse=True)
    others = [score.profile[a] for a in AREAS if a not in score.code]
    assert min(values) >= max(others)


@given(st.integers(1, 5), st.integers(1, 10))
def test_the_same_answer_everywhere_is_always_flat(value, per_area):
    score = score_answers(answers=[(a, value) for a in AREAS for _ in range(per_area)])
    assert score.is_flat
