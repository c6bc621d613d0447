"""Parse the HPO's gene annotations (``genes_to_phenotype.txt``): which genes each disease record names.

Tab-separated with a header: ``ncbi_gene_id gene_symbol hpo_id hpo_name frequency disease_id``.
One row per gene, symptom and disease; only the (disease, gene) pairs are kept. A few genes have no
symbol ("-"): nothing can be shown or linked for them, so their rows are skipped.
"""

import re
from dataclasses import dataclass, field

from diseases.identifiers import parse_curie

from .errors import ImportFileError
from .reading import read_table

COLUMNS = {"ncbi_gene_id": "ncbi_gene_id", "symbol": "gene_symbol", "disease_id": "disease_id"}
NCBI_GENE_ID = re.compile(r"^\d{1,10}$")
NO_SYMBOL = "-"
SYMBOL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9@._/-]{0,39}$")


@dataclass
class GeneLinks:
    version: str
    # "OMIM:219700" -> {ncbi_gene_id: symbol}, in file order
    by_record: dict = field(default_factory=dict)

    @property
    def pair_count(self):
        return sum(len(genes) for genes in self.by_record.values())


def parse_genes(path, version, progress_stage=None) -> GeneLinks:
    links = GeneLinks(version=version)
    for number, row in read_table(path, COLUMNS, progress_stage):
        ncbi_gene_id, symbol, disease_id = row["ncbi_gene_id"], row["symbol"], row["disease_id"]
        if symbol == NO_SYMBOL:
            continue
        if not NCBI_GENE_ID.match(ncbi_gene_id):
            raise ImportFileError(path, number, f'"{ncbi_gene_id}" is not an NCBI gene id (a number).')
        if not SYMBOL.match(symbol):
            raise ImportFileError(path, number, f'"{symbol}" is not a gene symbol.')
        if parse_curie(disease_id) is None:
            raise ImportFileError(path, number, f'"{disease_id}" is not a disease id such as OMIM:219700.')
        links.by_record.setdefault(disease_id, {}).setdefault(int(ncbi_gene_id), symbol)
    if not links.by_record:
        raise ImportFileError(path, None, "the file holds no gene annotations.")
    return links
