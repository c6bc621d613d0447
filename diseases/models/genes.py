"""Genes (HGNC) and the links the sources make between a gene and a disease."""

from django.db import models
from django.db.models import Max

from .common import page_address, published_condition


class GeneQuerySet(models.QuerySet):
    def linked_to_published(self):
        """Genes at least one published page names: the ones that have a page here."""
        return self.filter(published_condition("disease_links__disease__")).distinct()

    def for_sitemap(self):
        """Symbols of the genes with a page, each with the newest ``page_changed_at`` of the published
        pages it lists: a gene's page shows their names, so it changes when one of them does."""
        return (
            self.filter(published_condition("disease_links__disease__"))
            .values("symbol")
            .annotate(page_changed_at=Max("disease_links__disease__page_changed_at"))
            .order_by("symbol")
        )


class Gene(models.Model):
    symbol = models.CharField(max_length=40, unique=True, help_text="The approved HGNC symbol, such as CFTR.")
    name = models.CharField(max_length=255, blank=True)
    hgnc_id = models.CharField("HGNC id", max_length=15, blank=True)
    ncbi_gene_id = models.PositiveIntegerField("NCBI Gene id", unique=True)

    objects = GeneQuerySet.as_manager()

    class Meta:
        ordering = ["symbol"]

    def __str__(self):
        return self.symbol

    def get_absolute_url(self):
        return page_address("diseases:gene", symbol=self.symbol)

    @property
    def hgnc_url(self):
        return (
            f"https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/{self.hgnc_id}"
            if self.hgnc_id
            else ""
        )

    @property
    def ncbi_url(self):
        return f"https://www.ncbi.nlm.nih.gov/gene/{self.ncbi_gene_id}"


class DiseaseGeneQuerySet(models.QuerySet):
    def published_diseases_of(self, gene):
        """The published pages that name ``gene``, those for which it is a main gene first, then by name."""
        return (
            self.filter(published_condition("disease__"), gene=gene)
            .select_related("disease")
            .only("is_main", "source_record", "disease__name", "disease__slug")
            .order_by("-is_main", "disease__name", "disease_id")
        )


class DiseaseGene(models.Model):
    """A gene the sources link to a disease, with the record that says so."""

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="gene_links")
    gene = models.ForeignKey(Gene, on_delete=models.CASCADE, related_name="disease_links")
    source_record = models.CharField(max_length=30, help_text="For example OMIM:219700.")
    is_main = models.BooleanField(
        default=True, help_text="Named by every record of the page that names genes, or by its definition."
    )

    objects = DiseaseGeneQuerySet.as_manager()

    class Meta:
        ordering = ["-is_main", "gene__symbol"]
        constraints = [models.UniqueConstraint(fields=["disease", "gene"], name="unique_disease_gene")]

    def __str__(self):
        return f"{self.disease_id} · {self.gene_id}"
