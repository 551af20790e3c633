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
from dataclasses import dataclass, field

from assessments.scoring import AREA_NAMES, AREAS, interest_code

TOP_K = 5
ZONE_REACH = 1
# Labels. Correlations between six-score profiles run high (about half of all occupations
# correlate 0.5 or more with a typical student), so the bars are set high too.
GREAT_FIT = 0.9
GOOD_FIT = 0.8  # "fits you well" in the explanations
SOME_FIT = 0.6


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


def fit_label(*, value: float) -> str:
    if value >= GREAT_FIT:
        return "Great fit"
    if value >= GOOD_FIT:
        return "Good fit"
    if value >= SOME_FIT:
        return "Some fit"
    return "Weak fit"


def strength_label(*, score: float) -> str:
    """Bars chosen from simulated students: typically the best two clusters are very strong,
    the next few strong, the middle good or moderate and the last few weak."""
    if score >= 0.95:
        return "Very strong match"
    if score >= 0.9:
        return "Strong match"
    if score >= 0.8:
        return "Good match"
    if score >= 0.6:
        return "Moderate match"
    return "Weak match"


def percent(*, value: float) -> int:
    """A fit or match score (-1 to 1) shown as 0-100; anything at or below 0 shows as 0."""
    return max(0, min(100, round(value * 100)))


# ---------------------------------------------------------------------------------------
# A full match


@dataclass(frozen=True)
class OccupationFit:
    occupation: OccupationProfile
    fit: float

    @property
    def percent(self) -> int:
        return percent(value=self.fit)

    @property
    def label(self) -> str:
        return fit_label(value=self.fit)


@dataclass(frozen=True)
class PathwayMatch:
    pathway: PathwayRef
    score: float


@dataclass(frozen=True)
class ClusterMatch:
    cluster: ClusterRef
    rank: int
    score: float
    good_count: int  # occupations with a fit of GOOD_FIT or more
    shared_areas: tuple[str, ...]  # the student's top areas that are also this cluster's
    occupations: tuple[OccupationFit, ...]  # best first, filtered by the education plan
    pathways: tuple[PathwayMatch, ...]  # best first
    examples: tuple[OccupationFit, ...]  # the careers the explanation names

    @property
    def why_lead(self) -> str:
        return why_lead(shared_areas=self.shared_areas, good_count=self.good_count)

    @property
    def why_connector(self) -> str:
        return why_connector(good_count=self.good_count, examples=len(self.examples))

    @property
    def why(self) -> str:
        return explain(
            shared_areas=self.shared_areas,
            good_count=self.good_count,
            examples=[f.occupation.title for f in self.examples],
        )

    @property
    def percent(self) -> int:
        return percent(value=self.score)

    @property
    def strength(self) -> str:
        return strength_label(score=self.score)


@dataclass(frozen=True)
class Match:
    framework: FrameworkRef
    profile: dict[str, float]
    code: str
    education_plan: int | None
    clusters: tuple[ClusterMatch, ...]  # best first
    top_occupations: tuple[OccupationFit, ...]
    fits: dict[int, float] = field(repr=False)


def _join(words: Sequence[str]) -> str:
    """ "A, B and C"; with semicolons when a title has its own commas or "and"."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    if any("," in w or " and " in w for w in words):
        return "; ".join(words[:-1]) + "; and " + words[-1]
    return ", ".join(words[:-1]) + " and " + words[-1]


def cluster_areas(*, fits: Sequence[OccupationFit]) -> str:
    """The interest code of the typical best-fitting careers of a cluster."""
    if not fits:
        return ""
    mean = [sum(f.occupation.scores[i] for f in fits) / len(fits) for i in range(len(AREAS))]
    return interest_code(profile=dict(zip(AREAS, mean, strict=True)))


def why_lead(*, shared_areas: Sequence[str], good_count: int) -> str:
    """The first half of why a cluster matches: shared interests and how many careers fit."""
    if shared_areas:
        liked = f"You like {_join([AREA_NAMES[a] for a in shared_areas])} activities"
    else:
        liked = "Your mix of interests is different from most careers here"
    if good_count == 1:
        return f"{liked}; 1 career here fits you well"
    if good_count:
        return f"{liked}; {good_count} careers here fit you well"
    return f"{liked}; no career here fits you strongly"


def why_connector(*, good_count: int, examples: int) -> str:
    """What joins the lead to the example careers (empty when there are none)."""
    if not examples:
        return ""
    if not good_count:
        return "; the closest is" if examples == 1 else "; the closest are"
    return ":" if good_count == 1 or examples == 1 else ", such as"


def explain(*, shared_areas: Sequence[str], good_count: int, examples: Sequence[str]) -> str:
    """Why a cluster matches, in plain words (the results page links the examples)."""
    examples = list(examples)[:3]
    lead = why_lead(shared_areas=shared_areas, good_count=good_count)
    connector = why_connector(good_count=good_count, examples=len(examples))
    return f"{lead}{connector} {_join(examples)}." if examples else f"{lead}."


def _examples(
    suitable: Sequence[OccupationFit], everyone: Sequence[OccupationFit], good: int
) -> list[OccupationFit]:
    """Up to three careers to name: well-fitting ones that suit the plan first."""
    if not good:
        return list((suitable or everyone)[:3])
    well = [f for f in suitable if f.fit >= GOOD_FIT] or list(everyone[:good])
    return well[:3]


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
    student_top = code

    def ranked(ids: Iterable[int]) -> list[OccupationFit]:
        found = [OccupationFit(occupation=occupations[i], fit=fits[i]) for i in ids if i in fits]
        found.sort(key=lambda f: (-f.fit, f.occupation.title))
        return found

    scored = []
    for score, cluster in rank_clusters(fits=fits, framework=chosen):
        scored.append((score, cluster, ranked(cluster.occupation_ids)))

    matches = []
    for rank, (score, cluster, everyone) in enumerate(scored, start=1):
        suitable = [
            f for f in everyone if in_zone(job_zone=f.occupation.job_zone, plan=education_plan)
        ]
        good = sum(1 for f in everyone if f.fit >= GOOD_FIT)
        typical = cluster_areas(fits=everyone[:TOP_K])
        shared = tuple(a for a in student_top[:2] if a in typical)
        shown = suitable[:occupations_per_cluster]
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
                good_count=good,
                shared_areas=shared,
                occupations=tuple(shown),
                pathways=tuple(pathways),
                examples=tuple(_examples(suitable, everyone, good)),
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
        fits=fits,
    )
