"""Finding pages: search, autocomplete and symptom-set matching.

Every list here starts from ``Disease.objects.published()``; see ``diseases.search`` and
``diseases.matching`` for how results are found and ranked. All three are public pages: the same
address gives every anonymous reader the same answer, so the page cache keeps them whole, and
``diseases.search`` keeps the results of the same words (in any case, accents or spacing) beside them.
"""

from dataclasses import replace

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from diseases import matching, search
from diseases.freshness import public_page
from diseases.identifiers import parse_identifier
from diseases.models import SearchTerm
from diseases.pages.disease import plain_snippets

RESULTS_PER_PAGE = 20
SYMPTOM_PREVIEW = 5
SUGGEST_MAX_AGE = 300
EXAMPLE_QUERIES = [
    ("Canale-Smith syndrome", "another name"),
    ("ALPS", "an abbreviation"),
    ("autoimune lymphoproliferativ", "a misspelling"),
    ("bruise easily", "a symptom in everyday words"),
    ("ORPHA:3261", "an identifier"),
]


def with_plain_words(hits):
    """Disease hits, each with the start of its page in plain words (one query for them all)."""
    snippets = plain_snippets([hit.pk for hit in hits])
    return [replace(hit, summary=snippets.get(hit.pk, "")) for hit in hits]


def _search_kind(request):
    kind = request.GET.get("type", "")
    return kind if kind in search.KINDS else ""


@public_page(query=["q", "type", "page"])
def search_results(request):
    raw = " ".join(str(request.GET.get("q", "")).split())
    query = search.clean_query(raw)
    kind = _search_kind(request)
    context = {
        "query": query,
        "kind": kind,
        "truncated": len(raw) > search.MAX_QUERY_LENGTH,
        "examples": EXAMPLE_QUERIES,
    }
    identifier = parse_identifier(query) if query else None
    if identifier:
        url = search.identifier_url(identifier)
        if url:
            return redirect(url)
        context["missing_identifier"] = identifier
    results = search.search(query, kinds=(kind,) if kind else search.KINDS)
    context["results"] = results
    context["searched"] = bool(results.folded)
    if results.folded and not results:
        context["did_you_mean"] = search.did_you_mean(query)
    page_number = request.GET.get("page")
    if kind == SearchTerm.Kind.SYMPTOM:
        context["symptom_page"] = Paginator(results.symptoms, RESULTS_PER_PAGE).get_page(page_number)
    else:
        context["disease_page"] = Paginator(results.diseases, RESULTS_PER_PAGE).get_page(page_number)
        shown = context["disease_page"]
        shown.object_list = with_plain_words(shown.object_list)
        first_page = context["disease_page"].number == 1
        if not kind and first_page:
            context["symptom_preview"] = results.symptoms[:SYMPTOM_PREVIEW]
    # Show the stronger group first: "bruise easily" is about a symptom, "ALPS" about a disease.
    best_disease = results.diseases[0].score if results.diseases else 0
    best_symptom = results.symptoms[0].score if results.symptoms else 0
    context["group_order"] = ["symptom", "disease"] if best_symptom > best_disease else ["disease", "symptom"]
    return render(request, "diseases/search.html", context)


@public_page(query=["q", "type"])
def suggestions(request):
    kind = _search_kind(request)
    hits = search.suggest(request.GET.get("q", ""), kinds=(kind,) if kind else search.KINDS)
    response = JsonResponse({"results": [hit.as_json() for hit in hits]})
    patch_cache_control(response, public=True, max_age=SUGGEST_MAX_AGE)
    return response


# --- Symptom-set matching -------------------------------------------------------------------


def _match_url(hpo_ids):
    return reverse("diseases:match") + (
        "?" + urlencode([("hpo", hpo_id) for hpo_id in hpo_ids]) if hpo_ids else ""
    )


@public_page(query=["hpo", "add"])
def match(request):
    values = [value for value in request.GET.getlist("hpo")[: matching.MAX_CHOSEN * 2] if value.strip()]
    chosen, messages = matching.resolve_symptom_ids(values)
    chosen_ids = [phenotype.hpo_id for phenotype in chosen]
    add = search.clean_query(request.GET.get("add", ""))
    context = {"chosen": chosen, "messages_list": messages, "add": add, "max_chosen": matching.MAX_CHOSEN}

    identifier = parse_identifier(add) if add else None
    if identifier and identifier.is_symptom:
        # An id goes straight into the address; the next page says if it is unknown or replaced.
        return redirect(_match_url([*chosen_ids, identifier.curie]))
    if add:
        hits = search.search(add, kinds=(SearchTerm.Kind.SYMPTOM,), limit=10).symptoms
        exact = [hit for hit in hits if search.fold(hit.matched) == search.fold(add)]
        pick = exact[0] if exact else (hits[0] if len(hits) == 1 else None)
        if pick:
            # Back to the plain shareable address, with the new symptom in it.
            return redirect(_match_url(chosen_ids + [pick.key] if pick.key not in chosen_ids else chosen_ids))
        context["candidates"] = [(hit, _match_url(chosen_ids + [hit.key])) for hit in hits]

    context["share_url"] = _match_url(chosen_ids)
    context["remove_urls"] = [
        (phenotype, _match_url([other for other in chosen_ids if other != phenotype.hpo_id]))
        for phenotype in chosen
    ]
    if chosen:
        context["result"] = matching.match(chosen)
    return render(request, "diseases/match.html", context)
