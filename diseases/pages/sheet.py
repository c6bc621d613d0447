"""The printable one-page sheet of a disease, for a new doctor, a school nurse or a babysitter."""

from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.urls import reverse
from django.utils.safestring import mark_safe

from toolbox.addresses import public_url

from ..models import Annotation, DataRelease, Disease, DiseaseCharacteristic
from ..plain.summary import joined
from .disease import Characteristic, characteristics, definition, facts_title, plain_sentences
from .symptoms import symptom_bands
from .text import everyday_name, plain_text, shorten
from .types import overviews_for

# What fits on two printed pages beside the rest, for a disease with a table of 300 symptoms; the
# browser test prints the catalogue's largest table to PDF and counts the pages.
SHEET_NAMES = 6
SHEET_INTRO_LENGTH = 480
SHEET_SYMPTOMS = 30
SHEET_GENES = 8
SHEET_ORGANISATIONS = 6


def whole_sentences(sentences, length) -> str:
    """As many of ``sentences`` as fit in ``length`` characters, never cut mid-sentence (the first one always)."""
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if len(" ".join([*kept, sentence])) > length:
            break
        kept.append(sentence)
    return " ".join(kept)


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
    in_types: int = 0  # for a group's symptom gathered from its types: how many record it


def _type_symptom(entry) -> SheetSymptom:
    plain = everyday_name(entry.item)
    medical = entry.item.name if plain != entry.item.name else ""
    return SheetSymptom(plain, medical, entry.band_label, len(entry.types))


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
    intro_kind: str  # "editors": our editors' summary; "plain": made from the facts; "definition"
    intro_attributions: list  # the sources of a made or imported intro, each an Attribution
    symptoms: list[SheetSymptom]
    symptom_total: int
    main_genes: list
    more_genes: int
    inheritance: list[Characteristic]
    onset: list[Characteristic]
    organisations: list
    more_organisations: int
    releases: list  # the DataRelease rows the sheet's facts come from
    from_types: object = None  # for a group: what its types record (pages.types.TypesOverview)

    @property
    def symptoms_from_types(self):
        return bool(self.from_types and self.symptoms and not self.disease.annotations.all())

    @classmethod
    def build(cls, disease):
        releases = DataRelease.objects.by_source()
        names = [synonym.name for synonym in disease.synonyms.all()]
        shown_definition = definition(disease, releases)
        summary = plain_text(disease.summary)
        made = plain_sentences(disease, releases)
        rows = [row for band in symptom_bands(disease) for row in band.rows]
        symptoms = [_sheet_symptom(row) for row in rows[:SHEET_SYMPTOMS]]
        symptom_total = len(rows)
        genes = [link for link in disease.gene_links.all() if link.is_main]
        # A group with no symptoms (or genes, or patterns) of its own prints those its types record, and says so.
        from_types = overviews_for([disease]).get(disease.pk)
        if not rows and from_types and from_types.symptoms:
            symptoms = [_type_symptom(entry) for entry in from_types.symptoms[:SHEET_SYMPTOMS]]
            symptom_total = from_types.symptom_total
        organisations = list(disease.resources.all())
        inheritance = characteristics(disease, DiseaseCharacteristic.Kind.INHERITANCE)
        onset = characteristics(disease, DiseaseCharacteristic.Kind.ONSET)
        used = []
        if symptoms:
            used.append(DataRelease.Source.HPO)
        if inheritance or onset:
            used.append(DataRelease.Source.HPOA)
        if summary:
            intro, kind, attributions = shorten(summary, SHEET_INTRO_LENGTH), "editors", []
        elif made:
            intro, kind = whole_sentences([sentence.text for sentence in made], SHEET_INTRO_LENGTH), "plain"
            attributions = list(
                {sentence.attribution.source: sentence.attribution for sentence in made}.values()
            )
        elif shown_definition:
            intro, kind = shorten(shown_definition.definition.text, SHEET_INTRO_LENGTH), "definition"
            attributions = [shown_definition.attribution]
        else:
            intro, kind, attributions = "", "", []
        used += [attribution.source for attribution in attributions if attribution.source not in used]
        if genes:
            used += [DataRelease.Source.GENES, DataRelease.Source.HGNC]
        return cls(
            disease=disease,
            other_names=names[:SHEET_NAMES],
            more_names=max(len(names) - SHEET_NAMES, 0),
            intro=intro,
            intro_kind=kind,
            intro_attributions=attributions,
            symptoms=symptoms,
            symptom_total=symptom_total,
            main_genes=genes[:SHEET_GENES],
            more_genes=max(len(genes) - SHEET_GENES, 0),
            inheritance=inheritance,
            onset=onset,
            organisations=organisations[:SHEET_ORGANISATIONS],
            more_organisations=max(len(organisations) - SHEET_ORGANISATIONS, 0),
            releases=[releases[source] for source in used if source in releases],
            from_types=from_types,
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

    @property
    def facts_title(self) -> str:
        types = self.from_types
        return facts_title(
            genes=bool(self.main_genes or (types and types.genes)),
            inheritance=bool(self.inheritance or (types and types.inheritance)),
            onset=bool(self.onset),
        )

    @property
    def description(self) -> str:
        """What this sheet holds, for search results and shared links: only the parts it shows."""
        parts = ["its names" if self.other_names else "its name"]
        if self.intro:
            parts.append("what it is" if self.intro_kind == "definition" else "a short summary")
        if self.symptoms:
            parts.append(
                "the symptoms of its types" if self.symptoms_from_types else "its most frequent symptoms"
            )
        types = self.from_types
        if self.main_genes or (types and types.genes):
            parts.append("genes")
        if self.inheritance or (types and types.inheritance):
            parts.append("how it is inherited")
        if self.onset:
            parts.append("when it starts")
        if self.organisations:
            parts.append("support organisations")
        return (
            f"A sheet about {self.disease.name} to print for a doctor, a school or a carer: "
            f"{joined(parts)}, with the address of the full page."
        )
