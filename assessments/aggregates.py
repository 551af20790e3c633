"""Aggregate quiz results for counselors: totals only, never one student's answers.

`quiz_summary` runs a fixed number of queries whatever the number of attempts:
attempts per week (started, and how many of those finished), the spread of three-letter
interest codes, and the finished profiles, from which the top cluster of each finished
attempt is worked out in memory with the same ranking the results page uses (Attempt does
not store its top cluster). The chart helpers turn counts into bar geometry for
server-rendered SVG.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone

from assessments.matching import Catalogue, occupation_fits, rank_clusters
from assessments.models import Attempt
from assessments.scoring import AREA_NAMES, AREAS

TOP_CODES = 12
FLAT = "No clear match (flat answers)"


@dataclass
class Week:
    start: datetime.date
    started: int
    finished: int

    @property
    def end(self) -> datetime.date:
        return self.start + datetime.timedelta(days=6)


@dataclass
class Summary:
    start: datetime.date
    end: datetime.date
    framework_name: str
    weeks: list[Week] = field(default_factory=list)
    codes: list[tuple[str, int]] = field(default_factory=list)
    clusters: list[tuple[str, int]] = field(default_factory=list)

    @property
    def started(self) -> int:
        return sum(w.started for w in self.weeks)

    @property
    def finished(self) -> int:
        return sum(w.finished for w in self.weeks)

    @property
    def completion_rate(self) -> int | None:
        """Percent of the attempts started in the range that were finished."""
        if not self.started:
            return None
        return round(100 * self.finished / self.started)


def _bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, ...]:
    zone = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, zone)
    return low, high


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def weekly_attempts(*, attempts, start: datetime.date, end: datetime.date) -> list[Week]:
    """Every week (Monday to Sunday) touching the range, with attempts started in the range
    that week and how many of those were finished (by now). One query."""
    rows = (
        attempts.annotate(week=TruncWeek("created_at"))
        .order_by()
        .values("week")
        .annotate(started=Count("pk"), finished=Count("pk", filter=Q(completed_at__isnull=False)))
    )
    found = {}
    for row in rows:
        week = row["week"]
        if isinstance(week, datetime.datetime):
            week = timezone.localtime(week).date() if timezone.is_aware(week) else week.date()
        found[_monday(week)] = (row["started"], row["finished"])
    weeks, monday = [], _monday(start)
    while monday <= end:
        started, finished = found.get(monday, (0, 0))
        weeks.append(Week(start=monday, started=started, finished=finished))
        monday += datetime.timedelta(days=7)
    return weeks


def code_counts(*, attempts, top: int = TOP_CODES) -> list[tuple[str, int]]:
    """The commonest three-letter codes of finished attempts, then "Other codes". One query."""
    rows = list(
        attempts.filter(completed_at__isnull=False, is_flat=False)
        .exclude(code="")
        .order_by()
        .values("code")
        .annotate(n=Count("pk"))
        .order_by("-n", "code")
    )
    counts = [(r["code"], r["n"]) for r in rows[:top]]
    rest = sum(r["n"] for r in rows[top:])
    if rest:
        counts.append(("Other codes", rest))
    return counts


def top_cluster(*, profile: Sequence[float], catalogue: Catalogue, framework: str | None = None):
    """The cluster ranked first for a profile, by the results page's own ranking
    (assessments.matching.rank_clusters), without building the rest of the results."""
    chosen = catalogue.frameworks.get(framework) if framework else catalogue.default_framework
    if chosen is None:
        raise LookupError(f"Unknown framework {framework!r}.")
    fits = occupation_fits(profile=list(profile), catalogue=catalogue)
    ranked = rank_clusters(fits=fits, framework=chosen)
    return ranked[0][1] if ranked else None


def cluster_counts(
    *, attempts, catalogue: Catalogue, framework: str | None = None
) -> list[tuple[str, int]]:
    """How many finished attempts had each cluster first. One query; identical profiles
    are ranked once."""
    profiles: Counter = Counter()
    flat = 0
    for is_flat, *scores in attempts.filter(completed_at__isnull=False).values_list(
        "is_flat", *(AREA_NAMES[a].lower() for a in AREAS)
    ):
        if is_flat or any(s is None for s in scores):
            flat += 1
        else:
            profiles[tuple(round(s, 6) for s in scores)] += 1
    counts: Counter = Counter()
    for profile, n in profiles.items():
        try:
            cluster = top_cluster(profile=profile, catalogue=catalogue, framework=framework)
        except ValueError:  # no shape to compare
            cluster = None
        counts[cluster.name if cluster else FLAT] += n
    counts[FLAT] += flat
    if not counts[FLAT]:
        del counts[FLAT]
    return sorted(counts.items(), key=lambda kv: (kv[0] == FLAT, -kv[1], kv[0]))


def quiz_summary(
    *,
    start: datetime.date,
    end: datetime.date,
    catalogue: Catalogue,
    assessment_id: int | None = None,
    framework: str | None = None,
) -> Summary:
    """Everything the results page shows for attempts started from `start` to `end`
    (inclusive, in the site's time zone). Three queries."""
    low, high = _bounds(start, end)
    attempts = Attempt.objects.filter(created_at__gte=low, created_at__lt=high)
    if assessment_id is not None:
        attempts = attempts.filter(assessment_id=assessment_id)
    chosen = catalogue.frameworks.get(framework) if framework else catalogue.default_framework
    return Summary(
        start=start,
        end=end,
        framework_name=chosen.name if chosen else "",
        weeks=weekly_attempts(attempts=attempts, start=start, end=end),
        codes=code_counts(attempts=attempts),
        clusters=cluster_counts(
            attempts=attempts, catalogue=catalogue, framework=chosen.slug if chosen else None
        )
        if chosen
        else [],
    )


# ---------------------------------------------------------------------------------------
# Chart geometry for inline SVG


@dataclass
class Bar:
    label: str
    value: int
    y: int
    width: float
    text_x: float
    percent: int | None = None


@dataclass
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int

    @property
    def bar_x(self) -> int:
        return self.label_width


def bar_chart(
    *,
    rows: Sequence[tuple[str, int]],
    width: int = 640,
    label_width: int = 240,
    bar_height: int = 18,
    gap: int = 8,
    total: int | None = None,
) -> BarChart:
    """Horizontal bars: label on the left, bar, then the number (and share of `total`)."""
    room = width - label_width - 90  # space for the number after the bar
    largest = max((v for _, v in rows), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(rows):
        bar_width = round(room * value / largest, 1)
        bars.append(
            Bar(
                label=label,
                value=value,
                y=i * (bar_height + gap),
                width=bar_width,
                text_x=label_width + bar_width + 6,
                percent=round(100 * value / total) if total else None,
            )
        )
    height = max(len(rows) * (bar_height + gap) - gap, bar_height)
    return BarChart(
        bars=bars, width=width, height=height, label_width=label_width, bar_height=bar_height
    )


@dataclass
class WeekBar:
    week: Week
    y: int
    started_width: float
    finished_width: float
    text_x: float
    percent: int | None


@dataclass
class WeekChart:
    bars: list[WeekBar]
    width: int
    height: int
    label_width: int
    bar_height: int


def week_chart(
    *,
    weeks: Sequence[Week],
    width: int = 640,
    label_width: int = 120,
    bar_height: int = 18,
    gap: int = 8,
) -> WeekChart:
    """One row per week: a light bar for attempts started, the finished ones drawn over it
    in a darker colour, and the numbers after the bar."""
    room = width - label_width - 170
    largest = max((w.started for w in weeks), default=0) or 1
    bars = []
    for i, week in enumerate(weeks):
        started = round(room * week.started / largest, 1)
        bars.append(
            WeekBar(
                week=week,
                y=i * (bar_height + gap),
                started_width=started,
                finished_width=round(room * week.finished / largest, 1),
                text_x=label_width + started + 6,
                percent=round(100 * week.finished / week.started) if week.started else None,
            )
        )
    height = max(len(weeks) * (bar_height + gap) - gap, bar_height)
    return WeekChart(
        bars=bars, width=width, height=height, label_width=label_width, bar_height=bar_height
    )
