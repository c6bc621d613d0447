"""A disease page's own rows: its categories, other names, identifiers, definitions, family, references and
resources. Each belongs to one ``Disease`` (``diseases.models.disease``), named here by string."""

from collections import defaultdict

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, ExpressionWrapper, Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .. import identifiers
from .common import Origin, page_address, published_condition

PUBMED_ID_VALIDATOR = RegexValidator(r"^\d{1,9}$", "A PubMed id is a number, such as 24627283.")


class CategoryQuerySet(models.QuerySet):
    def with_published_counts(self):
        """Each category with its number of published diseases (``disease_count``), in one query."""
        return self.only("name", "slug").annotate(
            disease_count=Count("diseases", filter=published_condition("diseases__"))
        )


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = CategoryQuerySet.as_manager()
    # Editors' changes go through diseases.editorial.terms and are recorded; the import writes in bulk.
    history = HistoricalRecords()

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


class DiseaseSynonym(models.Model):
    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="synonyms")
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


class DiseaseFamilyQuerySet(models.QuerySet):
    # The gate is read as a column, not used to filter: a filter lets SQLite start from every published
    # page and probe the family table for each, thousands of times slower than starting from the ids.
    def published_children(self, parent_ids) -> dict[int, list[int]]:
        """``{page id: [its published types]}`` for the pages given, in one query."""
        children = defaultdict(list)
        for parent, child, shown in (
            self.filter(parent_id__in=list(parent_ids))
            .annotate(
                shown=ExpressionWrapper(published_condition("child__"), output_field=models.BooleanField())
            )
            .values_list("parent_id", "child_id", "shown")
        ):
            if shown:
                children[parent].append(child)
        return children

    def published_parents(self, child_ids) -> dict[int, list[str]]:
        """``{page id: [names of the published groups it is a type of]}``, in name order, in one query."""
        parents = defaultdict(list)
        rows = (
            self.filter(child_id__in=list(child_ids))
            .annotate(
                shown=ExpressionWrapper(published_condition("parent__"), output_field=models.BooleanField())
            )
            .values_list("child_id", "parent__name", "shown")
        )
        for child, name, shown in sorted(rows, key=lambda row: row[1].casefold()):
            if shown:
                parents[child].append(name)
        return parents

    def published_types(self, group_ids) -> dict[int, list[int]]:
        """Each group's published types, and their published types in turn (the two levels a group page
        lists), in two queries: ``{group id: [type ids]}``."""
        children = self.published_children(group_ids)
        grandchildren = self.published_children({child for kids in children.values() for child in kids})
        return {
            group: list(dict.fromkeys([*kids, *(grand for kid in kids for grand in grandchildren[kid])]))
            for group, kids in children.items()
        }


class DiseaseFamily(models.Model):
    """``child`` is a type of ``parent``: the nearest pages above it in Mondo's hierarchy."""

    child = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="+")

    objects = DiseaseFamilyQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "parent"], name="unique_disease_family"),
            models.CheckConstraint(condition=~Q(child=models.F("parent")), name="disease_family_two_pages"),
        ]

    def __str__(self):
        return f"{self.child_id} is a type of {self.parent_id}"


class DiseaseClassification(models.Model):
    """A group Mondo files the disease under (its direct parent terms), whether or not it has a page here."""

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="classifications")
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


class DiseaseKind(models.Model):
    """A broad group Mondo files the disease under, two or more levels up (a hereditary disease, a disorder
    of the immune system): the few the plain summary names (``diseases.plain.vocabulary``). Written by
    the import from the ancestors of the page's Mondo term, nearest first."""

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="kinds")
    mondo_id = models.CharField(max_length=15)
    label = models.CharField(max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["disease", "mondo_id"], name="unique_disease_kind")]

    def __str__(self):
        return f"{self.disease_id} is a kind of {self.mondo_id}"


class DiseaseRedirect(models.Model):
    """The address of a page the import merged into another: it answers with a permanent redirect.

    ``merged_id`` is the merged page's own number, so its short address ``/d/<number>/`` (printed on
    sheets) keeps leading somewhere; empty for redirects made before it was recorded.
    """

    slug = models.SlugField(max_length=255, unique=True)
    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="redirects")
    merged_id = models.BigIntegerField(null=True, blank=True, unique=True, editable=False)
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

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="identifiers")
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


class DiseaseDefinitionQuerySet(models.QuerySet):
    def shown(self):
        """Definitions editors have not hidden; a page shows the first of its own."""
        return self.filter(is_hidden=False)


class DiseaseDefinition(models.Model):
    """An imported medical definition of a disease, shown with its source, release and licence."""

    class Source(models.TextChoices):
        MONDO = "mondo", "Mondo Disease Ontology"
        UNIPROT = "uniprot", "UniProt"

    # The release each source's definitions come from, in DataRelease terms.
    RELEASE_SOURCES = {Source.MONDO: "mondo", Source.UNIPROT: "uniprot"}

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="definitions")
    source = models.CharField(max_length=10, choices=Source.choices)
    source_record = models.CharField(max_length=30, help_text="MONDO:0009061, or UniProt's DI-01466.")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Shown in this order; the first is used."
    )
    is_hidden = models.BooleanField(
        default=False, help_text="Hidden by an editor; a re-import keeps it hidden."
    )

    objects = DiseaseDefinitionQuerySet.as_manager()
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


class Reference(models.Model):
    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="references")
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

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="resources")
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
