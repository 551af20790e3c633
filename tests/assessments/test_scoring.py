"""Scoring: hand-computed cases and properties that must hold for any answers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.scoring import (
    AREAS,
    area_means,
    interest_code,
    is_flat,
    is_low,
    liked_areas,
    profile_from_answers,
    score_answers,
    tie_groups,
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
    assert [(g.areas, g.in_code) for g in score.ties] == [(("R", "E"), 2)]
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
    groups = tie_groups(profile={**equal, "C": 6.0, "E": 5.0})
    assert [(g.areas, g.in_code, g.score) for g in groups] == [(("R", "I", "A", "S"), 1, 4.0)]
    assert tie_groups(profile={"R": 7, "I": 6, "A": 5, "S": 4, "E": 3, "C": 2}) == []


def test_only_ties_that_change_the_code_count_and_each_group_is_separate():
    # A = C inside the code and R = I across its end: two groups, never merged
    profile = {"R": 3.0, "I": 3.0, "A": 6.0, "S": 1.0, "E": 1.5, "C": 6.0}
    assert interest_code(profile=profile) == "ACR"
    assert [(g.areas, g.in_code) for g in tie_groups(profile=profile)] == [
        (("A", "C"), 2),
        (("R", "I"), 1),
    ]
    # a tie below the code (S = E, 4th and 5th) does not change its letters
    below = {"R": 7.0, "I": 6.0, "A": 5.0, "S": 4.0, "E": 4.0, "C": 1.0}
    assert tie_groups(profile=below) == []


def test_liked_means_above_the_middle_and_low_means_nothing_liked():
    profile = {"R": 4.0, "I": 4.3, "A": 1.0, "S": 6.1, "E": 2.0, "C": 3.9}
    assert liked_areas(profile=profile) == ("S", "I")
    assert not is_low(profile=profile)
    # "Strongly dislike" everywhere, "Dislike" for Investigative: code IRA, nothing liked
    low = {**dict.fromkeys(AREAS, 1.0), "I": 2.5}
    assert interest_code(profile=low) == "IRA" and is_low(profile=low)
    assert is_low(profile=dict.fromkeys(AREAS, 4.0))


def test_flat_profiles_are_detected():
    assert is_flat(profile=dict.fromkeys(AREAS, 4.0))
    assert is_flat(profile={**dict.fromkeys(AREAS, 4.0), "R": 4.6})
    assert not is_flat(profile={**dict.fromkeys(AREAS, 4.0), "R": 4.75})
    same_answer_everywhere = [(a, 3) for a in AREAS for _ in range(5)]
    assert score_answers(answers=same_answer_everywhere).is_flat


def test_nearly_flat_27_of_30_the_same_is_flat():
    # 27 "Not sure" of 30; two "Strongly like" for Realistic and one for Investigative
    answers = [(a, 3) for a in AREAS for _ in range(5)]
    answers[0] = answers[1] = ("R", 5)
    answers[5] = ("I", 5)
    score = score_answers(answers=answers)
    assert max(score.profile.values()) - min(score.profile.values()) >= 0.75  # has a range
    assert score.code == "RIA" and score.is_flat
    # 26 of 30 the same is not nearly flat
    answers[10] = ("A", 5)
    assert not score_answers(answers=answers).is_flat
    # 54 of 60 in the longer quiz, too
    long = [(a, 3) for a in AREAS for _ in range(10)]
    for i in (0, 1, 2, 10, 11, 20):
        long[i] = (long[i][0], 5)
    assert score_answers(answers=long).is_flat


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
