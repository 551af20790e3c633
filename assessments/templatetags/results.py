"""The results page's profile chart: its geometry lives here, next to the template that
draws it, not in the page's data."""

from dataclasses import dataclass

from django import template

from assessments.scoring import AREA_LABELS, AREAS, NEUTRAL, SCALE_MAX, SCALE_MIN

register = template.Library()


@dataclass(frozen=True)
class ChartBar:
    area: str
    name: str
    score: float
    label_y: int
    bar_y: int
    width: float


# The profile chart: a label above each bar, drawn in a 360-unit-wide viewBox so the text
# stays readable on a phone; the value sits at the right end of the row.
CHART_WIDTH = 360
CHART_BAR_WIDTH = 310
CHART_ROW = 46


def profile_chart(*, profile: dict[str, float]) -> list[ChartBar]:
    bars = []
    for index, area in enumerate(AREAS):
        score = profile[area]
        width = max(2.0, (score - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * CHART_BAR_WIDTH)
        top = index * CHART_ROW
        bars.append(
            ChartBar(
                area=area,
                name=AREA_LABELS[area],
                score=score,
                label_y=top + 15,
                bar_y=top + 21,
                width=round(width, 1),
            )
        )
    return bars


@register.inclusion_tag("assessments/_profile_chart.html")
def profile_chart_figure(profile: dict[str, float]) -> dict:
    """The chart (inline SVG with its text alternative) and the same scores as a table."""
    return {
        "chart": profile_chart(profile=profile),
        "chart_height": CHART_ROW * len(AREAS),
        "chart_width": CHART_WIDTH,
        "chart_bar_width": CHART_BAR_WIDTH,
        "neutral": NEUTRAL,
    }
