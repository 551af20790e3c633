"""clusters.search: word forms, spelling, synonyms, ranking, filters and the per-process index."""

import pytest

from clusters import search
from clusters.search import search_occupations
from clusters.search.words import edit_distance, singular, split_words, stem
from tests.support import factories as make
from tests.support.content import content_committed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("teachers", "teaching"),
        ("electricians", "electrician"),
        ("nurses", "nursing"),
        ("welders", "welding"),
        ("plumbers", "plumbing"),
        ("photographers", "photography"),
        ("carpenters", "carpentry"),
        ("programmer", "programming"),
        ("fires", "fire"),
    ],
)
def test_word_forms_share_a_root(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("nursery", "nurse"), ("office", "officer"), ("bus", "bu")])
def test_unrelated_words_keep_apart(a, b):
    assert stem(a) != stem(b)


def test_singular_only_takes_off_plurals():
    assert [singular(w) for w in ["chefs", "bakeries", "bus", "boxes", "teaching"]] == [
        "chef", "bakery", "bus", "box", "teaching",
    ]  # fmt: skip


def test_edit_distance_counts_swaps_as_one_and_stops_at_the_limit():
    assert edit_distance("nurce", "nurse", 2) == 1
    assert edit_distance("teh", "the", 2) == 1
    assert edit_distance("electrision", "electrician", 2) == 2
    assert edit_distance("cat", "elephant", 2) == 3  # limit + 1


def test_split_words_lowercases_and_drops_accents_and_punctuation():
    assert split_words("Café & Barista's — HVAC/R!") == ["cafe", "and", "baristas", "hvac", "r"]


def test_finds_exact_title_first(explore_catalogue):
    assert search_occupations(query="registered nurse").codes[0] == "29-1141.00"
    assert search_occupations(query="Electricians").codes[0] == "47-2111.00"


def test_finds_alternate_titles_and_abbreviations(explore_catalogue):
    assert search_occupations(query="CNA").codes[0] == "31-1131.00"
    assert search_occupations(query="lpn").codes[0] == "29-2061.00"
    assert search_occupations(query="wireman").codes == ["47-2111.00"]


def test_corrects_misspellings_and_says_so(explore_catalogue):
    result = search_occupations(query="electrision")
    assert result.codes[0] == "47-2111.00"
    assert result.corrections == {"electrision": "electrician"}
    assert result.corrected_query == "electrician"


def test_finds_words_in_tasks_and_description(explore_catalogue):
    assert search_occupations(query="repair wiring").codes == ["47-2111.00"]


def test_title_matches_rank_above_description_matches(explore_catalogue):
    make.occupation(
        "Medical Secretaries", "43-6013.00", search_body="schedule appointments for nurse staff."
    )
    codes = search_occupations(query="nurse").codes
    assert codes[0] == "29-1141.00"
    assert "43-6013.00" not in codes[:3]
    # A description match is found when no title matches
    assert search_occupations(query="appointments").codes == ["43-6013.00"]


def test_weak_matches_far_below_the_best_are_left_out(explore_catalogue):
    helper = make.occupation("Cable Pullers", search_body="pull cable beside an electrician.")
    assert search_occupations(query="electrician").codes == ["47-2111.00"]
    assert search_occupations(query="cable electrician").codes[0] == helper.code


def test_student_words_map_to_onet_words(explore_catalogue):
    make.occupation("Police and Sheriff's Patrol Officers", "33-3051.00", search_titles="deputy")
    assert search_occupations(query="cop").codes[0] == "33-3051.00"


def test_unfinished_last_word_matches_while_typing(explore_catalogue):
    assert search_occupations(query="electri").codes[0] == "47-2111.00"


def test_filters_by_cluster_job_zone_and_bright_outlook(explore_catalogue):
    everyone = set(search_occupations(query="nurse").codes)
    assert {"29-1141.00", "29-2061.00", "31-1131.00"} <= everyone
    assert search_occupations(query="nurse", job_zone=4).codes == ["29-1141.00"]
    assert search_occupations(query="nurse", bright=True).codes == ["29-1141.00"]
    assert search_occupations(query="nurse", cluster="construction").codes == []
    in_health = search_occupations(query="nurse", cluster="healthcare-human-services").codes
    assert set(in_health) == {"29-1141.00", "29-2061.00", "31-1131.00"}


@pytest.mark.parametrize("junk", ["", "   ", "!!!", "the of and", "qqqqzzzz", "x" * 500])
def test_junk_gives_no_results_and_no_error(explore_catalogue, junk):
    result = search_occupations(query=junk)
    assert result.hits == []
    assert not result.understood


def test_very_long_queries_are_cut(explore_catalogue):
    result = search_occupations(query="nurse " * 200)
    assert result.codes[0] == "29-1141.00"


def test_results_are_ordered_deterministically_on_ties(explore_catalogue):
    make.occupation("Twin Jobs", "11-0002.00", search_titles="twin")
    make.occupation("Twin Jobs", "11-0001.00", search_titles="twin")
    assert search_occupations(query="twin").codes == ["11-0001.00", "11-0002.00"]


def test_index_is_built_once_and_rebuilt_when_occupations_change(
    explore_catalogue, django_assert_num_queries
):
    search_occupations(query="nurse")
    first = search.get_index()
    with django_assert_num_queries(1):  # only the content version
        search_occupations(query="nurse")
    assert search.get_index() is first
    with content_committed():
        make.occupation("Wind Turbine Technicians", "49-9081.00", search_titles="windtech")
    assert search_occupations(query="windtech").codes == ["49-9081.00"]
    assert search.get_index() is not first


def test_a_cluster_filter_costs_one_more_query(explore_catalogue, django_assert_num_queries):
    search_occupations(query="nurse")
    with django_assert_num_queries(2):
        search_occupations(query="nurse", cluster="healthcare-human-services")


def test_index_notices_edits_to_titles_and_filters(explore_catalogue):
    assert search_occupations(query="nurse", bright=True).codes == ["29-1141.00"]
    lpn = explore_catalogue["lpn"]
    lpn.bright_outlook = True
    with content_committed():
        lpn.save()
    assert set(search_occupations(query="nurse", bright=True).codes) == {
        "29-1141.00",
        "29-2061.00",
    }
    lpn.title = "Practical Nurses Renamed"
    with content_committed():
        lpn.save()
    assert search_occupations(query="renamed").codes == ["29-2061.00"]
