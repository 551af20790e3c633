import gzip
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from clusters import models as m
from clusters.importer import ImportFileError, import_catalogue, is_bright_outlook
from clusters.importer.authored import fill_spanish_titles
from tests.support.sample_source import TAB_FILES, snapshot, write_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(tmp_path):
    return write_source(tmp_path / "data")


@pytest.fixture
def imported(source):
    import_catalogue(source=source)
    return source


def test_imports_occupations_with_interests_wages_and_outlook(imported):
    nurse = m.Occupation.objects.get(code="29-1141.00")
    assert nurse.title == "Registered Nurses"
    assert nurse.riasec_scores == {"R": 3.5, "I": 5.1, "A": 1.9, "S": 6.6, "E": 2.4, "C": 3.0}
    assert nurse.interest_code == "SI"  # third high point 0 means none
    assert nurse.job_zone_id == 3
    assert (nurse.wage_p10, nurse.wage_median, nurse.wage_p90) == (66030, 93600, 135320)
    assert nurse.entry_education == "Bachelor's degree"
    assert nurse.employment_2024 == 3_391_700
    assert nurse.annual_openings == 189_100
    assert nurse.employment_change_pct == 4.9
    assert nurse.bright_outlook  # not shrinking and >= 10,000 openings a year
    assert nurse.release.key == "onet" and nurse.release.version == "29.3"


def test_quoted_fields_are_kept_whole(imported):
    assert m.Occupation.objects.get(code="29-1141.01").description == (
        'Provide "advanced" nursing care.'
    )


def test_core_tasks_come_first(imported):
    tasks = list(m.Task.objects.filter(occupation__code="29-1141.00"))
    assert [t.is_core for t in tasks] == [True, True, False]
    assert tasks[-1].text == "Record patients' medical information."


def test_top_coded_and_missing_wages(imported):
    dentist = m.Occupation.objects.get(code="29-1021.00")
    assert dentist.wage_median == 239_200 and dentist.wage_top_coded
    assert dentist.wage_cap == 239_200
    actor = m.Occupation.objects.get(code="27-2011.00")
    assert actor.wage_median is None and actor.hourly_only
    assert str(actor.wage_hourly_median) == "25.14"
    assert not actor.wage_top_coded


def test_bls_broad_group_figures_are_used_and_named(imported):
    buyer = m.Occupation.objects.get(code="13-1021.00")
    assert buyer.wage_median == 75650
    assert buyer.bls_code == "13-1020"
    assert buyer.bls_title == "Buyers and Purchasing Agents"


def test_aggregate_soc_code_in_framework_reaches_its_occupations(imported):
    agribusiness = m.Pathway.objects.get(name="Agribusiness")
    assert list(agribusiness.occupations.values_list("code", flat=True)) == ["13-1021.00"]


def test_lower_case_duplicate_sub_cluster_is_merged(imported):
    water = m.Pathway.objects.filter(cluster__name="Agriculture", name__iexact="water systems")
    assert [p.name for p in water] == ["Water Systems"]
    assert water[0].occupations.count() == 1


def test_one_o_net_code_under_several_soc_rows_and_clusters(imported):
    acute = m.Occupation.objects.get(code="29-1141.01")
    names = sorted(acute.pathways.values_list("cluster__framework__slug", "name"))
    assert names == [
        ("classic-16", "Diagnostic Services"),
        ("classic-16", "Therapeutic Services"),
        ("national-2024", "Physical Health"),
    ]


def test_programmes_of_study_link_to_pathways_and_occupations(imported):
    programme = m.Programme.objects.get(cip_code="51.3801")
    assert programme.title == "Registered Nursing/Registered Nurse"
    assert {o.code for o in programme.occupations.all()} == {"29-1141.00", "29-1141.01"}
    assert [p.name for p in programme.pathways.all()] == ["Physical Health"]


def test_titles_skills_education_related(imported):
    nurse = m.Occupation.objects.get(code="29-1141.00")
    assert {t.title for t in nurse.titles.all()} == {
        "Registered Nurse", "Staff Nurse", "Charge Nurse",
    }  # fmt: skip
    assert nurse.titles.get(title="Charge Nurse").featured
    assert [(a.kind, a.name) for a in nurse.attributes.all()] == [
        ("knowledge", "Medicine and Dentistry"),
        ("skill", "Active Listening"),
        ("skill", "Speaking"),
    ]
    assert [(e.label, e.percent) for e in nurse.education.all()] == [
        ("Post-Secondary Certificate", 20.0),
        ("Bachelor's Degree", 80.0),
    ]
    related = m.RelatedOccupation.objects.get(occupation=nurse)
    assert (related.related.code, related.tier, related.rank) == ("29-1141.01", "Primary-Short", 1)
    assert "rn" in nurse.search_titles.split("\n")


def test_default_framework_and_authored_descriptions(imported):
    default = m.Framework.objects.get(is_default=True)
    assert default.slug == "national-2024"
    health = m.Cluster.objects.get(name="Healthcare & Human Services")
    assert health.slug == "healthcare-human-services"
    assert health.description  # from fixtures/authored/national-2024.csv


def test_our_spanish_is_loaded_into_empty_fields(imported):
    nurse = m.Occupation.objects.get(code="29-1141.00")
    assert nurse.title_es == "Enfermeros y enfermeras registrados"
    assert "enfermera" in nurse.keywords_es.split("; ")
    health = m.Cluster.objects.get(name="Healthcare & Human Services")
    assert health.name_es and health.description_es
    assert all(p.name_es and p.description_es for p in health.pathways.all())
    assert m.Framework.objects.get(slug="national-2024").name_es.startswith("Marco nacional")


def test_spanish_edits_are_kept_and_a_renamed_career_waits_for_its_translation(imported):
    m.Occupation.objects.filter(code="29-1141.00").update(title_es="Enfermeras (consejera)")
    m.Cluster.objects.filter(name="Healthcare & Human Services").update(name_es="Salud")
    renamed = m.Occupation.objects.exclude(code="29-1141.00").first()
    m.Occupation.objects.filter(pk=renamed.pk).update(title="Old name", title_es="")
    import_catalogue(source=imported)  # renames it back: our Spanish fits the title again
    assert m.Occupation.objects.get(code="29-1141.00").title_es == "Enfermeras (consejera)"
    assert m.Cluster.objects.get(name="Healthcare & Human Services").name_es == "Salud"
    assert m.Occupation.objects.get(pk=renamed.pk).title_es
    m.Occupation.objects.filter(pk=renamed.pk).update(title="Renamed by O*NET", title_es="")
    fill_spanish_titles(occupation_model=m.Occupation)
    assert m.Occupation.objects.get(pk=renamed.pk).title_es == ""


def test_second_run_changes_nothing(imported):
    before = snapshot()
    summary = import_catalogue(source=imported)
    assert not summary.changed
    assert snapshot() == before


def test_importer_keeps_counselor_edits(imported):
    cluster = m.Cluster.objects.get(name="Healthcare & Human Services")
    cluster.description = "Written by our counselor."
    cluster.save()
    m.Framework.objects.filter(slug="national-2024").update(is_default=False)
    m.Framework.objects.filter(slug="classic-16").update(is_default=True)
    import_catalogue(source=imported)
    cluster.refresh_from_db()
    assert cluster.description == "Written by our counselor."
    assert m.Framework.objects.get(is_default=True).slug == "classic-16"


def test_changed_source_updates_only_what_changed(imported, tmp_path):
    changed = [row[:] for row in TAB_FILES["onet-29.3/Task Statements.txt"]]
    changed[3][3] = "Give medicine and treatments to patients."
    write_source(imported, {"onet-29.3/Task Statements.txt": changed})
    summary = import_catalogue(source=imported)
    assert summary.created["tasks"] == 1 and summary.deleted["tasks"] == 1
    assert summary.created["occupations"] == 0
    assert m.Task.objects.filter(text__startswith="Give medicine and").count() == 1


def test_gzipped_files_are_read(source):
    path = source / "onet-29.3/Occupation Data.txt"
    with open(path, "rb") as plain, gzip.open(f"{path}.gz", "wb") as packed:
        shutil.copyfileobj(plain, packed)
    path.unlink()
    import_catalogue(source=source)
    assert m.Occupation.objects.count() == 5


def _bad(file: str, rows) -> dict:
    return {file: rows}


OCC = "onet-29.3/Occupation Data.txt"
BAD_FILES = {
    "missing file": (_bad(OCC, None), "Occupation Data.txt: file not found", None),
    "renamed column": (
        _bad(OCC, [["O*NET-SOC Code", "Name", "Description"], ["29-1141.00", "RN", "x"]]),
        "missing column(s): Title",
        1,
    ),
    "bad code": (
        _bad(OCC, [TAB_FILES[OCC][0], ["29-1141", "Registered Nurses", "x"]]),
        "O*NET-SOC Code '29-1141' is not a valid code",
        2,
    ),
    "broken row": (
        _bad(OCC, [*TAB_FILES[OCC], ["29-9999.00", "Too few fields"]]),
        "expected 3 fields but found 2",
        7,
    ),
    "unknown occupation": (
        _bad(
            "onet-29.3/Job Zones.txt",
            [["O*NET-SOC Code", "Title", "Job Zone"], ["11-1011.00", "CEO", "5"]],
        ),
        "O*NET-SOC Code 11-1011.00 is not in",
        2,
    ),
    "out of range": (
        _bad(
            "onet-29.3/Job Zones.txt",
            [["O*NET-SOC Code", "Title", "Job Zone"], ["29-1141.00", "RN", "9"]],
        ),
        "Job Zone 9 is outside 1-5",
        2,
    ),
    "not a number": (
        _bad(
            "bls-oews-2024/oews_national_may2024.tsv",
            [
                TAB_FILES["bls-oews-2024/oews_national_may2024.tsv"][0],
                ["29-1141", "RN", "detailed", "1", "lots", "1", "1", "1", "1", "1"],
            ],
        ),
        "A_PCT10 'lots' is not a number",
        2,
    ),
    "unknown sub-cluster": (
        _bad(
            "advance-cte-2024/soc_cluster_subcluster.tsv",
            [
                ["SOC Code", "Occupation Title", "Career Cluster", "Sub-Cluster"],
                ["29-1141", "RN", "Healthcare & Human Services", "Nursing Magic"],
            ],
        ),
        "sub-cluster Healthcare & Human Services / Nursing Magic is not in",
        2,
    ),
}


@pytest.mark.parametrize("case", BAD_FILES.keys())
def test_bad_file_names_file_line_and_problem_and_changes_nothing(case, imported):
    changes, problem, line = BAD_FILES[case]
    before = snapshot()
    write_source(imported, changes)
    with pytest.raises(ImportFileError) as error:
        import_catalogue(source=imported)
    assert problem in str(error.value)
    assert error.value.line == line
    assert snapshot() == before


def test_failure_while_writing_rolls_back(imported, monkeypatch):
    before = snapshot()
    changed = [row[:] for row in TAB_FILES[OCC]]
    changed[1][1] = "Nurses (renamed)"
    write_source(imported, {OCC: changed})

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("clusters.importer.write._sync_children", explode)
    with pytest.raises(RuntimeError):
        import_catalogue(source=imported)
    assert snapshot() == before


def test_command_reports_problem_and_leaves_database(imported, capsys):
    write_source(imported, {OCC: None})
    with pytest.raises(CommandError, match=r"nothing was changed.*Occupation Data\.txt"):
        call_command("import_career_data", str(imported))


def test_command_if_empty_skips_loaded_database(imported, capsys):
    call_command("import_career_data", "/nonexistent", "--if-empty")
    assert "already loaded" in capsys.readouterr().out


def test_command_shows_progress(source, capsys):
    call_command("import_career_data", str(source))
    out = capsys.readouterr().out
    assert "read O*NET occupations" in out and "Done in" in out


@pytest.mark.parametrize(
    ("growth", "openings", "bright"),
    [(6.2, 0, True), (6.1, 0, False), (0.0, 10_000, True), (-0.1, 50_000, False)],
)
def test_bright_outlook_rule(growth, openings, bright):
    assert is_bright_outlook(growth=growth, openings=openings, average_growth=3.1) is bright


def test_the_spanish_migration_fills_a_site_imported_before_it(imported):
    """An upgraded site has the data but empty Spanish fields: migrating fills them."""
    import importlib

    from django.apps import apps

    m.Occupation.objects.update(title_es="", keywords_es="")
    m.Cluster.objects.update(name_es="", description_es="")
    m.Pathway.objects.update(name_es="")
    m.Framework.objects.update(name_es="")
    importlib.import_module("clusters.migrations.0013_shipped_spanish").fill(apps, None)
    assert not m.Occupation.objects.filter(title_es="").exists()
    assert not m.Cluster.objects.filter(name_es="").exists()
    assert not m.Pathway.objects.filter(name_es="").exists()
    assert not m.Framework.objects.filter(name_es="").exists()


def test_the_classic_framework_spanish_name_migration_keeps_a_counselors_own(imported):
    """0014 replaces only our old wording, which read "del Los 16 grupos…" in sentences."""
    import importlib

    from django.apps import apps

    rename = importlib.import_module("clusters.migrations.0014_classic_framework_spanish_name")
    classic = m.Framework.objects.filter(slug="classic-16")
    classic.update(name_es="Los 16 grupos de carreras clásicos")
    rename.rename(apps, None)
    assert classic.get().name_es == "Marco clásico de 16 grupos de carreras"
    classic.update(name_es="Nuestros 16 grupos")
    rename.rename(apps, None)
    assert classic.get().name_es == "Nuestros 16 grupos"
