"""Every admin list, as a counselor: it opens, searches, filters and opens a change form,
and it runs the same number of queries whatever the number of rows."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments import models as a
from clusters import models as m
from tests.support.admin import add_quiz_rows, add_rows

pytestmark = pytest.mark.django_db

# model -> (search term, text that must be in the results)
SEARCHES = {
    m.DataRelease: ("Wage", "Occupational Employment and Wage Statistics"),
    m.Framework: ("classic", "Classic 16 Career Clusters"),
    m.Cluster: ("health", "Healthcare &amp; Human Services"),
    m.Pathway: ("physical", "Physical Health"),
    m.Occupation: ("Staff Nurse", "29-1141.00"),  # an alternate title
    m.LocalProgramme: ("local 0", "x local 0"),
    m.JobZone: ("Job Zone 3", "Job Zone 3"),
    m.Programme: ("51.3801", "Registered Nursing"),
    m.PathwayOccupation: ("29-1141.00", "Registered Nurses (29-1141.00)"),
    m.Task: ("monitor", "Monitor patients&#x27; condition."),
    m.OtherTitle: ("charge", "Charge Nurse"),
    m.RelatedOccupation: ("29-1141.01", "Acute Care Nurses (29-1141.01)"),
    m.Attribute: ("listening", "Active Listening"),
    m.EducationShare: ("29-1141.00", "Bachelor&#x27;s Degree"),
    a.Assessment: ("quick", "Quick interest quiz"),
    a.Item: ("bike", "Fix a slipped chain on a bike"),
    a.Attempt: ("RIA", "RIA"),
    a.Response: ("Do 0", "Like"),
}
COUNSELOR_MODELS = list(SEARCHES)

# Queries for each list page as a counselor (session, user, permissions x2, then the page).
# Lists that show data releases also read the content version they are kept under (tests
# read it on every use; a server at most once a second).
LIST_QUERIES = {
    m.DataRelease: 8, m.Framework: 7, m.Cluster: 8, m.Pathway: 9, m.Occupation: 10,
    m.LocalProgramme: 9, m.JobZone: 8, m.Programme: 8, m.PathwayOccupation: 10, m.Task: 8,
    m.OtherTitle: 8, m.RelatedOccupation: 9, m.Attribute: 8, m.EducationShare: 9,
    a.Assessment: 7, a.Item: 8, a.Attempt: 10, a.Response: 8,
}  # fmt: skip


def url(model, action="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def rows(imported_sample):
    add_rows(2)
    add_quiz_rows(2)


def test_every_registered_model_is_covered():
    registered = {model for model in admin.site._registry if model._meta.app_label != "auth"}
    registered -= {m for m in registered if m._meta.app_label not in {"clusters", "assessments"}}
    assert registered == set(COUNSELOR_MODELS)


@pytest.mark.parametrize("model", COUNSELOR_MODELS, ids=lambda model: model.__name__)
def test_list_opens_and_search_finds(counselor_client, rows, model):
    response = counselor_client.get(url(model))
    assert response.status_code == 200
    term, expected = SEARCHES[model]
    response = counselor_client.get(url(model), {"q": term})
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1
    assert expected in response.content.decode()


@pytest.mark.parametrize("model", COUNSELOR_MODELS, ids=lambda model: model.__name__)
def test_every_filter_choice_loads_a_subset(counselor_client, rows, model):
    response = counselor_client.get(url(model))
    changelist = response.context["cl"]
    total = changelist.full_result_count
    for spec in changelist.filter_specs:
        choices = [c for c in spec.choices(changelist) if not c["selected"]]
        assert choices, f"{model.__name__}: filter {spec.title} offers nothing"
        for choice in choices[:3]:
            filtered = counselor_client.get(url(model) + choice["query_string"])
            assert filtered.status_code == 200, (spec.title, choice["query_string"])
            assert filtered.context["cl"].result_count <= total


@pytest.mark.parametrize("model", COUNSELOR_MODELS, ids=lambda model: model.__name__)
def test_change_form_opens(counselor_client, rows, model):
    obj = model.objects.order_by("pk").last()
    response = counselor_client.get(url(model, "change", obj.pk))
    assert response.status_code == 200
    assert response.context["original"] == obj
    assert counselor_client.get(url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", COUNSELOR_MODELS, ids=lambda model: model.__name__)
def test_list_runs_a_fixed_number_of_queries(
    counselor_client, imported_sample, model, django_assert_num_queries
):
    counselor_client.get(url(model))  # warm the content-type and data-release caches
    add_rows(1)
    add_quiz_rows(1)
    with django_assert_num_queries(LIST_QUERIES[model]):
        assert counselor_client.get(url(model)).status_code == 200
    add_rows(12)
    add_quiz_rows(12)
    with django_assert_num_queries(LIST_QUERIES[model]):
        assert counselor_client.get(url(model)).status_code == 200


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_change_forms_with_inlines_run_a_fixed_number_of_queries(
    counselor_client, imported_sample
):
    from assessments.models import Assessment, Item

    nurse, health = imported_sample["nurse"], imported_sample["health"]
    quiz = Assessment.objects.create(slug="q", name="Q")
    Item.objects.create(assessment=quiz, order=1, area="R", text="Fix a bike")
    pages = [
        url(m.Occupation, "change", nurse.pk),
        url(m.Cluster, "change", health.pk),
        url(m.Pathway, "change", imported_sample["physical"].pk),
        url(a.Assessment, "change", quiz.pk),
    ]
    for page in pages:
        counselor_client.get(page)
    before = [_count(counselor_client, page) for page in pages]
    for i in range(8):
        m.Task.objects.create(occupation=nurse, text=f"More {i}")
        m.OtherTitle.objects.create(occupation=nurse, title=f"T {i}", kind="alternate")
        pathway = m.Pathway.objects.create(cluster=health, slug=f"more-{i}", name=f"More {i}")
        m.PathwayOccupation.objects.create(pathway=pathway, occupation=nurse)
        local = m.LocalProgramme.objects.create(name=f"L {i}", kind="course")
        local.occupations.add(nurse)
        local.pathways.add(imported_sample["physical"])
        m.PathwayOccupation.objects.create(
            pathway=imported_sample["physical"],
            occupation=m.Occupation.objects.create(
                code=f"98-000{i}.00", title=f"O {i}", description="d", release=nurse.release
            ),
        )
        Item.objects.create(assessment=quiz, order=10 + i, area="I", text=f"Item {i}")
    after = [_count(counselor_client, page) for page in pages]
    assert before == after


LONG_SEARCH = " ".join(f"nurse{n}" for n in range(500))
ALL_REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.mark.parametrize("model", ALL_REGISTERED, ids=lambda model: model._meta.label)
def test_a_search_of_too_many_words_lists_nothing_and_says_why(superuser_client, rows, model):
    """Each word adds a condition to the query; about 500 of them broke SQLite's query
    parser ("Expression tree is too large") in the middle of a CSV export."""
    response = superuser_client.get(url(model), {"q": LONG_SEARCH})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    assert "Search with at most 20 words at a time; this search had 500." in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("model", "word"), [(m.Occupation, "nurse"), (a.Attempt, "RIA")], ids=["Occupation", "Attempt"]
)
def test_a_search_of_twenty_words_still_runs(superuser_client, rows, model, word):
    response = superuser_client.get(url(model), {"q": " ".join([word] * 20)})
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


@pytest.mark.parametrize("model", ALL_REGISTERED, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("lookup", ["name__regex", "pk__iregex"])
def test_no_list_takes_a_regular_expression_from_the_address(
    superuser_client, rows, model, lookup
):
    """PostgreSQL answered "invalid regular expression" with a 500 for a pattern such as "("."""
    response = superuser_client.get(url(model), {lookup: "("})
    assert response.status_code == 400
