"""clusters/selectors.py on its own: what each read returns, and in how many queries."""

import pytest

from clusters import selectors
from clusters.selectors import ListFilters
from tests.support import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(db):
    return make.small_catalogue()


def codes(page) -> list[str]:
    return [o.code for o in page.object_list]


def test_frameworks_put_the_default_first(small, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = selectors.frameworks()
    assert [f.slug for f in found] == ["national-2024", "classic-16"]


@pytest.mark.parametrize(
    ("slug", "expected"),
    [(None, "national-2024"), ("", "national-2024"), ("classic-16", "classic-16"), ("x", None)],
)
def test_pick_framework(small, slug, expected):
    picked = selectors.pick_framework(selectors.frameworks(), slug)
    assert (picked.slug if picked else None) == expected


def test_pick_framework_with_none_at_all():
    assert selectors.pick_framework([], None) is None


def test_cluster_summaries_count_each_career_once(small, django_assert_num_queries):
    with django_assert_num_queries(2):  # counts, then each cluster's example careers
        summaries = selectors.cluster_summaries(framework=small["national"])
    by_name = {s.cluster.name: s for s in summaries}
    assert list(by_name) == ["Construction", "Healthcare & Human Services"]  # A to Z
    # The aide is in both health pathways and still counts once.
    assert by_name["Healthcare & Human Services"].occupation_count == 3
    assert by_name["Construction"].occupation_count == 1


def test_cluster_occupations_filter_sort_and_page(small, django_assert_num_queries):
    health = small["health"]
    with django_assert_num_queries(2):  # count, rows
        page = selectors.cluster_occupations(cluster=health, filters=ListFilters(), page=None)
        assert codes(page) == ["31-1131.00", "29-1141.00", "29-2061.00"]  # most openings
    by_title = ListFilters(sort="title")
    assert codes(selectors.cluster_occupations(cluster=health, filters=by_title, page=1)) == [
        "29-2061.00", "31-1131.00", "29-1141.00",
    ]  # fmt: skip
    by_pay = ListFilters(sort="pay")
    assert codes(selectors.cluster_occupations(cluster=health, filters=by_pay, page=1)) == [
        "29-1141.00", "29-2061.00", "31-1131.00",
    ]  # fmt: skip
    zone_3 = ListFilters(job_zone=3)
    assert codes(selectors.cluster_occupations(cluster=health, filters=zone_3, page=1)) == [
        "29-2061.00"
    ]
    certificate = ListFilters(education="certificate")
    assert codes(selectors.cluster_occupations(cluster=health, filters=certificate, page=1)) == [
        "31-1131.00",
        "29-2061.00",
    ]  # fmt: skip (most openings first)


@pytest.mark.parametrize(("asked", "given"), [(None, 1), (0, 1), (-5, 1), (1, 1), (99, 2)])
def test_a_page_out_of_range_gives_the_first_or_last(small, asked, given):
    for n in range(30):
        make.occupation(f"Helper {n:02d}", pathways=[small["physical"]])
    page = selectors.pathway_occupations(
        pathway=small["physical"], filters=ListFilters(), page=asked
    )
    assert page.number == given and page.paginator.num_pages == 2


def test_pathway_by_slugs_needs_both_to_match(small, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = selectors.pathway_by_slugs(
            cluster_slug="healthcare-human-services", pathway_slug="physical-health"
        )
    assert found == small["physical"]
    assert (
        selectors.pathway_by_slugs(cluster_slug="construction", pathway_slug="physical-health")
        is None
    )


def test_occupations_by_code_keep_the_order_given_and_drop_unknown_codes(
    small, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = selectors.occupations_by_code(
            codes=["47-2111.00", "99-9999.99", "29-1141.00", "not a code"]
        )
    assert [o.code for o in found] == ["47-2111.00", "29-1141.00"]
    with django_assert_num_queries(0):
        assert (
            selectors.occupations_by_code(
                codes=["not a code", "٢٩-١١٤١.٠٠", "29-1141.00x", "29-1141.00\n"]
            )
            == []
        )


def test_occupations_by_code_leave_out_retired_ones(small):
    small["lpn"].is_retired = True
    small["lpn"].save()
    assert selectors.occupations_by_code(codes=["29-2061.00", "29-1141.00"]) == [small["nurse"]]


def test_occupations_by_id_keep_the_order_given(small, django_assert_num_queries):
    ids = [small["electrician"].pk, small["nurse"].pk, 10**9]
    with django_assert_num_queries(1):
        found = selectors.occupations_by_id(ids=ids)
    assert found == [small["electrician"], small["nurse"]]
    with django_assert_num_queries(0):
        assert selectors.occupations_by_id(ids=[]) == []


def test_occupation_page_for_an_unknown_code_is_none(small):
    assert selectors.occupation_page(code="99-9999.99") is None
    page = selectors.occupation_page(code="29-1141.00")
    assert page.occupation == small["nurse"]


def test_all_clusters_put_the_default_framework_first(small, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = [c.name for c in selectors.all_clusters()]
    assert names == ["Construction", "Healthcare & Human Services", "Health Science"]
