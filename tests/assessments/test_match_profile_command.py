"""`manage.py match_profile`: ranked clusters and occupations for a profile; clear errors."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db

SOCIAL_INVESTIGATIVE = "3.5,5.1,1.9,6.6,2.4,3.0"


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("match_profile", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_text_output(interest_catalogue):
    out, _ = run("--riasec", SOCIAL_INVESTIGATIVE)
    lines = out.splitlines()
    assert "interest code SIR" in lines[0] and "framework test-fw" in lines[0]
    clusters = [line for line in lines if line.strip()[:2].strip(".").isdigit()]
    assert clusters[0].split()[-2:] == ["Helping", "People"] and "helping" in clusters[0]
    assert "29-1141.00  Registered Nurses" in out


def test_json_output_with_framework_and_plan(interest_catalogue):
    out, _ = run(
        "--riasec",
        SOCIAL_INVESTIGATIVE,
        "--framework",
        "wide",
        "--json",
        "--plan",
        "2",
        "--top",
        "3",
    )
    data = json.loads(out)
    assert data["framework"] == "wide" and data["code"] == "SIR" and data["flat"] is False
    assert [c["slug"] for c in data["clusters"]] == ["everything", "hands-on"]
    assert set(data["clusters"][0]) == {"rank", "slug", "name", "score"}
    assert len(data["occupations"]) == 3
    assert all(o["job_zone"] in {1, 2, 3} for o in data["occupations"])
    fits = [o["fit"] for o in data["occupations"]]
    assert fits == sorted(fits, reverse=True)
    codes = [o["code"] for o in data["occupations"]]
    assert codes[0] == "29-1141.00" and "29-1123.00" not in codes  # therapists: job zone 5


def test_nearly_flat_profile_warns(interest_catalogue):
    _, err = run("--riasec", "4,4,4.2,4,4,4")
    assert "nearly flat" in err


@pytest.mark.parametrize(
    "riasec,message",
    [
        ("1,2,3", "needs 6 scores"),
        ("1,2,3,4,5,6,7", "needs 6 scores"),
        ("a,b,c,d,e,f", "six numbers"),
        ("1,2,3,4,5,8", "between 1 and 7"),
        ("0,2,3,4,5,6", "between 1 and 7"),
        ("nan,2,3,4,5,6", "must be a number"),
        ("4,4,4,4,4,4", "All six scores are the same"),
        ("", "needs 6 scores"),
    ],
)
def test_bad_profiles_are_clear_errors(interest_catalogue, riasec, message):
    with pytest.raises(CommandError, match=message):
        run("--riasec", riasec)


def test_unknown_framework(interest_catalogue):
    with pytest.raises(CommandError, match=r"Unknown framework 'nope'\. Known: test-fw, wide"):
        run("--riasec", SOCIAL_INVESTIGATIVE, "--framework", "nope")


def test_empty_database_is_explained():
    with pytest.raises(CommandError, match="import_career_data"):
        run("--riasec", SOCIAL_INVESTIGATIVE)
