"""What the disease page shows, assembled from one ``Disease.objects.for_page()`` row.

Grouping and rendering live here so the page, the API and the downloads all
present the symptom table and the sections the same way, without new queries.
"""

import hashlib
import html
import json
from dataclasses import dataclass, field
from itertools import groupby

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from .freshness import code_release, remember
from .inheritance import EXPLANATIONS
from .links import learn_more_links
from .markup import CITATION_MARKER, cited_numbers, render_markdown, stored_or_rendered
from .models import (
    Annotation,
    DataRelease,
    Disease,
    DiseaseCharacteristic,
    DiseaseDefinition,
    DiseaseRedirect,
    Resource,
    page_row_lookups,
)
from .provenance import SOURCES

NOTICE = "General information about a rare disease, not medical advice about any one person."
# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160
# The structured data names a page's most frequent symptoms, not all of a table that may run to 300.
STRUCTURED_SYMPTOMS = 40
# The columns of a symptom row, in the order the downloads and the API give them.
SYMPTOM_COLUMNS = [
    "hpo_id",
    "term",
    "lay_names",
    "band",
    "band_label",
    "frequency",
    "onset",
    "not_a_feature",
    "source_record",
    "evidence",
    "hpo_release",
]


def letter_counts() -> dict[str, int]:
    """Published pages per A–Z letter, counted once per content generation (home and index show them)."""
    return remember("letter-counts", Disease.objects.published().letter_counts)


class PageMoved(Exception):  # noqa: N818 - a signal to redirect, not an error
    """The page at this address was merged into another: answer with a permanent redirect to ``slug``."""

    def __init__(self, slug):
        super().__init__(slug)
        self.slug = slug


def published_disease_or_404(slug, *, reads=None) -> Disease:
    """The published page at ``slug`` with everything it shows (``for_page()``, or ``reads()``), or a 404.

    Raises ``PageMoved`` for the address of a page that was merged into a published one.
    """
    reads = reads or Disease.objects.published().for_page
    disease = reads().filter(slug=slug).first()
    if disease is None:
        moved_to = (
            DiseaseRedirect.objects.filter(slug=slug, disease__in=Disease.objects.published())
            .values_list("disease__slug", flat=True)
            .first()
        )
        if moved_to:
            raise PageMoved(moved_to)
        raise Http404("No published disease has this slug.")
    return disease


@dataclass
class SymptomBand:
    band: int
    label: str
    rows: list

    @property
    def key(self):
        return f"band-{self.band}"


@dataclass
class Section:
    key: str
    title: str
    html: str


@dataclass
class ResourceGroup:
    key: str
    title: str
    resources: list = field(default_factory=list)


def symptom_bands(disease) -> list[SymptomBand]:
    """Visible, non-excluded annotations grouped by band, most frequent first."""
    rows = sorted(
        (a for a in disease.annotations.all() if not a.is_excluded),
        key=lambda a: (a.band, a.phenotype.name.lower()),
    )
    return [
        SymptomBand(band, Annotation.Band(band).label, list(group))
        for band, group in groupby(rows, key=lambda a: a.band)
    ]


def excluded_symptoms(disease) -> list:
    return sorted(
        (a for a in disease.annotations.all() if a.is_excluded), key=lambda a: a.phenotype.name.lower()
    )


def rendered_sections(disease) -> list[Section]:
    return [
        Section(key, title, stored_or_rendered(disease.texts_html, key, getattr(disease, key)))
        for key, title in Disease.NARRATIVE_SECTIONS
        if getattr(disease, key).strip()
    ]


def summary_html(disease):
    return stored_or_rendered(disease.texts_html, "summary", disease.summary)


def citation_backlinks(disease) -> dict[int, list[str]]:
    """For each reference number, the anchors of the places that cite it."""
    backlinks: dict[int, list[str]] = {}
    for key in Disease.CONTENT_FIELDS:
        for number in cited_numbers(getattr(disease, key)):
            backlinks.setdefault(number, []).append(f"{key}-cite-{number}")
    return backlinks


def symptom_row(annotation, hpo_version) -> dict:
    """One row of the symptom table with its provenance, as the downloads and the API give it."""
    phenotype = annotation.phenotype
    return {
        "hpo_id": phenotype.hpo_id,
        "term": phenotype.name,
        "lay_names": phenotype.lay_names,
        "band": annotation.band,
        "band_label": Annotation.BAND_SHORT_LABELS[annotation.band],
        "frequency": annotation.frequency,
        "onset": annotation.onset,
        "not_a_feature": annotation.is_excluded,
        "source_record": annotation.source_record,
        "evidence": annotation.evidence,
        "hpo_release": hpo_version,
    }


def symptom_rows(disease, hpo_release) -> list[dict]:
    """The page's table in page order: band by band, then the "not a feature" terms."""
    version = hpo_release.version if hpo_release else ""
    annotations = [row for band in symptom_bands(disease) for row in band.rows] + excluded_symptoms(disease)
    return [symptom_row(annotation, version) for annotation in annotations]


@dataclass
class Attribution:
    """Where a piece of imported data comes from: source, release and licence, as the page shows them."""

    source: str  # a DataRelease source
    release: object = None  # its DataRelease, when loaded

    @property
    def info(self):
        return SOURCES[self.source]


@dataclass
class Definition:
    definition: DiseaseDefinition
    attribution: Attribution


@dataclass
class Characteristic:
    row: DiseaseCharacteristic
    explanation: str = ""


def definition(disease, releases) -> Definition | None:
    """The first imported definition editors have not hidden, with its attribution."""
    shown = next(iter(disease.definitions.all()), None)
    if shown is None:
        return None
    source = DiseaseDefinition.RELEASE_SOURCES[shown.source]
    return Definition(shown, Attribution(source, releases.get(source)))


def characteristics(disease, kind) -> list[Characteristic]:
    return [
        Characteristic(
            row, EXPLANATIONS.get(row.phenotype.hpo_id, "") if kind == row.Kind.INHERITANCE else ""
        )
        for row in disease.characteristics.all()
        if row.kind == kind
    ]


def resource_groups(disease) -> list[ResourceGroup]:
    groups = {key: ResourceGroup(key, label) for key, label in Resource.Section.choices}
    for resource in disease.resources.all():
        groups[resource.section].resources.append(resource)
    return list(groups.values())


def public_url(path) -> str:
    """``path`` at the site's public address (``SITE_URL``): what canonical links, cards and QR codes name."""
    return settings.SITE_URL.rstrip("/") + path


def plain_text(source) -> str:
    """Editor Markdown as one line of plain text, without citation markers: for descriptions and cards."""
    rendered = render_markdown(CITATION_MARKER.sub("", source or ""))
    return " ".join(html.unescape(strip_tags(rendered)).split())


def shorten(text, length) -> str:
    """``text`` cut at a word boundary to at most ``length`` characters, with an ellipsis if cut."""
    return Truncator(text).chars(length)


def script_json(data):
    """``data`` as JSON safe inside a ``<script>`` element: no "<", ">" or "&" that could close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def everyday_name(phenotype) -> str:
    """A symptom in plain words: its first everyday name, or its medical name when it has none."""
    names = phenotype.lay_names
    return capfirst(names[0]) if names else phenotype.name


def medical_code(system, code) -> dict:
    return {"@type": "MedicalCode", "codeValue": code, "codingSystem": system}


@dataclass
class DiseasePage:
    disease: Disease
    summary_html: str
    sections: list[Section]
    bands: list[SymptomBand]
    excluded: list
    resource_groups: list[ResourceGroup]
    learn_more: list
    references: list
    hpo_release: object = None  # the DataRelease the symptom table came from, if it has rows
    releases: dict = field(default_factory=dict)  # DataRelease source -> the release loaded
    definition: Definition | None = None
    genes: list = field(default_factory=list)  # DiseaseGene rows, main genes first
    inheritance: list = field(default_factory=list)  # Characteristic
    onset: list = field(default_factory=list)  # Characteristic
    parents: list = field(default_factory=list)  # published pages of the groups it belongs to
    subtypes: list = field(default_factory=list)  # published pages of its types
    classifications: list = field(default_factory=list)  # DiseaseClassification: Mondo's groups

    @classmethod
    def build(cls, disease, releases=None):
        groups = resource_groups(disease)
        backlinks = citation_backlinks(disease)
        references = [
            (reference, backlinks.get(reference.number, [])) for reference in disease.references.all()
        ]
        bands, excluded = symptom_bands(disease), excluded_symptoms(disease)
        releases = DataRelease.objects.by_source() if releases is None else releases
        return cls(
            disease=disease,
            summary_html=summary_html(disease),
            sections=rendered_sections(disease),
            bands=bands,
            excluded=excluded,
            resource_groups=groups,
            learn_more=learn_more_links(disease, disease.resources.all()),
            references=references,
            hpo_release=releases.get(DataRelease.Source.HPO) if bands or excluded else None,
            releases=releases,
            definition=definition(disease, releases),
            genes=list(disease.gene_links.all()),
            inheritance=characteristics(disease, DiseaseCharacteristic.Kind.INHERITANCE),
            onset=characteristics(disease, DiseaseCharacteristic.Kind.ONSET),
            parents=list(disease.parents.all()),
            subtypes=list(disease.subtypes.all()),
            classifications=list(disease.classifications.all()),
        )

    @property
    def symptom_count(self):
        return sum(len(band.rows) for band in self.bands)

    @property
    def description(self) -> str:
        """One or two sentences for search results and shared links: our summary, else the definition."""
        text = plain_text(self.disease.summary) or (
            self.definition.definition.text if self.definition else ""
        )
        if not text:
            text = (
                f"{self.disease.name}: symptoms, genes, how it is inherited, and where families find support."
            )
        return shorten(text, DESCRIPTION_LENGTH)

    @property
    def url(self) -> str:
        return public_url(self.disease.get_absolute_url())

    @property
    def structured_data(self) -> dict:
        """schema.org ``MedicalCondition`` for the page: names, codes, frequent symptoms, editors' treatment."""
        disease = self.disease
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalCondition",
            "name": disease.name,
            "url": self.url,
            "description": self.description,
        }
        if other_names := [synonym.name for synonym in disease.synonyms.all()]:
            data["alternateName"] = other_names
        if identifiers := list(disease.identifiers.all()):
            data["code"] = [medical_code(identifier.source, identifier.code) for identifier in identifiers]
            data["sameAs"] = [identifier.url for identifier in identifiers]
        symptoms = [row.phenotype for band in self.bands for row in band.rows][:STRUCTURED_SYMPTOMS]
        if symptoms:
            data["signOrSymptom"] = [
                {
                    "@type": "MedicalSignOrSymptom",
                    "name": phenotype.name,
                    "code": medical_code("HPO", phenotype.hpo_id),
                }
                for phenotype in symptoms
            ]
        # Only what our editors wrote: no imported source names treatments.
        if treatment := plain_text(disease.treatment):
            data["possibleTreatment"] = {
                "@type": "MedicalTherapy",
                "name": f"Treatment of {disease.name}",
                "description": shorten(treatment, 500),
                "url": f"{self.url}#treatment",
            }
        return data

    @property
    def structured_data_json(self):
        return script_json(self.structured_data)

    @property
    def main_genes(self):
        return [link for link in self.genes if link.is_main]

    @property
    def other_genes(self):
        return [link for link in self.genes if not link.is_main]

    @property
    def gene_attribution(self):
        return [Attribution(source, self.releases.get(source)) for source in ("genes", "hgnc")]

    @property
    def characteristics_attribution(self):
        return Attribution(DataRelease.Source.HPOA, self.releases.get(DataRelease.Source.HPOA))

    @property
    def has_family(self):
        return bool(self.parents or self.subtypes or self.classifications)

    @property
    def own_records(self):
        """The records this page is built from, as ``SOURCE:CODE``: where its other facts come from."""
        return {identifier.curie for identifier in self.disease.identifiers.all()}

    @property
    def merged_records(self):
        """The page's records and why each is here, when there is more than one (merging explained)."""
        joined = [identifier for identifier in self.disease.identifiers.all() if identifier.joined_by]
        return joined if len(joined) > 1 else []


# --- The printable sheet ----------------------------------------------------------------------------
# What fits on two printed pages beside the rest, for a disease with a table of 300 symptoms; the
# browser test prints the catalogue's largest table to PDF and counts the pages.
SHEET_NAMES = 6
SHEET_INTRO_LENGTH = 480
SHEET_SYMPTOMS = 30
SHEET_GENES = 8
SHEET_ORGANISATIONS = 6


def qr_code_svg(text):
    """A QR code of ``text`` as inline SVG markup: one path, no style attributes (the CSP forbids them)."""
    image = qrcode.make(
        text,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.ERROR_CORRECT_M,
        border=4,
    )
    return mark_safe(image.to_string(encoding="unicode"))


@dataclass
class SheetSymptom:
    everyday_name: str
    medical_name: str  # empty when the everyday name is the medical one
    band_label: str


def _sheet_symptom(row) -> SheetSymptom:
    plain = everyday_name(row.phenotype)
    medical = row.phenotype.name if plain != row.phenotype.name else ""
    return SheetSymptom(plain, medical, Annotation.BAND_SHORT_LABELS[row.band])


@dataclass
class SheetPage:
    """The one-page summary to print for a new doctor, a school nurse or a babysitter."""

    disease: Disease
    other_names: list[str]
    more_names: int
    intro: str
    intro_attribution: Attribution | None  # None for our editors' own summary
    symptoms: list[SheetSymptom]
    symptom_total: int
    main_genes: list
    more_genes: int
    inheritance: list[Characteristic]
    onset: list[Characteristic]
    organisations: list
    more_organisations: int
    releases: list  # the DataRelease rows the sheet's facts come from

    @classmethod
    def build(cls, disease):
        releases = DataRelease.objects.by_source()
        names = [synonym.name for synonym in disease.synonyms.all()]
        shown_definition = definition(disease, releases)
        summary = plain_text(disease.summary)
        rows = [row for band in symptom_bands(disease) for row in band.rows]
        symptoms = [_sheet_symptom(row) for row in rows[:SHEET_SYMPTOMS]]
        genes = [link for link in disease.gene_links.all() if link.is_main]
        organisations = list(disease.resources.all())
        inheritance = characteristics(disease, DiseaseCharacteristic.Kind.INHERITANCE)
        onset = characteristics(disease, DiseaseCharacteristic.Kind.ONSET)
        used = []
        if rows:
            used.append(DataRelease.Source.HPO)
        if inheritance or onset:
            used.append(DataRelease.Source.HPOA)
        if not summary and shown_definition:
            used.append(shown_definition.attribution.source)
        if genes:
            used += [DataRelease.Source.GENES, DataRelease.Source.HGNC]
        return cls(
            disease=disease,
            other_names=names[:SHEET_NAMES],
            more_names=max(len(names) - SHEET_NAMES, 0),
            intro=shorten(
                summary or (shown_definition.definition.text if shown_definition else ""), SHEET_INTRO_LENGTH
            ),
            intro_attribution=None if summary or not shown_definition else shown_definition.attribution,
            symptoms=symptoms,
            symptom_total=len(rows),
            main_genes=genes[:SHEET_GENES],
            more_genes=max(len(genes) - SHEET_GENES, 0),
            inheritance=inheritance,
            onset=onset,
            organisations=organisations[:SHEET_ORGANISATIONS],
            more_organisations=max(len(organisations) - SHEET_ORGANISATIONS, 0),
            releases=[releases[source] for source in used if source in releases],
        )

    @property
    def url(self):
        return public_url(self.disease.get_absolute_url())

    @property
    def short_url(self):
        """The address to type from paper: the site and a number, which redirects to the page."""
        return public_url(reverse("diseases:short", kwargs={"pk": self.disease.pk}))

    @property
    def short_url_text(self):
        return self.short_url.split("://", 1)[-1]

    @property
    def qr_code(self):
        return qr_code_svg(self.url)

    @property
    def more_symptoms(self):
        return self.symptom_total - len(self.symptoms)


# --- The page's HTML, kept per page -------------------------------------------------------------


def body_key(disease, releases) -> str | None:
    """A key that changes whenever anything the page of ``disease`` shows changes, or None.

    ``disease`` is its full row with ``with_family()``. The key names: the row itself (a digest of
    every column), its ``page_changed_at`` (moved by every change to its own rows: names, symptoms,
    genes, references and the rest, see ``diseases.changes``), the names and addresses of its
    published groups and types as read now, the data releases it credits, and the code. So a change
    made anywhere else leaves it, and the page's HTML with it, as it was.
    """
    if not settings.PAGE_BODY_CACHE_ENABLED or disease.page_changed_at is None:
        return None
    family = (
        [(parent.pk, parent.name, parent.slug) for parent in disease.parents.all()],
        [
            (subtype.pk, subtype.name, subtype.slug, [(t.pk, t.name, t.slug) for t in subtype.subtypes.all()])
            for subtype in disease.subtypes.all()
        ],
    )
    shown = (
        [getattr(disease, column.attname) for column in Disease._meta.concrete_fields],
        family,
        sorted((release.source, release.version, release.loaded_at) for release in releases.values()),
    )
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return f"disease-page:{code_release()}:{disease.pk}:{digest}"


def disease_page_html(disease, render) -> str:
    """The HTML of a published page: kept under ``body_key``, or ``render(DiseasePage)`` when it moved.

    ``disease`` comes with ``with_family()`` only; its own rows are read only when it must be rendered.
    A whole-site change (the content generation, see ``diseases.freshness``) thus re-renders only
    the pages whose own content changed.
    """
    releases = DataRelease.objects.by_source()
    key = body_key(disease, releases)
    html = cache.get(key) if key else None
    if html is None:
        prefetch_related_objects([disease], *page_row_lookups())
        html = render(DiseasePage.build(disease, releases))
        if key:
            cache.set(key, html, timeout=settings.PAGE_CACHE_TIMEOUT)
    return html
