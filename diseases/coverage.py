"""What the published catalogue offers: how many pages show each kind of content, counted once per
content generation.

The home and about pages word their promises from these figures ("most of our pages list its
symptoms", "our editors have written how it is treated on 1 page so far"), so what they promise
follows the pages as they are, never a handful of them. Each count is of pages showing the thing as
the disease page shows it (``pages.disease``): a symptom table of their own, genes, a medical
definition, our editors' text.
"""

from dataclasses import dataclass, field

from .freshness import remember
from .models import (
    Annotation,
    Disease,
    DiseaseCharacteristic,
    DiseaseClassification,
    DiseaseDefinition,
    DiseaseFamily,
    DiseaseGene,
    Resource,
    listed_symptom,
)

# Below this share a page type is "a few": the copy names the number of pages instead of a word.
BROAD_SHARE = 0.05
# The words for a share of pages, from the largest: each claims no more than its share gives.
SHARE_WORDS = [(0.9, "almost all"), (2 / 3, "most"), (1 / 3, "many"), (BROAD_SHARE, "some")]


@dataclass(frozen=True)
class Share:
    """``count`` of ``total`` published pages, with the word the copy may use for it."""

    count: int
    total: int

    def __bool__(self):
        return self.count > 0

    @property
    def fraction(self) -> float:
        return self.count / self.total if self.total else 0.0

    @property
    def percent(self) -> str:
        """The share as a reader sees it, rounded down so it never claims more than there is: "81%",
        "less than 1%"."""
        if self.count and self.fraction < 0.01:
            return "less than 1%"
        return f"{self.count * 100 // self.total if self.total else 0}%"

    @property
    def is_broad(self) -> bool:
        """Enough pages to speak of in words ("some of our pages ..."); fewer are counted by number."""
        return self.fraction >= BROAD_SHARE

    @property
    def everywhere(self) -> bool:
        return bool(self.total) and self.count == self.total

    @property
    def word(self) -> str:
        """ "all", "almost all", "most", "many" or "some"; empty for fewer than ``BROAD_SHARE`` of pages."""
        if self.everywhere:
            return "all"
        return next((word for share, word in SHARE_WORDS if self.fraction >= share), "")


# What the counts below count, by name: the keys of ``Coverage.counts``.
MEASURES = {
    "plain_words": "open with the page in plain words: our editors' summary or sentences made from its facts",
    "editors_summary": "open with a summary written by our editors",
    "written": "have any text written by our editors",
    "diagnosis": "have our editors' text on how the disease is diagnosed",
    "treatment": "have our editors' text on how the disease is treated",
    "diagnosis_or_treatment": "have our editors' text on how it is diagnosed or treated",
    "definition": "show a medical definition (Mondo or UniProt)",
    "symptoms": "show a symptom table of their own (HPO)",
    "frequencies": "show at least one symptom with how often it occurs",
    "symptoms_from_types": "show, having none of their own, the symptoms their types record",
    "genes": "name genes",
    "inheritance": "say how the disease is inherited",
    "onset": "say when it starts or how it runs",
    "family": "show related diseases: the groups it belongs to or its types",
    "categorised": "are filed under one of GARD's categories",
    "from_gard": "are GARD entries (the others come from Orphanet, OMIM and DECIPHER records)",
    "specialists": "list specialists and care, added by our editors",
    "organisations": "list support organisations, added by our editors",
    "specialists_or_organisations": "list specialists or support organisations, added by our editors",
    "little": "show nothing but names, records and Mondo's grouping",
}


@dataclass(frozen=True)
class Coverage:
    """The published pages, and how many show each thing in ``MEASURES``.

    ``coverage["genes"]`` (``coverage.genes`` in a template) is a ``Share``.
    """

    pages: int
    counts: dict = field(default_factory=dict)

    def __getitem__(self, name) -> Share:
        if name not in MEASURES:
            raise KeyError(name)
        return Share(self.counts.get(name, 0), self.pages)


def _pages_in(queryset, column="disease_id") -> set:
    return set(queryset.order_by().values_list(column, flat=True).distinct())


def measure() -> Coverage:
    """Count the published pages showing each thing, now (a few queries, about a second on 12,000 pages)."""
    published = Disease.objects.published()
    pages = _pages_in(published, "pk")
    text = {
        key: _pages_in(published.exclude(**{key: ""}), "pk") for key in ("summary", "diagnosis", "treatment")
    }
    plain = _pages_in(published.exclude(summary="", plain_summary={}), "pk")
    symptoms = pages & _pages_in(Annotation.objects.filter(listed_symptom()))
    frequencies = pages & _pages_in(
        Annotation.objects.filter(listed_symptom()).exclude(band=Annotation.Band.NOT_AVAILABLE)
    )
    # A group without symptoms of its own shows those its published types record (pages.types).
    types_of = DiseaseFamily.objects.published_types(pages - symptoms)
    from_types = {group for group, types in types_of.items() if symptoms.intersection(types)}
    characteristics = DiseaseCharacteristic.objects.all()
    inheritance = pages & _pages_in(characteristics.filter(kind=DiseaseCharacteristic.Kind.INHERITANCE))
    onset = pages & _pages_in(characteristics.filter(kind=DiseaseCharacteristic.Kind.ONSET))
    definition = pages & _pages_in(DiseaseDefinition.objects.shown())
    genes = pages & _pages_in(DiseaseGene.objects.all())
    classified = pages & _pages_in(DiseaseClassification.objects.all())
    related = set()  # pages with a published group or type
    for parent, child in DiseaseFamily.objects.values_list("parent_id", "child_id"):
        if parent in pages and child in pages:
            related.update((parent, child))
    resources = Resource.objects.all()
    specialists = pages & _pages_in(resources.filter(section=Resource.Section.SPECIALISTS))
    organisations = pages & _pages_in(resources.filter(section=Resource.Section.ORGANISATIONS))
    written = _pages_in(published.with_written_content(), "pk")
    # Nothing to read but names and Mondo's grouping, as ``DiseasePage.shows_little`` says of a page.
    rows = pages & _pages_in(Annotation.objects.visible())  # symptoms, or "not a feature" rows
    something = written | definition | genes | rows | from_types | inheritance | onset | related
    counted = {
        "plain_words": plain,
        "editors_summary": text["summary"],
        "written": written,
        "diagnosis": text["diagnosis"],
        "treatment": text["treatment"],
        "diagnosis_or_treatment": text["diagnosis"] | text["treatment"],
        "definition": definition,
        "symptoms": symptoms,
        "frequencies": frequencies,
        "symptoms_from_types": from_types,
        "genes": genes,
        "inheritance": inheritance,
        "onset": onset,
        "family": related | classified,
        "categorised": _pages_in(published.filter(categories__isnull=False), "pk"),
        "from_gard": _pages_in(published.filter(gard_id__isnull=False), "pk"),
        "specialists": specialists,
        "organisations": organisations,
        "specialists_or_organisations": specialists | organisations,
        "little": pages - something,
    }
    return Coverage(pages=len(pages), counts={name: len(found) for name, found in counted.items()})


def coverage() -> Coverage:
    """``measure()``, kept until the content generation moves (the home and about pages read it)."""
    return remember("catalogue-coverage", measure)
