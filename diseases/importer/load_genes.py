"""Write the genes the sources link to diseases, and the links themselves: the difference only.

Genes are known by their NCBI Gene id; the symbol, name and HGNC id come from HGNC's list (a gene
HGNC does not list keeps the symbol the annotations give it). Genes no page links to any more go.
"""

from diseases.bulk import delete_rows, insert_rows, update_rows
from diseases.identifiers import GENE_SYMBOL_RE
from diseases.models import DiseaseGene, Gene

from .sync import sync_rows


def target_genes(plans, hgnc) -> dict:
    """ncbi_gene_id -> (symbol, name, hgnc_id) for every gene a plan names, one gene per symbol."""
    genes, symbols = {}, {}
    for plan in plans:
        for ncbi_gene_id, (symbol, _, _) in plan.genes.items():
            if ncbi_gene_id in genes:
                continue
            approved = hgnc.by_ncbi_id.get(ncbi_gene_id) if hgnc is not None else None
            values = (approved.symbol, approved.name, approved.hgnc_id) if approved else (symbol, "", "")
            # A gene gets a page at /genes/<symbol>/, so its symbol must fit an address and be its own.
            if not GENE_SYMBOL_RE.match(values[0]):
                continue
            if symbols.setdefault(values[0], ncbi_gene_id) == ncbi_gene_id:
                genes[ncbi_gene_id] = values
    return genes


def load_genes(plans, disease_pks, hgnc, summary):
    target = target_genes(plans, hgnc)
    existing = {
        ncbi_gene_id: (pk, (symbol, name, hgnc_id))
        for pk, ncbi_gene_id, symbol, name, hgnc_id in Gene.objects.values_list(
            "pk", "ncbi_gene_id", "symbol", "name", "hgnc_id"
        ).order_by()
    }
    new = [(ncbi_gene_id, *values) for ncbi_gene_id, values in target.items() if ncbi_gene_id not in existing]
    changes = [
        (existing[ncbi_gene_id][0], *values)
        for ncbi_gene_id, values in target.items()
        if ncbi_gene_id in existing and existing[ncbi_gene_id][1] != values
    ]
    created = insert_rows(Gene, ["ncbi_gene_id", "symbol", "name", "hgnc_id"], new)
    update_rows(Gene, ["symbol", "name", "hgnc_id"], changes)
    # A gene's new name or symbol shows on every page that lists it.
    renamed = [pk for pk, *_ in changes]
    summary.touch(DiseaseGene.objects.filter(gene_id__in=renamed).values_list("disease_id", flat=True))
    gene_pks = dict(Gene.objects.values_list("ncbi_gene_id", "pk").order_by())

    links = {}
    for plan, disease_pk in zip(plans, disease_pks, strict=True):
        for ncbi_gene_id, (_, source_record, is_main) in plan.genes.items():
            if ncbi_gene_id in target:
                links.setdefault((disease_pk, gene_pks[ncbi_gene_id]), (source_record, is_main))
    sync_rows(
        DiseaseGene, ["disease_id", "gene_id"], ["source_record", "is_main"], links, summary, "Disease genes"
    )

    unused = [pk for ncbi_gene_id, (pk, _) in existing.items() if ncbi_gene_id not in target]
    removed = delete_rows(Gene, unused)
    summary.count("Genes", created=created, updated=len(changes), removed=removed)
