"""BLS figures and crosswalk rows reach O*NET occupations through BLS's own code lists."""

import pytest

from clusters import models as m
from clusters.importer import import_catalogue, read_bls, read_frameworks
from tests.support.sample_source import TAB_FILES, write_source

pytestmark = pytest.mark.django_db

OCCUPATIONS = "onet-29.3/Occupation Data.txt"
OEWS = "bls-oews-2024/oews_national_may2024.tsv"
EP = "bls-ep-2024-34/ep_table_1_2_2024_34.tsv"
CTE_SOC = "advance-cte-2024/soc_cluster_subcluster.tsv"


def with_counselors() -> dict:
    """The sample release plus BLS's combined code 21-1018 for two O*NET counselors."""
    return {
        OCCUPATIONS: TAB_FILES[OCCUPATIONS]
        + [
            ["21-1011.00", "Substance Abuse and Behavioral Disorder Counselors", "Counsel."],
            ["21-1014.00", "Mental Health Counselors", "Counsel people."],
            ["21-1012.00", "Educational, Guidance, and Career Counselors and Advisors", "Advise."],
        ],
        OEWS: TAB_FILES[OEWS]
        + [
            ["21-1010", "Counselors", "broad", "970870", "40000", "45000", "60200"]
            + ["70000", "90000", "28.94"],
            ["21-1012", "Educational, Guidance, and Career Counselors and Advisors"]
            + ["detailed", "342350", "40000", "50000", "65140", "80000", "99000", "31.32"],
            ["21-1018", "Substance Abuse, Behavioral Disorder, and Mental Health Counselors"]
            + ["detailed", "440380", "39000", "47000", "59190", "76000", "98000", "28.46"],
        ],
        EP: TAB_FILES[EP]
        + [
            ["Counselors", "21-1010", "Summary", "1098.6", "1212.8", "10.4", "104.4"]
            + ["—", "—", "—"],
            ["Educational, guidance, and career counselors and advisors", "21-1012"]
            + ["Line item", "376.3", "389.6", "3.5", "31", "Master's degree", "None", "None"],
            ["Substance abuse, behavioral disorder, and mental health counselors", "21-1018"]
            + ["Line item", "483.5", "564.6", "16.8", "48.3", "Master's degree", "None"]
            + ["Internship/residency"],
        ],
        CTE_SOC: TAB_FILES[CTE_SOC]
        + [
            ["21-1018", "Substance Abuse, Behavioral Disorder, and Mental Health Counselors"]
            + ["Healthcare & Human Services", "Physical Health"],
        ],
    }


def test_combined_bls_code_gives_its_occupations_their_own_figures(tmp_path):
    import_catalogue(source=write_source(tmp_path, with_counselors()))
    for code in ("21-1011.00", "21-1014.00"):
        counselor = m.Occupation.objects.get(code=code)
        assert counselor.bls_code == "21-1018"
        assert counselor.wage_median == 59190
        assert counselor.employment_change_pct == 16.8
        assert counselor.annual_openings == 48_300
        assert counselor.employment_2024 == 483_500
        assert counselor.entry_education == "Master's degree"
    advisor = m.Occupation.objects.get(code="21-1012.00")
    assert (advisor.bls_code, advisor.wage_median) == ("21-1012", 65140)


def test_crosswalk_row_with_a_combined_code_reaches_its_occupations(tmp_path):
    import_catalogue(source=write_source(tmp_path, with_counselors()))
    physical = m.Pathway.objects.get(name="Physical Health")
    codes = set(physical.occupations.values_list("code", flat=True))
    assert {"21-1011.00", "21-1014.00"} <= codes
    assert "21-1012.00" not in codes


def test_code_rules_follow_what_bls_publishes():
    socs = {"21-1011", "21-1012", "21-1014", "13-1021", "29-1141", "53-1041", "45-3031"}
    found = read_bls.bls_codes_for(
        socs=socs,
        detailed={"21-1012", "21-1018", "13-1020", "29-1141", "53-1041"},
        published={"21-1010", "21-1012", "21-1018", "13-1020", "29-1141", "29-1140", "53-1041"},
    )
    assert found == {
        "21-1011": "21-1018",  # combined code, does not end in 0
        "21-1014": "21-1018",
        "21-1012": "21-1012",
        "13-1021": "13-1020",  # a broad group BLS publishes whole
        "29-1141": "29-1141",
        "53-1041": "53-1041",
    }  # 45-3031: BLS publishes nothing for it or its group


def test_broad_group_is_the_last_resort():
    found = read_bls.bls_codes_for(
        socs={"21-1011", "21-1014"},
        detailed={"21-1018", "21-1019"},  # two codes not in O*NET: which one is unclear
        published={"21-1010", "21-1018", "21-1019"},
    )
    assert found == {"21-1011": "21-1010", "21-1014": "21-1010"}


def test_importer_says_whom_shared_figures_describe(tmp_path):
    changes = with_counselors()
    changes[OCCUPATIONS] += [
        ["15-1299.00", "Computer Occupations, All Other", "Other computer jobs."],
        ["15-1299.01", "Web Administrators", "Manage web sites."],
    ]
    changes[OEWS] += [
        ["15-1299", "Computer Occupations, All Other", "detailed", "400000", "50000"]
        + ["70000", "108970", "140000", "170000", "52.39"]
    ]
    import_catalogue(source=write_source(tmp_path, changes))
    groups = dict(m.Occupation.objects.values_list("code", "figures_group"))
    assert groups == {
        "29-1141.00": "",  # the whole SOC occupation: its own figures
        "29-1141.01": "all registered nurses",
        "13-1021.00": "all buyers and purchasing agents",
        "21-1011.00": "all substance abuse, behavioral disorder, and mental health counselors",
        "21-1014.00": "all substance abuse, behavioral disorder, and mental health counselors",
        "21-1012.00": "",
        "15-1299.00": "",
        "15-1299.01": "a group of related jobs",
        "27-2011.00": "",
        "29-1021.00": "",
    }
    flagged = set(
        m.Occupation.objects.filter(figures_for_group=True).values_list("code", flat=True)
    )
    assert flagged == {code for code, group in groups.items() if group}


def test_all_other_group_gives_its_sub_occupations_weak_memberships(tmp_path):
    changes = with_counselors()
    changes[OCCUPATIONS] += [
        ["19-3099.00", "Social Scientists and Related Workers, All Other", "Study people."],
        ["19-3099.01", "Transportation Planners", "Plan transport."],
    ]
    changes[CTE_SOC] += [
        ["19-3099", "Social Scientists and Related Workers, All Other"]
        + ["Healthcare & Human Services", "Physical Health"]
    ]
    import_catalogue(source=write_source(tmp_path, changes))
    members = dict(
        m.PathwayOccupation.objects.filter(pathway__name="Physical Health").values_list(
            "occupation__code", "is_weak"
        )
    )
    assert members["19-3099.01"] is True  # only the catch-all group's row puts it here
    assert members["19-3099.00"] is False  # the row is about the catch-all occupation itself
    assert members["29-1141.00"] is False and members["21-1014.00"] is False


def test_a_specific_row_makes_a_membership_full():
    evidence = [
        ("Health", "Physical Health", "19-3099.01", True),
        ("Health", "Physical Health", "19-3099.01", False),  # e.g. a combined code's row
        ("Health", "Therapy", "19-3099.01", True),
        ("Health", "Therapy", "19-3099.00", True),
    ]
    assert read_frameworks.weak_memberships(evidence=evidence) == {
        ("Health", "Therapy", "19-3099.01")
    }


def test_titles_are_kept_once_whatever_their_case_or_punctuation(tmp_path):
    alternate = "onet-29.3/Alternate Titles.txt"
    reported = "onet-29.3/Sample of Reported Titles.txt"
    changes = {
        alternate: TAB_FILES[alternate]
        + [
            ["29-1141.00", "RN", "Charge Nurse", "", "08"],
            ["29-1141.00", "RN", "Staff nurse", "", "08"],
            ["29-1141.00", "RN", "Registered Nurses", "", "08"],  # the job's own title
            ["29-1141.00", "RN", "Nurse--Clinical", "", "08"],
        ],
        reported: TAB_FILES[reported] + [["29-1141.00", "RN", "Staff Nurse.", "N"]],
        OCCUPATIONS: [
            *TAB_FILES[OCCUPATIONS],
            ["47-3013.00", "Helpers--Electricians", "Help electricians."],
        ],
    }
    import_catalogue(source=write_source(tmp_path, changes))
    nurse = m.Occupation.objects.get(code="29-1141.00")
    titles = sorted(nurse.titles.values_list("title", "short_title", "kind", "featured"))
    assert titles == [
        ("Charge Nurse", "", "reported", True),  # featured in My Next Move wins
        ("Nurse\u2014Clinical", "", "alternate", False),
        ("Registered Nurse", "RN", "alternate", False),
        ("Staff Nurse.", "", "reported", False),
    ]
    assert m.Occupation.objects.get(code="47-3013.00").title == "Helpers\u2014Electricians"
