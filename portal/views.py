from django.shortcuts import render

from diseases.models import DataRelease, Disease
from diseases.provenance import SOURCES

RECENTLY_UPDATED_COUNT = 8


def home(request):
    published = Disease.objects.published()
    recent = published.recently_updated().only("name", "slug", "content_updated_at")
    return render(
        request,
        "portal/home.html",
        {"recent": recent[:RECENTLY_UPDATED_COUNT], "letters": published.letter_counts()},
    )


def about(request):
    return render(request, "portal/about.html")


def about_data(request):
    """The data sources, the releases loaded here, and the citation and licence notices they ask for."""
    return render(
        request, "portal/about_data.html", {"releases": DataRelease.objects.all(), "sources": SOURCES}
    )
