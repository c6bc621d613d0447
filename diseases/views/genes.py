"""A gene's page: its names and ids, and the published diseases the sources link to it."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from diseases.freshness import public_page
from diseases.models import DataRelease, DiseaseGene, Gene
from diseases.provenance import SOURCES


@public_page(query=["page"])
def gene_detail(request, symbol):
    gene = get_object_or_404(Gene.objects.all(), symbol=symbol)
    links = DiseaseGene.objects.published_diseases_of(gene)
    page = Paginator(links, settings.DISEASES_PER_PAGE).get_page(request.GET.get("page"))
    releases = DataRelease.objects.by_source()
    return render(
        request,
        "diseases/gene.html",
        {
            "gene": gene,
            "page": page,
            "attributions": [(SOURCES[source], releases.get(source)) for source in ("genes", "hgnc")],
        },
    )
