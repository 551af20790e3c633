"""The results page says only what its numbers show (issue 15): the words for each area, the
flat and low states, tie notes, the fit scale, the reasons and counts, the preparation shown,
the order of the page and the save buttons. Property tests render the real page for random
and edge-case answer sets and check every statement against the attempt's own scores.

These tests read the page like a student does (its text), so they need nothing from the
code but the page."""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.models import Attempt, EducationPlan, Response
from assessments.services import complete_attempt
from tests.support.quiz import finished_attempt
from tests.support.results_page import cards, listed_careers, sentences, text

pytestmark = pytest.mark.django_db

AREAS = "RIASEC"
NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
# Every way the page may name an area when it says the student likes it.
WORDS = {
    "R": ("Realistic", "hands-on work"),
    "I": ("Investigative", "figuring things out"),
    "A": ("Artistic", "creating"),
    "S": ("Social", "helping people"),
    "E": ("Enterprising", "leading and persuading"),
    "C": ("Conventional", "organizing", "order"),
}
FITS = ("Strong fit", "Good fit", "Some fit")
PLAN_WORDS = dict(EducationPlan.choices)


def url(attempt, **params):
    base = reverse("assessments:results", args=[attempt.token])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def main(page: str) -> str:
    return page[page.index("<main") : page.index("</main>")]


def liked_claims(plain: str) -> set[str]:
    """Areas a text says the student likes."""
    found = set()
    for sentence in sentences(plain):
        low = sentence.lower()
        if not re.search(r"\byou like\b|\bwhich you like\b", low):
            continue
        if re.search(r"\b(not|n't|no|least|none)\b", low):
            continue
        for area, words in WORDS.items():
            if any(re.search(rf"\b{re.escape(w.lower())}\b", low) for w in words):
                found.add(area)
    return found


def take(quiz, values, plan=None) -> Attempt:
    attempt = Attempt.objects.create(assessment=quiz)
    items = list(quiz.items.order_by("order", "pk"))
    Response.objects.bulk_create(
        Response(attempt=attempt, item=item, value=v)
        for item, v in zip(items, values, strict=True)
    )
    complete_attempt(attempt=attempt, education_plan=plan)
    attempt.refresh_from_db()
    return attempt


def by_area(quiz, answers: dict[str, list[int]]) -> list[int]:
    """Answers in quiz order from a list of answers per area (used in turn)."""
    left = {a: list(v) for a, v in answers.items()}
    return [left[item.area].pop(0) for item in quiz.items.order_by("order", "pk")]


# ---------------------------------------------------------------------------------------
# Words that follow the numbers


def test_an_area_below_the_middle_is_never_called_liked(client, interest_catalogue, mini_quiz):
    # "Strongly dislike" everywhere, "Dislike" for Investigative: the student
    attempt = finished_attempt(mini_quiz, {**dict.fromkeys(AREAS, 1), "I": 2})
    plain = text(main(client.get(url(attempt)).content.decode()))
    assert liked_claims(plain) == set()
    assert "You like hands-on work" not in plain
    assert not re.search(r"(Good|Strong|Very strong) match|Good fit|Strong fit", plain)


def test_low_interest_everywhere_is_its_own_state_with_advice(
    client, interest_catalogue, mini_quiz
):
    attempt = finished_attempt(mini_quiz, {**dict.fromkeys(AREAS, 1), "I": 2})
    page = client.get(url(attempt)).content.decode()
    plain = text(main(page))
    assert "You did not say you like any of the six kinds of activities" in plain
    assert "Your highest is Investigative (2.5)" in plain
    assert "Talk with your school counselor" in plain
    assert "Nothing stands out" not in plain  # not the flat state
    assert not cards(page) and "Registered Nurses" not in plain
    assert reverse("assessments:begin", args=[mini_quiz.slug]) in page  # take it again


def test_27_of_30_the_same_answer_is_nearly_flat(client, interest_catalogue, shipped_quiz):
    # 27 "Not sure"; "Strongly like" twice for Realistic and once for Investigative
    answers = {a: [3] * 5 for a in AREAS}
    answers["R"][:2] = [5, 5]
    answers["I"][0] = 5
    attempt = take(shipped_quiz, by_area(shipped_quiz, answers))
    page = client.get(url(attempt)).content.decode()
    plain = text(main(page))
    assert "Nothing stands out in your answers" in plain
    assert not cards(page) and "Your interest code is" not in plain
    assert liked_claims(plain) == set()


def test_26_of_30_the_same_still_gets_matches(client, interest_catalogue, shipped_quiz):
    answers = {a: [3] * 5 for a in AREAS}
    answers["R"][:4] = [5, 5, 5, 5]
    attempt = take(shipped_quiz, by_area(shipped_quiz, answers))
    page = client.get(url(attempt)).content.decode()
    assert cards(page) and "Nothing stands out" not in page
    assert liked_claims(text(main(page))) == {"R"}


def test_tie_notes_one_sentence_per_group_and_only_when_the_code_changes(
    client, interest_catalogue, mini_quiz
):
    # A = C (both in the code) and R = I (the code's last letter): two separate groups
    attempt = finished_attempt(mini_quiz, {"R": 3, "I": 3, "A": 5, "S": 1, "E": 2, "C": 5})
    assert attempt.code == "ACR"
    notes = [s for s in sentences(text(main(client.get(url(attempt)).content.decode())))]
    ties = [n for n in notes if "same score" in n or "are the same" in n]
    assert len(ties) == 2
    inside = next(n for n in ties if "Artistic" in n)
    assert "Conventional" in inside and "Realistic" not in inside and "Investigative" not in inside
    across = next(n for n in ties if "Realistic" in n)
    assert "Investigative" in across and "Artistic" not in across
    assert "either way" not in across  # I is not in the code: its order is not the question
    # a tie below the code (E = C, fourth and fifth) gets no note
    below = finished_attempt(mini_quiz, {"R": 5, "I": 4, "A": 3, "S": 1, "E": 2, "C": 2})
    assert "same score" not in text(main(client.get(url(below)).content.decode()))


# ---------------------------------------------------------------------------------------
# One fit scale in words


def test_no_correlation_is_shown_as_a_percentage_or_out_of_100(
    client, interest_catalogue, mini_quiz
):
    attempt = finished_attempt(mini_quiz, {"R": 2, "I": 4, "A": 1, "S": 5, "E": 2, "C": 2})
    plain = text(main(client.get(url(attempt)).content.decode()))
    assert not re.search(r"\d+ ?%|out of 100", plain)
    assert "How we rate fit" in plain and plain.count("How we rate fit") == 1


def test_careers_that_fit_you_holds_only_careers_that_fit(client, interest_catalogue, mini_quiz):
    # An artist: in the wide framework's "Everything", most careers do not fit
    attempt = finished_attempt(mini_quiz, {"R": 1, "I": 1, "A": 5, "S": 1, "E": 2, "C": 1})
    for framework in ("test-fw", "wide"):
        page = client.get(url(attempt, framework=framework)).content.decode()
        for card in cards(page):
            assert all(label in FITS for label in listed_careers(card)), card


# ---------------------------------------------------------------------------------------
# A why for each cluster


def test_a_why_never_contradicts_the_plan_notice(client, interest_catalogue, mini_quiz):
    # plan 5: no building career (job zones 2 and 3) is within one job zone of it
    attempt = finished_attempt(mini_quiz, {"R": 5, "I": 4, "A": 2, "S": 1, "E": 1, "C": 3})
    page = client.get(url(attempt, plan=5)).content.decode()
    building = next(c for c in cards(page) if "Building Things" in c)
    why = text(re.search(r'<p class="why">(.*?)</p>', building, re.S)[1])
    assert "None of its careers that fit you suit this education plan" in why
    assert not re.search(r"[1-9]\d* careers? here fits? you", why)
    assert not listed_careers(building)


# ---------------------------------------------------------------------------------------
# The education shown is the education filtered by


def test_preparation_shown_is_the_plans_words_for_the_job_zone(
    client, interest_catalogue, mini_quiz
):
    attempt = finished_attempt(mini_quiz, {"R": 2, "I": 4, "A": 1, "S": 5, "E": 2, "C": 2})
    page = client.get(url(attempt, plan=2)).content.decode()
    plain = text(main(page))
    shown = re.findall(r"Usual preparation: (.+?)(?: ·| Save| Remove|$)", plain)
    assert shown, plain
    reach = {PLAN_WORDS[1], PLAN_WORDS[2], PLAN_WORDS[3]}
    assert set(shown) <= reach
    # the nurse (job zone 3) reads as the filter's words for plan 3
    assert (
        "Registered Nurses Strong fit Typical pay: $93,600 a year · "
        f"Usual preparation: {PLAN_WORDS[3]}" in plain
    )
    assert "Bachelor's degree" not in plain  # BLS entry education is not what we filter by


# ---------------------------------------------------------------------------------------
# Lead with the matches


def test_the_top_clusters_come_first_then_the_chart_and_the_table_is_behind_a_disclosure(
    client, interest_catalogue, mini_quiz
):
    attempt = finished_attempt(mini_quiz, {"R": 2, "I": 4, "A": 1, "S": 5, "E": 2, "C": 2})
    page = main(client.get(url(attempt)).content.decode())
    assert "Your top clusters" in page
    assert page.index("Your top clusters") < page.index("<svg")
    summary = page[page.index("Your top clusters") : page.index("<svg")]
    assert "Helping People" in summary and "Strong fit" in summary and "Why:" in summary
    details = page[page.index("<details") : page.index("</details>")]
    assert '<table class="profile-table"' in details


def test_save_buttons_next_to_each_career_with_a_plain_post_fallback(
    client, interest_catalogue, mini_quiz
):
    attempt = finished_attempt(mini_quiz, {"R": 2, "I": 4, "A": 1, "S": 5, "E": 2, "C": 2})
    page = client.get(url(attempt)).content.decode()
    card = cards(page)[0]
    save = reverse("clusters:save")
    assert card.count(f'action="{save}"') == len(listed_careers(card)) > 0
    assert f'hx-post="{save}"' in card
    back = url(attempt)
    response = client.post(save, {"code": "29-1141.00", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    again = client.get(back).content.decode()
    assert 'Remove<span class="visually-hidden"> Registered Nurses</span>' in again


# ---------------------------------------------------------------------------------------
# Property tests: the page never says what its numbers contradict


def _per_area(draw_values):
    return st.fixed_dictionaries({a: draw_values for a in AREAS})


FIVE = st.lists(st.integers(1, 5), min_size=5, max_size=5)


@st.composite
def answer_sets(draw):
    """Answers per area (5 each, the quick quiz) from random and edge-case families."""
    kind = draw(
        st.sampled_from(
            ["random", "all-same", "all-but-one", "two-way", "three-way", "low", "high"]
        )
    )
    if kind == "all-same":
        value = draw(st.integers(1, 5))
        return {a: [value] * 5 for a in AREAS}
    if kind == "all-but-one":
        value = draw(st.integers(1, 5))
        answers = {a: [value] * 5 for a in AREAS}
        answers[draw(st.sampled_from(AREAS))][0] = draw(st.integers(1, 5))
        return answers
    if kind == "low":
        return draw(_per_area(st.lists(st.integers(1, 3), min_size=5, max_size=5)))
    if kind == "high":
        return draw(_per_area(st.lists(st.integers(3, 5), min_size=5, max_size=5)))
    answers = draw(_per_area(FIVE))
    if kind in ("two-way", "three-way"):
        group = draw(st.permutations(AREAS))[: 2 if kind == "two-way" else 3]
        for area in group[1:]:
            answers[area] = list(answers[group[0]])
    return answers


def _check_page(attempt, page: str, plan):
    profile = attempt.profile
    body = main(page)
    plain = text(body)
    scores = sorted(profile.values())
    found = cards(page)
    # 1. liked only above the middle
    for area in liked_claims(plain):
        assert profile[area] > 4.0, (area, profile, plain)
    # 2. flat, low and matched states
    values = list(attempt.responses.values_list("value", flat=True))
    most = max(values.count(v) for v in set(values))
    if scores[-1] - scores[0] < 0.75 or most >= 0.9 * len(values):
        assert "Nothing stands out in your answers" in plain and not found
    elif scores[-1] <= 4.0:
        assert "You did not say you like any" in plain and not found
    else:
        assert "Your interest code is" in plain
    # 3. tie notes: one per group of equal scores that holds a letter of the code
    if "Your interest code is" in plain:
        code = set(attempt.code)
        groups = {}
        for area, value in profile.items():
            groups.setdefault(round(value, 6), set()).add(area)
        changing = [g for g in groups.values() if len(g) > 1 and g & code]
        notes = [s for s in sentences(plain) if "same score" in s or "are the same" in s]
        assert len(notes) == len(changing), (notes, profile)
        for note in notes:
            named = {a for a, n in NAMES.items() if n in note}
            assert named in changing, (note, profile)
            if "any order" in note or "either way" in note:
                assert named <= code
    # 4. fit words only, never a correlation as a number
    assert not re.search(r"\d+ ?%|out of 100", plain)
    for card in found:
        assert re.search(r'class="strength"><strong>(Strong|Good|Some) fit<', card)
        listed = listed_careers(card)
        assert all(label in FITS for label in listed)
        why = text(re.search(r'<p class="why">(.*?)</p>', card, re.S)[1])
        said = re.search(r"(\d+) careers? here fits? you", why)
        assert (said is not None and int(said[1]) >= len(listed)) == bool(listed)
        if plan:
            prep = re.findall(r"Usual preparation: (.+?)(?: ·| Save| Remove|$)", text(card))
            allowed = {PLAN_WORDS[z] for z in range(max(1, plan - 1), min(5, plan + 1) + 1)}
            assert set(prep) <= allowed


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(answers=answer_sets(), plan=st.sampled_from([None, 1, 2, 3, 4, 5]))
def test_the_page_never_says_what_its_numbers_contradict(
    client, interest_catalogue, shipped_quiz, answers, plan
):
    attempt = take(shipped_quiz, by_area(shipped_quiz, answers), plan)
    page = client.get(url(attempt)).content.decode()
    _check_page(attempt, page, plan)


def test_earlier_attempts_do_not_show_a_code_for_a_low_attempt(
    client, interest_catalogue, mini_quiz
):
    low = finished_attempt(mini_quiz, {**dict.fromkeys(AREAS, 1), "I": 2})
    client.get(url(low))  # remembered in this browser
    later = finished_attempt(mini_quiz, {"R": 2, "I": 4, "A": 1, "S": 5, "E": 2, "C": 2})
    plain = text(main(client.get(url(later)).content.decode()))
    assert "no kind of activity liked yet" in plain and "interest code IRA" not in plain
    start = text(main(client.get(reverse("assessments:start")).content.decode()))
    assert "interest code IRA" not in start
