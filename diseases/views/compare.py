"""Two to four diseases side by side, at a plain shareable address: /compare/?d=<slug>&d=<slug>.

The page keeps no state: each disease page's "Compare" form sends its own slug and the name typed
beside it, and every link here (add, remove) is the address of the next comparison, so it works
without JavaScript, cookies or sign-in. See ``diseases.comparison`` for how symptoms are related.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from diseases import comparison, search
from diseases.models import Disease, SearchTerm

NAME_CANDIDATES = 10


def compare_url(slugs):
    return reverse("diseases:compare") + ("?" + urlencode([("d", slug) for slug in slugs]) if slugs else "")


def compare(request):
    values = request.GET.getlist("d")[: comparison.MAX_DISEASES * 4]
    selection = comparison.select_diseases(values, Disease.objects.published())
    slugs = selection.slugs
    add = search.clean_query(request.GET.get("add", ""))
    context = {
        "selection": selection,
        "add": add,
        "max_diseases": comparison.MAX_DISEASES,
        "notice": comparison.NOTICE,
    }

    if add and len(slugs) < comparison.MAX_DISEASES:
        hits = search.search(add, kinds=(SearchTerm.Kind.DISEASE,), limit=NAME_CANDIDATES).diseases
        exact = [hit for hit in hits if search.fold(hit.matched) == search.fold(add)]
        pick = exact[0] if exact else (hits[0] if len(hits) == 1 else None)
        if pick:
            # Back to the plain shareable address, with the new disease in it.
            return redirect(compare_url(slugs if pick.key in slugs else [*slugs, pick.key]))
        context["candidates"] = [
            (hit, compare_url([*slugs, hit.key])) for hit in hits if hit.key not in slugs
        ]

    context["remove_urls"] = [
        (disease, compare_url([slug for slug in slugs if slug != disease.slug]))
        for disease in selection.diseases
    ]
    context["share_url"] = compare_url(slugs)
    if len(selection.diseases) >= comparison.MIN_DISEASES:
        context["result"] = comparison.compare(selection.diseases)
    return render(request, "diseases/compare.html", context)
