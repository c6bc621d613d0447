"""What the disease page shows, assembled from one ``Disease.objects.for_page()`` row.

Grouping and rendering live here so the page, the API and the downloads all
present the symptom table and the sections the same way, without new queries.
"""

from dataclasses import dataclass, field
from itertools import groupby

from .importer.releases import hpo_release
from .links import learn_more_links
from .markup import cited_numbers, render_markdown
from .models import Annotation, Disease, Resource


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
            hpo_release=hpo_release() if bands or excluded else None,
        )

    @property
    def symptom_count(self):
        return sum(len(band.rows) for band in self.bands)
