"""The disease page (``Disease``) and each screen's read of it, as a named queryset method next to
``published()``, the one gate for everything readers see."""

import string
import unicodedata
from datetime import timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Substr, Upper
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .. import identifiers, markup
from .catalogue import (
    Category,
    DiseaseDefinition,
    DiseaseFamily,
    DiseaseSynonym,
    ExternalIdentifier,
    Resource,
)
from .common import PageStatus, page_address, published_condition
from .editorial import DiseaseRevision, ScheduledTransition
from .genes import DiseaseGene
from .terms import Annotation, DiseaseCharacteristic, PhenotypeSynonym, listed_symptom

# Who may change pages (Editors) and who may publish, unpublish and approve revisions (Reviewers); the
# migrations give the groups these, and the editorial services, the admin and the mail read them here.
EDIT_PERMISSION = "diseases.change_disease"
PUBLISH_CODENAME = "publish_disease"
PUBLISH_PERMISSION = f"diseases.{PUBLISH_CODENAME}"


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
        return self.filter(published_condition())

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
        return self.filter(_written_content())

    def without_written_content(self):
        return self.exclude(_written_content())

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

    # Editorial work: each a condition below, so that ``editorial_counts`` counts them all in one query.
    def review_due(self):
        """Published pages last reviewed longer ago than ``Disease.REVIEW_INTERVAL``."""
        return self.filter(_review_due())

    def not_review_due(self):
        return self.exclude(_review_due())

    def mine(self, user):
        """Unpublished pages ``user`` created, and pages with a pending revision they started or saved."""
        return self.filter(_mine(user))

    def waiting_for_review(self):
        return self.filter(_waiting_for_review())

    def scheduled(self):
        return self.filter(_scheduled())

    def editorial_counts(self, user) -> dict[str, int]:
        """The admin dashboard's counts (mine, waiting, scheduled, drafts, review_due), in one query."""
        return self.aggregate(
            mine=Count("pk", filter=_mine(user)),
            waiting=Count("pk", filter=_waiting_for_review()),
            scheduled=Count("pk", filter=_scheduled()),
            drafts=Count("pk", filter=Q(status=PageStatus.DRAFT)),
            review_due=Count("pk", filter=_review_due()),
        )

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
        # A type's page_changed_at is read too: a group's page shows what its types record (pages.types).
        types = Disease.objects.published().only("name", "slug", "page_changed_at").order_by("name")
        return self.prefetch_related(
            Prefetch("parents", queryset=Disease.objects.published().only("name", "slug").order_by("name")),
            # Two levels of types: a group such as polycystic kidney disease lists its numbered types under
            # the autosomal dominant and recessive forms.
            Prefetch("subtypes", queryset=types.prefetch_related(Prefetch("subtypes", queryset=types))),
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

    def with_types_listing(self, phenotype, limit=50):
        """Groups that do not list ``phenotype`` themselves but whose published types do, most such types
        first, each with ``types_listing``, their number: for the symptom page. Two queries."""
        listing = Annotation.objects.filter(listed_symptom(), phenotype=phenotype).values("disease_id")
        counts = dict(
            DiseaseFamily.objects.filter(published_condition("child__"), child_id__in=listing)
            .exclude(parent_id__in=listing)
            .values("parent_id")
            .annotate(types=Count("child_id"))
            .order_by()
            .values_list("parent_id", "types")
        )
        groups = list(self.filter(pk__in=list(counts)).only("name", "slug"))
        for group in groups:
            group.types_listing = counts[group.pk]
        groups.sort(key=lambda group: (-group.types_listing, group.name.casefold()))
        return groups[:limit]

    def for_sitemap(self):
        """Each page's address and when what it shows last changed, in a stable order for paging."""
        return self.only("slug", "page_changed_at").order_by("pk")


def _other_names():
    return Prefetch("synonyms", queryset=DiseaseSynonym.objects.only("disease_id", "name", "position"))


def _shown_definitions():
    return Prefetch(
        "definitions",
        queryset=DiseaseDefinition.objects.shown().only(
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
        Annotation.objects.visible()
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
    Status = PageStatus

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
    REVIEW_INTERVAL_YEARS = 2
    REVIEW_INTERVAL = timedelta(days=365 * REVIEW_INTERVAL_YEARS)

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
    # The page in plain words, made from its facts by diseases.plain (sentences, each with its source,
    # and the reading grade); an editor's summary is shown instead where there is one.
    plain_summary = models.JSONField(default=dict, blank=True, editable=False)
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
    history = HistoricalRecords(
        excluded_fields=["updated_at", "page_changed_at", "texts_html", "plain_summary"]
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "name"]),
            # The published pages' ids alone: search joins them to every matching row, and reads them
            # from this small index instead of the wide table.
            models.Index(fields=["id"], condition=published_condition(), name="disease_published_ids"),
        ]
        permissions = [(PUBLISH_CODENAME, "Can publish and unpublish disease pages")]

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


def _written_content():
    """Pages with any written text: the query form of ``Disease.has_written_content``."""
    return reduce(or_, (~Q(**{field: ""}) for field in Disease.CONTENT_FIELDS))


def _review_due():
    """The query form of ``Disease.is_review_due``."""
    return Q(status=PageStatus.PUBLISHED, last_reviewed_at__lt=timezone.now() - Disease.REVIEW_INTERVAL)


def _mine(user):
    created = Disease.history.model.objects.filter(history_type="+", history_user=user).values("id")
    return Q(status__in=[PageStatus.DRAFT, PageStatus.REVIEW], pk__in=created) | Q(
        pk__in=DiseaseRevision.objects.by(user).values("disease_id")
    )


def _waiting_for_review():
    return Q(status=PageStatus.REVIEW) | Q(
        pk__in=DiseaseRevision.objects.waiting_for_review().values("disease_id")
    )


def _scheduled():
    return Q(pk__in=DiseaseRevision.objects.scheduled().values("disease_id")) | Q(
        pk__in=ScheduledTransition.objects.pending().values("disease_id")
    )
