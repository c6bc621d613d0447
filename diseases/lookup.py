"""Finding a published disease page by its address, for the pages and the API alike.

A published page's address gives the page; the address of a page the import merged into another
answers with a permanent redirect to the same view of the page it joined (its query kept); any
other address is a 404. Views take it as ``@follows_merged_pages``; the API through
``moved_response``. A page's number (its short address) leads to it, or to the page it joined.
"""

from functools import wraps

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from .models import Disease, DiseaseRedirect


class PageMoved(Exception):  # noqa: N818 - a signal to redirect, not an error
    """The page at this address was merged into another: answer with a permanent redirect to ``slug``."""

    def __init__(self, slug):
        super().__init__(slug)
        self.slug = slug


def published_disease_or_404(slug, *, reads=None) -> Disease:
    """The published page at ``slug`` with everything it shows (``for_page()``, or ``reads()``), or a 404.

    Raises ``PageMoved`` for the address of a page that was merged into a published one.
    """
    reads = reads or Disease.objects.published().for_page
    disease = reads().filter(slug=slug).first()
    if disease is None:
        moved_to = (
            DiseaseRedirect.objects.filter(slug=slug, disease__in=Disease.objects.published())
            .values_list("disease__slug", flat=True)
            .first()
        )
        if moved_to:
            raise PageMoved(moved_to)
        raise Http404("No published disease has this slug.")
    return disease


def published_slug_by_number(pk) -> str:
    """The address of the published page numbered ``pk`` (its short address ``/d/<pk>/``), or of the
    published page it was merged into; otherwise a 404."""
    slug = Disease.objects.published().filter(pk=pk).values_list("slug", flat=True).first()
    if slug is None:
        slug = (
            DiseaseRedirect.objects.filter(merged_id=pk, disease__in=Disease.objects.published())
            .values_list("disease__slug", flat=True)
            .first()
        )
    if slug is None:
        raise Http404("No published disease has this number.")
    return slug


def moved_response(request, moved, *, absolute=False, **kwargs):
    """A permanent redirect to the view ``request`` was routed to, for the page ``moved`` names."""
    match = request.resolver_match
    location = reverse(f"{match.namespace}:{match.url_name}", kwargs={**kwargs, "slug": moved.slug})
    if absolute:
        location = request.build_absolute_uri(location)
    if request.META.get("QUERY_STRING"):
        location += f"?{request.META['QUERY_STRING']}"
    return HttpResponsePermanentRedirect(location)


def follows_merged_pages(view):
    """Answer ``PageMoved`` from a view taking ``slug`` with a 301 to the same view of the new page."""

    @wraps(view)
    def wrapper(request, *args, slug, **kwargs):
        try:
            return view(request, *args, slug=slug, **kwargs)
        except PageMoved as moved:
            return moved_response(request, moved, **kwargs)

    return wrapper
