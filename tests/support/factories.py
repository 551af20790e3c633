"""Small hand-built catalogues for the explore page tests (no importer, no real data)."""

from __future__ import annotations

import datetime
import itertools

from clusters import models as m

_codes = itertools.count(1)

RELEASES = {
    "onet": ("O*NET Database", "29.3"),
    "onet-classic": ("O*NET OnLine Career Clusters", "16 clusters"),
    "advance-cte": ("National Career Clusters Framework crosswalks", "2024 framework"),
    "bls-oews": ("Occupational Employment and Wage Statistics", "May 2024"),
    "bls-ep": ("Employment Projections", "2024–34"),
}


def releases() -> dict[str, m.DataRelease]:
    made = {}
    for key, (name, version) in RELEASES.items():
        made[key], _ = m.DataRelease.objects.get_or_create(
            key=key,
            defaults={
                "name": name,
                "version": version,
                "published": datetime.date(2025, 5, 1),
                "publisher": "Publisher",
                "licence": "CC BY 4.0",
                "attribution": f"Credit for {name}.",
            },
        )
    return made


def job_zones() -> None:
    for number in range(1, 6):
        m.JobZone.objects.get_or_create(
            number=number,
            defaults={
                "name": f"Job Zone {number}",
                "education": f"O*NET education text {number}.",
                "experience": f"O*NET experience text {number}.",
                "training": f"O*NET training text {number}.",
                "examples": "Examples.",
            },
        )


def framework(slug="national-2024", *, default=True, name=None, position=0) -> m.Framework:
    release = releases()["advance-cte" if slug == "national-2024" else "onet-classic"]
    return m.Framework.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").title(),
        is_default=default,
        position=position,
        release=release,
    )


def cluster(fw: m.Framework, name: str, slug: str | None = None, description="") -> m.Cluster:
    return m.Cluster.objects.create(
        framework=fw,
        name=name,
        slug=slug or name.lower().replace(" ", "-").replace("&", "and"),
        description=description or f"Our words about {name}.",
    )


def pathway(cl: m.Cluster, name: str, slug: str | None = None) -> m.Pathway:
    return m.Pathway.objects.create(
        cluster=cl,
        name=name,
        slug=slug or name.lower().replace(" ", "-"),
        description=f"Our words about {name}.",
    )


def occupation(title: str, code: str | None = None, *, pathways=(), **fields) -> m.Occupation:
    """An occupation with sensible figures; override any field."""
    job_zones()
    code = code or f"99-{next(_codes):04d}.00"
    values = {
        "description": f"{title} do things.",
        "realistic": 3.0,
        "investigative": 4.0,
        "artistic": 1.5,
        "social": 6.0,
        "enterprising": 2.0,
        "conventional": 3.5,
        "interest_code": "SI",
        "job_zone_id": 3,
        "bls_code": code[:7],
        "bls_title": title,
        "entry_education": "Bachelor's degree",
        "wage_p10": 40000,
        "wage_p25": 50000,
        "wage_median": 60000,
        "wage_p75": 70000,
        "wage_p90": 80000,
        "employment_2024": 100000,
        "employment_2034": 105000,
        "employment_change_pct": 5.0,
        "annual_openings": 9000,
        "search_titles": title.lower(),
        "search_body": f"{title} do things.".lower(),
    }
    values.update(fields)
    made = m.Occupation.objects.create(
        code=code, title=title, release=releases()["onet"], **values
    )
    for p in pathways:
        m.PathwayOccupation.objects.create(pathway=p, occupation=made)
    return made


def small_catalogue() -> dict:
    """Two frameworks, a health cluster with two pathways and a few nurses; a trades cluster."""
    national = framework("national-2024", default=True, name="National Framework (2024)")
    classic = framework("classic-16", default=False, name="Classic 16 Clusters", position=1)
    health = cluster(national, "Healthcare & Human Services", "healthcare-human-services")
    physical = pathway(health, "Physical Health", "physical-health")
    therapy = pathway(health, "Therapeutic Care", "therapeutic-care")
    trades = cluster(national, "Construction")
    building = pathway(trades, "Construction Trades", "construction-trades")
    science = cluster(classic, "Health Science", "health-science")
    therapeutic = pathway(science, "Therapeutic Services", "therapeutic-services")
    nurse = occupation(
        "Registered Nurses",
        "29-1141.00",
        pathways=[physical, therapeutic],
        search_titles="registered nurses\nrn\nstaff nurse\nnurse",
        search_body="assess patient health problems. monitor patients' condition.",
        wage_median=93600,
        job_zone_id=4,
        employment_change_pct=4.9,
        annual_openings=189100,
        bright_outlook=True,
    )
    lpn = occupation(
        "Licensed Practical and Licensed Vocational Nurses",
        "29-2061.00",
        pathways=[physical],
        search_titles="licensed practical nurse\nlpn",
        entry_education="Postsecondary nondegree award",
        wage_median=62340,
        job_zone_id=3,
        employment_change_pct=2.6,
        annual_openings=54000,
    )
    aide = occupation(
        "Nursing Assistants",
        "31-1131.00",
        pathways=[physical, therapy],
        search_titles="certified nursing assistant (cna)\ncna\nnurse aide",
        entry_education="Postsecondary nondegree award",
        wage_median=39530,
        job_zone_id=2,
        employment_change_pct=2.3,
        annual_openings=200000,
    )
    electrician = occupation(
        "Electricians",
        "47-2111.00",
        pathways=[building],
        search_titles="electricians\nelectrician\nwireman",
        search_body="install and repair electrical wiring.",
        entry_education="High school diploma or equivalent",
        wage_median=61590,
        job_zone_id=3,
        employment_change_pct=9.5,
        annual_openings=81000,
    )
    return {
        "national": national,
        "classic": classic,
        "health": health,
        "physical": physical,
        "therapy": therapy,
        "trades": trades,
        "building": building,
        "science": science,
        "nurse": nurse,
        "lpn": lpn,
        "aide": aide,
        "electrician": electrician,
    }
