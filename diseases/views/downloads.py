"""A disease's symptom table as a download, in CSV and JSON.

The rows come from the helpers the page itself uses (``diseases.pages.symptom_rows``), in the page's
order, so a download never lists more, less or differently from what readers see. Each
row carries its provenance: the source record, the evidence code and the HPO release loaded.
"""

import csv
import json

from django.http import HttpResponse
from django.views.decorators.http import conditional_page, require_safe

from diseases.freshness import public_page
from diseases.lookup import follows_merged_pages, published_disease_or_404
from diseases.models import DataRelease, Disease
from diseases.pages.symptoms import SYMPTOM_COLUMNS, symptom_rows
from diseases.pages.text import NOTICE

# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
@public_page
@require_safe
@conditional_page
@follows_merged_pages
def symptoms_csv(request, slug):
    disease = published_disease_or_404(slug, reads=Disease.objects.published().for_symptom_table)
    response = _download("", "text/csv; charset=utf-8", f"{disease.slug}-symptoms.csv")
    writer = csv.writer(response)
    writer.writerow(SYMPTOM_COLUMNS)
    for row in symptom_rows(disease, DataRelease.objects.hpo()):
        writer.writerow([_csv_cell(row[column]) for column in SYMPTOM_COLUMNS])
    return response


@public_page
@require_safe
@conditional_page
@follows_merged_pages
def symptoms_json(request, slug):
    disease = published_disease_or_404(slug, reads=Disease.objects.published().for_symptom_table)
    release = DataRelease.objects.hpo()
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
        "columns": SYMPTOM_COLUMNS,
        "symptoms": symptom_rows(disease, release),
    }
    return _download(
        json.dumps(document, ensure_ascii=False, indent=2),
        "application/json; charset=utf-8",
        f"{disease.slug}-symptoms.json",
    )
