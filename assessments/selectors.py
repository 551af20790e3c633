"""Reads the quiz and results pages need, each a fixed number of queries.

The matching catalogue (every occupation's interest profile and its clusters and pathways)
is loaded with one query and kept in memory per process until the content version changes
(`kept` in core/content_version.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessments.matching import Catalogue, build_catalogue, in_zone, match_profile
from assessments.models import Assessment, Attempt, EducationPlan, Item, Response
from assessments.scoring import (
    AREA_LABELS,
    AREAS,
    NEUTRAL,
    tie_groups,
)
from assessments.wording import cluster_reasons, code_letters, count_sentence, tie_sentence
from clusters.models import LocalProgramme, Occupation, PathwayOccupation
from core.content_version import kept
from core.i18n import in_language

_SCORES = (
    "occupation__realistic",
    "occupation__investigative",
    "occupation__artistic",
    "occupation__social",
    "occupation__enterprising",
    "occupation__conventional",
)


def load_catalogue() -> Catalogue:
    """Build the matching catalogue from the database with one query."""
    rows = (
        PathwayOccupation.objects.filter(**{f"{name}__isnull": False for name in _SCORES})
        .order_by()
        .values_list(
            "pathway__cluster__framework__slug",
            in_language("pathway__cluster__framework__name"),
            "pathway__cluster__framework__is_default",
            "pathway__cluster__framework__position",
            "pathway__cluster_id",
            "pathway__cluster__slug",
            in_language("pathway__cluster__name"),
            "pathway_id",
            "pathway__slug",
            in_language("pathway__name"),
            "occupation_id",
            "occupation__code",
            in_language("occupation__title"),
            "occupation__job_zone_id",
            "is_weak",
            *_SCORES,
        )
    )
    occupations, frameworks, memberships = {}, {}, []
    for (
        fw,
        fw_name,
        is_default,
        position,
        cid,
        cslug,
        cname,
        pid,
        pslug,
        pname,
        oid,
        *rest,
    ) in rows:
        code, title, zone, is_weak, *scores = rest
        occupations[oid] = (oid, code, title, zone, scores)
        frameworks[fw] = (position, fw_name, is_default)
        memberships.append((fw, cid, cslug, cname, pid, pslug, pname, oid, is_weak))
    ordered = sorted(frameworks.items(), key=lambda kv: (kv[1][0], kv[1][1]))
    return build_catalogue(
        occupations=occupations.values(),
        frameworks=[(slug, name, default) for slug, (_, name, default) in ordered],
        memberships=memberships,
    )


def matching_catalogue() -> Catalogue:
    """The catalogue for matching: loaded once per process and language, again when the
    data changes (its names and titles are in the page's language)."""
    return kept(f"matching catalogue {get_language()}", load_catalogue)


# ---------------------------------------------------------------------------------------
# Quiz pages


def published_assessments() -> list[Assessment]:
    return list(Assessment.objects.filter(is_published=True))


def attempt_for_token(*, token: str) -> Attempt | None:
    return Attempt.objects.select_related("assessment").filter(token=token).first()


@dataclass(frozen=True)
class QuizItem:
    id: int
    order: int
    area: str
    text: str
    answer: int | None


def attempt_items(*, attempt: Attempt) -> list[QuizItem]:
    """The attempt's items in order, each with the answer given so far (one query)."""
    answers = Response.objects.filter(attempt_id=attempt.pk, item_id=OuterRef("pk")).values(
        "value"
    )[:1]
    rows = (
        Item.objects.filter(assessment_id=attempt.assessment_id)
        .order_by("order", "pk")
        .annotate(answer=Subquery(answers))
        .values_list("pk", "order", "area", in_language("text"), "answer")
    )
    return [QuizItem(*row) for row in rows]


def pages(*, items: list, per_page: int) -> list[list]:
    """Split items into pages of about `per_page` that differ in size by at most one."""
    if not items:
        return []
    count = -(-len(items) // per_page)
    size, extra = divmod(len(items), count)
    result, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        result.append(items[start:end])
        start = end
    return result


def earlier_attempts(*, tokens: list[str], exclude_pk: int | None = None) -> list[Attempt]:
    """This browser's finished attempts, newest first (one query)."""
    if not tokens:
        return []
    attempts = (
        Attempt.objects.filter(token__in=tokens, completed_at__isnull=False)
        .select_related("assessment")
        .order_by("-completed_at")
    )
    if exclude_pk is not None:
        attempts = attempts.exclude(pk=exclude_pk)
    return list(attempts[:10])


def unfinished_attempts(*, tokens: list[str]) -> list[Attempt]:
    if not tokens:
        return []
    return list(
        Attempt.objects.filter(token__in=tokens, completed_at__isnull=True)
        .select_related("assessment")
        .order_by("-updated_at")[:5]
    )


# ---------------------------------------------------------------------------------------
# Results page


def occupation_details(*, ids: set[int]) -> dict[int, Occupation]:
    """Pay and outlook for the occupations shown (one query)."""
    if not ids:
        return {}
    rows = Occupation.objects.filter(pk__in=ids).only(
        "code",
        "title",
        "title_es",
        "wage_median",
        "wage_top_coded",
        "wage_cap",
        "hourly_only",
        "wage_hourly_median",
        "bright_outlook",
        "figures_for_group",
        "figures_group",
    )
    return {o.pk: o for o in rows}


def local_programmes(*, cluster_ids: list[int]) -> list[LocalProgramme]:
    """Published "At our school" offers for the pathways of these clusters (one query).

    Each programme gets `matched_pathways`: its pathways in these clusters, with the cluster.
    """
    if not cluster_ids:
        return []
    links = (
        LocalProgramme.pathways.through.objects.filter(
            localprogramme__is_published=True, pathway__cluster_id__in=cluster_ids
        )
        .select_related("localprogramme", "pathway__cluster")
        .order_by("localprogramme__name", "localprogramme_id", "pathway__name")
    )
    programmes: dict[int, LocalProgramme] = {}
    for link in links:
        programme = programmes.setdefault(link.localprogramme_id, link.localprogramme)
        if not hasattr(programme, "matched_pathways"):
            programme.matched_pathways = []
        programme.matched_pathways.append(link.pathway)
    return list(programmes.values())


# ---------------------------------------------------------------------------------------
# The results page, put together (fixed queries: the attempt is already loaded; then one
# for occupation details, one or two for "At our school", one for earlier attempts, and
# one for the matching catalogue only when this process has not cached it yet).

TOP_CLUSTERS = 5  # clusters shown in full, with their careers (those that fit)
SUMMARY_CLUSTERS = 3  # clusters in "Your top clusters" at the top of the page
PROGRAMME_CLUSTERS = 3  # "At our school" offers are shown for the best clusters' pathways


@dataclass(frozen=True)
class ShownOccupation:
    fit: object  # matching.OccupationFit
    details: Occupation | None
    pathway: object | None  # matching.PathwayRef
    preparation: str  # its job zone in the education plan's words (what the filter uses)


@dataclass(frozen=True)
class ShownCluster:
    match: object  # matching.ClusterMatch
    occupations: list[ShownOccupation]
    pathways: list  # matching.PathwayMatch, best few
    reason: object  # wording.Reason
    count: str  # how many careers here fit, within the plan


def preparation_words(*, job_zone: int | None) -> str:
    """A job zone in the words of the education plan it matches (the filter's words)."""
    if job_zone is None:
        return _("not rated")
    return EducationPlan(job_zone).label


def plan_reach(*, plan: int | None) -> list[str]:
    """The plans whose careers a plan shows (matching.ZONE_REACH), in the filter's words."""
    if plan is None:
        return []
    return [label for value, label in EducationPlan.choices if in_zone(job_zone=value, plan=plan)]


def results_page(
    *,
    attempt: Attempt,
    framework: str | None,
    education_plan: int | None,
    browser_tokens: list[str],
    with_extras: bool = True,
) -> dict:
    """Everything the results page shows. Raises LookupError for an unknown framework."""
    catalogue = matching_catalogue()
    chosen = catalogue.frameworks.get(framework) if framework else catalogue.default_framework
    if framework and chosen is None:
        raise LookupError(framework)
    profile = attempt.profile
    code = attempt.code
    if attempt.is_flat:
        state = "flat"
    elif attempt.is_low:
        state = "low"
    else:
        state = "clear"
    highest = max(AREAS, key=lambda a: (profile[a], -AREAS.index(a)))
    context: dict = {
        "attempt": attempt,
        "assessment": attempt.assessment,
        "profile": profile,
        "state": state,
        "neutral": NEUTRAL,
        "highest": (AREA_LABELS[highest], profile[highest]),
        "code": code,
        "code_letters": code_letters(profile=profile, code=code),
        "tie_notes": [tie_sentence(group=g, code=code) for g in tie_groups(profile=profile)],
        "frameworks": list(catalogue.frameworks.values()),
        "framework": chosen,
        "education_plan": education_plan,
        "plan_reach": plan_reach(plan=education_plan),
        "match": None,
        "top_clusters": [],
        "other_clusters": [],
    }
    if state == "clear" and chosen is not None:
        match = match_profile(
            profile=profile,
            catalogue=catalogue,
            framework=chosen.slug,
            education_plan=education_plan,
        )
        top = [c for c in match.clusters[:TOP_CLUSTERS] if c.is_fit]
        reasons = cluster_reasons(clusters=top, profile=profile)
        details = occupation_details(ids={f.occupation.id for c in top for f in c.occupations})
        shown = []
        for cluster_match in top:
            ranked_pathways = [p.pathway for p in cluster_match.pathways]
            occupations = []
            for occupation_fit in cluster_match.occupations:
                oid = occupation_fit.occupation.id
                pathway = next((p for p in ranked_pathways if oid in p.occupation_ids), None)
                occupations.append(
                    ShownOccupation(
                        fit=occupation_fit,
                        details=details.get(oid),
                        pathway=pathway,
                        preparation=preparation_words(job_zone=occupation_fit.occupation.job_zone),
                    )
                )
            shown.append(
                ShownCluster(
                    match=cluster_match,
                    occupations=occupations,
                    pathways=list(cluster_match.pathways[:3]),
                    reason=reasons[cluster_match.cluster.id],
                    count=count_sentence(match=cluster_match, plan=education_plan),
                )
            )
        context.update(
            match=match,
            top_clusters=shown,
            summary=shown[:SUMMARY_CLUSTERS],
            other_clusters=[
                c
                for c in match.clusters
                if c.cluster.id not in {s.match.cluster.id for s in shown}
            ],
        )
    if with_extras:
        best = [c.match.cluster.id for c in context["top_clusters"][:PROGRAMME_CLUSTERS]]
        context["programmes"] = local_programmes(cluster_ids=best)
        context["earlier"] = earlier_attempts(tokens=browser_tokens, exclude_pk=attempt.pk)
    return context
