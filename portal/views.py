from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from diseases.browsing import letter_counts
from diseases.coverage import coverage
from diseases.freshness import public_page
from diseases.models import DataRelease, Disease
from diseases.provenance import SOURCES
from toolbox.addresses import public_url

RECENTLY_UPDATED_COUNT = 8


@public_page
def home(request):
    published = Disease.objects.published()
    recent = published.recently_updated().only("name", "slug", "content_updated_at")
    return render(
        request,
        "portal/home.html",
        {"recent": recent[:RECENTLY_UPDATED_COUNT], "letters": letter_counts(), "coverage": coverage()},
    )


@public_page
def about(request):
    return render(request, "portal/about.html", {"coverage": coverage()})


@public_page
def about_data(request):
    """The data sources, the releases loaded here, and the citation and licence notices they ask for."""
    return render(
        request,
        "portal/about_data.html",
        {"releases": DataRelease.objects.all(), "sources": SOURCES, "coverage": coverage()},
    )


# Lists of results and forms are endless in their combinations and say nothing a page does not;
# the API is for programs. Everything else is open, and the sitemap names every page worth reading.
ROBOTS_DISALLOWED = ["/admin/", "/api/", "/search/", "/match/", "/compare/", "/support/"]


@public_page
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED), ""]
    lines.append(f"Sitemap: {public_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
