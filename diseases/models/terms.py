"""HPO terms (the symptoms' vocabulary) and what they say of a disease: its symptom rows (``Annotation``),
how it is inherited and when it starts (``DiseaseCharacteristic``)."""

from django.db import models
from django.db.models import Max, Prefetch, Q
from simple_history.models import HistoricalRecords

from ..identifiers import HPO_ID_VALIDATOR
from .common import Origin, page_address, published_condition


class PhenotypeQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_obsolete=False)

    def for_sitemap(self):
        """Terms some published page shows as a symptom, each with the newest ``page_changed_at`` of
        those pages: the symptom page lists their names and bands, so it changes when one of them does."""
        return (
            self.filter(published_condition("annotations__disease__"), listed_symptom("annotations__"))
            .values("hpo_id")
            .annotate(page_changed_at=Max("annotations__disease__page_changed_at"))
            .order_by("hpo_id")
        )

    def for_symptom_page(self):
        """A term with its everyday names, its parents and its current children, in four queries."""
        return self.select_related("replaced_by").prefetch_related(
            Prefetch(
                "synonyms",
                queryset=PhenotypeSynonym.objects.filter(is_lay=True).only("phenotype_id", "name"),
                to_attr="lay_synonyms",
            ),
            Prefetch("parents", queryset=Phenotype.objects.only("hpo_id", "name").order_by("name")),
            Prefetch(
                "children", queryset=Phenotype.objects.current().only("hpo_id", "name").order_by("name")
            ),
        )

    def for_api_detail(self):
        """A term for the API: every synonym with its scope, parents and current children by HPO id."""
        return self.select_related("replaced_by").prefetch_related(
            Prefetch(
                "synonyms", queryset=PhenotypeSynonym.objects.only("phenotype_id", "name", "scope", "is_lay")
            ),
            Prefetch("parents", queryset=Phenotype.objects.only("hpo_id", "name").order_by("hpo_id")),
            Prefetch(
                "children", queryset=Phenotype.objects.current().only("hpo_id", "name").order_by("hpo_id")
            ),
        )


class Phenotype(models.Model):
    hpo_id = models.CharField("HPO id", max_length=10, unique=True, validators=[HPO_ID_VALIDATOR])
    name = models.CharField(max_length=500)
    definition = models.TextField(blank=True)
    is_obsolete = models.BooleanField(default=False)
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )
    parents = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="children")

    objects = PhenotypeQuerySet.as_manager()
    # Editors' changes go through diseases.editorial.terms and are recorded; the import writes in bulk.
    history = HistoricalRecords()

    class Meta:
        ordering = ["hpo_id"]
        verbose_name = "phenotype (HPO term)"
        verbose_name_plural = "phenotypes (HPO terms)"

    def __str__(self):
        return f"{self.name} ({self.hpo_id})"

    def get_absolute_url(self):
        return page_address("diseases:symptom", hpo_id=self.hpo_id)

    @property
    def hpo_url(self):
        return f"https://hpo.jax.org/browse/term/{self.hpo_id}"

    @property
    def lay_names(self):
        """Everyday names from the prefetched ``lay_synonyms``, without repeating the term's own name."""
        own_name = self.name.casefold()
        return [synonym.name for synonym in self.lay_synonyms if synonym.name.casefold() != own_name]


class PhenotypeSynonym(models.Model):
    class Scope(models.TextChoices):
        EXACT = "EXACT", "Exact"
        RELATED = "RELATED", "Related"
        BROAD = "BROAD", "Broad"
        NARROW = "NARROW", "Narrow"

    phenotype = models.ForeignKey("Phenotype", on_delete=models.CASCADE, related_name="synonyms")
    name = models.CharField(max_length=500)
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.EXACT)
    is_lay = models.BooleanField("lay (everyday) name", default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["phenotype", "name"], name="unique_phenotype_synonym")]

    def __str__(self):
        return self.name


def listed_symptom(relation: str = "") -> Q:
    """A symptom row readers see listed as a symptom: not hidden by an editor, nor a "not a feature" row.
    ``relation`` is the way to the row from another model (``"annotations__"``)."""
    return Q(**{f"{relation}is_hidden": False, f"{relation}is_excluded": False})


class AnnotationQuerySet(models.QuerySet):
    def visible(self):
        """Rows editors have not hidden: the symptoms, and the "not a feature" rows."""
        return self.filter(is_hidden=False)

    def listing_published_diseases(self, phenotype):
        """The published diseases whose table shows ``phenotype``, most frequent first, then by name."""
        return (
            self.filter(listed_symptom(), published_condition("disease__"), phenotype=phenotype)
            .select_related("disease")
            .only("band", "frequency", "disease__name", "disease__slug")
            .order_by("band", "disease__name", "disease_id")
        )


class Annotation(models.Model):
    """One row of a disease's symptom table: an HPO term and how often it occurs."""

    class Band(models.IntegerChoices):
        # Obligate (100%) terms are shown in the top band, as GARD does.
        VERY_FREQUENT = 1, "80–99% of people have these symptoms"
        FREQUENT = 2, "30–79% of people have these symptoms"
        OCCASIONAL = 3, "5–29% of people have these symptoms"
        RARE = 4, "1–4% of people have these symptoms"
        NOT_AVAILABLE = 9, "How often these symptoms occur is not known"

    BAND_SHORT_LABELS = {
        Band.VERY_FREQUENT: "80–99%",
        Band.FREQUENT: "30–79%",
        Band.OCCASIONAL: "5–29%",
        Band.RARE: "1–4%",
        Band.NOT_AVAILABLE: "Not available",
    }

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="annotations")
    phenotype = models.ForeignKey("Phenotype", on_delete=models.PROTECT, related_name="annotations")
    band = models.PositiveSmallIntegerField(choices=Band.choices, default=Band.NOT_AVAILABLE)
    frequency = models.CharField(
        "raw frequency",
        max_length=30,
        blank=True,
        help_text="As the source gives it: HP:0040281, 7/13 or 45%.",
    )
    is_excluded = models.BooleanField(
        "not a feature", default=False, help_text="The source says this is NOT a feature of the disease."
    )
    source_record = models.CharField(max_length=30, blank=True, help_text="For example ORPHA:3261.")
    evidence = models.CharField(max_length=10, blank=True, help_text="HPO evidence code: IEA, PCS or TAS.")
    onset = models.CharField(max_length=12, blank=True)
    pubmed_references = models.CharField(max_length=1000, blank=True)

    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EDITOR)
    is_hidden = models.BooleanField(
        default=False, help_text="Hidden by an editor; a re-import keeps it hidden."
    )
    band_corrected = models.BooleanField(
        default=False, help_text="An editor set the band by hand; a re-import keeps it."
    )

    objects = AnnotationQuerySet.as_manager()
    # Imports write in bulk and leave no history; editors' corrections go through save() and do.
    history = HistoricalRecords()

    class Meta:
        ordering = ["band", "phenotype__name"]
        constraints = [
            models.UniqueConstraint(fields=["disease", "phenotype"], name="unique_disease_phenotype"),
        ]

    def __str__(self):
        return f"{self.disease_id} · {self.phenotype_id}"


class DiseaseCharacteristic(models.Model):
    """How a disease is inherited, or when it starts and how it runs: an HPO term and its source record."""

    class Kind(models.TextChoices):
        INHERITANCE = "inheritance", "Inheritance"
        ONSET = "onset", "Age of onset and course"

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="characteristics")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    phenotype = models.ForeignKey("Phenotype", on_delete=models.PROTECT, related_name="+")
    source_record = models.CharField(max_length=30, help_text="For example OMIM:219700.")

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["disease", "kind", "phenotype"], name="unique_disease_characteristic"
            )
        ]

    def __str__(self):
        return f"{self.disease_id} · {self.kind} · {self.phenotype_id}"
