"""Matching on small hand-made catalogues, without the database."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.matching import (
    GOOD_FIT,
    build_catalogue,
    cluster_score,
    fit,
    fit_label,
    in_zone,
    match_profile,
    occupation_fits,
    rank_clusters,
)

PROFILES = {
    1: ("A1", "Great Artist", 4, (1, 1, 7, 1, 1, 1)),
    2: ("A2", "Good Artist", 4, (1, 2, 6, 2, 1, 1)),
    3: ("A3", "Artist Three", 1, (2, 1, 7, 1, 2, 1)),
    # careers an artist would not enjoy
    10: ("R1", "Builder", 2, (7, 2, 1, 1, 2, 3)),
    12: ("E1", "Seller", 4, (2, 1, 2, 1, 7, 6)),
    13: ("I1", "Researcher", 5, (3, 6, 2, 5, 3, 3)),
    # middling careers: each fits an artist a little (r = 0.45 or 0.32)
    4: ("M1", "Mixed One", 3, (4, 4, 5, 6, 4, 3)),
    5: ("M2", "Mixed Two", 3, (4, 4, 5, 6, 4, 3)),
    6: ("M3", "Mixed Three", 3, (4, 4, 5, 6, 4, 3)),
    7: ("M4", "Mixed Four", 3, (3, 4, 4, 5, 3, 3)),
    8: ("M5", "Mixed Five", 3, (3, 4, 4, 5, 3, 3)),
    9: ("M6", "Mixed Six", 3, (3, 4, 4, 5, 3, 3)),
    11: ("F1", "Flat One", 2, (4, 4, 4, 4, 4, 4)),
}


def make(memberships):
    return build_catalogue(
        occupations=[
            (oid, code, title, zone, scores)
            for oid, (code, title, zone, scores) in PROFILES.items()
        ],
        frameworks=[("fw", "Framework", True), ("other", "Other", False)],
        memberships=memberships,
    )


@pytest.fixture
def toy_catalogue():
    rows = []
    # "few great": three great careers for an artist and three bad ones
    for oid in (1, 2, 10, 12):
        rows.append(("fw", 100, "few-great", "Few Great", 1000, "studio", "Studio", oid))
    for oid in (3, 13):
        rows.append(("fw", 100, "few-great", "Few Great", 1001, "yard", "Yard", oid))
    for oid in (4, 5, 6, 7, 8, 9):
        rows.append(("fw", 200, "average", "Average Everywhere", 2000, "mix", "Mix", oid))
    rows.append(("fw", 300, "builders", "Builders", 3000, "site", "Site", 10))
    rows.append(("fw", 300, "builders", "Builders", 3000, "site", "Site", 11))
    rows.append(("other", 400, "all", "All", 4000, "all", "All", 1))
    return make(rows)


ARTIST = {"R": 1.5, "I": 1.5, "A": 6.5, "S": 2.0, "E": 1.5, "C": 1.0}


def test_fit_is_the_pearson_correlation():
    # hand computed: x = (1,2,3,4,5,6), y = (2,4,6,8,10,12) -> r = 1; reversed -> -1
    assert fit(student=[1, 2, 3, 4, 5, 6], occupation=[2, 4, 6, 8, 10, 12]) == pytest.approx(1)
    assert fit(student=[1, 2, 3, 4, 5, 6], occupation=[6, 5, 4, 3, 2, 1]) == pytest.approx(-1)
    # x = (1,0,0,0,0,0) vs y = (0,1,0,0,0,0): cov = -1/6*... -> r = -0.2
    assert fit(student=[1, 0, 0, 0, 0, 0], occupation=[0, 1, 0, 0, 0, 0]) == pytest.approx(-0.2)


def test_fit_ignores_level_and_spread():
    base = [2, 6, 1, 5, 3, 2]
    shifted = [v + 1 for v in base]
    stretched = [v * 1.5 for v in base]
    occupation = [3.5, 5.1, 1.9, 6.6, 2.4, 3.0]
    assert fit(student=base, occupation=occupation) == pytest.approx(
        fit(student=shifted, occupation=occupation)
    )
    assert fit(student=base, occupation=occupation) == pytest.approx(
        fit(student=stretched, occupation=occupation)
    )


def test_flat_profiles_have_no_fit(toy_catalogue):
    with pytest.raises(ValueError):
        fit(student=[4] * 6, occupation=[1, 2, 3, 4, 5, 6])
    with pytest.raises(ValueError):
        match_profile(profile=dict.fromkeys("RIASEC", 3.0), catalogue=toy_catalogue)
    # a flat occupation is left out of the fits rather than given a made-up one
    assert 11 not in occupation_fits(profile=ARTIST, catalogue=toy_catalogue)


def test_cluster_score_is_the_mean_of_the_top_five():
    assert cluster_score(fits=[0.9, 0.1, 0.8, 0.7, 0.2, 0.6, 0.5]) == pytest.approx(0.7)
    assert cluster_score(fits=[0.5, 0.3]) == pytest.approx(0.4)
    assert cluster_score(fits=[]) == -1


def test_a_few_great_careers_beat_average_everywhere(toy_catalogue):
    match = match_profile(profile=ARTIST, catalogue=toy_catalogue)
    assert [c.cluster.slug for c in match.clusters] == ["few-great", "average", "builders"]
    few, average = match.clusters[0], match.clusters[1]

    # the plain mean would have preferred the average cluster
    def mean(slug):
        cluster = next(c.cluster for c in match.clusters if c.cluster.slug == slug)
        fits = occupation_fits(profile=ARTIST, catalogue=toy_catalogue)
        values = [fits[i] for i in cluster.occupation_ids]
        return sum(values) / len(values)

    assert mean("few-great") < mean("average")
    assert few.score > average.score
    assert few.fitting_count == 3 and few.typical[0] == "A"
    assert [f.occupation.code for f in few.occupations][:3] == ["A1", "A2", "A3"]
    assert [f.fit for f in few.occupations] == sorted(
        (f.fit for f in few.occupations), reverse=True
    )
    # Studio's four careers include the two best; Yard has one good and one poor
    assert [p.pathway.slug for p in few.pathways] == ["studio", "yard"]
    assert few.pathways[0].score > few.pathways[1].score


def test_top_occupations_and_clusters_are_ranked_by_fit(toy_catalogue):
    match = match_profile(profile=ARTIST, catalogue=toy_catalogue, top_occupations=3)
    fits = [f.fit for f in match.top_occupations]
    assert fits == sorted(fits, reverse=True)
    assert match.top_occupations[0].occupation.code == "A1"
    scores = [c.score for c in match.clusters]
    assert scores == sorted(scores, reverse=True)
    assert [c.rank for c in match.clusters] == [1, 2, 3]


def test_education_plan_keeps_occupations_within_one_job_zone(toy_catalogue):
    match = match_profile(profile=ARTIST, catalogue=toy_catalogue, education_plan=1)
    zones = {f.occupation.job_zone for c in match.clusters for f in c.occupations}
    assert zones <= {1, 2}
    # only careers that fit are listed: Builder (zone 2) does not fit an artist
    assert [f.occupation.code for f in match.clusters[0].occupations] == ["A3"]
    assert match.clusters[0].fitting_count == 1
    # ranking of clusters does not change with the plan
    assert [c.cluster.slug for c in match.clusters] == [
        c.cluster.slug for c in match_profile(profile=ARTIST, catalogue=toy_catalogue).clusters
    ]
    assert in_zone(job_zone=3, plan=None)
    assert in_zone(job_zone=4, plan=5) and not in_zone(job_zone=3, plan=5)
    assert not in_zone(job_zone=None, plan=3)
    with pytest.raises(ValueError):
        match_profile(profile=ARTIST, catalogue=toy_catalogue, education_plan=6)


def test_frameworks(toy_catalogue):
    assert toy_catalogue.default_framework.slug == "fw"
    assert (
        match_profile(profile=ARTIST, catalogue=toy_catalogue, framework="other")
        .clusters[0]
        .cluster.slug
        == "all"
    )
    with pytest.raises(LookupError):
        match_profile(profile=ARTIST, catalogue=toy_catalogue, framework="nope")


def test_one_fit_scale_in_words_and_only_fits_are_listed(toy_catalogue):
    assert [fit_label(value=v) for v in (0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.59, -0.2)] == [
        "Strong fit", "Strong fit", "Good fit", "Good fit", "Some fit", "Some fit",
        "Not a close fit", "Not a close fit",
    ]  # fmt: skip
    match = match_profile(profile=ARTIST, catalogue=toy_catalogue)
    for cluster in match.clusters:
        assert all(f.fit >= 0.6 for f in cluster.occupations)
        assert cluster.fitting_count >= len(cluster.occupations)
        assert cluster.label == fit_label(value=cluster.score)


@given(
    st.lists(st.floats(1, 7), min_size=6, max_size=6),
    st.lists(st.floats(1, 7), min_size=6, max_size=6),
)
def test_fit_is_symmetric_and_bounded(a, b):
    try:
        value = fit(student=a, occupation=b)
    except ValueError:
        return  # a profile with no spread
    assert -1 <= value <= 1
    assert math.isclose(value, fit(student=b, occupation=a), abs_tol=1e-9)


def test_rank_clusters_is_stable_by_name_for_ties():
    catalogue = make(
        [
            ("fw", 1, "b", "Bravo", 1, "p", "P", 1),
            ("fw", 2, "a", "Alpha", 2, "p", "P", 1),
        ]
    )
    fits = occupation_fits(profile=ARTIST, catalogue=catalogue)
    ranked = rank_clusters(fits=fits, framework=catalogue.frameworks["fw"])
    assert [c.slug for _, c in ranked] == ["a", "b"]
    assert GOOD_FIT == 0.8
