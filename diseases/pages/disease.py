"""What the disease page shows, assembled from one ``Disease.objects.for_page()`` row without new queries."""

from dataclasses import dataclass, field
from functools import cached_property

from toolbox.addresses import public_url

from .. import cards
from ..inheritance import EXPLANATIONS
from ..links import learn_more_links
from ..markup import cited_numbers, stored_or_rendered
from ..models import DataRelease, Disease, DiseaseCharacteristic, DiseaseDefinition, Resource
from ..plain.build import stored_sentences
from ..plain.summary import joined
from ..provenance import SOURCES
from .symptoms import SymptomBand, excluded_symptoms, symptom_bands
from .text import DESCRIPTION_LENGTH, plain_text, plain_words, script_json, shorten
from .types import TypesOverview, overview_of

STRUCTURED_SYMPTOMS = 40
# The editors' sections a family looks for first; the page says near the top whether it has them.
CARE_SECTIONS = {"diagnosis": "how it is diagnosed", "treatment": "how it is treated"}


@dataclass
class Section:
    key: str
    title: str
    html: str

    @property
    def is_care(self):
        """How the disease is diagnosed or treated: what readers may take for advice."""
        return self.key in CARE_SECTIONS


@dataclass
class ResourceGroup:
    key: str
    title: str
    resources: list = field(default_factory=list)


def facts_title(*, genes, inheritance, onset) -> str:
    """The heading of the genes, inheritance and onset part: naming only what it shows."""
    if genes and inheritance:
        return "Genes and inheritance"
    if genes:
        return "Genes"
    if inheritance:
        return "Inheritance"
    return "Age of onset" if onset else ""


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
class PlainSentence:
    """A sentence of the page in plain words, with the source of the fact it tells and where the page
    shows that fact in full (an anchor)."""

    text: str
    attribution: Attribution
    detail: str
    anchor: str


def plain_sentences(disease, releases) -> list[PlainSentence]:
    return [
        PlainSentence(
            sentence["text"],
            Attribution(sentence["source"], releases.get(sentence["source"])),
            sentence["detail"],
            sentence["anchor"],
        )
        for sentence in stored_sentences(disease.plain_summary)
    ]


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
    plain: list = field(default_factory=list)  # PlainSentence: the page in plain words, made from its facts
    from_types: TypesOverview | None = None  # for a group: what its published types record
    glossary: object = None  # a glossary.PageGlossary: the page's texts marked in page order (HTML only)

    @classmethod
    def build(cls, disease, releases=None, glossary=None):
        groups = resource_groups(disease)
        backlinks = citation_backlinks(disease)
        references = [
            (reference, backlinks.get(reference.number, [])) for reference in disease.references.all()
        ]
        bands, excluded = symptom_bands(disease), excluded_symptoms(disease)
        releases = DataRelease.objects.by_source() if releases is None else releases
        from_types = overview_of(disease)
        return cls(
            disease=disease,
            summary_html=summary_html(disease),
            sections=rendered_sections(disease),
            bands=bands,
            excluded=excluded,
            resource_groups=groups,
            learn_more=learn_more_links(disease, disease.resources.all()),
            references=references,
            hpo_release=(
                releases.get(DataRelease.Source.HPO)
                if bands or excluded or (from_types and from_types.symptoms)
                else None
            ),
            releases=releases,
            definition=definition(disease, releases),
            genes=list(disease.gene_links.all()),
            inheritance=characteristics(disease, DiseaseCharacteristic.Kind.INHERITANCE),
            onset=characteristics(disease, DiseaseCharacteristic.Kind.ONSET),
            parents=list(disease.parents.all()),
            subtypes=list(disease.subtypes.all()),
            classifications=list(disease.classifications.all()),
            plain=plain_sentences(disease, releases),
            from_types=from_types,
            glossary=glossary.for_page() if glossary else None,
        )

    @cached_property
    def card(self):
        """The picture shown beside a link to the page (``og:image``): its own card, or the site's."""
        return cards.card_for(self.disease)

    @property
    def other_names(self) -> list[str]:
        return [synonym.name for synonym in self.disease.synonyms.all()]

    @property
    def symptom_count(self):
        return sum(len(band.rows) for band in self.bands)

    @property
    def plain_words(self) -> str:
        """The page in plain words as one text: our editors' summary, else the sentences made from its facts."""
        return plain_words(self.disease.summary, [sentence.text for sentence in self.plain])

    @property
    def plain_sources(self) -> list[Attribution]:
        """The sources of the sentences in plain words, each once, for their releases and licences."""
        seen = {sentence.attribution.source: sentence.attribution for sentence in self.plain}
        return list(seen.values())

    @property
    def description(self) -> str:
        """One or two sentences for search results and shared links: the page in plain words, else the
        definition, else what the page does show."""
        text = self.plain_words or (self.definition.definition.text if self.definition else "")
        if not text:
            shown = [
                part
                for part, present in [
                    ("its symptoms", self.bands),
                    (
                        "the symptoms of its types",
                        not self.bands and self.from_types and self.from_types.symptoms,
                    ),
                    ("its genes", self.genes),
                    ("how it is inherited", self.inheritance),
                    ("related diseases", self.has_family),
                ]
                if present
            ]
            also = "links to sites that may say more, and a way to ask to meet another family"
            text = (
                f"{self.disease.name}: {joined(shown)}. Also {also}."
                if shown
                else f"{self.disease.name}: {also}."
            )
        return shorten(text, DESCRIPTION_LENGTH)

    @property
    def care_written(self) -> list[tuple[str, str]]:
        """Our editors' sections on how the disease is diagnosed and treated, as (anchor, what it tells)."""
        written = {section.key for section in self.sections}
        return [(key, told) for key, told in CARE_SECTIONS.items() if key in written]

    @property
    def care_missing(self) -> list[str]:
        """What a family looks for first that this page does not have: "how it is diagnosed", ..."""
        written = {section.key for section in self.sections}
        return [told for key, told in CARE_SECTIONS.items() if key not in written]

    @property
    def shows_symptoms(self):
        return bool(self.bands or self.excluded or (self.from_types and self.from_types.symptoms))

    @property
    def facts_title(self) -> str:
        types = self.from_types
        return facts_title(
            genes=bool(self.genes or (types and types.genes)),
            inheritance=bool(self.inheritance or (types and types.inheritance)),
            onset=bool(self.onset),
        )

    @property
    def shows_little(self):
        """Nothing to read but names and Mondo's grouping: no text, definition, symptoms, genes,
        inheritance, onset, groups or types (``coverage`` counts these pages the same way)."""
        return not (
            self.disease.has_written_content
            or self.definition
            or self.shows_symptoms
            or self.genes
            or self.inheritance
            or self.onset
            or self.parents
            or self.subtypes
        )

    @property
    def has_editor_resources(self):
        return any(group.resources for group in self.resource_groups)

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
        if self.other_names:
            data["alternateName"] = self.other_names
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


SNIPPET_WORDS = 30


def plain_snippets(disease_ids) -> dict[int, str]:
    """The start of each published page in plain words (its first SNIPPET_WORDS words), by pk, for
    lists of results: one query."""
    rows = (
        Disease.objects.published().filter(pk__in=disease_ids).values_list("pk", "summary", "plain_summary")
    )
    snippets = {}
    for pk, summary, generated in rows:
        words = plain_words(summary, [sentence["text"] for sentence in stored_sentences(generated)]).split()
        if words:
            snippets[pk] = " ".join(words[:SNIPPET_WORDS]) + ("…" if len(words) > SNIPPET_WORDS else "")
    return snippets
