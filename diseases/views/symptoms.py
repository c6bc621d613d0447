"""A symptom's page: an HPO term, its names, its place in the ontology and the diseases that list it."""

from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from diseases.freshness import public_page
from diseases.models import Annotation, DataRelease, Disease, Phenotype


@public_page(query=["page"])
def symptom_detail(request, hpo_id):
    """The published diseases that list the term are grouped by how often they have it."""
    phenotype = get_object_or_404(
        Phenotype.objects.for_symptom_page(), hpo_id=hpo_id
    )  # upper-cased by the URL
    if phenotype.is_obsolete and phenotype.replaced_by:
        return redirect(phenotype.replaced_by, permanent=True)
    annotations = Annotation.objects.listing_published_diseases(phenotype)
    page = Paginator(annotations, settings.DISEASES_PER_PAGE).get_page(request.GET.get("page"))
    bands = [
        (Annotation.BAND_SHORT_LABELS[band], list(rows))
        for band, rows in groupby(page.object_list, key=lambda a: a.band)
    ]
    return render(
        request,
        "diseases/symptom.html",
        {
            "phenotype": phenotype,
            "page": page,
            "bands": bands,
            "groups": Disease.objects.published().with_types_listing(phenotype),
            "hpo_release": DataRelease.objects.hpo(),
        },
    )
