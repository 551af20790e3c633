"""Running the data importer again keeps what counselors wrote and linked."""

import pytest

from clusters import models as m
from clusters.importer import import_catalogue
from tests.support.admin import change_form_data, inline_prefix
from tests.support.sample_source import TAB_FILES, write_source

pytestmark = pytest.mark.django_db


def test_reimport_keeps_counselor_edits_and_local_programmes(counselor_client, tmp_path):
    source = write_source(tmp_path / "data")
    import_catalogue(source=source)
    nurse = m.Occupation.objects.get(code="29-1141.00")
    pathway = m.Pathway.objects.get(name="Physical Health")
    cluster = pathway.cluster
    classic = m.Framework.objects.get(slug="classic-16")

    # Edits made through the admin, as a counselor.
    page = counselor_client.get(f"/admin/clusters/pathway/{pathway.pk}/change/")
    data = change_form_data(page)
    data["description"] = "Our own words about physical health."
    programme = m.LocalProgramme.objects.create(
        name="Health Careers I", kind="course", grade_from=10, grade_to=12
    )
    data[f"{inline_prefix(page, 'PathwayAddLocalProgrammeInline')}-0-localprogramme"] = (
        programme.pk
    )
    assert (
        counselor_client.post(f"/admin/clusters/pathway/{pathway.pk}/change/", data).status_code
        == 302
    )
    programme.occupations.add(nurse)
    cluster.description = "Our own cluster words."
    cluster.save()
    counselor_client.post(
        "/admin/clusters/framework/", {"action": "make_default", "_selected_action": [classic.pk]}
    )

    # New data: the nurse's title and wages change, the actor is gone from O*NET.
    changed = {
        "onet-29.3/Occupation Data.txt": [
            row if row[0] != "29-1141.00" else ["29-1141.00", "Registered Nurses (new)", "New."]
            for row in TAB_FILES["onet-29.3/Occupation Data.txt"]
        ]
    }
    summary = import_catalogue(source=write_source(tmp_path / "data", changed))
    assert summary.updated["occupations"] == 1

    nurse.refresh_from_db()
    pathway.refresh_from_db()
    cluster.refresh_from_db()
    assert nurse.title == "Registered Nurses (new)"  # imported data is updated ...
    assert pathway.description == "Our own words about physical health."  # ... ours is kept
    assert cluster.description == "Our own cluster words."
    programme.refresh_from_db()
    assert (programme.name, programme.grade_from, programme.grade_to) == (
        "Health Careers I",
        10,
        12,
    )
    assert list(programme.pathways.all()) == [pathway]
    assert list(programme.occupations.all()) == [nurse]
    assert list(m.Framework.objects.filter(is_default=True)) == [classic]

    # And a third run with the same files changes nothing at all.
    assert not import_catalogue(source=write_source(tmp_path / "data", changed)).changed
