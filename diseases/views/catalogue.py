import string
from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.db.models.functions import Substr, Upper
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from .importer.releases import hpo_release
from .models import Annotation, Disease, Phenotype, PhenotypeSynonym
from .pages import DiseasePage

LETTERS = list(string.ascii_uppercase) + [Disease.OTHER_LETTER]


def letter_counts():
    """Published diseases per index letter; letters without any are kept with 0."""
    counts = dict.fromkeys(LETTERS, 0)
    rows = (
        Disease.objects.published()
        .annotate(initial=Upper(Substr("name", 1, 1)))
        .values("initial")
        .annotate(total=Count("pk"))
        .order_by()
    )
    for row in rows:
        letter = row["initial"] if row["initial"] in counts else Disease.OTHER_LETTER
        counts[letter] += row["total"]
    return counts


def disease_index(request):
    if "q" in request.GET:
        # Before the site had search, its search box came here; old links now go to the real search.
        return redirect(f"{reverse('diseases:search')}?{urlencode({'q': request.GET['q']})}")
    letter = request.GET.get("letter", "").upper()
    diseases = Disease.objects.published().for_index()
    if letter in LETTERS:
        diseases = diseases.starting_with(letter)
    else:
        letter = ""
    page = Paginator(diseases, settings.DISEASES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "diseases/index.html", {"page": page, "letter": letter, "letters": letter_counts().items()}
    )


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("diseases.view_disease")


def _render_disease(request, disease):
    return render(request, "diseases/detail.html", {"page": DiseasePage.build(disease), "disease": disease})


def disease_detail(request, slug):
    disease = Disease.objects.published().for_page().filter(slug=slug).first()
    if disease is None and can_preview(request.user):
        # Staff see the draft at its future address, under a "draft preview" banner.
        return disease_preview(request, slug)
    if disease is None:
        raise Http404("No published disease has this address.")
    return _render_disease(request, disease)


@never_cache
def disease_preview(request, slug):
    if not can_preview(request.user):
        raise Http404("Previews are for editors.")
    return _render_disease(request, get_object_or_404(Disease.objects.for_page(), slug=slug))


def gard_redirect(request, gard_id):
    disease = get_object_or_404(Disease.objects.published().only("slug"), gard_id=gard_id)
    return redirect(disease, permanent=True)


def symptom_detail(request, hpo_id):
    """An HPO term: its names, place in the ontology and the published diseases that list it, by band."""
    phenotype = get_object_or_404(
        Phenotype.objects.select_related("replaced_by").prefetch_related(
            Prefetch(
                "synonyms",
                queryset=PhenotypeSynonym.objects.filter(is_lay=True).only("phenotype_id", "name"),
                to_attr="lay_synonyms",
            ),
            Prefetch("parents", queryset=Phenotype.objects.only("hpo_id", "name").order_by("name")),
            Prefetch(
                "children", queryset=Phenotype.objects.current().only("hpo_id", "name").order_by("name")
            ),
        ),
        hpo_id=hpo_id,  # the URL converter has upper-cased it
    )
    if phenotype.is_obsolete and phenotype.replaced_by:
        return redirect(phenotype.replaced_by, permanent=True)
    annotations = (
        Annotation.objects.filter(phenotype=phenotype, is_hidden=False, is_excluded=False)
        .filter(disease__in=Disease.objects.published())
        .select_related("disease")
        .only("band", "disease__name", "disease__slug")
        .order_by("band", "disease__name", "disease_id")
    )
    page = Paginator(annotations, settings.DISEASES_PER_PAGE).get_page(request.GET.get("page"))
    bands = [
        (Annotation.BAND_SHORT_LABELS[band], list(rows))
        for band, rows in groupby(page.object_list, key=lambda a: a.band)
    ]
    return render(
        request,
        "diseases/symptom.html",
        {"phenotype": phenotype, "page": page, "bands": bands, "hpo_release": hpo_release()},
    )
