"""The importer takes the next O*NET and BLS releases as their publishers lay them out.

Every test writes a release directory of its own: a renamed folder, O*NET 30.3-style file
names, a 2025-35 projections table, a release that drops, adds and renames occupations.
"""

import re
import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from clusters import models as m
from clusters import search
from clusters.importer import ImportFileError, import_catalogue
from tests.support.sample_source import TAB_FILES, write_source

pytestmark = pytest.mark.django_db

OCCUPATIONS = "onet-29.3/Occupation Data.txt"
RELATED = "onet-29.3/Related Occupations.txt"
EP = "bls-ep-2024-34/ep_table_1_2_2024_34.tsv"


def snake(name: str) -> str:
    """'Occupation Data.txt' -> 'occupation_data.txt', as O*NET 30.3 names its files."""
    stem, _, suffix = name.rpartition(".")
    return "_".join(re.findall(r"[a-z0-9]+", stem.lower())) + "." + suffix


def as_next_release(root):
    """Move the sample release into new folders and names, and date it as a newer one."""
    onet = root / "db_30_3_text"
    onet.mkdir()
    for path in sorted((root / "onet-29.3").iterdir()):
        path.rename(onet / snake(path.name))
    (root / "onet-29.3").rmdir()
    (onet / "read_me.txt").write_text("O*NET 30.3 Database\nFebruary 2026 Release\n")
    oews = root / "oesm25nat"
    (root / "bls-oews-2024").rename(oews)
    (oews / "oews_national_may2024.tsv").rename(oews / "national_M2025_dl.tsv")
    notes = (oews / "field_descriptions.txt").read_text()
    (oews / "field_descriptions.txt").write_text(
        notes.replace("May 2024", "May 2025").replace("$239,200", "$250,000")
    )
    return root


def test_a_renamed_folder_and_o_net_30_3_file_names_import(tmp_path):
    root = as_next_release(write_source(tmp_path / "release"))
    summary = import_catalogue(source=root)
    assert m.Occupation.objects.count() == len(TAB_FILES[OCCUPATIONS]) - 1
    releases = dict(m.DataRelease.objects.values_list("key", "version"))
    assert releases["onet"] == "30.3"
    assert releases["bls-oews"] == "May 2025"
    assert m.DataRelease.objects.get(key="bls-oews").facts == {"wage_cap": 250_000}
    dentist = m.Occupation.objects.get(code="29-1021.00")
    assert dentist.wage_median == 250_000 and dentist.wage_cap == 250_000
    assert str(summary.files["O*NET occupations"]) == "db_30_3_text/occupation_data.txt"
    assert str(summary.files["BLS wages (OEWS)"]) == "oesm25nat/national_M2025_dl.tsv"
    assert str(summary.files["O*NET read-me"]) == "db_30_3_text/read_me.txt"


def projections_2025_35() -> list[list[str]]:
    """The sample projections table as BLS would publish it for 2025-35."""
    rows = [row[:] for row in TAB_FILES[EP]]
    rows[0] = [
        cell.replace("2024–34", "2025–35").replace("2034", "2035").replace("2024", "2025")
        for cell in rows[0]
    ]
    nurse = next(row for row in rows if row[1] == "29-1141")
    nurse[3:7] = ["3450.0", "3600.0", "4.3", "190.0"]
    total = next(row for row in rows if row[1] == "00-0000")
    total[5] = "2.0"  # all jobs together: "growing fast" from 4.0 %
    return rows


def test_a_2025_35_projections_table_imports_with_its_years(tmp_path, client):
    root = write_source(tmp_path / "release", {EP: None})
    table = root / "bls-ep-2025-35" / "occupation.tsv"
    table.parent.mkdir()
    table.write_text("\n".join("\t".join(row) for row in projections_2025_35()) + "\n")
    import_catalogue(source=root)
    nurse = m.Occupation.objects.get(code="29-1141.00")
    assert (nurse.employment_2024, nurse.employment_2034) == (3_450_000, 3_600_000)
    assert nurse.employment_change_pct == 4.3 and nurse.annual_openings == 190_000
    release = m.DataRelease.objects.get(key="bls-ep")
    assert release.version == "2025\u201335"
    assert release.facts == {"start": 2025, "end": 2035, "average_growth": 2.0}
    html = client.get(reverse("clusters:occupation", args=["29-1141.00"])).content.decode()
    assert "Jobs in 2025" in html and "Projected change, 2025–2035" in html
    assert "+4.3% (growing fast)" in html  # twice the 2.0 % of all jobs, read from the table
    assert "2034" not in html


def test_two_files_that_look_alike_are_refused(tmp_path):
    root = write_source(tmp_path / "release")
    shutil.copy(root / OCCUPATIONS, root / "onet-29.3" / "Occupation Data (copy).txt")
    with pytest.raises(ImportFileError, match=r"several files look like Occupation Data\.txt"):
        import_catalogue(source=root)
    assert not m.Occupation.objects.exists()


@pytest.fixture
def first_release(tmp_path):
    """The sample release with a related link from the dentist, imported once."""
    root = write_source(
        tmp_path / "first",
        {RELATED: TAB_FILES[RELATED] + [["29-1021.00", "D", "29-1141.00", "RN", "Primary", "1"]]},
    )
    import_catalogue(source=root)
    return root


def second_release(tmp_path):
    """Dentists dropped, Nurse Practitioners added, Actors renamed."""
    occupations = [row for row in TAB_FILES[OCCUPATIONS] if row[0] != "29-1021.00"]
    occupations = [
        ["27-2011.00", "Actors and Performers", row[2]] if row[0] == "27-2011.00" else row
        for row in occupations
    ]
    occupations.append(["29-1171.00", "Nurse Practitioners", "Diagnose and treat patients."])
    return write_source(tmp_path / "second", {OCCUPATIONS: occupations})


def test_a_release_that_drops_adds_and_renames_occupations(first_release, tmp_path, client):
    dentist = m.Occupation.objects.get(code="29-1021.00")
    offer = m.LocalProgramme.objects.create(name="Dental assisting", kind="cte")
    offer.occupations.add(dentist)
    summary = import_catalogue(source=second_release(tmp_path))

    assert summary.retired == ["29-1021.00 Dentists, General"]
    assert summary.added == ["29-1171.00 Nurse Practitioners"]
    assert summary.renamed == ["27-2011.00 Actors -> Actors and Performers"]
    assert summary.kept_content == ["29-1021.00: local programme 'Dental assisting'"]
    lines = "\n".join(summary.lines())
    assert "Occupations retired (no longer in the data): 1" in lines
    assert "29-1021.00 Dentists, General" in lines

    dentist.refresh_from_db()
    assert dentist.is_retired
    assert list(offer.occupations.all()) == [dentist]  # counselor content kept
    assert not m.PathwayOccupation.objects.filter(occupation=dentist).exists()
    assert "29-1021.00" not in search.search_occupations(query="dentists").codes
    html = client.get(dentist.get_absolute_url()).content.decode()
    assert "No longer in the data" in html
    assert reverse("clusters:occupation", args=["29-1141.00"]) in html  # closest careers
    assert "$239,200" not in html  # no old figures
    compare = client.get(reverse("clusters:compare") + "?o=29-1021.00&o=29-1141.00")
    assert "Dentists, General" not in compare.content.decode()
    physical = m.Pathway.objects.get(name="Physical Health").get_absolute_url()
    assert "Dentists" not in client.get(physical).content.decode()

    again = import_catalogue(source=second_release(tmp_path / "again"))
    assert not again.changed and not again.retired and not again.added


def test_an_occupation_that_comes_back_is_no_longer_retired(first_release, tmp_path):
    import_catalogue(source=second_release(tmp_path))
    summary = import_catalogue(source=first_release)
    assert summary.returned == ["29-1021.00 Dentists, General"]
    assert not m.Occupation.objects.get(code="29-1021.00").is_retired
    assert m.PathwayOccupation.objects.filter(occupation__code="29-1021.00").exists()


def test_command_says_which_file_was_read_for_what(tmp_path, capsys):
    root = as_next_release(write_source(tmp_path / "release"))
    call_command("import_career_data", str(root))
    out = capsys.readouterr().out
    assert "Files read:" in out
    assert "  O*NET occupations: db_30_3_text/occupation_data.txt" in out


def test_classic_mapping_that_lags_the_release_is_reported_not_fatal(first_release, tmp_path):
    summary = import_catalogue(source=second_release(tmp_path))
    assert summary.skipped == []
    classic = "onet-career-clusters-classic/All_Career_Clusters.csv"
    root = second_release(tmp_path / "lagging")
    with open(root / classic, "a", encoding="utf-8") as handle:
        handle.write("Health Science,Therapeutic Services,29-1021.00,Dentists\n")
    summary = import_catalogue(source=root)
    assert summary.skipped == [f"{classic}, line 4: 29-1021.00 is not in the O*NET data"]
    assert "Rows left out: 1" in summary.lines()
