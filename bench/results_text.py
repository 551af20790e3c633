"""What the results page says, checked against its numbers, over simulated students.

    python -m bench.results_text [STUDENTS]     # on a database with the real data imported

Each simulated student (bench.matching.simulate_answers: one modelled on each occupation of
the default framework, a random education plan) plus sets of edge-case answers (27 of 30 the
same, low everywhere) takes the shipped quick quiz; the real results page is rendered with
Django's test client and its text is read like a student would read it. Nothing is written:
everything runs in one transaction that is rolled back. The figures are the ones issue 15
measured; the parser reads both the old and the new wording, so the same script measures
the code before and after the change.
"""

from __future__ import annotations

import html as html_module
import random
import re
import sys
from collections import Counter

SEED = 15
NEUTRAL = 4.0
# Words each version of the page uses for an area.
AREA_WORDS = {
    "R": ("Realistic", "hands-on work"),
    "I": ("Investigative", "figuring things out"),
    "A": ("Artistic", "creating"),
    "S": ("Social", "helping people"),
    "E": ("Enterprising", "leading and persuading"),
    "C": ("Conventional", "order", "organizing"),
}
# Education words -> plan step (job zone 1-5): BLS entry education (old page), plan words.
EDUCATION_STEPS = {
    "No formal educational credential": 1,
    "High school diploma or equivalent": 2,
    "Some college, no degree": 3,
    "Postsecondary nondegree award": 3,
    "Associate's degree": 3,
    "Associate&#x27;s degree": 3,
    "Bachelor's degree": 4,
    "Bachelor&#x27;s degree": 4,
    "Master's degree": 5,
    "Master&#x27;s degree": 5,
    "Doctoral or professional degree": 5,
}


KEYS = [
    "code letters", "code letters below 4.0", "code letters below 4.0 described as liked",
    "liked claims", "liked claims for an area at or below 4.0", "pages with cluster matches",
    "tie notes", "tie notes naming a letter not in the code", "tie notes merging different scores",
    "tie notes that are wrong", "ties that change the code",
    "ties that change the code with no note",
    "correlations shown as % or out of 100", "careers under 'fit you'",
    "careers under 'fit you' labelled weak", "careers named in a why",
    "careers named in a why outside the plan", "careers named in a why that are weak members",
    "cards saying careers fit above 'none match the plan'", "'N careers' naming one",
    "title lists", "title lists hard to read", "careers shown under a plan",
    "careers shown 2+ steps from the plan", "cluster numbers with two labels", "cards",
    "cards opening like another card on the page",
]  # fmt: skip


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", ".").strip()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?:])\s+", text) if s.strip()]


def liked_claims(text: str) -> set[str]:
    """Areas a text says the student likes."""
    claimed = set()
    for sentence in sentences(text):
        low = sentence.lower()
        if not re.search(r"\byou like\b|\bwhich you like\b|\byou liked\b", low):
            continue
        if re.search(r"\b(not|n't|no|least)\b", low):
            continue
        for area, words in AREA_WORDS.items():
            if any(re.search(rf"\b{re.escape(w.lower())}\b", low) for w in words):
                claimed.add(area)
    return claimed


def cards(html: str) -> list[str]:
    start = r'<li class="card cluster-match"[^>]*>'
    return re.findall(rf"{start}(.*?)</li>\s*(?={start}|</ol>)", html, re.S)


def measure(students: int = 300) -> dict:
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from assessments.content import SHIPPED
    from assessments.models import Assessment, Attempt, Item, Response
    from assessments.selectors import matching_catalogue
    from assessments.services import complete_attempt
    from bench.matching import simulate_answers
    from clusters.models import Occupation

    rng = random.Random(SEED)
    quick = Assessment.objects.get(slug=SHIPPED[0].slug)
    items = list(Item.objects.filter(assessment=quick).order_by("order", "pk"))
    areas = [i.area for i in items]
    catalogue = matching_catalogue()
    framework = catalogue.default_framework
    zones = dict(Occupation.objects.values_list("code", "job_zone_id"))
    member_ids = sorted({i for c in framework.clusters for i in c.occupation_ids})
    weak_codes = {catalogue.occupations[i].code for i in framework.weak_occupation_ids}
    offsets = [rng.gauss(0, 0.5) for _ in items]
    client = Client()
    counts: Counter = Counter()
    openings_same = pages_with_cards = 0

    def take(values, plan):
        attempt = Attempt.objects.create(assessment=quick)
        pairs = zip(items, values, strict=True)
        Response.objects.bulk_create(Response(attempt=attempt, item=i, value=v) for i, v in pairs)
        complete_attempt(attempt=attempt, education_plan=plan)
        attempt.refresh_from_db()
        html = client.get(reverse("assessments:results", args=[attempt.token])).content.decode()
        return attempt, html

    def read(attempt, html, plan):
        nonlocal openings_same, pages_with_cards
        profile = attempt.profile
        text = plain(html)
        claimed = liked_claims(text)
        shows_code = "Your interest code is" in text
        if shows_code:
            for letter in attempt.code:
                counts["code letters"] += 1
                if profile[letter] < NEUTRAL:
                    counts["code letters below 4.0"] += 1
                    counts["code letters below 4.0 described as liked"] += letter in claimed
        for area in claimed:
            counts["liked claims"] += 1
            counts["liked claims for an area at or below 4.0"] += profile[area] <= NEUTRAL
        matched = cards(html)
        counts["pages with cluster matches"] += bool(matched)
        # Tie notes: right when they name exactly one group of equal scores that changes the
        # code (holds one of its letters), and say "order" only when all of it is in the code.
        code = set(attempt.code)
        groups = {}
        for area in profile:
            groups.setdefault(round(profile[area], 6), set()).add(area)
        changing = [g for g in groups.values() if len(g) > 1 and g & code]
        noted = []
        for sentence in sentences(text):
            if "are the same" in sentence or "same score" in sentence:
                named = {a for a, w in AREA_WORDS.items() if w[0] in sentence}
                noted.append(named)
                counts["tie notes"] += 1
                counts["tie notes naming a letter not in the code"] += bool(named - code)
                values = {round(profile[a], 6) for a in named}
                counts["tie notes merging different scores"] += len(values) > 1
                order_only = "either way" in sentence or "any order" in sentence
                right = named in changing and order_only == (named <= code)
                counts["tie notes that are wrong"] += not right
        if shows_code:
            counts["ties that change the code"] += len(changing)
            counts["ties that change the code with no note"] += sum(
                1 for g in changing if g not in noted
            )
        # Fit words and numbers
        counts["correlations shown as % or out of 100"] += len(
            re.findall(r"fit \(\d+%\)|\d+ out of 100", text)
        )
        labels = {}
        for card in matched:
            number = re.search(r"\((\d+) out of 100\)", card)
            label = re.search(r'class="strength"><strong>([^<]+)<', card) or re.search(
                r'class="fit-label[^"]*">([^<]+)<', card
            )
            if number and label:
                labels.setdefault(number[1], set()).add(label[1])
            listed = re.findall(r'<span class="fit[^"]*">([^<(]+)', card.split("fit you</h4>")[-1])
            counts["careers under 'fit you'"] += len(listed)
            counts["careers under 'fit you' labelled weak"] += sum(
                1 for w in listed if "Weak" in w or "Not a" in w
            )
            why = re.search(r'<p class="why">(.*?)</p>', card, re.S)
            why_html = why[1] if why else ""
            named = re.findall(r'href="/careers/occupations/([^/"]+)/"', why_html)
            if not named:
                named = re.findall(r"occupations?/([0-9]{2}-[0-9]{4}\.[0-9]{2})", why_html)
            counts["careers named in a why"] += len(named)
            counts["careers named in a why outside the plan"] += sum(
                1
                for code in named
                if plan and (zones.get(code) is None or abs(zones[code] - plan) > 1)
            )
            counts["careers named in a why that are weak members"] += sum(
                1 for code in named if code in weak_codes
            )
            why_text = plain(why_html)
            said = re.search(r"(\d+) careers? here fit", why_text)
            none_listed = "None of the careers" in card or "No career here" in card
            if said and int(said[1]) > 0 and none_listed:
                counts["cards saying careers fit above 'none match the plan'"] += 1
            if said and int(said[1]) >= 2 and len(named) == 1:
                counts["'N careers' naming one"] += 1
            titles = re.findall(r">([^<]+)</a>", why_html)
            if len(titles) >= 2:
                counts["title lists"] += 1
                seps = re.findall(r"</a>([^<]*)<a ", why_html)
                ambiguous = any(s.strip() == "and" for s in seps) and any(
                    " and " in t for t in titles
                )
                counts["title lists hard to read"] += ambiguous
            # Education next to each career
            pattern = r"(?:Education|[Pp]reparation): ([^·<]+?)\s*(?:·|</span>|<)"
            for edu in re.findall(pattern, card):
                edu = html_module.unescape(edu).strip().rstrip(".")
                step = EDUCATION_STEPS.get(edu)
                if step is None:
                    for value, label in PLAN_LABELS.items():
                        if edu.lower().startswith(label.lower()[:30]):
                            step = value
                if plan and step:
                    counts["careers shown under a plan"] += 1
                    counts["careers shown 2+ steps from the plan"] += abs(step - plan) >= 2
        for found in labels.values():
            counts["cluster numbers with two labels"] += len(found) > 1
        if len(matched) >= 2:
            pages_with_cards += 1
            firsts = []
            for card in matched:
                why = re.search(r'<p class="why">(.*?)</p>', card, re.S)
                firsts.append(sentences(plain(why[1]))[0].split(";")[0] if why else "")
            openings_same += len(set(firsts)) == 1
            repeats = Counter(firsts)
            counts["cards"] += len(firsts)
            counts["cards opening like another card on the page"] += sum(
                n for n in repeats.values() if n > 1
            )

    from assessments.models import EducationPlan

    PLAN_LABELS = dict(EducationPlan.choices)
    with transaction.atomic():
        chosen = rng.sample(member_ids, min(students, len(member_ids)))
        for oid in chosen:
            answers = simulate_answers(
                scores=catalogue.occupations[oid].scores,
                item_areas=areas,
                item_offsets=offsets,
                rng=rng,
            )
            plan = rng.choice([None, 1, 2, 3, 4, 5])
            read(*take([v for _, v in answers], plan), plan)
        simulated = dict(counts)
        counts.clear()
        # 27 of 30 "Not sure", the other three any other answer
        for _ in range(100):
            values = [3] * len(items)
            for i in rng.sample(range(len(items)), 3):
                values[i] = rng.choice([1, 2, 4, 5])
            attempt, html = take(values, None)
            counts["27 of 30 the same"] += 1
            counts["27 of 30: code and matches shown"] += bool(cards(html)) and not attempt.is_flat
            read(attempt, html, None)
        nearly = dict(counts)
        counts.clear()
        # Low everywhere: every answer "Strongly dislike" or "Dislike"
        for _ in range(100):
            values = [rng.choice([1, 2]) for _ in items]
            attempt, html = take(values, None)
            counts["low everywhere"] += 1
            counts["low everywhere: matches shown as fits"] += bool(cards(html))
            read(attempt, html, None)
        low = dict(counts)
        transaction.set_rollback(True)
    return {
        "students": students,
        "simulated": simulated,
        "openings": (openings_same, pages_with_cards),
        "nearly flat": nearly,
        "low": low,
    }


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerclusters.settings")
    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*", "testserver"]
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    result = measure(students=students)
    for section in ("simulated", "nearly flat", "low"):
        print(f"{section}:")
        for key, value in sorted({**dict.fromkeys(KEYS, 0), **result[section]}.items()):
            print(f"  {key}: {value}")
    same, total = result["openings"]
    print(f"pages whose top clusters all open with the same sentence: {same} of {total}")


if __name__ == "__main__":
    main()
