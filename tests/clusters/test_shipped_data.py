"""The real data set in fixtures/data imports with the counts the product relies on."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from clusters import models as m

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _catalogue(shipped_catalogue, db):
    return None


def test_occupations_with_interests_job_zones_and_wages():
    occupations = m.Occupation.objects
    assert occupations.count() == 1016
    assert occupations.exclude(realistic=None).exclude(job_zone=None).count() >= 900
    assert occupations.exclude(wage_median=None).count() >= 800
    assert occupations.exclude(annual_openings=None).count() >= 800


def test_frameworks_clusters_and_pathways():
    assert m.Cluster.objects.filter(framework__slug="national-2024").count() == 14
    assert m.Cluster.objects.filter(framework__slug="classic-16").count() == 16
    assert m.Pathway.objects.filter(cluster__framework__slug="national-2024").count() >= 70
    assert m.Pathway.objects.filter(cluster__framework__slug="classic-16").count() == 73
    assert m.Framework.objects.get(is_default=True).slug == "national-2024"


def test_every_cluster_and_pathway_has_an_authored_description():
    assert not m.Cluster.objects.filter(description="").exists()
    assert not m.Pathway.objects.filter(description="").exists()


def test_known_occupation_is_complete():
    nurse = m.Occupation.objects.get(code="29-1141.00")
    assert nurse.title == "Registered Nurses"
    assert nurse.job_zone_id == 4
    assert nurse.wage_median == 93600
    assert nurse.tasks.filter(is_core=True).count() >= 10
    assert nurse.titles.filter(title__contains="(OR RN)").exists()  # reported titles kept
    assert re.search(r"\brn\b", nurse.search_titles)  # and searchable as a word
    assert nurse.programmes.filter(cip_code="51.3801").exists()
    assert {
        p.cluster.framework.slug for p in nurse.pathways.select_related("cluster__framework")
    } == {
        "national-2024",
        "classic-16",
    }


def test_every_imported_record_points_to_its_release():
    assert set(m.DataRelease.objects.values_list("key", flat=True)) == {
        "onet", "onet-classic", "advance-cte", "bls-oews", "bls-ep",
    }  # fmt: skip
    assert not m.Occupation.objects.exclude(release__key="onet").exists()


def test_combined_bls_codes_give_occupations_their_own_figures():
    counselor = m.Occupation.objects.get(code="21-1014.00")  # Mental Health Counselors
    assert counselor.bls_code == "21-1018"
    assert counselor.wage_median == 59190
    assert counselor.employment_change_pct == 16.8
    assert counselor.annual_openings == 48_300
    assert counselor.employment_2024 == 483_500
    assert counselor.entry_education == "Master's degree"
    for code in ("53-1042.00", "53-1042.01", "53-1043.00", "53-1044.00", "53-1049.00"):
        supervisor = m.Occupation.objects.get(code=code)
        assert supervisor.bls_code == "53-1047"
        assert (supervisor.employment_change_pct, supervisor.annual_openings) == (3.7, 61_300)


def test_every_occupation_sits_in_the_2024_framework_where_the_crosswalk_puts_it():
    national = m.PathwayOccupation.objects.filter(
        pathway__cluster__framework__slug="national-2024"
    )
    assert national.values("occupation").distinct().count() == 1016
    kindergarten = m.Occupation.objects.get(code="25-2055.00")
    assert kindergarten.programmes.count() == 13
    assert kindergarten.pathways.filter(cluster__name="Education").exists()

    def count(**where):
        return national.filter(**where).values("occupation").distinct().count()

    assert count(pathway__cluster__name="Construction") == 114
    assert count(pathway__name="Skilled Trades", pathway__cluster__name="Construction") == 68
    assert count(pathway__cluster__name="Education") == 92


def readme_figure(pattern: str) -> int:
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    found = re.search(pattern, " ".join(readme.split()))
    assert found, pattern
    return int(found.group(1).replace(",", ""))


def test_readme_counts_come_from_the_data():
    occupations = m.Occupation.objects
    national = m.PathwayOccupation.objects.filter(
        pathway__cluster__framework__slug="national-2024"
    )
    assert (
        readme_figure(r"([\d,]+) of 1,016 occupations qualify")
        == occupations.filter(bright_outlook=True).count()
    )
    assert (
        readme_figure(r"([\d,]+) occupations show a group's figures")
        == occupations.filter(figures_for_group=True).count()
    )
    assert readme_figure(r"([\d,]+) of [\d,]+ memberships in the 2024 framework are weak") == (
        national.filter(is_weak=True).count()
    )
    assert readme_figure(r"[\d,]+ of ([\d,]+) memberships in the 2024 framework") == (
        national.count()
    )
    assert readme_figure(r"([\d,]+) other titles") == m.OtherTitle.objects.count()
    assert readme_figure(r"([\d,]+) tasks") == m.Task.objects.count()
    assert (
        readme_figure(r"([\d,]+) with a median wage")
        == occupations.exclude(wage_median=None).count()
    )


def test_titles_once_each_with_proper_dashes_and_hourly_pay():
    helpers = m.Occupation.objects.get(code="47-3013.00")
    assert helpers.title == "Helpers\u2014Electricians"
    assert not m.OtherTitle.objects.filter(title__contains="--").exists()
    seen: dict[int, set[str]] = {}
    for occupation_id, title in m.OtherTitle.objects.values_list("occupation_id", "title"):
        key = " ".join(re.findall(r"[^\W_]+", title.casefold()))
        assert key not in seen.setdefault(occupation_id, set()), title
        seen[occupation_id].add(key)
    dancers = m.Occupation.objects.get(code="27-2031.00")
    assert dancers.hourly_only and str(dancers.wage_hourly_median) == "23.97"
