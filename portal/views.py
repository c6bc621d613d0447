from django.shortcuts import render

from diseases.importer.releases import current_releases
from diseases.models import Disease
from diseases.views import letter_counts

RECENTLY_UPDATED_COUNT = 8


def home(request):
    recent = Disease.objects.published().recently_updated().only("name", "slug", "content_updated_at")
    return render(
        request,
        "portal/home.html",
        {"recent": recent[:RECENTLY_UPDATED_COUNT], "letters": letter_counts().items()},
    )


def about(request):
    return render(request, "portal/about.html")


def about_data(request):
    """The data sources, the releases loaded here, and the citation and licence notices they ask for."""
    return render(request, "portal/about_data.html", {"releases": current_releases()})
