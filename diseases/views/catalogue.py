"""Browsing the catalogue: the A–Z index, categories and disease pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from diseases.browsing import letter_counts, letter_groups
from diseases.freshness import public_page
from diseases.identifiers import Identifier, Source
from diseases.lookup import follows_merged_pages, published_disease_or_404
from diseases.models import Category, Disease
from diseases.pages.stored import disease_page_html
from toolbox.addresses import public_url

from .previews import can_preview, disease_preview, revision_preview


@public_page(query=["letter", "page"])
def disease_index(request):
    """The letters with their counts; with ``?letter=``, every disease under that letter on one page."""
    if "q" in request.GET:
        # Before the site had search, its search box came here; old links now go to the real search.
        return redirect(f"{reverse('diseases:search')}?{urlencode({'q': request.GET['q']})}")
    letter = request.GET.get("letter", "").upper()
    published = Disease.objects.published()
    context = {"letter": "", "groups": [], "letters": letter_counts()}
    if letter in Disease.INDEX_LETTERS:
        # A "page" parameter from the old paginated index is ignored: the whole letter is here.
        context["letter"] = letter
        context["groups"] = letter_groups(published.for_index().starting_with(letter))
        context["count"] = sum(len(group.diseases) for group in context["groups"])
        # Each letter is a page of its own, not a state of the index.
        context["canonical_url"] = public_url(f"{reverse('diseases:index')}?letter={letter}")
    return render(request, "diseases/index.html", context)


@public_page
@follows_merged_pages
def disease_detail(request, slug):
    if "revision" in request.GET and can_preview(request.user):
        return revision_preview(request, slug)
    try:
        disease = published_disease_or_404(slug, reads=Disease.objects.published().with_family)
    except Http404:
        if can_preview(request.user):
            # Staff see the draft at its future address, under a "draft preview" banner.
            return disease_preview(request, slug)
        raise

    def render(page):
        return render_to_string("diseases/detail.html", {"page": page, "disease": disease}, request)

    return HttpResponse(disease_page_html(disease, render))


def gard_redirect(request, gard_id):
    """GARD's numbers, including those of entries merged into another page, lead to the page."""
    disease = (
        Disease.objects.published()
        .with_identifier(Identifier(Source.GARD, str(gard_id)))
        .only("slug")
        .order_by("pk")
        .first()
    )
    if disease is None:
        raise Http404("No published disease has this GARD id.")
    return redirect(disease, permanent=True)


@public_page
def category_list(request):
    return render(
        request, "diseases/categories.html", {"categories": Category.objects.with_published_counts()}
    )


@public_page(query=["page"])
def category_detail(request, slug):
    category = get_object_or_404(Category.objects.only("name", "slug"), slug=slug)
    diseases = Disease.objects.published().filter(categories=category).for_index()
    page = Paginator(diseases, settings.DISEASES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "diseases/category.html", {"category": category, "page": page})
