"""A tiny but complete source tree in the layout of fixtures/data, for importer tests.

Each file is written from rows given here, so a test can break exactly one thing.
"""

from __future__ import annotations

import csv
from pathlib import Path

from clusters import models as m

TAB_FILES: dict[str, list[list[str]]] = {
    "onet-29.3/Read Me.txt": [["O*NET 29.3 Database"], ["May 2025 Release"]],
    "bls-oews-2024/field_descriptions.txt": [
        ["May 2024 OEWS Estimates"],
        ["Notes:"],
        ["#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year"],
    ],
    "onet-29.3/Occupation Data.txt": [
        ["O*NET-SOC Code", "Title", "Description"],
        ["29-1141.00", "Registered Nurses", "Assess patient health problems and needs."],
        ["29-1141.01", "Acute Care Nurses", 'Provide "advanced" nursing care.'],
        ["13-1021.00", "Buyers and Purchasing Agents, Farm Products", "Buy farm products."],
        ["27-2011.00", "Actors", "Play parts in stage, television, radio or other productions."],
        ["29-1021.00", "Dentists, General", "Examine, diagnose and treat teeth."],
    ],
    "onet-29.3/Interests.txt": [
        ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value"],
        *[
            ["29-1141.00", "RN", "x", name, "OI", value]
            for name, value in zip(
                [
                    "Realistic",
                    "Investigative",
                    "Artistic",
                    "Social",
                    "Enterprising",
                    "Conventional",
                ],
                ["3.5", "5.1", "1.9", "6.6", "2.4", "3.0"],
                strict=True,
            )
        ],
        ["29-1141.00", "RN", "x", "First Interest High-Point", "IH", "4"],
        ["29-1141.00", "RN", "x", "Second Interest High-Point", "IH", "2"],
        ["29-1141.00", "RN", "x", "Third Interest High-Point", "IH", "0"],
    ],
    "onet-29.3/Job Zones.txt": [
        ["O*NET-SOC Code", "Title", "Job Zone"],
        ["29-1141.00", "RN", "3"],
    ],
    "onet-29.3/Job Zone Reference.txt": [
        ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples"],
        *[[str(z), f"Job Zone {z}", "exp", "edu", "train", "ex"] for z in range(1, 6)],
    ],
    "onet-29.3/Task Statements.txt": [
        ["O*NET-SOC Code", "Title", "Task ID", "Task", "Task Type"],
        ["29-1141.00", "RN", "1", "Record patients' medical information.", "Supplemental"],
        ["29-1141.00", "RN", "2", "Monitor patients' condition.", "Core"],
        ["29-1141.00", "RN", "3", "Give medicine to patients.", ""],
    ],
    "onet-29.3/Alternate Titles.txt": [
        ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
        ["29-1141.00", "RN", "Registered Nurse", "RN", "08"],
        ["29-1141.00", "RN", "Staff Nurse", "", "08"],
    ],
    "onet-29.3/Sample of Reported Titles.txt": [
        ["O*NET-SOC Code", "Title", "Reported Job Title", "Shown in My Next Move"],
        ["29-1141.00", "RN", "Charge Nurse", "Y"],
    ],
    "onet-29.3/Related Occupations.txt": [
        ["O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title"]
        + ["Relatedness Tier", "Index"],
        ["29-1141.00", "RN", "29-1141.01", "Acute", "Primary-Short", "1"],
    ],
    "onet-29.3/Skills.txt": [
        ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value"],
        ["29-1141.00", "RN", "2.A", "Active Listening", "IM", "4.1"],
        ["29-1141.00", "RN", "2.A", "Active Listening", "LV", "4.5"],
        ["29-1141.00", "RN", "2.B", "Speaking", "IM", "3.9"],
    ],
    "onet-29.3/Knowledge.txt": [
        ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value"],
        ["29-1141.00", "RN", "2.C", "Medicine and Dentistry", "IM", "4.6"],
    ],
    "onet-29.3/Education, Training, and Experience.txt": [
        ["O*NET-SOC Code", "Title", "Scale ID", "Category", "Data Value"],
        ["29-1141.00", "RN", "RL", "3", "20"],
        ["29-1141.00", "RN", "RL", "6", "80"],
        ["29-1141.00", "RN", "RW", "1", "50"],
    ],
    "onet-29.3/Education, Training, and Experience Categories.txt": [
        ["Scale ID", "Category", "Category Description"],
        ["RL", "3", "Post-Secondary Certificate"],
        ["RL", "6", "Bachelor's Degree"],
        ["RW", "1", "None"],
    ],
    "advance-cte-2024/cluster_subcluster_list.tsv": [
        ["career_cluster", "sub_cluster", "n_soc_rows"],
        ["Healthcare & Human Services", "Physical Health", "2"],
        ["Agriculture", "Water Systems", "1"],
        ["Agriculture", "water systems", "1"],
        ["Agriculture", "Agribusiness", "1"],
        ["Arts, Entertainment, & Design", "Performing Arts", "1"],
    ],
    "advance-cte-2024/soc_cluster_subcluster.tsv": [
        ["SOC Code", "Occupation Title", "Career Cluster", "Sub-Cluster"],
        ["29-1141", "Registered Nurses", "Healthcare & Human Services", "Physical Health"],
        ["29-1021", "Dentists", "Healthcare & Human Services", "Physical Health"],
        ["13-1020", "Buyers and Purchasing Agents", "Agriculture", "Agribusiness"],
        ["13-1020", "Buyers and Purchasing Agents", "Agriculture", "water systems"],
        ["27-2011", "Actors", "Arts, Entertainment, & Design", "Performing Arts"],
    ],
    "advance-cte-2024/full_soc_cip_cluster_naics.tsv": [
        ["Career Cluster", "Sub-Cluster", "SOC Code", "Occupation Title", "CIP Code (2020)"]
        + ["CIP Title (2020)", "2-Digit NAICS", "NAICS title"],
        ["Healthcare & Human Services", "", "", "", "", "", "", ""],
        ["Healthcare & Human Services", "Physical Health", "29-1141", "RN", "51.3801"]
        + ["Registered Nursing/Registered Nurse.", "62", "Health Care"],
    ],
    "advance-cte-2024/cip_cluster_subcluster.tsv": [
        ["CIP Code (2020)", "CIP Title (2020)", "Career Cluster", "Sub-Cluster"],
        ["51.3801", "Registered Nursing/Registered Nurse.", "Healthcare & Human Services"]
        + ["Physical Health"],
    ],
    "bls-oews-2024/oews_national_may2024.tsv": [
        ["OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_PCT10", "A_PCT25", "A_MEDIAN"]
        + ["A_PCT75", "A_PCT90", "H_MEDIAN"],
        ["29-1141", "Registered Nurses", "detailed", "3,300,000", "66030", "79700"]
        + ["93600", "113220", "135320", "45.00"],
        ["13-1020", "Buyers and Purchasing Agents", "broad", "500000", "45000", "55000"]
        + ["75650", "95000", "120000", "36.37"],
        ["29-1021", "Dentists, General", "detailed", "100000", "90000", "150000", "#"]
        + ["#", "#", "#"],
        ["27-2011", "Actors", "detailed", "60000", "*", "*", "*", "*", "*", "25.14"],
    ],
    "bls-ep-2024-34/ep_table_1_2_2024_34.tsv": [
        [
            "2024 National Employment Matrix title",
            "2024 National Employment Matrix code",
            "Occupation type",
            "Employment, 2024",
            "Employment, 2034",
            "Employment change, percent, 2024–34",
            "Occupational openings, 2024–34 annual average",
            "Typical education needed for entry",
            "Work experience in a related occupation",
            "Typical on-the-job training needed to attain competency in the occupation",
        ],
        ["Total, all occupations", "00-0000", "Summary", "169956.1", "175167.9", "3.1"]
        + ["18863.3", "—", "—", "—"],
        ["Registered nurses", "29-1141", "Line item", "3391.7", "3558.3", "4.9", "189.1"]
        + ["Bachelor's degree", "None", "None"],
        ["Actors", "27-2011", "Line item", "70.0", "71.0", "1.4", "8.0"]
        + ["Some college, no degree", "None", "Long-term on-the-job training"],
        ["Dentists, general", "29-1021", "Line item", "140.0", "150.0", "7.1", "4.0"]
        + ["Doctoral or professional degree", "None", "None"],
    ],
}

CSV_FILES: dict[str, list[list[str]]] = {
    "onet-career-clusters-classic/All_Career_Clusters.csv": [
        ["Career Cluster", "Career Pathway", "Code", "Occupation"],
        ["Health Science", "Therapeutic Services", "29-1141.00", "Registered Nurses"],
        [
            "Health Science; Health Science",
            "Therapeutic Services; Diagnostic Services",
            "29-1141.01",
            "Acute Care Nurses",
        ],
    ],
}


def write_source(root: Path, changes: dict[str, list[list[str]] | None] | None = None) -> Path:
    """Write the sample tree under root; `changes` replaces (or, with None, omits) files."""
    files = {**TAB_FILES, **CSV_FILES, **(changes or {})}
    for relative, rows in files.items():
        path = root / relative
        if rows is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        delimiter = "," if relative.endswith(".csv") else "\t"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            if relative.endswith(("Read Me.txt", "field_descriptions.txt")):
                handle.write("\n".join(row[0] for row in rows) + "\n")
            else:
                csv.writer(handle, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return root


def snapshot() -> dict:
    """Everything a failed import must leave untouched."""
    return {
        "counts": counts(),
        "occupations": list(m.Occupation.objects.order_by("code").values()),
        "clusters": list(m.Cluster.objects.order_by("slug").values()),
    }


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


COUNTED = [
    m.DataRelease, m.Framework, m.Cluster, m.Pathway, m.PathwayOccupation, m.Occupation,
    m.Task, m.OtherTitle, m.RelatedOccupation, m.Attribute, m.EducationShare, m.Programme,
    m.JobZone,
]  # fmt: skip
