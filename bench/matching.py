"""Matching benchmarks: quality (self-match, simulated students) and speed.

Run with `python -m bench.matching` (or through `make bench`) against a database that
holds the real data (`python manage.py import_career_data`).

Self-match: each occupation's own O*NET interest profile is treated as a student's profile;
we count how often one of the occupation's own clusters comes first (top-1) and among the
first three (top-3). Two variants: with the occupation in the catalogue (the test as the
issue defines it) and leave-one-out (the occupation removed, so it cannot vote for its own
cluster: the harder, more honest figure).

Simulated students: a student modelled on each occupation answers the real items of both
shipped quizzes, and the answers go through the real scoring and matching. For an item
measuring area X, with the occupation's O*NET score s_X (1-7):

    expected = 1 + (s_X - 1) * 4 / 6          (the 1-7 score put on the 1-5 answer scale)
    answer   = clamp(round(expected + b + d_item + e), 1, 5)

where b ~ N(0, 0.5) is the student's response style (some students like everything),
d_item ~ N(0, 0.5) is the item's own popularity (drawn once per item: some activities are
liked by almost everyone), and e ~ N(0, sigma) is the noise of each single answer
(sigma = 1 by default, i.e. a typical answer is one step off). The random generator is
seeded, so figures repeat exactly. Students whose answers come out flat get no matches
(the results page shows none), so they count as misses; how many is reported.

Speed: one attempt's full matching (fits for every occupation, cluster and pathway scores,
explanations, the education filter), with the catalogue already cached, over random
profiles; plus the one-off cold load of the catalogue.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass

SEED = 2024
SIGMA = 1.0
STYLE_SD = 0.5
ITEM_SD = 0.5
TARGET_TOP3 = 0.84


@dataclass(frozen=True)
class Hits:
    top1: float
    top3: float
    students: int
    flat: int = 0

    def line(self) -> str:
        extra = f", {self.flat} flat" if self.flat else ""
        return f"top-1 {self.top1:.1%}, top-3 {self.top3:.1%} ({self.students} students{extra})"


def _memberships(framework) -> dict[int, set[int]]:
    member: dict[int, set[int]] = {}
    for cluster in framework.clusters:
        for oid in cluster.occupation_ids:
            member.setdefault(oid, set()).add(cluster.id)
    return member


def self_match(*, catalogue, framework: str, leave_one_out: bool = False) -> Hits:
    """How often an occupation's own profile ranks one of its clusters first / in the top 3."""
    from assessments.matching import occupation_fits, rank_clusters

    chosen = catalogue.frameworks[framework]
    member = _memberships(chosen)
    top1 = top3 = n = 0
    for oid, clusters in member.items():
        occupation = catalogue.occupations[oid]
        if occupation.unit is None:
            continue
        fits = occupation_fits(profile=occupation.scores, catalogue=catalogue)
        if leave_one_out:
            fits.pop(oid, None)
        ranked = [c.id for _, c in rank_clusters(fits=fits, framework=chosen)]
        n += 1
        top1 += ranked[0] in clusters
        top3 += bool(clusters & set(ranked[:3]))
    return Hits(top1=top1 / n, top3=top3 / n, students=n)


def simulate_answers(
    *,
    scores: tuple[float, ...],
    item_areas: list[str],
    item_offsets: list[float],
    rng: random.Random,
    sigma: float = SIGMA,
    style_sd: float = STYLE_SD,
) -> list[tuple[str, int]]:
    """One simulated student's answers to the items (see the module docstring)."""
    from assessments.scoring import AREAS

    style = rng.gauss(0, style_sd)
    answers = []
    for area, offset in zip(item_areas, item_offsets, strict=True):
        expected = 1 + (scores[AREAS.index(area)] - 1) * 4 / 6
        value = round(expected + style + offset + rng.gauss(0, sigma))
        answers.append((area, min(5, max(1, value))))
    return answers


def simulated_students(
    *,
    catalogue,
    framework: str,
    item_areas: list[str],
    sigma: float = SIGMA,
    seed: int = SEED,
) -> Hits:
    """Students modelled on each occupation answer the items with noise; scored and matched."""
    from assessments.matching import occupation_fits, rank_clusters
    from assessments.scoring import score_answers

    rng = random.Random(seed)
    offsets = [rng.gauss(0, ITEM_SD) for _ in item_areas]
    chosen = catalogue.frameworks[framework]
    member = _memberships(chosen)
    top1 = top3 = n = flat = 0
    for oid, clusters in sorted(member.items()):
        occupation = catalogue.occupations[oid]
        answers = simulate_answers(
            scores=occupation.scores,
            item_areas=item_areas,
            item_offsets=offsets,
            rng=rng,
            sigma=sigma,
        )
        score = score_answers(answers=answers)
        n += 1
        if score.is_flat:
            flat += 1
            continue
        fits = occupation_fits(profile=score.profile, catalogue=catalogue)
        ranked = [c.id for _, c in rank_clusters(fits=fits, framework=chosen)]
        top1 += ranked[0] in clusters
        top3 += bool(clusters & set(ranked[:3]))
    return Hits(top1=top1 / n, top3=top3 / n, students=n, flat=flat)


def matching_speed(*, catalogue, rounds: int = 500, seed: int = SEED) -> dict[str, float]:
    """p50/p95/max milliseconds of one full match_profile call (catalogue cached)."""
    from assessments.matching import match_profile
    from assessments.scoring import AREAS

    rng = random.Random(seed)
    timings = []
    for _ in range(rounds):
        profile = {a: rng.uniform(1, 7) for a in AREAS}
        plan = rng.choice([None, 1, 2, 3, 4, 5])
        started = time.perf_counter()
        match_profile(profile=profile, catalogue=catalogue, education_plan=plan)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "rounds": rounds,
        "p50_ms": statistics.median(timings),
        "p95_ms": timings[int(len(timings) * 0.95) - 1],
        "max_ms": timings[-1],
    }


def shipped_item_areas() -> dict[str, list[str]]:
    """The areas of the real items of each shipped quiz, in quiz order."""
    from assessments.content import SHIPPED
    from assessments.models import Item

    result = {}
    for spec in SHIPPED:
        areas = list(
            Item.objects.filter(assessment__slug=spec.slug)
            .order_by("order", "pk")
            .values_list("area", flat=True)
        )
        if areas:
            result[f"{spec.name} ({len(areas)} items)"] = areas
    return result


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerclusters.settings")
    django.setup()
    from django.db import connection

    from assessments.selectors import load_catalogue

    started = time.perf_counter()
    catalogue = load_catalogue()
    load_ms = (time.perf_counter() - started) * 1000
    if not catalogue.frameworks:
        print("No occupations in the database: run `python manage.py import_career_data`.")
        return
    print(f"Matching quality ({connection.vendor}; cluster score = mean of the 5 best fits)")
    for slug in catalogue.frameworks:
        incl = self_match(catalogue=catalogue, framework=slug)
        loo = self_match(catalogue=catalogue, framework=slug, leave_one_out=True)
        print(f"  {slug} self-match: {incl.line()}")
        print(f"  {slug} self-match, leave-one-out: {loo.line()}")
    for name, areas in shipped_item_areas().items():
        for slug in catalogue.frameworks:
            for sigma in (0.5, SIGMA, 1.5):
                hits = simulated_students(
                    catalogue=catalogue, framework=slug, item_areas=areas, sigma=sigma
                )
                print(f"  {slug} simulated students, {name}, noise sd {sigma:g}: {hits.line()}")
    speed = matching_speed(catalogue=catalogue)
    print(
        f"Matching speed ({connection.vendor}, {speed['rounds']} profiles, one full match "
        f"each): p50 {speed['p50_ms']:.1f} ms, p95 {speed['p95_ms']:.1f} ms, "
        f"max {speed['max_ms']:.1f} ms; catalogue loaded in {load_ms:.0f} ms (one query, "
        f"{len(catalogue.occupations)} occupations), once per process"
    )


if __name__ == "__main__":
    main()
