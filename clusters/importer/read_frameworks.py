"""The two Career Clusters frameworks and programs of study, from the crosswalks."""

from __future__ import annotations

from collections.abc import Iterable

from clusters.importer.catalogue import Catalogue, soc_to_onet
from clusters.importer.tables import (
    CIP_CODE,
    CLASSIC,
    CTE_CIP,
    CTE_PATHWAYS,
    CTE_SOC,
    CTE_SOC_CIP,
    SOC_CODE,
    SourceFiles,
    _Row,
    table_rows,
)


class _CanonicalNames:
    """One spelling per cluster and sub-cluster, any case (the data has 'water systems')."""

    def __init__(self) -> None:
        self.clusters: dict[str, str] = {}
        self.pathways: dict[tuple[str, str], str] = {}

    def add(self, cluster: str, name: str) -> None:
        cluster = self.clusters.setdefault(cluster.casefold(), cluster)
        key = (cluster.casefold(), name.casefold())
        current = self.pathways.get(key)
        # Prefer the spelling with capitals: "Water Systems" over "water systems".
        if current is None or (current.islower() and not name.islower()):
            self.pathways[key] = name

    def get(self, row: _Row, cluster_column: str, pathway_column: str) -> tuple[str, str]:
        """(cluster, pathway) as spelled in the sub-cluster list, or an error naming this row."""
        cluster_name, name = row.text(cluster_column), row.text(pathway_column)
        cluster = self.clusters.get(cluster_name.casefold())
        if cluster is None:
            raise row.fail(f"cluster {cluster_name!r} is not in {CTE_PATHWAYS.path}")
        try:
            return cluster, self.pathways[(cluster.casefold(), name.casefold())]
        except KeyError:
            raise row.fail(
                f"sub-cluster {cluster} / {name} is not in {CTE_PATHWAYS.path}"
            ) from None


def _national_names(source: SourceFiles) -> _CanonicalNames:
    """The 2024 framework's clusters and sub-clusters as its sub-cluster list spells them."""
    names = _CanonicalNames()
    for row in table_rows(source, CTE_PATHWAYS):
        names.add(row.text("career_cluster"), row.text("sub_cluster"))
    return names


def _read_national_framework(source: SourceFiles, data: Catalogue) -> None:
    names = _national_names(source)
    clusters: dict[str, dict[str, set[str]]] = {}
    for (cluster_key, _), pathway in names.pathways.items():
        clusters.setdefault(names.clusters[cluster_key], {})[pathway] = set()
    evidence: list[tuple[str, str, str, bool]] = []
    for row in table_rows(source, CTE_SOC):
        cluster, pathway = names.get(row, "Career Cluster", "Sub-Cluster")
        soc = row.code("SOC Code", SOC_CODE)
        codes = soc_to_onet(soc, data)
        clusters[cluster][pathway].update(codes)
        catch_all = is_all_other(soc=soc, data=data)
        evidence += [(cluster, pathway, code, catch_all) for code in codes]
    data.frameworks["national-2024"] = clusters
    data.weak |= {("national-2024", *key) for key in weak_memberships(evidence=evidence)}


def is_all_other(*, soc: str, data: Catalogue) -> bool:
    """Is this SOC code a catch-all "..., All Other" group (as O*NET titles its .00 code)?"""
    whole = data.occupations.get(f"{soc}.00")
    return whole is not None and "all other" in whole["title"].casefold()


def weak_memberships(
    *, evidence: Iterable[tuple[str, str, str, bool]]
) -> set[tuple[str, str, str]]:
    """The (cluster, pathway, O*NET code) memberships that rest only on an "All Other" group.

    `evidence` holds one (cluster, pathway, code, from an All Other SOC row?) per crosswalk
    row and occupation. Our rule: a specific O*NET occupation filed under an "All Other" SOC
    code (15-1299.01 under 15-1299) is a weak member of a pathway when no row for a more
    specific code puts it there. The catch-all occupation itself (15-1299.00) is a full
    member: the row is about it. Weak members stay in the pathway but are not used by quiz
    matching, so they never explain or illustrate a cluster.
    """
    weak, strong = set(), set()
    for cluster, pathway, code, catch_all in evidence:
        key = (cluster, pathway, code)
        (weak if catch_all and not code.endswith(".00") else strong).add(key)
    return weak - strong


def _read_classic_framework(source: SourceFiles, data: Catalogue) -> None:
    clusters: dict[str, dict[str, set[str]]] = {}
    for row in table_rows(source, CLASSIC):
        code = row.code("Code")
        if code not in data.occupations:
            # O*NET OnLine's mapping can lag a database release that retired the code.
            data.skipped.append(f"{row.path}, line {row.line}: {code} is not in the O*NET data")
            continue
        cluster_names = row.text("Career Cluster").split("; ")
        pathway_names = row.text("Career Pathway").split("; ")
        if len(cluster_names) != len(pathway_names):
            raise row.fail("Career Cluster and Career Pathway list different numbers of names")
        for cluster, pathway in zip(cluster_names, pathway_names, strict=True):
            clusters.setdefault(cluster, {}).setdefault(pathway, set()).add(code)
    data.frameworks["classic-16"] = clusters


def _read_programmes(source: SourceFiles, data: Catalogue) -> None:
    names = _national_names(source)  # a short list: reading it again costs nothing

    def pathway_key(row: _Row) -> tuple[str, str, str]:
        return ("national-2024", *names.get(row, "Career Cluster", "Sub-Cluster"))

    def programme(row: _Row) -> str:
        cip = row.code("CIP Code (2020)", CIP_CODE)
        data.programmes.setdefault(cip, row.text("CIP Title (2020)").rstrip(". "))
        return cip

    for row in table_rows(source, CTE_CIP):
        data.pathway_programmes[pathway_key(row)].add(programme(row))
    for row in table_rows(source, CTE_SOC_CIP):
        if not row.row["SOC Code"]:
            continue  # the blank separator row under each cluster heading
        cip = programme(row)
        for code in soc_to_onet(row.code("SOC Code", SOC_CODE), data):
            data.occupation_programmes[code].add(cip)
