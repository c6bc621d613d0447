"""A disease's symptom table as a download (CSV and JSON), and as rows for the API.

The rows come from the helpers the page itself uses (``symptom_bands`` and ``excluded_symptoms``), in
the page's order, so a download never lists more, less or differently from what readers see. Each
row carries its provenance: the source record, the evidence code and the HPO release loaded.
"""

import csv
import json

from django.http import Http404, HttpResponse
from django.views.decorators.http import conditional_page, require_safe

from .importer.releases import hpo_release as loaded_hpo_release
from .models import Annotation, Disease
from .pages import excluded_symptoms, symptom_bands

COLUMNS = [
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
NOTICE = "General information about a rare disease, not medical advice about any one person."
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def symptom_row(annotation, hpo_version):
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


def symptom_rows(disease, hpo_release):
    """The page's table in page order: band by band, then the "not a feature" terms."""
    version = hpo_release.version if hpo_release else ""
    annotations = [row for band in symptom_bands(disease) for row in band.rows] + excluded_symptoms(disease)
    return [symptom_row(annotation, version) for annotation in annotations]


def _published_disease(slug):
    disease = Disease.objects.published().for_page().filter(slug=slug).first()
    if disease is None:
        raise Http404("No published disease has this address.")
    return disease


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(value)
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


# conditional_page adds an ETag hashed from the body and answers 304 when a client already has it.
@require_safe
@conditional_page
def symptoms_csv(request, slug):
    disease = _published_disease(slug)
    response = _download("", "text/csv; charset=utf-8", f"{disease.slug}-symptoms.csv")
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for row in symptom_rows(disease, loaded_hpo_release()):
        writer.writerow([_csv_cell(row[column]) for column in COLUMNS])
    return response


@require_safe
@conditional_page
def symptoms_json(request, slug):
    disease = _published_disease(slug)
    release = loaded_hpo_release()
    document = {
        "disease": {
            "name": disease.name,
            "slug": disease.slug,
            "url": request.build_absolute_uri(disease.get_absolute_url()),
        },
        "hpo_release": (
            {"version": release.version, "loaded_at": release.loaded_at.isoformat()} if release else None
        ),
        "notice": NOTICE,
        "columns": COLUMNS,
        "symptoms": symptom_rows(disease, release),
    }
    return _download(
        json.dumps(document, ensure_ascii=False, indent=2),
        "application/json; charset=utf-8",
        f"{disease.slug}-symptoms.json",
    )
