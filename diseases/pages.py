"""What the disease page shows, assembled from one ``Disease.objects.for_page()`` row.

Grouping and rendering live here so the page, the API and the downloads all
present the symptom table and the sections the same way, without new queries.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.http import Http404

from .links import learn_more_links
from .markup import cited_numbers, render_markdown
from .models import Annotation, DataRelease, Disease, Resource

NOTICE = "General information about a rare disease, not medical advice about any one person."
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


def published_disease_or_404(slug) -> Disease:
    """The published page at ``slug`` with everything it shows (``for_page()``), or a 404."""
    disease = Disease.objects.published().for_page().filter(slug=slug).first()
    if disease is None:
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
        Section(key, title, render_markdown(getattr(disease, key), anchor_prefix=key))
        for key, title in Disease.NARRATIVE_SECTIONS
        if getattr(disease, key).strip()
    ]


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
        "band_label": str(Annotation.BAND_SHORT_LABELS[annotation.band]),
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


def resource_groups(disease) -> list[ResourceGroup]:
    groups = {key: ResourceGroup(key, label) for key, label in Resource.Section.choices}
    for resource in disease.resources.all():
        groups[resource.section].resources.append(resource)
    return list(groups.values())


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

    @classmethod
    def build(cls, disease):
        groups = resource_groups(disease)
        backlinks = citation_backlinks(disease)
        references = [
            (reference, backlinks.get(reference.number, [])) for reference in disease.references.all()
        ]
        bands, excluded = symptom_bands(disease), excluded_symptoms(disease)
        return cls(
            disease=disease,
            summary_html=render_markdown(disease.summary, anchor_prefix="summary"),
            sections=rendered_sections(disease),
            bands=bands,
            excluded=excluded,
            resource_groups=groups,
            learn_more=learn_more_links(disease, disease.resources.all()),
            references=references,
            # One small query, and only on pages that show imported symptoms.
            hpo_release=DataRelease.objects.hpo() if bands or excluded else None,
        )

    @property
    def symptom_count(self):
        return sum(len(band.rows) for band in self.bands)
