"""CSV export of occupations, clusters and local programmes; CSV import of descriptions and
local programmes with a preview and row-level errors before anything is saved."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clusters import csv_io
from clusters import models as m

pytestmark = pytest.mark.django_db


def read(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def as_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def upload(client, path: str, data: bytes, name: str = "file.csv"):
    return client.post(path, {"file": SimpleUploadedFile(name, data, "text/csv")})


# Export ---------------------------------------------------------------------------------


def test_occupations_export(counselor_client, imported_sample):
    local = m.LocalProgramme.objects.create(name="=HYPERLINK(evil)", kind="course")
    local.occupations.add(imported_sample["nurse"])
    response = counselor_client.get("/admin/clusters/occupation/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="occupations-' in response["Content-Disposition"]
    rows = {row["code"]: row for row in read(response)}
    assert set(rows) == set(m.Occupation.objects.values_list("code", flat=True))
    nurse = rows["29-1141.00"]
    assert nurse["title"] == "Registered Nurses"
    assert nurse["job_zone"] == "3" and nurse["wage_median"] == "93600"
    assert "Healthcare & Human Services / Physical Health" in nurse["pathways"]
    assert "Health Science" in nurse["clusters"]
    assert nurse["local_programmes"] == "'=HYPERLINK(evil)"  # not run as a formula


def test_export_follows_the_list_filters_and_the_selected_rows(counselor_client, imported_sample):
    response = counselor_client.get("/admin/clusters/occupation/export/", {"q": "actor"})
    assert [row["code"] for row in read(response)] == ["27-2011.00"]
    response = counselor_client.post(
        "/admin/clusters/occupation/",
        {"action": "export_csv", "_selected_action": [imported_sample["nurse"].pk]},
    )
    assert [row["code"] for row in read(response)] == ["29-1141.00"]
    bad = counselor_client.get("/admin/clusters/occupation/export/", {"nonsense__field": "1"})
    assert bad.status_code == 400


def test_export_runs_a_fixed_number_of_queries(counselor_client, imported_sample):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.support.admin import add_rows

    counts = []
    for more in (1, 10):
        add_rows(more)
        for path in (
            "/admin/clusters/occupation/export/",
            "/admin/clusters/cluster/export/",
            "/admin/clusters/localprogramme/export/",
        ):
            with CaptureQueriesContext(connection) as queries:
                read(counselor_client.get(path))
            counts.append(len(queries))
    assert counts[:3] == counts[3:]


def test_clusters_export_can_be_imported_back_unchanged(counselor_client, imported_sample):
    rows = read(counselor_client.get("/admin/clusters/cluster/export/"))
    health = [r for r in rows if r["cluster_slug"] == imported_sample["health"].slug]
    assert (
        health[0]["pathway_slug"] == "" and health[0]["cluster"] == "Healthcare & Human Services"
    )
    assert {r["pathway"] for r in health[1:]} == {"Physical Health"}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    plan = csv_io.plan_import(kind=csv_io.DESCRIPTIONS, data=buffer.getvalue().encode())
    assert plan.ok and not plan.changed


def test_local_programmes_export_round_trips(counselor_client, imported_sample):
    local = m.LocalProgramme.objects.create(
        name="CNA", kind="certification", grade_from=11, grade_to=12, link="https://x.example"
    )
    local.pathways.add(imported_sample["physical"])
    local.occupations.add(imported_sample["nurse"])
    response = counselor_client.get("/admin/clusters/localprogramme/export/")
    [row] = read(response)
    assert (
        row["pathways"] == f"{imported_sample['health'].slug}/{imported_sample['physical'].slug}"
    )
    assert row["occupations"] == "29-1141.00"
    assert (row["id"], row["grade_from"], row["published"]) == (str(local.pk), "11", "yes")
    body = b"".join(
        counselor_client.get("/admin/clusters/localprogramme/export/").streaming_content
    )
    plan = csv_io.plan_import(kind=csv_io.LOCAL_PROGRAMMES, data=body)
    assert plan.ok and [r.action for r in plan.rows] == ["unchanged"]


# Import: plain functions -----------------------------------------------------------------


PROGRAMMES_HEADER = ["id", "name", "kind", "grade_from", "grade_to", "pathways", "occupations"]


def test_programme_import_reports_every_bad_row_and_saves_nothing(imported_sample):
    pathway = f"{imported_sample['health'].slug}/{imported_sample['physical'].slug}"
    data = as_csv(
        [
            PROGRAMMES_HEADER,
            ["", "Health Careers I", "course", "9", "10", pathway, "29-1141.00"],
            ["", "", "course", "", "", "", ""],
            ["", "Welding", "welding", "", "", "", ""],
            ["", "Shadow day", "Job shadowing", "12", "9", "", ""],
            ["", "Robotics", "course", "13", "", "", ""],
            ["", "Drama", "course", "", "", "nowhere/nothing", "00-0000.00"],
            ["999", "Ghost", "course", "", "", "", ""],
        ]
    )
    plan = csv_io.plan_import(kind=csv_io.LOCAL_PROGRAMMES, data=data)
    assert not plan.ok
    by_line = {row.line: row for row in plan.rows}
    assert by_line[2].action == "create" and not by_line[2].errors
    assert "name is empty" in by_line[3].errors[0]
    assert "kind “welding” is not one of" in by_line[4].errors[0]
    assert "grade_from (12) is after grade_to (9)" in by_line[5].errors[0]
    assert "from 1 to 12" in by_line[6].errors[0]
    assert "nowhere/nothing" in by_line[7].errors[0] and "00-0000.00" in by_line[7].errors[1]
    assert "No local program has id 999" in by_line[8].errors[0]
    saved_plan, saved = csv_io.apply_import(kind=csv_io.LOCAL_PROGRAMMES, data=data)
    assert not saved_plan.ok and saved == []
    assert not m.LocalProgramme.objects.exists()


def test_programme_import_creates_and_updates(imported_sample):
    existing = m.LocalProgramme.objects.create(name="Old name", kind="course", grade_from=9)
    pathway = f"{imported_sample['health'].slug}/{imported_sample['physical'].slug}"
    data = as_csv(
        [
            ["id", "name", "kind", "pathways", "occupations", "published"],
            ["", "Health Careers I", "cte", pathway, "29-1141.00; 29-1021.00", ""],
            [str(existing.pk), "New name", "course", "", "", "no"],
        ]
    )
    plan, saved = csv_io.apply_import(kind=csv_io.LOCAL_PROGRAMMES, data=data)
    assert plan.ok and len(saved) == 2
    created = m.LocalProgramme.objects.get(name="Health Careers I")
    assert created.is_published and created.kind == "cte"
    assert set(created.occupations.values_list("code", flat=True)) == {"29-1141.00", "29-1021.00"}
    assert list(created.pathways.all()) == [imported_sample["physical"]]
    existing.refresh_from_db()
    assert existing.name == "New name" and not existing.is_published
    assert existing.grade_from == 9  # column not in the file: left as it was


def test_description_import(imported_sample):
    health, physical = imported_sample["health"], imported_sample["physical"]
    original = health.description
    data = as_csv(
        [
            ["cluster_slug", "pathway_slug", "description"],
            [health.slug, "", "All about health."],
            [health.slug, physical.slug, "Bodies."],
            [health.slug, "", "Again."],
            ["no-such-cluster", "", "x"],
            [health.slug, "no-such-pathway", "x"],
            [health.slug, physical.slug, ""],
        ]
    )
    plan = csv_io.plan_import(kind=csv_io.DESCRIPTIONS, data=data)
    actions = [(row.line, row.action) for row in plan.rows]
    assert actions == [(2, "update"), (3, "update"), (4, "error"), (5, "error"), (6, "error"),
                       (7, "error")]  # fmt: skip
    assert "already on line 2" in plan.rows[2].errors[0]
    assert "No cluster has the slug" in plan.rows[3].errors[0]
    assert "has no pathway with the slug" in plan.rows[4].errors[0]
    assert "already on line 3" in plan.rows[5].errors[0]
    _, saved = csv_io.apply_import(kind=csv_io.DESCRIPTIONS, data=data)
    assert saved == []
    health.refresh_from_db()
    assert health.description == original
    good = as_csv([["cluster_slug", "pathway_slug", "description"], [health.slug, "", "Ok."]])
    plan, saved = csv_io.apply_import(kind=csv_io.DESCRIPTIONS, data=good)
    assert plan.ok and [obj for _, obj in saved] == [health]
    health.refresh_from_db()
    assert health.description == "Ok."


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "The file is empty"),
        ("name,kind\nCaf\xe9,course\n".encode("latin-1"), "not UTF-8"),
        (b"title,type\nx,y\n", "Missing column(s): name, kind"),
        (b"name,kind,name\nx,course,y\n", "named twice"),
        (b'name,kind\n"unclosed,course\n', "not valid CSV"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not"),
    ],
)
def test_unreadable_files_are_reported_not_raised(data, message):
    plan = csv_io.plan_import(kind=csv_io.LOCAL_PROGRAMMES, data=data)
    assert message in plan.file_error and not plan.ok and not plan.rows


def test_formula_cells_are_escaped_and_unescaped():
    line = "".join(csv_io.csv_lines([["=1+1", "-3", -3.5, "@x", "plain"]]))
    assert line == "'=1+1,'-3,-3.5,'@x,plain\r\n"
    _columns, rows = csv_io.read_csv(data=b"name,kind\n'=1+1,course\n", required=["name", "kind"])
    assert rows[0][1]["name"] == "=1+1"


# Import: admin pages ----------------------------------------------------------------------


def test_import_page_documents_the_format(counselor_client):
    html = counselor_client.get("/admin/clusters/localprogramme/import/").content.decode()
    for column in ("name", "kind", "grade_from, grade_to", "pathways", "occupations", "published"):
        assert f"<code>{column}</code>" in html
    assert "job-shadowing (Job shadowing)" in html
    html = counselor_client.get("/admin/clusters/cluster/import/").content.decode()
    assert "<code>cluster_slug</code>" in html and "<code>pathway_slug</code>" in html


def test_import_preview_with_good_and_bad_rows_saves_nothing(counselor_client, imported_sample):
    data = as_csv(
        [["name", "kind", "grade_from"], ["Robotics", "course", "9"], ["Welding", "weld", "x"]]
    )
    response = upload(counselor_client, "/admin/clusters/localprogramme/import/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing has been saved" in html
    assert "kind “weld” is not one of" in html and "grade_from must be a whole number" in html
    assert "Robotics" in html and "Save these changes" not in html
    assert not m.LocalProgramme.objects.exists()
    # The confirm step refuses without a valid preview.
    response = counselor_client.post(
        "/admin/clusters/localprogramme/import/confirm/", {"token": "forged"}, follow=True
    )
    assert "no longer available" in response.content.decode()
    assert not m.LocalProgramme.objects.exists()


def test_import_preview_then_confirm_saves_everything(counselor_client, imported_sample):
    data = as_csv(
        [["name", "kind", "occupations"], ["Robotics", "course", ""], ["CNA", "cte", "29-1141.00"]]
    )
    response = upload(counselor_client, "/admin/clusters/localprogramme/import/", data)
    html = response.content.decode()
    assert "2 to add" in html and "Save these changes" in html
    assert not m.LocalProgramme.objects.exists()  # preview only
    token = response.context["token"]
    response = counselor_client.post(
        "/admin/clusters/localprogramme/import/confirm/", {"token": token}
    )
    assert response.status_code == 302
    assert set(m.LocalProgramme.objects.values_list("name", flat=True)) == {"Robotics", "CNA"}
    assert m.LocalProgramme.objects.get(name="CNA").occupations.get() == imported_sample["nurse"]
    # A second confirm with the same token does nothing more.
    counselor_client.post("/admin/clusters/localprogramme/import/confirm/", {"token": token})
    assert m.LocalProgramme.objects.count() == 2


def test_confirm_checks_again_and_saves_nothing_if_data_changed(counselor_client, imported_sample):
    local = m.LocalProgramme.objects.create(name="Old", kind="course")
    data = as_csv([["id", "name", "kind"], [str(local.pk), "New", "course"], ["", "Added", "cte"]])
    response = upload(counselor_client, "/admin/clusters/localprogramme/import/", data)
    token = response.context["token"]
    local.delete()  # someone else deletes it meanwhile
    response = counselor_client.post(
        "/admin/clusters/localprogramme/import/confirm/", {"token": token}
    )
    assert response.status_code == 200
    assert "No local program has id" in response.content.decode()
    assert not m.LocalProgramme.objects.exists()


def test_description_import_through_admin(counselor_client, imported_sample):
    health = imported_sample["health"]
    data = as_csv([["cluster_slug", "pathway_slug", "description"], [health.slug, "", "Ours."]])
    response = upload(counselor_client, "/admin/clusters/cluster/import/", data)
    assert "1 to change" in response.content.decode()
    response = counselor_client.post(
        "/admin/clusters/cluster/import/confirm/", {"token": response.context["token"]}
    )
    assert response.status_code == 302
    health.refresh_from_db()
    assert health.description == "Ours."
    history = counselor_client.get(f"/admin/clusters/cluster/{health.pk}/history/")
    assert "CSV import" in history.content.decode()


def test_import_needs_a_file_and_rejects_wrong_methods(counselor_client):
    response = counselor_client.post("/admin/clusters/localprogramme/import/", {})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert counselor_client.put("/admin/clusters/localprogramme/import/").status_code == 405
    assert (
        counselor_client.get("/admin/clusters/localprogramme/import/confirm/").status_code == 405
    )


def test_import_needs_permission(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_localprogramme", "view_cluster"])
    )
    client.force_login(viewer)
    assert client.get("/admin/clusters/localprogramme/import/").status_code == 403
    assert client.get("/admin/clusters/cluster/import/").status_code == 403
    assert client.get("/admin/clusters/localprogramme/export/").status_code == 200
    assert "Import CSV" not in client.get("/admin/clusters/localprogramme/").content.decode()


@pytest.mark.parametrize("name", ["occupation", "cluster", "localprogramme"])
def test_export_refuses_a_search_of_too_many_words_with_the_lists_message(
    counselor_client, imported_sample, name
):
    words = " ".join(f"nurse{n}" for n in range(500))
    response = counselor_client.get(f"/admin/clusters/{name}/export/", {"q": words})
    assert response.status_code == 400
    assert response.content.decode() == (
        "Search with at most 20 words at a time; this search had 500. Nothing was searched."
    )


# Spanish ----------------------------------------------------------------------------------


def test_exports_carry_the_spanish_next_to_the_english(counselor_client, imported_sample):
    m.Occupation.objects.filter(code="29-1141.00").update(
        title_es="Enfermeros y enfermeras", keywords_es="enfermera; enfermero"
    )
    health = m.Cluster.objects.get(name="Healthcare & Human Services")
    m.Cluster.objects.filter(pk=health.pk).update(name_es="Salud", description_es="Cuidar.")
    rows = read(counselor_client.get("/admin/clusters/occupation/export/"))
    nurse = next(row for row in rows if row["code"] == "29-1141.00")
    assert nurse["title_es"] == "Enfermeros y enfermeras"
    assert nurse["keywords_es"] == "enfermera; enfermero"
    rows = read(counselor_client.get("/admin/clusters/cluster/export/"))
    own = next(row for row in rows if row["cluster_slug"] == health.slug and not row["pathway"])
    assert (own["name_es"], own["description_es"]) == ("Salud", "Cuidar.")


def test_spanish_names_and_descriptions_import_without_touching_the_english(imported_sample):
    health = m.Cluster.objects.get(name="Healthcare & Human Services")
    english = health.description
    data = as_csv(
        [
            ["cluster_slug", "pathway_slug", "name_es", "description_es"],
            [health.slug, "", "Salud (de la consejera)", "Cuidas a la gente."],
        ]
    )
    plan, _saved = csv_io.apply_import(kind=csv_io.DESCRIPTIONS, data=data)
    assert plan.ok and plan.rows[0].changes == ["name_es", "description_es"]
    health.refresh_from_db()
    assert (health.name_es, health.description_es) == (
        "Salud (de la consejera)",
        "Cuidas a la gente.",
    )
    assert health.description == english
    plan = csv_io.plan_import(kind=csv_io.DESCRIPTIONS, data=data)
    assert plan.rows[0].action == "unchanged"
    too_long = as_csv([["cluster_slug", "pathway_slug", "name_es"], [health.slug, "", "x" * 201]])
    plan = csv_io.plan_import(kind=csv_io.DESCRIPTIONS, data=too_long)
    assert "name_es has 201 characters" in plan.rows[0].errors[0]
    no_text = as_csv([["cluster_slug", "pathway_slug", "cluster"], [health.slug, "", "x"]])
    plan = csv_io.plan_import(kind=csv_io.DESCRIPTIONS, data=no_text)
    assert "at least one of description, name_es and description_es" in plan.file_error


def test_spanish_career_titles_import_from_an_edited_occupations_export(
    counselor_client, imported_sample
):
    rows = read(counselor_client.get("/admin/clusters/occupation/export/"))
    header = list(rows[0])
    for row in rows:
        if row["code"] == "29-1141.00":
            row["title_es"], row["keywords_es"] = (
                "Enfermeros y enfermeras",
                "enfermera;  enfermero",
            )
    data = as_csv([header, *([row[h] for h in header] for row in rows)])
    response = upload(counselor_client, "/admin/clusters/occupation/import/", data)
    assert response.status_code == 200
    assert "29-1141.00 Registered Nurses" in response.content.decode()
    plan, _saved = csv_io.apply_import(kind=csv_io.SPANISH_TITLES, data=data)
    assert plan.ok
    assert [r.label for r in plan.rows if r.action == "update"] == ["29-1141.00 Registered Nurses"]
    nurse = m.Occupation.objects.get(code="29-1141.00")
    assert (nurse.title_es, nurse.keywords_es) == (
        "Enfermeros y enfermeras",
        "enfermera; enfermero",
    )
    bad = as_csv([["code", "title_es"], ["29-1141", "x"], ["99-9999.00", "y"]])
    plan = csv_io.plan_import(kind=csv_io.SPANISH_TITLES, data=bad)
    assert "not an O*NET-SOC code" in plan.rows[0].errors[0]
    assert "No occupation has the code 99-9999.00" in plan.rows[1].errors[0]
