"""Reads that pages need, each written for a fixed number of queries."""

import re
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy

from clusters.models import (
    Attribute,
    Cluster,
    DataRelease,
    EducationShare,
    Framework,
    LocalProgramme,
    Occupation,
    OtherTitle,
    Pathway,
    PathwayOccupation,
    Programme,
    RelatedOccupation,
    Task,
)
from clusters.riasec import RIASEC
from clusters.wording import EDUCATION_LEVELS, RIASEC_LABELS
from core.content_version import kept
from core.i18n import in_language, translated
from core.queries import count_of


def data_releases() -> list[DataRelease]:
    """All data releases, kept per process until the content changes: the footer shows
    them on every page."""
    return kept("data releases", lambda: list(DataRelease.objects.all()))


# ---------------------------------------------------------------------------------------
# Explore pages: clusters, pathways, occupations, compare, saved careers.
# Each function documents how many queries it makes; tests assert the page totals.

OCCUPATION_CODE = re.compile(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}")  # ASCII digits only
LIST_PAGE_SIZE = 25

# Sort orders for occupation lists: key -> (label, ORDER BY). Missing figures sort last;
# title and code break ties so both databases give the same order; "title" is the title in
# the page's language.
# The default puts first the careers with the most job openings a year: the ones a student
# has the best chance of being hired into. A to Z is one click away on every list.
SORTS = {
    "openings": (
        gettext_lazy("Most job openings first"),
        [F("annual_openings").desc(nulls_last=True), "title", "code"],
    ),
    "title": (gettext_lazy("Title (A to Z)"), ["title", "code"]),
    "pay": (
        gettext_lazy("Pay (highest first)"),
        [F("wage_median").desc(nulls_last=True), "title", "code"],
    ),
    "growth": (
        gettext_lazy("Growth (fastest first)"),
        [F("employment_change_pct").desc(nulls_last=True), "title", "code"],
    ),
}
DEFAULT_SORT = "openings"

LIST_FIELDS = (
    "id", "code", "title", "title_es", "job_zone_id", "entry_education", "wage_median",
    "wage_top_coded", "wage_cap",
    "hourly_only", "employment_change_pct", "annual_openings", "bright_outlook",
    "figures_for_group", "figures_group", "wage_hourly_median",
)  # fmt: skip


@dataclass(frozen=True)
class ListFilters:
    """Filters and sort for an occupation list, already checked (clusters.forms)."""

    job_zone: int | None = None
    education: str | None = None
    sort: str = DEFAULT_SORT

    def apply(self, occupations: QuerySet) -> QuerySet:
        if self.job_zone:
            occupations = occupations.filter(job_zone_id=self.job_zone)
        if self.education:
            occupations = occupations.filter(entry_education=EDUCATION_LEVELS[self.education][0])
        return occupations.order_by(
            *(in_language("title") if key == "title" else key for key in SORTS[self.sort][1])
        )

    @property
    def active(self) -> bool:
        return bool(self.count)

    @property
    def count(self) -> int:
        """How many filters are on (the sort is not a filter)."""
        return bool(self.job_zone) + bool(self.education)

    @property
    def is_default_sort(self) -> bool:
        return self.sort == DEFAULT_SORT


def _list_occupations(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(None).only(*LIST_FIELDS)


def _paginate(queryset: QuerySet, page: int | None, size: int = LIST_PAGE_SIZE) -> Page:
    """A page of the list; a bad or out-of-range page number gives the first or last page.

    Two queries (count, rows); one when the list is empty.
    """
    return page_of(Paginator(queryset, size), page)


def page_of(paginator: Paginator, page: int | None) -> Page:
    """The page asked for; none or below 1 -> the first, too high -> the last."""
    return paginator.page(min(max(page or 1, 1), paginator.num_pages))


# -- Clusters index ------------------------------------------------------------------------


@dataclass
class ClusterSummary:
    cluster: Cluster
    occupation_count: int
    top_interests: list[tuple[str, str, int]]  # (letter, name, percent of its careers)
    examples: list[str] = field(default_factory=list)  # titles of its most common careers


def frameworks() -> list[Framework]:
    """Both frameworks, default first. One query."""
    return sorted(Framework.objects.all(), key=lambda f: (not f.is_default, f.position, f.name))


def clusters_of(*, framework: Framework) -> list[Cluster]:
    """A framework's clusters by name, for a grid of links. One query."""
    return list(Cluster.objects.filter(framework=framework).order_by(in_language("name")))


def pick_framework(all_frameworks: list[Framework], slug: str | None) -> Framework | None:
    """The framework asked for, the default one when none is asked for, None when unknown."""
    if slug:
        return next((f for f in all_frameworks if f.slug == slug), None)
    return next(
        (f for f in all_frameworks if f.is_default), all_frameworks[0] if all_frameworks else None
    )


def cluster_summaries(*, framework: Framework) -> list[ClusterSummary]:
    """Every cluster of a framework with its number of careers and most common interests.

    Two queries: distinct counts of the cluster's occupations per first interest letter, and
    the titles of each cluster's three short-titled careers with the most workers (weak
    members left out).
    """
    member = "pathways__occupations"
    counts = {
        letter: Count(member, filter=Q(**{f"{member}__interest_code__startswith": letter}),
                      distinct=True)
        for letter in RIASEC
    }  # fmt: skip
    clusters = (
        Cluster.objects.filter(framework=framework)
        .annotate(
            occupation_count=Count(member, distinct=True),
            **{f"n_{k}": v for k, v in counts.items()},
        )
        .order_by(in_language("name"))
    )
    summaries = []
    for cluster in clusters:
        total = cluster.occupation_count
        ranked = sorted(
            ((getattr(cluster, f"n_{letter}"), letter) for letter in RIASEC),
            key=lambda pair: (-pair[0], RIASEC.index(pair[1])),
        )
        top = [
            (letter, RIASEC_LABELS[letter], round(100 * n / total))
            for n, letter in ranked[:2]
            if n and total
        ]
        summaries.append(ClusterSummary(cluster, total, top))
    examples = _example_titles(framework=framework)
    for summary in summaries:
        summary.examples.extend(examples.get(summary.cluster.pk, []))
    return summaries


def _example_titles(*, framework: Framework, per_cluster: int = 3) -> dict[int, list[str]]:
    rows = (
        PathwayOccupation.objects.filter(pathway__cluster__framework=framework, is_weak=False)
        .order_by(F("occupation__employment_2024").desc(nulls_last=True), "occupation__title")
        .values_list("pathway__cluster_id", "occupation__title", in_language("occupation__title"))
    )
    titles: dict[int, list[str]] = {}
    for cluster_id, english, title in rows:
        found = titles.setdefault(cluster_id, [])
        # short, plain titles make good examples ("All Other" and "Except ..." groups do not)
        plain = len(title) <= 40 and "All Other" not in english and "Except" not in english
        if len(found) < per_cluster and plain and title not in found:
            found.append(title)
    return titles


# -- Cluster and pathway pages -------------------------------------------------------------


def cluster_by_slug(*, slug: str) -> Cluster | None:
    """One query."""
    return Cluster.objects.select_related("framework").filter(slug=slug).first()


def cluster_pathways(*, cluster: Cluster) -> list[Pathway]:
    """The cluster's pathways with their number of careers. One query."""
    return list(
        cluster.pathways.annotate(occupation_count=Count("occupations", distinct=True)).order_by(
            in_language("name")
        )
    )


def cluster_occupations(*, cluster: Cluster, filters: ListFilters, page: int | None) -> Page:
    """A page of the careers in any of the cluster's pathways. Two queries (count, rows)."""
    return _member_page(PathwayOccupation.objects.filter(pathway__cluster=cluster), filters, page)


def pathway_by_slugs(*, cluster_slug: str, pathway_slug: str) -> Pathway | None:
    """The pathway with its cluster, framework and number of programmes of study. One query."""
    return (
        Pathway.objects.select_related("cluster__framework")
        .annotate(programme_count=count_of(Pathway.programmes.through, "pathway_id"))
        .filter(cluster__slug=cluster_slug, slug=pathway_slug)
        .first()
    )


def pathway_occupations(*, pathway: Pathway, filters: ListFilters, page: int | None) -> Page:
    """Two queries (count, rows)."""
    return _member_page(PathwayOccupation.objects.filter(pathway=pathway), filters, page)


def _member_page(members: QuerySet, filters: ListFilters, page: int | None) -> Page:
    """A filtered, sorted page of the occupations in `members` (PathwayOccupation rows)."""
    occupations = Occupation.objects.filter(pk__in=members.values("occupation_id"))
    return _paginate(filters.apply(_list_occupations(occupations)), page)


PATHWAY_PROGRAMMES_SHOWN = 60


def pathway_programmes(
    *, pathway: Pathway, limit: int = PATHWAY_PROGRAMMES_SHOWN
) -> list[Programme]:
    """The first programmes of study (CIP) by title. One query."""
    return list(pathway.programmes.order_by("title", "cip_code")[:limit])


def local_programmes_for(*, pathway: Pathway | None = None, occupation: Occupation | None = None):
    """Published 'At our school' offers linked to a pathway or an occupation. One query."""
    offers = LocalProgramme.objects.filter(is_published=True)
    if pathway is not None:
        offers = offers.filter(pathways=pathway)
    if occupation is not None:
        offers = offers.filter(occupations=occupation)
    return list(offers.distinct().order_by("name", "pk"))


# -- Occupation page -----------------------------------------------------------------------

OTHER_TITLES_SHOWN = 12
RELATED_SHOWN = 10
PROGRAMMES_SHOWN = 20
TOP_ATTRIBUTES = 6
MAIN_TASKS_SHOWN = 8


@dataclass
class Membership:
    framework: Framework
    cluster: Cluster
    pathways: list[Pathway] = field(default_factory=list)


@dataclass
class OccupationPage:
    occupation: Occupation
    tasks: list[Task]
    other_titles: list[OtherTitle]
    related: list[Occupation]
    skills: list[Attribute]
    knowledge: list[Attribute]
    education: list[EducationShare]
    programmes: list[Programme]
    programme_count: int
    memberships: list[Membership]
    local_programmes: list[LocalProgramme]

    @property
    def core_tasks(self) -> list[Task]:
        return [t for t in self.tasks if t.is_core]

    @property
    def main_tasks(self) -> list[Task]:
        """Up to eight tasks for the page: core tasks first (O*NET's most relevant)."""
        return (self.core_tasks or self.tasks)[:MAIN_TASKS_SHOWN]

    @property
    def has_more_tasks(self) -> bool:
        return len(self.tasks) > len(self.main_tasks)


def occupation_page(*, code: str) -> OccupationPage | None:
    """Everything the occupation page shows, in nine queries whatever the occupation."""
    if not OCCUPATION_CODE.fullmatch(code):
        return None
    occupation = (
        Occupation.objects.select_related("job_zone")
        .annotate(programme_count=count_of(Occupation.programmes.through, "occupation_id"))
        .filter(code=code)
        .first()
    )
    if occupation is None:
        return None
    tasks = list(occupation.tasks.order_by("-is_core", "position", "pk"))
    other_titles = list(
        occupation.titles.exclude(title__iexact=occupation.title).order_by(
            "-featured", "-kind", "title", "pk"
        )[:OTHER_TITLES_SHOWN]
    )
    related = [
        r.related
        for r in RelatedOccupation.objects.filter(occupation=occupation)
        .select_related("related")
        .only(*(f"related__{f}" for f in LIST_FIELDS), "related_id", "rank")
        .order_by("rank", "pk")[:RELATED_SHOWN]
    ]
    attributes = list(occupation.attributes.order_by("kind", "-importance", "name"))
    education = list(occupation.education.order_by("category"))
    programmes = list(occupation.programmes.order_by("title", "cip_code")[:PROGRAMMES_SHOWN])
    links = (
        PathwayOccupation.objects.filter(occupation=occupation)
        .select_related("pathway__cluster__framework")
        .order_by(
            "pathway__cluster__framework__position", "pathway__cluster__name", "pathway__name"
        )
    )
    memberships: dict[int, Membership] = {}
    for link in links:
        cluster = link.pathway.cluster
        entry = memberships.setdefault(cluster.pk, Membership(cluster.framework, cluster))
        entry.pathways.append(link.pathway)
    ordered = sorted(
        memberships.values(),
        key=lambda m: (
            not m.framework.is_default,
            m.framework.position,
            translated(m.cluster, "name"),
        ),
    )
    return OccupationPage(
        occupation=occupation,
        tasks=tasks,
        other_titles=other_titles,
        related=related,
        skills=[a for a in attributes if a.kind == Attribute.SKILL][:TOP_ATTRIBUTES],
        knowledge=[a for a in attributes if a.kind == Attribute.KNOWLEDGE][:TOP_ATTRIBUTES],
        education=education,
        programmes=programmes,
        programme_count=occupation.programme_count,
        memberships=ordered,
        local_programmes=local_programmes_for(occupation=occupation),
    )


# -- Lists by code: compare, saved careers, search results ----------------------------------


def occupations_by_code(*, codes: list[str], with_tasks: bool = False) -> list[Occupation]:
    """The occupations with these codes, in the order given (unknown codes left out).

    One query (two with the core tasks for comparing).
    """
    wanted = [c for c in codes if OCCUPATION_CODE.fullmatch(c)]
    if not wanted:
        return []
    occupations = Occupation.objects.filter(code__in=wanted, is_retired=False).select_related(
        "job_zone"
    )
    if with_tasks:
        occupations = occupations.prefetch_related(
            Prefetch(
                "tasks",
                queryset=Task.objects.filter(is_core=True).order_by("position", "pk"),
                to_attr="core_tasks",
            )
        )
    found = {o.code: o for o in occupations}
    return [found[c] for c in wanted if c in found]


def occupations_by_id(*, ids: list[int]) -> list[Occupation]:
    """Occupations in the order of `ids` (a search page). One query."""
    if not ids:
        return []
    found = {o.pk: o for o in _list_occupations(Occupation.objects.filter(pk__in=ids))}
    return [found[i] for i in ids if i in found]


def all_clusters() -> list[Cluster]:
    """Every cluster with its framework, default framework first (for filter menus). One query."""
    return sorted(
        Cluster.objects.select_related("framework"),
        key=lambda c: (not c.framework.is_default, c.framework.position, translated(c, "name")),
    )
