"""The disease catalogue: pages, their names, identifiers, symptom rows, references and resources.

Each screen's read is a named queryset method here, next to ``published()``, the one gate for
everything readers see. Writes go through ``diseases.services`` (editors) and ``diseases.importer``.
"""

import string
from datetime import timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Substr, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from . import identifiers
from .identifiers import HPO_ID_VALIDATOR

PUBMED_ID_VALIDATOR = RegexValidator(r"^\d{1,9}$", "A PubMed id is a number, such as 24627283.")


class Origin(models.TextChoices):
    """Who owns a row: the import may replace its own rows, never an editor's."""

    IMPORT = "import", "Imported"
    EDITOR = "editor", "Editor"


class CategoryQuerySet(models.QuerySet):
    def with_published_counts(self):
        """Each category with its number of published diseases (``disease_count``), in one query."""
        return self.only("name", "slug").annotate(
            disease_count=Count("diseases", filter=Q(diseases__in=Disease.objects.published()))
        )


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class DiseaseQuerySet(models.QuerySet):
    def published(self):
        """The one gate for everything readers see: pages, index, search, sitemap and API."""
        return self.filter(status=Disease.Status.PUBLISHED)

    def for_index(self):
        return self.only("name", "slug").order_by("name", "pk")

    def starting_with(self, letter):
        """Diseases filed under ``letter`` in the A–Z index; "0-9" holds the rest."""
        if letter == Disease.OTHER_LETTER:
            return self.filter(name__regex=r"^[^A-Za-z]")
        return self.filter(name__istartswith=letter)

    def letter_counts(self) -> dict[str, int]:
        """Diseases per index letter, in index order; letters without any are kept with 0."""
        counts = dict.fromkeys(Disease.INDEX_LETTERS, 0)
        rows = (
            self.annotate(initial=Upper(Substr("name", 1, 1)))
            .values("initial")
            .annotate(total=Count("pk"))
            .order_by()
        )
        for row in rows:
            letter = row["initial"] if row["initial"] in counts else Disease.OTHER_LETTER
            counts[letter] += row["total"]
        return counts

    def recently_updated(self):
        return self.filter(content_updated_at__isnull=False).order_by("-content_updated_at")

    def with_identifier(self, identifier):
        """Pages that carry ``identifier`` (an ``identifiers.Identifier``); a GARD number also matches
        a page's own GARD id, and codes match with or without leading zeros."""
        carried = ExternalIdentifier.objects.filter(
            source=identifier.source, code__in=identifiers.code_variants(identifier.code)
        )
        match = Q(pk__in=carried.values("disease_id"))
        if identifier.source == identifiers.Source.GARD:
            match |= Q(gard_id=int(identifier.code))
        return self.filter(match)

    def with_written_content(self):
        return self.filter(Disease.written_content_q())

    def without_written_content(self):
        return self.exclude(Disease.written_content_q())

    def review_due(self):
        """Published pages last reviewed longer ago than ``Disease.REVIEW_INTERVAL``."""
        return self.filter(Disease.review_due_q())

    def for_api_list(self):
        """A page of the API's disease list: names, categories and identifiers, in name order."""
        return (
            self.only("name", "slug", "content_updated_at")
            .prefetch_related(
                Prefetch("categories", queryset=Category.objects.only("name", "slug")),
                Prefetch(
                    "identifiers", queryset=ExternalIdentifier.objects.only("disease_id", "source", "code")
                ),
            )
            .order_by("name", "pk")
        )

    def for_page(self):
        """Everything the disease page shows, in a fixed number of queries."""
        visible_annotations = (
            Annotation.objects.filter(is_hidden=False)
            .select_related("phenotype")
            .only(
                "disease_id",
                "band",
                "frequency",
                "is_excluded",
                "source_record",
                "evidence",
                "onset",
                "phenotype__hpo_id",
                "phenotype__name",
            )
            .order_by("band", "phenotype__name")
        )
        return self.prefetch_related(
            Prefetch("synonyms", queryset=DiseaseSynonym.objects.only("disease_id", "name", "position")),
            Prefetch("categories", queryset=Category.objects.only("name", "slug")),
            Prefetch("identifiers", queryset=ExternalIdentifier.objects.only("disease_id", "source", "code")),
            Prefetch("annotations", queryset=visible_annotations),
            Prefetch(
                "annotations__phenotype__synonyms",
                queryset=PhenotypeSynonym.objects.filter(is_lay=True).only("phenotype_id", "name"),
                to_attr="lay_synonyms",
            ),
            "references",
            "resources",
        )


class Disease(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    # The narrative sections, in page order; the admin and the page both read this.
    NARRATIVE_SECTIONS = [
        ("signs_and_symptoms", "Signs and symptoms"),
        ("cause", "Cause"),
        ("inheritance", "Inheritance"),
        ("diagnosis", "Diagnosis"),
        ("treatment", "Treatment"),
        ("outlook", "Outlook"),
        ("living_with", "Living with the condition"),
    ]
    CONTENT_FIELDS = ["summary"] + [field for field, _ in NARRATIVE_SECTIONS]
    OTHER_LETTER = "0-9"
    INDEX_LETTERS = [*string.ascii_uppercase, OTHER_LETTER]
    # Published pages not reviewed for this long are flagged to editors.
    REVIEW_INTERVAL = timedelta(days=365 * 2)

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    gard_id = models.PositiveIntegerField("GARD id", null=True, blank=True, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    categories = models.ManyToManyField(Category, blank=True, related_name="diseases")

    summary = models.TextField(
        blank=True, help_text="Plain-language overview in Markdown. Cite references as [1]."
    )
    signs_and_symptoms = models.TextField(blank=True)
    cause = models.TextField(blank=True)
    inheritance = models.TextField(blank=True)
    diagnosis = models.TextField(blank=True)
    treatment = models.TextField(blank=True)
    outlook = models.TextField("outlook (prognosis)", blank=True)
    living_with = models.TextField(blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    content_updated_at = models.DateTimeField(
        "content last updated",
        null=True,
        blank=True,
        editable=False,
        help_text="When the written content last really changed; shown to readers.",
    )
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = DiseaseQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "name"])]
        permissions = [("publish_disease", "Can publish and unpublish disease pages")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("diseases:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def has_written_content(self):
        return any(getattr(self, field) for field in self.CONTENT_FIELDS)

    @property
    def is_review_due(self):
        return bool(
            self.is_published
            and self.last_reviewed_at
            and self.last_reviewed_at < timezone.now() - self.REVIEW_INTERVAL
        )

    @classmethod
    def review_due_q(cls):
        """The query form of ``is_review_due``, for counts and filters."""
        return Q(status=cls.Status.PUBLISHED, last_reviewed_at__lt=timezone.now() - cls.REVIEW_INTERVAL)

    @classmethod
    def written_content_q(cls):
        """Pages with any written text: the query form of ``has_written_content``."""
        return reduce(or_, (~Q(**{field: ""}) for field in cls.CONTENT_FIELDS))


class DiseaseSynonym(models.Model):
    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="synonyms")
    name = models.CharField(max_length=500)
    position = models.PositiveIntegerField(default=0)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EDITOR)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "other name"
        constraints = [models.UniqueConstraint(fields=["disease", "name"], name="unique_disease_synonym")]

    def __str__(self):
        return self.name


class ExternalIdentifier(models.Model):
    Source = identifiers.Source

    URL_TEMPLATES = {
        Source.ORPHA: "https://www.orpha.net/en/disease/detail/{code}",
        Source.OMIM: "https://omim.org/entry/{code}",
        Source.GARD: "https://rarediseases.info.nih.gov/diseases/{code}/index",
        Source.DECIPHER: "https://www.deciphergenomics.org/syndrome/{code}",
        Source.MONDO: "https://monarchinitiative.org/MONDO:{code}",
    }

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="identifiers")
    source = models.CharField(max_length=10, choices=Source.choices)
    code = models.CharField(max_length=30)
    label = models.CharField(max_length=500, blank=True, help_text="The disease's name in that source.")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EDITOR)

    class Meta:
        ordering = ["source", "code"]
        constraints = [models.UniqueConstraint(fields=["source", "code"], name="unique_identifier")]

    def __str__(self):
        return self.curie

    @property
    def curie(self):
        return f"{self.source}:{self.code}"

    @property
    def url(self):
        return self.URL_TEMPLATES[self.source].format(code=self.code)


class PhenotypeQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_obsolete=False)

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

    class Meta:
        ordering = ["hpo_id"]
        verbose_name = "phenotype (HPO term)"
        verbose_name_plural = "phenotypes (HPO terms)"

    def __str__(self):
        return f"{self.name} ({self.hpo_id})"

    def get_absolute_url(self):
        return reverse("diseases:symptom", kwargs={"hpo_id": self.hpo_id})

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

    phenotype = models.ForeignKey(Phenotype, on_delete=models.CASCADE, related_name="synonyms")
    name = models.CharField(max_length=500)
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.EXACT)
    is_lay = models.BooleanField("lay (everyday) name", default=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["phenotype", "name"], name="unique_phenotype_synonym")]

    def __str__(self):
        return self.name


class AnnotationQuerySet(models.QuerySet):
    def listing_published_diseases(self, phenotype):
        """The published diseases whose table shows ``phenotype``, most frequent first, then by name."""
        return (
            self.filter(phenotype=phenotype, is_hidden=False, is_excluded=False)
            .filter(disease__in=Disease.objects.published())
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

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="annotations")
    phenotype = models.ForeignKey(Phenotype, on_delete=models.PROTECT, related_name="annotations")
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


class Reference(models.Model):
    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="references")
    number = models.PositiveSmallIntegerField(help_text="Cited in the text as [number].")
    title = models.CharField(max_length=500)
    publisher = models.CharField("publisher or source", max_length=300, blank=True)
    published = models.CharField(
        "date", max_length=40, blank=True, help_text="As it should be cited, e.g. 2017 or November 2017."
    )
    url = models.URLField("URL", max_length=500, blank=True)
    pubmed_id = models.CharField("PubMed id", max_length=9, blank=True, validators=[PUBMED_ID_VALIDATOR])

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["disease", "number"], name="unique_reference_number")]

    def __str__(self):
        return f"[{self.number}] {self.title}"

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pubmed_id}/" if self.pubmed_id else ""


class Resource(models.Model):
    class Section(models.TextChoices):
        TESTING = "testing", "Diagnosis and testing"
        SPECIALISTS = "specialists", "Specialists and care"
        RESEARCH = "research", "Research and clinical trials"
        REGISTRIES = "registries", "Patient registries"
        ORGANISATIONS = "organisations", "Support organisations"
        LEARN_MORE = "learn_more", "Learn more"

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="resources")
    section = models.CharField(max_length=20, choices=Section.choices)
    title = models.CharField(max_length=300)
    url = models.URLField("URL", max_length=500)
    description = models.TextField(max_length=600, blank=True)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "position", "pk"]

    def __str__(self):
        return self.title


class DataReleaseQuerySet(models.QuerySet):
    def hpo(self):
        """The loaded HPO release, or None before the first import; one small query."""
        return self.filter(source=DataRelease.Source.HPO).only("version", "loaded_at").first()


class DataRelease(models.Model):
    """Which release of each imported data file is loaded; shown wherever imported data is."""

    class Source(models.TextChoices):
        HPO = "hpo", "Human Phenotype Ontology (hp.obo)"
        HPOA = "hpoa", "HPO disease annotations (phenotype.hpoa)"
        GARD = "gard", "GARD disease list"

    source = models.CharField(max_length=10, choices=Source.choices, unique=True)
    version = models.CharField(max_length=50)
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
    }

    def __str__(self):
        return f"{self.get_source_display()} {self.version}"

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

    kind = models.CharField(max_length=7, choices=Kind.choices)
    disease = models.ForeignKey(Disease, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    phenotype = models.ForeignKey(
        Phenotype, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
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
