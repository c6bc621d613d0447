"""The printable one-page sheet of a disease, and the short address printed on it."""

from django.shortcuts import redirect, render

from diseases.freshness import public_page
from diseases.lookup import follows_merged_pages, published_disease_or_404, published_slug_by_number
from diseases.models import Disease
from diseases.pages.sheet import SheetPage


@public_page
@follows_merged_pages
def disease_sheet(request, slug):
    disease = published_disease_or_404(slug, reads=Disease.objects.published().for_sheet)
    return render(request, "diseases/sheet.html", {"sheet": SheetPage.build(disease), "disease": disease})


def short_link(request, pk):
    """``/d/<number>/``, short enough to type from paper, leads to the page (its slug may change), or to
    the page it was merged into."""
    return redirect("diseases:detail", slug=published_slug_by_number(pk))
