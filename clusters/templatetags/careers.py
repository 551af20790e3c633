"""Formatting for career figures: pay, change, job zones, and the inline SVG charts."""

import re

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from clusters.importer import BRIGHT_GROWTH_FACTOR, FRAMEWORKS
from clusters.riasec import RIASEC
from clusters.wording import EDUCATION_LEVELS, JOB_ZONE_WORDS, RIASEC_LABELS

register = template.Library()

PAY_SCALE = 240_000  # every pay chart uses the same scale so they can be compared


@register.filter
def money(value) -> str:
    """93600 -> '$93,600'; None -> ''."""
    if value is None or value == "":
        return ""
    return f"${intcomma(int(value))}"


@register.filter
def wage(value, cap=None) -> str:
    """A yearly wage, saying 'or more' at BLS's top figure (the occupation's wage_cap)."""
    if value is None:
        return _("Not published")
    text = money(value)
    if cap and value >= cap:
        return _("%(amount)s or more") % {"amount": text}
    return text


@register.filter
def change(value) -> str:
    """Projected change in percent: 4.9 -> '+4.9%'; negatives get a real minus sign."""
    if value is None:
        return _("Not published")
    if value > 0:
        return f"+{value:.1f}%"
    if value < 0:
        return f"−{abs(value):.1f}%"
    return "0.0%"


@register.filter
def change_words(value, fast=None) -> str:
    """Our plain words for a projected change over ten years.

    `fast` is "growing fast": twice the growth of all jobs together (projection_years gives
    it from the release; 6.2 for 2024-34's 3.1%).
    """
    if value is None:
        return ""
    if value >= (fast or 6.2):
        return _("growing fast")
    if value > 0.5:
        return _("growing")
    if value >= -0.5:
        return _("about the same")
    return _("shrinking")


@register.filter
def zone_name(number) -> str:
    words = JOB_ZONE_WORDS.get(number)
    return str(words[0]) if words else _("Not rated")


@register.filter
def riasec_name(letter) -> str:
    return str(RIASEC_LABELS.get(letter, ""))


@register.filter
def interest_names(code) -> str:
    """'SI' -> 'Social, Investigative'."""
    return ", ".join(str(RIASEC_LABELS[c]) for c in code or "" if c in RIASEC_LABELS)


@register.inclusion_tag("clusters/_pay_chart.html")
def pay_chart(occupation, chart_id: str = ""):
    """The 10th-90th percentile range, the middle half and the median on one fixed scale, in
    percent of the chart's width."""
    o = occupation
    chart_id = chart_id or "pay-" + o.code.replace(".", "-")

    def x(value):
        return round(min(value, PAY_SCALE) / PAY_SCALE * 100, 2)

    has_range = o.wage_p10 is not None and o.wage_p90 is not None and o.wage_median is not None
    context = {"o": o, "chart_id": chart_id, "has_range": has_range}
    if has_range:
        low, high, median = x(o.wage_p10), x(o.wage_p90), x(o.wage_median)
        context.update(
            low=low,
            range_width=max(high - low, 0.7),
            median=median,
            # the label stays inside the chart near either end
            median_anchor="start" if median < 25 else "end" if median > 75 else "middle",
            mid_low=x(o.wage_p25) if o.wage_p25 is not None else low,
            mid_width=(
                max(x(o.wage_p75) - x(o.wage_p25), 0.7)
                if o.wage_p25 is not None and o.wage_p75 is not None
                else 0
            ),
        )
    return context


@register.inclusion_tag("clusters/_interest_chart.html")
def interest_chart(occupation, chart_id: str = ""):
    """O*NET's six interest scores (1-7) as horizontal bars, strongest named in the text."""
    chart_id = chart_id or "interests-" + occupation.code.replace(".", "-")
    scores = occupation.riasec_scores
    rows = []
    for n, letter in enumerate(RIASEC):
        score = scores[letter]
        rows.append(
            {
                "letter": letter,
                "css": letter.lower(),
                "name": RIASEC_LABELS[letter],
                "score": score,
                "y": n * 28,
                "width": round(max(score - 1, 0) / 6 * 170, 1) if score is not None else 0,
            }
        )
    return {
        "o": occupation,
        "chart_id": chart_id,
        "rows": rows,
        "has_scores": occupation.has_interests,
        "height": len(rows) * 28,
    }


@register.filter
def median_pay(o) -> str:
    """An occupation's median yearly pay in words, for lists."""
    if o.wage_median is None:
        if o.hourly_only and o.wage_hourly_median is not None:
            return _("%(amount)s an hour") % {"amount": hourly(o.wage_hourly_median)}
        return _("Not published")
    return wage(o.wage_median, o.wage_cap)


@register.filter
def hourly(value) -> str:
    """Hourly pay with its cents: Decimal('23.97') -> '$23.97'."""
    if value is None:
        return ""
    return f"${value:,.2f}"


@register.filter
def projection_years(release) -> dict:
    """{"start": 2024, "end": 2034, "fast": 6.2} for the projections release, from its facts
    (else its version); "fast" is the growth we call "growing fast" (None when unknown)."""
    years = {"start": "", "end": "", "fast": None}
    if not release:  # None, or "" when the data has no projections release
        return years
    facts = release.facts or {}
    if "average_growth" in facts:
        years["fast"] = round(BRIGHT_GROWTH_FACTOR * facts["average_growth"], 1)
    if "start" in facts and "end" in facts:
        return {**years, "start": facts["start"], "end": facts["end"]}
    found = re.match(r"(\d{4})\D(\d{2})$", release.version)
    if found:
        start = int(found.group(1))
        years.update(start=start, end=start // 100 * 100 + int(found.group(2)))
    return years


@register.filter
def release_for(releases, framework):
    """The data release a framework comes from, out of the footer's `data_releases`.

    Takes a Framework (by its release) or the quiz results' framework (by its slug), so no
    page needs another query to credit its clusters.
    """
    if not releases or framework is None:
        return None
    release_id = getattr(framework, "release_id", None)
    if release_id is None:
        key = FRAMEWORKS.get(getattr(framework, "slug", ""), {}).get("release", "")
        return releases.get(key.replace("-", "_"))
    return next((r for r in releases.values() if r.pk == release_id), None)


@register.filter
def short_label(label: str) -> str:
    """O*NET's long education category names, cut at the first explanation."""
    return label.split(" - ")[0].split(" (")[0].strip()


@register.filter
def dom_id(code: str) -> str:
    """An O*NET code usable in an id and a CSS selector: 29-1141.00 -> 29-1141-00."""
    return str(code).replace(".", "-")


# Clusters with an icon of their own in static/icons/clusters.svg (the rest get a generic one).
CLUSTER_ICONS = frozenset(
    [
        "advanced-manufacturing",
        "agriculture",
        "arts-entertainment-design",
        "construction",
        "digital-technology",
        "education",
        "energy-natural-resources",
        "financial-services",
        "healthcare-human-services",
        "hospitality-events-tourism",
        "management-entrepreneurship",
        "marketing-sales",
        "public-service-safety",
        "supply-chain-transportation",
        "agriculture-food-natural-resources",
        "architecture-construction",
        "arts-audio-video-technology-communications",
        "business-management-administration",
        "education-training",
        "finance",
        "government-public-administration",
        "health-science",
        "hospitality-tourism",
        "human-services",
        "information-technology",
        "law-public-safety-corrections-security",
        "manufacturing",
        "marketing",
        "science-technology-engineering-mathematics",
        "transportation-distribution-logistics",
    ]
)


@register.simple_tag
def cluster_icon(cluster) -> str:
    """The cluster's icon: decorative, so the cluster's name must be written beside it."""
    name = cluster.slug if cluster.slug in CLUSTER_ICONS else "cluster"
    href = f"{static('icons/clusters.svg')}#{name}"
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false"><use href="{}"></use></svg>', href
    )


@register.filter
def cluster_class(cluster) -> str:
    """The CSS class that gives a cluster its color (--cl), or '' for one we have none for."""
    return f"cl-{cluster.slug}" if cluster.slug in CLUSTER_ICONS else ""


@register.filter
def first_sentence(text: str) -> str:
    """The first sentence of one of our descriptions, for cards that have room for one line."""
    match = re.match(r"(.+?[.!?])(\s|$)", text or "", re.S)
    return match[1] if match else (text or "")


_EDUCATION_WORDS = {bls: label for bls, label in EDUCATION_LEVELS.values()}


@register.filter
def education(value: str) -> str:
    """BLS's education category: as BLS publishes it on English pages, in our own words on
    pages in other languages (BLS publishes it in English only)."""
    if not value or get_language() == settings.LANGUAGE_CODE:
        return value
    return _EDUCATION_WORDS.get(value, value)
