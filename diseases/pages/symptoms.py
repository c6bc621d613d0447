"""The symptom table: a page's visible rows, band by band, and each row with its provenance as the
downloads and the API give it."""

from dataclasses import dataclass
from itertools import groupby

from ..models import Annotation

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


@dataclass
class SymptomBand:
    band: int
    label: str
    rows: list

    @property
    def key(self):
        return f"band-{self.band}"


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
