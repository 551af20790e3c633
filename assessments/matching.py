"""Matching a RIASEC profile to occupations and Career Clusters.

Plain functions with keyword-only arguments over a small in-memory catalogue (built from
the database once per process by `assessments.selectors.matching_catalogue`, or by hand
in tests). No database access here.

Occupation fit: the Pearson correlation between the student's six scores and the
occupation's six O*NET interest scores (-1 to 1). We chose it because it compares the
*shape* of two profiles: which areas are high and which are low. It ignores the overall
level and spread, and those differ for reasons that say nothing about fit: some students
like almost everything, others are sparing with "Strongly like", and O*NET's occupational
profiles sit on a different scale from a teenager's answers. It is the measure used in
interest research for profile agreement and what O*NET-style profile matching amounts to
(the cosine of the two profiles after centring each on its own mean). A profile with no
spread at all has no shape, so fits are not computed for it (see scoring.is_flat).

Cluster match: the mean of the TOP_K (5) best fits among the cluster's occupations (all of
them when a cluster has fewer). A cluster where a handful of careers fit very well beats
one whose careers are all middling, which the plain mean would prefer; averaging five
instead of taking the single best keeps one lucky occupation from deciding the ranking
and, in the self-match benchmark (bench/matching.py), gave the best top-3 figures both
with and without the occupation itself in the catalogue. Pathways are ranked the same way.

Education plan: a plan is an O*NET job zone (1-5); suggested occupations are those within
one job zone of it (ZONE_REACH), as My Next Move shows careers by job zone. Cluster ranking
is not filtered: it describes interests, not plans.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext

from assessments.scoring import AREAS, interest_code

TOP_K = 5
ZONE_REACH = 1
# The fit scale (fit_label). Correlations between six-score profiles run high (about half of
# all occupations correlate 0.5 or more with a typical student), so the bars are set high
# too. Shown in words only: a correlation is not a percentage.
GREAT_FIT = 0.9  # "Strong fit"
GOOD_FIT = 0.8  # "Good fit"
SOME_FIT = 0.6  # "Some fit": the least a career needs to be called a fit


# ---------------------------------------------------------------------------------------
# The catalogue matching works on


@dataclass(frozen=True, slots=True)
class OccupationProfile:
    id: int
    code: str
    title: str
    job_zone: int | None
    scores: tuple[float, ...]  # R, I, A, S, E, C on O*NET's 1-7 scale
    unit: tuple[float, ...] | None  # centred and scaled to length 1; None when flat


@dataclass(frozen=True, slots=True)
class PathwayRef:
    id: int
    slug: str
    name: str
    occupation_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ClusterRef:
    id: int
    slug: str
    name: str
    occupation_ids: tuple[int, ...]
    pathways: tuple[PathwayRef, ...]


@dataclass(frozen=True, slots=True)
class FrameworkRef:
    slug: str
    name: str
    is_default: bool
    clusters: tuple[ClusterRef, ...]
    # Occupations only weakly in this framework (PathwayOccupation.is_weak: an "All Other"
    # group put them in their clusters): suggested among the best fits overall, but never
    # counted for, shown in or used to explain a cluster.
    weak_occupation_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    occupations: Mapping[int, OccupationProfile]
    frameworks: Mapping[str, FrameworkRef]

    @property
    def default_framework(self) -> FrameworkRef | None:
        for framework in self.frameworks.values():
            if framework.is_default:
                return framework
        return next(iter(self.frameworks.values()), None)


def unit_vector(*, scores: Sequence[float]) -> tuple[float, ...] | None:
    """The profile centred on its mean and scaled to length 1; None if it has no spread."""
    mean = sum(scores) / len(scores)
    centred = [s - mean for s in scores]
    norm = math.sqrt(sum(c * c for c in centred))
    if norm < 1e-9:
        return None
    return tuple(c / norm for c in centred)


def build_catalogue(
    *,
    occupations: Iterable[tuple[int, str, str, int | None, Sequence[float]]],
    frameworks: Iterable[tuple[str, str, bool]],
    memberships: Iterable[tuple],
) -> Catalogue:
    """A catalogue from plain rows.

    occupations: (id, code, title, job_zone, six scores);
    frameworks: (slug, name, is_default) in display order;
    memberships: (framework slug, cluster id, cluster slug, cluster name,
                  pathway id, pathway slug, pathway name, occupation id[, is weak]).
    """
    profiles = {
        oid: OccupationProfile(
            id=oid,
            code=code,
            title=title,
            job_zone=zone,
            scores=tuple(float(s) for s in scores),
            unit=unit_vector(scores=scores),
        )
        for oid, code, title, zone, scores in occupations
    }
    clusters: dict[str, dict[int, dict]] = {}
    weak: dict[str, dict[int, None]] = {}
    for fw, cid, cslug, cname, pid, pslug, pname, oid, *flags in memberships:
        if oid not in profiles:
            continue
        if flags and flags[0]:
            weak.setdefault(fw, {})[oid] = None
            continue
        cluster = clusters.setdefault(fw, {}).setdefault(
            cid, {"slug": cslug, "name": cname, "occupations": {}, "pathways": {}}
        )
        cluster["occupations"][oid] = None
        pathway = cluster["pathways"].setdefault(
            pid, {"slug": pslug, "name": pname, "occupations": {}}
        )
        pathway["occupations"][oid] = None
    built = {}
    for slug, name, is_default in frameworks:
        refs = tuple(
            ClusterRef(
                id=cid,
                slug=c["slug"],
                name=c["name"],
                occupation_ids=tuple(c["occupations"]),
                pathways=tuple(
                    PathwayRef(
                        id=pid,
                        slug=p["slug"],
                        name=p["name"],
                        occupation_ids=tuple(p["occupations"]),
                    )
                    for pid, p in sorted(c["pathways"].items(), key=lambda kv: kv[1]["name"])
                ),
            )
            for cid, c in sorted(clusters.get(slug, {}).items(), key=lambda kv: kv[1]["name"])
        )
        members = {i for c in refs for i in c.occupation_ids}
        built[slug] = FrameworkRef(
            slug=slug,
            name=name,
            is_default=is_default,
            clusters=refs,
            weak_occupation_ids=tuple(i for i in weak.get(slug, {}) if i not in members),
        )
    return Catalogue(occupations=profiles, frameworks=built)


# ---------------------------------------------------------------------------------------
# Fits and scores


def fit(*, student: Sequence[float], occupation: Sequence[float]) -> float:
    """Pearson correlation of two six-score profiles, -1 to 1 (see the module docstring)."""
    a = unit_vector(scores=student)
    b = unit_vector(scores=occupation)
    if a is None or b is None:
        raise ValueError("A profile with the same score in every area has no shape to compare.")
    return max(-1.0, min(1.0, sum(x * y for x, y in zip(a, b, strict=True))))


def occupation_fits(
    *, profile: Mapping[str, float] | Sequence[float], catalogue: Catalogue
) -> dict[int, float]:
    """Fit of every occupation in the catalogue that has an interest profile."""
    scores = [profile[a] for a in AREAS] if isinstance(profile, Mapping) else list(profile)
    student = unit_vector(scores=scores)
    if student is None:
        raise ValueError("A profile with the same score in every area has no shape to compare.")
    s0, s1, s2, s3, s4, s5 = student
    fits = {}
    for oid, occ in catalogue.occupations.items():
        u = occ.unit
        if u is not None:
            fits[oid] = s0 * u[0] + s1 * u[1] + s2 * u[2] + s3 * u[3] + s4 * u[4] + s5 * u[5]
    return fits


def cluster_score(*, fits: Iterable[float], k: int = TOP_K) -> float:
    """Mean of the k best fits (all of them if fewer); -1 for a cluster with none."""
    best = sorted(fits, reverse=True)[:k]
    return sum(best) / len(best) if best else -1.0


def rank_clusters(
    *, fits: Mapping[int, float], framework: FrameworkRef, k: int = TOP_K
) -> list[tuple[float, ClusterRef]]:
    """(score, cluster) for every cluster of the framework, best first (ties by name)."""
    scored = [
        (cluster_score(fits=[fits[i] for i in c.occupation_ids if i in fits], k=k), c)
        for c in framework.clusters
    ]
    scored.sort(key=lambda t: (-t[0], t[1].name))
    return scored


def in_zone(*, job_zone: int | None, plan: int | None, reach: int = ZONE_REACH) -> bool:
    """Whether an occupation suits an education plan (any occupation when there is no plan)."""
    if plan is None:
        return True
    return job_zone is not None and abs(job_zone - plan) <= reach


def fit_key(*, value: float) -> str:
    """The fit scale's step, as a stable name for code and CSS: "strong-fit", "good-fit",
    "some-fit" or "not-a-close-fit" (the same in every language)."""
    if value >= GREAT_FIT:
        return "strong-fit"
    if value >= GOOD_FIT:
        return "good-fit"
    if value >= SOME_FIT:
        return "some-fit"
    return "not-a-close-fit"


def fit_label(*, value: float) -> str:
    """The one fit scale, in words, for careers and clusters alike (explained on the page),
    in the language of the request.

    Only "Strong fit", "Good fit" and "Some fit" are fits; a career below SOME_FIT is never
    listed as one, and a cluster below it is never called one.
    """
    key = fit_key(value=value)
    if key == "strong-fit":
        return gettext("Strong fit")
    if key == "good-fit":
        return gettext("Good fit")
    if key == "some-fit":
        return gettext("Some fit")
    return gettext("Not a close fit")


def is_fit(*, value: float) -> bool:
    return value >= SOME_FIT


# ---------------------------------------------------------------------------------------
# A full match


@dataclass(frozen=True)
class OccupationFit:
    occupation: OccupationProfile
    fit: float

    @property
    def label(self) -> str:
        return fit_label(value=self.fit)

    @property
    def key(self) -> str:
        return fit_key(value=self.fit)


@dataclass(frozen=True)
class PathwayMatch:
    pathway: PathwayRef
    score: float


@dataclass(frozen=True)
class ClusterMatch:
    cluster: ClusterRef
    rank: int
    score: float
    fitting_count: int  # careers that fit (SOME_FIT or more) within the education plan
    occupations: tuple[OccupationFit, ...]  # the best of those, best first
    pathways: tuple[PathwayMatch, ...]  # best first
    # The mean O*NET profile of its best-fitting careers (up to TOP_K that fit, with any
    # plan: the cluster's rank does not depend on the plan either), and that profile's
    # three highest areas; empty when no career here fits.
    typical_scores: tuple[float, ...] = ()
    typical: str = ""

    @property
    def label(self) -> str:
        return fit_label(value=self.score)

    @property
    def is_fit(self) -> bool:
        return is_fit(value=self.score)


@dataclass(frozen=True)
class Match:
    framework: FrameworkRef
    profile: dict[str, float]
    code: str
    education_plan: int | None
    clusters: tuple[ClusterMatch, ...]  # best first
    top_occupations: tuple[OccupationFit, ...]


def typical_profile(*, fits: Sequence[OccupationFit]) -> tuple[float, ...]:
    """The mean O*NET profile of some careers (empty for none)."""
    if not fits:
        return ()
    return tuple(sum(f.occupation.scores[i] for f in fits) / len(fits) for i in range(len(AREAS)))


def match_profile(
    *,
    profile: Mapping[str, float],
    catalogue: Catalogue,
    framework: str | None = None,
    education_plan: int | None = None,
    occupations_per_cluster: int = 5,
    top_occupations: int = 10,
) -> Match:
    """Rank the clusters of a framework and their occupations for a RIASEC profile.

    Raises LookupError for an unknown framework and ValueError for a flat profile.
    """
    chosen = catalogue.frameworks.get(framework) if framework else catalogue.default_framework
    if chosen is None:
        raise LookupError(f"Unknown framework {framework!r}.")
    if education_plan is not None and not 1 <= education_plan <= 5:
        raise ValueError("An education plan is a job zone from 1 to 5.")
    fits = occupation_fits(profile=profile, catalogue=catalogue)
    occupations = catalogue.occupations
    code = interest_code(profile=profile)

    def ranked(ids: Iterable[int]) -> list[OccupationFit]:
        found = [OccupationFit(occupation=occupations[i], fit=fits[i]) for i in ids if i in fits]
        found.sort(key=lambda f: (-f.fit, f.occupation.title))
        return found

    scored = []
    for score, cluster in rank_clusters(fits=fits, framework=chosen):
        scored.append((score, cluster, ranked(cluster.occupation_ids)))

    matches = []
    for rank, (score, cluster, everyone) in enumerate(scored, start=1):
        fitting = [f for f in everyone if is_fit(value=f.fit)]
        suitable = [
            f for f in fitting if in_zone(job_zone=f.occupation.job_zone, plan=education_plan)
        ]
        typical = typical_profile(fits=fitting[:TOP_K])
        pathways = sorted(
            (
                PathwayMatch(
                    pathway=p,
                    score=cluster_score(fits=[fits[i] for i in p.occupation_ids if i in fits]),
                )
                for p in cluster.pathways
            ),
            key=lambda m: (-m.score, m.pathway.name),
        )
        matches.append(
            ClusterMatch(
                cluster=cluster,
                rank=rank,
                score=score,
                fitting_count=len(suitable),
                occupations=tuple(suitable[:occupations_per_cluster]),
                pathways=tuple(pathways),
                typical_scores=typical,
                typical=(
                    interest_code(profile=dict(zip(AREAS, typical, strict=True)))
                    if typical
                    else ""
                ),
            )
        )
    in_framework = {i for c in chosen.clusters for i in c.occupation_ids}
    in_framework.update(chosen.weak_occupation_ids)
    best = [
        f
        for f in ranked(in_framework)
        if in_zone(job_zone=f.occupation.job_zone, plan=education_plan)
    ][:top_occupations]
    return Match(
        framework=chosen,
        profile=dict(profile),
        code=code,
        education_plan=education_plan,
        clusters=tuple(matches),
        top_occupations=tuple(best),
    )
