"""Small hand-made catalogues and quizzes for the assessments tests."""

import pytest

from assessments.content import load_shipped_items
from assessments.models import Assessment, Item
from clusters.models import (
    Cluster,
    Framework,
    Occupation,
    Pathway,
    PathwayOccupation,
)
from tests.support.quiz import make_occupation, make_release

AREAS = "RIASEC"


def add_to(pathway: Pathway, *occupations: Occupation) -> None:
    for occupation in occupations:
        PathwayOccupation.objects.create(pathway=pathway, occupation=occupation)


@pytest.fixture
def interest_catalogue(db):
    """Two frameworks. The default one has four clusters with clear interest shapes:

    helping (S-I careers), building (R), creating (A), business (E-C); "wide" has two.
    """
    release = make_release()
    fw = Framework.objects.create(
        slug="test-fw", name="Test framework", is_default=True, position=1, release=release
    )
    other = Framework.objects.create(
        slug="wide", name="Wide framework", position=2, release=release
    )
    occ = {
        "nurse": make_occupation(
            "29-1141.00",
            "Registered Nurses",
            (3.5, 5.1, 1.9, 6.6, 2.4, 3.0),
            3,
            wage_median=93600,
            entry_education="Bachelor's degree",
            bright_outlook=True,
        ),
        "therapist": make_occupation(
            "29-1123.00",
            "Physical Therapists",
            (3.9, 5.0, 1.7, 6.4, 2.3, 2.6),
            5,
            wage_median=101020,
        ),
        "aide": make_occupation(
            "31-1131.00",
            "Nursing Assistants",
            (3.8, 2.9, 1.5, 6.2, 1.9, 3.1),
            2,
            wage_median=39530,
        ),
        "carpenter": make_occupation(
            "47-2031.00", "Carpenters", (6.8, 2.6, 2.3, 1.8, 2.5, 3.0), 2, wage_median=59310
        ),
        "electrician": make_occupation(
            "47-2111.00", "Electricians", (6.7, 3.8, 1.5, 1.7, 2.4, 3.1), 3, wage_median=62350
        ),
        "painter": make_occupation(
            "27-1013.00", "Fine Artists", (2.6, 2.4, 7.0, 1.8, 2.8, 1.5), 3
        ),
        "designer": make_occupation(
            "27-1024.00", "Graphic Designers", (2.2, 2.1, 6.6, 1.9, 3.3, 3.0), 4, wage_median=61300
        ),
        "accountant": make_occupation(
            "13-2011.00",
            "Accountants and Auditors",
            (1.3, 3.6, 1.2, 2.0, 4.1, 6.8),
            4,
            wage_median=81680,
        ),
        "sales": make_occupation(
            "41-3091.00", "Sales Representatives", (1.7, 2.1, 2.0, 3.4, 6.6, 4.4), 3
        ),
        "manager": make_occupation(
            "11-1021.00", "General and Operations Managers", (2.3, 3.0, 1.4, 3.8, 6.7, 5.0), 4
        ),
        "unknown": make_occupation("11-9999.00", "No Interest Data", None, None),
    }
    clusters = {}
    for slug, name, pathways in [
        (
            "helping",
            "Helping People",
            {"care": ["nurse", "aide"], "therapy": ["therapist", "nurse"]},
        ),
        ("building", "Building Things", {"trades": ["carpenter", "electrician"]}),
        ("creating", "Creating", {"art": ["painter", "designer"]}),
        (
            "business",
            "Business",
            {"money": ["accountant", "unknown"], "selling": ["sales", "manager"]},
        ),
    ]:
        cluster = Cluster.objects.create(framework=fw, slug=slug, name=name)
        clusters[slug] = cluster
        for pslug, members in pathways.items():
            pathway = Pathway.objects.create(cluster=cluster, slug=pslug, name=pslug.title())
            add_to(pathway, *(occ[m] for m in members))
    everything = Cluster.objects.create(framework=other, slug="everything", name="Everything")
    add_to(
        Pathway.objects.create(cluster=everything, slug="all", name="All"),
        *(o for k, o in occ.items() if k != "unknown"),
    )
    hands = Cluster.objects.create(framework=other, slug="hands-on", name="Hands-on")
    add_to(
        Pathway.objects.create(cluster=hands, slug="making", name="Making"),
        occ["carpenter"],
        occ["painter"],
    )
    return {"framework": fw, "other": other, "occupations": occ, "clusters": clusters}


@pytest.fixture
def mini_quiz(db):
    """A 12-item quiz (2 per area) shown 6 to a page: two pages."""
    assessment = Assessment.objects.create(
        slug="mini-quiz", name="Mini quiz", items_per_page=6, minutes=2, position=5
    )
    for order in range(1, 13):
        area = AREAS[(order - 1) % 6]
        Item.objects.create(
            assessment=assessment, order=order, area=area, text=f"Activity {order} ({area})"
        )
    return assessment


@pytest.fixture
def shipped_quiz(db):
    """The shipped quick quiz (loaded again if a transactional test flushed it)."""
    load_shipped_items(assessment_model=Assessment, item_model=Item)
    return Assessment.objects.get(slug="quick-interest-quiz")
