"""Counselors edit what we write (descriptions, the default framework, local programmes and
their links); imported fields stay as the importer left them."""

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from assessments.models import Assessment, Attempt
from clusters import models as m
from tests.support.admin import change_form_data, inline_prefix

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def test_counselor_links_a_local_programme_to_an_occupation(counselor_client, imported_sample):
    nurse = imported_sample["nurse"]
    programme = m.LocalProgramme.objects.create(name="Health Careers I", kind="course")
    page = counselor_client.get(change_url(nurse))
    assert page.status_code == 200
    data = change_form_data(page)
    data[f"{inline_prefix(page, 'OccupationAddLocalProgrammeInline')}-0-localprogramme"] = (
        programme.pk
    )
    data["title"] = "Hacked title"  # read-only: must be ignored
    response = counselor_client.post(change_url(nurse), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(nurse.local_programmes.all()) == [programme]
    nurse.refresh_from_db()
    assert nurse.title == "Registered Nurses"
    entry = LogEntry.objects.get(object_id=str(nurse.pk))
    assert entry.user.username == "casey"


def test_counselor_unlinks_a_local_programme(counselor_client, imported_sample):
    nurse = imported_sample["nurse"]
    programme = m.LocalProgramme.objects.create(name="Health Careers I", kind="course")
    programme.occupations.add(nurse)
    page = counselor_client.get(change_url(nurse))
    data = change_form_data(page)
    data[f"{inline_prefix(page, 'OccupationLocalProgrammesInline')}-0-DELETE"] = "on"
    assert counselor_client.post(change_url(nurse), data).status_code == 302
    assert not nurse.local_programmes.exists()
    assert m.LocalProgramme.objects.filter(pk=programme.pk).exists()  # only the link went


def test_linking_the_same_programme_twice_is_a_form_error(counselor_client, imported_sample):
    nurse = imported_sample["nurse"]
    programme = m.LocalProgramme.objects.create(name="Health Careers I", kind="course")
    programme.occupations.add(nurse)
    page = counselor_client.get(change_url(nurse))
    data = change_form_data(page)
    data[f"{inline_prefix(page, 'OccupationAddLocalProgrammeInline')}-0-localprogramme"] = (
        programme.pk
    )
    response = counselor_client.post(change_url(nurse), data)
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_occupation_form_shows_imported_data_with_its_source(counselor_client, imported_sample):
    html = counselor_client.get(change_url(imported_sample["nurse"])).content.decode()
    assert "O*NET Database 29.3" in html and "Occupational Employment and Wage Statistics" in html
    assert "Monitor patients" in html and "Staff Nurse" in html  # tasks and titles inlines
    assert 'name="title"' not in html  # read-only
    assert "View on site" in html


def test_occupation_search_by_code_title_and_alternate_title(counselor_client, imported_sample):
    for term in ("29-1141", "registered", "staff nurse", "RN"):
        response = counselor_client.get("/admin/clusters/occupation/", {"q": term})
        codes = {o.code for o in response.context["cl"].result_list}
        assert "29-1141.00" in codes, term
    response = counselor_client.get("/admin/clusters/occupation/", {"q": "actor"})
    assert {o.code for o in response.context["cl"].result_list} == {"27-2011.00"}


def test_occupation_filters_by_framework_cluster_zone_and_outlook(
    counselor_client, imported_sample
):
    def codes(**params):
        response = counselor_client.get("/admin/clusters/occupation/", params)
        return {o.code for o in response.context["cl"].result_list}

    health = imported_sample["health"]
    assert codes(cluster=health.slug) == {"29-1141.00", "29-1141.01", "29-1021.00"}
    assert "27-2011.00" not in codes(framework="classic-16")
    assert codes(job_zone__number__exact=3) == {"29-1141.00"}
    assert codes(bright_outlook__exact=1) == {"29-1141.00", "29-1141.01", "29-1021.00"}
    assert codes(bright_outlook__exact=0) == {"27-2011.00", "13-1021.00"}


def test_counselor_edits_cluster_and_pathway_descriptions(counselor_client, imported_sample):
    health = imported_sample["health"]
    page = counselor_client.get(change_url(health))
    data = change_form_data(page)
    data["description"] = "Caring for people's health and wellbeing."
    prefix = inline_prefix(page, "PathwayInline")
    data[f"{prefix}-0-description"] = "Nurses, dentists and more."
    data["name"] = "Renamed"  # read-only
    assert counselor_client.post(change_url(health), data).status_code == 302
    health.refresh_from_db()
    assert health.description == "Caring for people's health and wellbeing."
    assert health.name == "Healthcare & Human Services"
    assert m.Pathway.objects.get(name="Physical Health").description == (
        "Nurses, dentists and more."
    )


def test_counselor_edits_a_pathway_description(counselor_client, imported_sample):
    pathway = imported_sample["physical"]
    page = counselor_client.get(change_url(pathway))
    data = change_form_data(page)
    data["description"] = "Look after people's bodies."
    assert counselor_client.post(change_url(pathway), data).status_code == 302
    pathway.refresh_from_db()
    assert pathway.description == "Look after people's bodies."


def test_choosing_another_default_framework_unsets_the_old_one(counselor_client, imported_sample):
    national, classic = imported_sample["national"], imported_sample["classic"]
    assert national.is_default and not classic.is_default
    page = counselor_client.get(change_url(classic))
    data = change_form_data(page)
    data["is_default"] = "on"
    response = counselor_client.post(change_url(classic), data)
    assert response.status_code == 302
    assert list(m.Framework.objects.filter(is_default=True)) == [classic]


def test_the_default_framework_cannot_just_be_unticked(counselor_client, imported_sample):
    national = imported_sample["national"]
    data = change_form_data(counselor_client.get(change_url(national)))
    data.pop("is_default")
    response = counselor_client.post(change_url(national), data)
    assert response.status_code == 200
    assert "The site needs a default framework" in response.content.decode()
    assert list(m.Framework.objects.filter(is_default=True)) == [national]


def test_make_default_action(counselor_client, imported_sample):
    classic = imported_sample["classic"]
    response = counselor_client.post(
        "/admin/clusters/framework/",
        {"action": "make_default", "_selected_action": [classic.pk]},
    )
    assert response.status_code == 302
    assert list(m.Framework.objects.filter(is_default=True)) == [classic]
    response = counselor_client.post(
        "/admin/clusters/framework/",
        {
            "action": "make_default",
            "_selected_action": [classic.pk, imported_sample["national"].pk],
        },
        follow=True,
    )
    assert "Choose exactly one framework" in response.content.decode()
    assert list(m.Framework.objects.filter(is_default=True)) == [classic]


def test_save_framework_keeps_one_default():
    from clusters.authoring import make_default_framework

    release = m.DataRelease.objects.create(
        key="k", name="n", version="1", published="2025-01-01", publisher="p", licence="l"
    )
    first = m.Framework.objects.create(slug="a", name="A", release=release, is_default=True)
    second = m.Framework.objects.create(slug="b", name="B", release=release)
    make_default_framework(framework=second)
    assert list(m.Framework.objects.filter(is_default=True)) == [second]
    make_default_framework(framework=first)
    assert list(m.Framework.objects.filter(is_default=True)) == [first]


def local_programme_data(**changes) -> dict:
    return {
        "name": "Job shadow day at the hospital",
        "kind": "job-shadowing",
        "description": "Spend a day with a nurse.",
        "link": "https://school.example/shadow",
        "grade_from": "11",
        "grade_to": "12",
        "is_published": "on",
        **changes,
    }


def test_counselor_adds_a_local_programme(counselor_client, imported_sample):
    data = local_programme_data(
        pathways=[imported_sample["physical"].pk], occupations=[imported_sample["nurse"].pk]
    )
    response = counselor_client.post("/admin/clusters/localprogramme/add/", data)
    assert response.status_code == 302
    programme = m.LocalProgramme.objects.get()
    assert (programme.kind, programme.grade_from, programme.grade_to) == ("job-shadowing", 11, 12)
    assert list(programme.pathways.all()) == [imported_sample["physical"]]
    assert list(programme.occupations.all()) == [imported_sample["nurse"]]
    page = counselor_client.get(change_url(programme)).content.decode()
    assert "View on site" in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"grade_from": "12", "grade_to": "9"}, "cannot be before the first grade"),
        ({"grade_from": "13"}, "Select a valid choice"),
        ({"link": "javascript:alert(1)"}, "Enter a valid URL"),
        ({"kind": "party"}, "Select a valid choice"),
        ({"name": ""}, "This field is required"),
    ],
)
def test_bad_local_programme_input_is_a_form_error(counselor_client, changes, message):
    response = counselor_client.post(
        "/admin/clusters/localprogramme/add/", local_programme_data(**changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not m.LocalProgramme.objects.exists()


@pytest.mark.parametrize(
    "url, framework_of",
    [
        ("/admin/clusters/cluster/", lambda row: row.framework),
        ("/admin/clusters/pathway/", lambda row: row.cluster.framework),
        ("/admin/clusters/pathwayoccupation/", lambda row: row.pathway.cluster.framework),
    ],
)
def test_framework_filters_keep_only_that_framework(
    counselor_client, imported_sample, url, framework_of
):
    everything = counselor_client.get(url).context["cl"].result_count
    rows = counselor_client.get(url, {"framework": "classic-16"}).context["cl"].result_list
    assert {framework_of(row).slug for row in rows} == {"classic-16"}
    assert len(rows) < everything


def test_cluster_filters_keep_only_that_cluster(counselor_client, imported_sample):
    health = imported_sample["health"]
    pathways = counselor_client.get("/admin/clusters/pathway/", {"cluster": health.slug})
    assert {p.cluster_id for p in pathways.context["cl"].result_list} == {health.pk}
    links = counselor_client.get("/admin/clusters/pathwayoccupation/", {"cluster": health.slug})
    assert {r.pathway.cluster_id for r in links.context["cl"].result_list} == {health.pk}


def test_local_programme_filters_and_publish_actions(counselor_client, imported_sample):
    shown = m.LocalProgramme.objects.create(name="CNA certificate", kind="certification")
    shown.pathways.add(imported_sample["physical"])
    other = m.LocalProgramme.objects.create(name="Drama club", kind="course")

    def names(**params):
        response = counselor_client.get("/admin/clusters/localprogramme/", params)
        return {p.name for p in response.context["cl"].result_list}

    assert names(kind__exact="certification") == {"CNA certificate"}
    assert names(cluster=imported_sample["health"].slug) == {"CNA certificate"}
    assert names(framework="national-2024") == {"CNA certificate"}
    counselor_client.post(
        "/admin/clusters/localprogramme/",
        {"action": "unpublish", "_selected_action": [shown.pk, other.pk]},
    )
    assert not m.LocalProgramme.objects.filter(is_published=True).exists()
    assert names(is_published__exact=0) == {"CNA certificate", "Drama club"}
    counselor_client.post(
        "/admin/clusters/localprogramme/",
        {"action": "publish", "_selected_action": [shown.pk]},
    )
    assert list(m.LocalProgramme.objects.filter(is_published=True)) == [shown]


def test_autocomplete_finds_pathways_and_occupations_for_local_programmes(
    counselor_client, imported_sample
):
    for field, term, expected in (
        ("pathways", "physical", "Physical Health"),
        ("occupations", "29-1141", "Registered Nurses"),
    ):
        response = counselor_client.get(
            "/admin/autocomplete/",
            {
                "app_label": "clusters",
                "model_name": "localprogramme",
                "field_name": field,
                "term": term,
            },
        )
        assert response.status_code == 200
        assert expected in response.content.decode()


@pytest.mark.parametrize(
    "url, parameter, values, holds",
    [
        ("/admin/clusters/cluster/", "description", ("written", "missing"),
         lambda row: bool(row.description)),
        ("/admin/clusters/pathway/", "local", ("yes", "no"),
         lambda row: row.local_programmes.exists()),
        ("/admin/clusters/occupation/", "local", ("yes", "no"),
         lambda row: row.local_programmes.exists()),
        ("/admin/assessments/assessment/", "published", ("yes", "no"),
         lambda row: row.is_published),
        ("/admin/assessments/attempt/", "finished", ("yes", "no"), lambda row: row.is_complete),
    ],
)  # fmt: skip
def test_two_way_filters_split_the_list(
    counselor_client, imported_sample, url, parameter, values, holds
):
    programme = m.LocalProgramme.objects.create(name="CNA certificate", kind="certification")
    programme.pathways.add(imported_sample["physical"])
    programme.occupations.add(imported_sample["nurse"])
    m.Cluster.objects.filter(pk=imported_sample["health"].pk).update(description="")
    Assessment.objects.filter(slug="quick-interest-quiz").update(is_published=False)
    quiz = Assessment.objects.get(slug="interest-profiler")
    Attempt.objects.create(assessment=quiz)
    Attempt.objects.create(assessment=quiz, completed_at=timezone.now())

    def rows(**params):
        return set(counselor_client.get(url, params).context["cl"].result_list)

    matching, others = (rows(**{parameter: value}) for value in values)
    assert matching and others and matching | others == rows() and not matching & others
    assert all(holds(row) for row in matching) and not any(holds(row) for row in others)


def test_counselors_write_the_spanish_next_to_the_english(counselor_client, imported_sample):
    health = imported_sample["health"]
    page = counselor_client.get(change_url(health))
    data = change_form_data(page)
    data["name_es"] = "Salud (nuestra)"
    data["description_es"] = "Cuidas la salud de la gente."
    prefix = inline_prefix(page, "PathwayInline")
    data[f"{prefix}-0-name_es"] = "Salud física (nuestra)"
    assert counselor_client.post(change_url(health), data).status_code == 302
    health.refresh_from_db()
    assert (health.name_es, health.description_es) == (
        "Salud (nuestra)",
        "Cuidas la salud de la gente.",
    )
    assert health.name == "Healthcare & Human Services"  # the English name stays the data's
    assert m.Pathway.objects.get(name="Physical Health").name_es == "Salud física (nuestra)"

    nurse = imported_sample["nurse"]
    page = counselor_client.get(change_url(nurse))
    data = change_form_data(page)
    data["title_es"] = "Enfermeras y enfermeros"
    data["keywords_es"] = "enfermera; enfermero"
    assert counselor_client.post(change_url(nurse), data).status_code == 302
    nurse.refresh_from_db()
    assert (nurse.title_es, nurse.keywords_es) == (
        "Enfermeras y enfermeros",
        "enfermera; enfermero",
    )
    assert (
        counselor_client.get("/es/occupations/29-1141.00/")
        .content.decode()
        .count("<h1>Enfermeras y enfermeros</h1>")
        == 1
    )
