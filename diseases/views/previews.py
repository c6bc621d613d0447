"""Staff previews: a draft at its future address, and a published page's pending revision at its own,
each under a banner; never cached, and nothing of a revision is kept."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from diseases.editorial.revisions import revision_preview as previewed_revision
from diseases.models import Disease, DiseaseRevision
from diseases.pages.disease import DiseasePage
from diseases.pages.glossary import Glossary


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("diseases.view_disease")


@never_cache
def disease_preview(request, slug):
    if not can_preview(request.user):
        raise Http404("Previews are for editors.")
    disease = get_object_or_404(Disease.objects.for_page(), slug=slug)
    return render(
        request,
        "diseases/detail.html",
        {"page": DiseasePage.build(disease, glossary=Glossary.current()), "disease": disease},
    )


@never_cache
def revision_preview(request, slug):
    """A page's pending revision at the page's own address, for staff, under a banner; nothing is kept."""
    revision_id = request.GET["revision"]
    if not revision_id.isdigit():
        raise Http404("No such revision.")
    revision = get_object_or_404(DiseaseRevision.objects.pending(), disease__slug=slug, pk=int(revision_id))
    with previewed_revision(revision, request.user) as revised:
        return render(
            request,
            "diseases/detail.html",
            {
                "page": DiseasePage.build(revised, glossary=Glossary.current()),
                "disease": revised,
                "revision": revision,
            },
        )
