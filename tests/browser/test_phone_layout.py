"""Phone layout on the real data: every cluster page, in both frameworks and both languages,
shows its first career within two screens of a 360 x 800 phone."""

import pytest

from clusters.importer import import_catalogue
from clusters.models import Cluster

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SCREEN = {"width": 360, "height": 800}


def test_the_careers_list_starts_within_two_phone_screens_on_every_cluster_page(page, live_server):
    import_catalogue()
    page.set_viewport_size(SCREEN)
    late = []
    slugs = list(Cluster.objects.values_list("slug", flat=True))
    assert len(slugs) == 30
    for prefix in ("", "/es"):
        for slug in slugs:
            page.goto(f"{live_server.url}{prefix}/clusters/{slug}/")
            top = page.locator(".occupation-row").first.evaluate(
                "row => row.getBoundingClientRect().top + window.scrollY"
            )
            if top > 2 * SCREEN["height"]:
                late.append((prefix + slug, round(top)))
    assert not late, late
