import pytest
from django.db import connection
from django.urls import reverse

from diseases import search
from diseases.models import Disease
from tests.factories import (
    DiseaseFactory,
    DiseaseSynonymFactory,
    ExternalIdentifierFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"


@pytest.fixture
def catalogue():
    alps = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps")
    DiseaseSynonymFactory(disease=alps, name="Canale-Smith syndrome")
    ExternalIdentifierFactory(disease=alps, source="ORPHA", code="3261")
    DiseaseFactory(name="Lymphoproliferative disease, X-linked", slug="xlp")
    DiseaseFactory(name="Lymphoproliferative disorder of childhood", slug="lpd")
    bruising = PhenotypeFactory(hpo_id="HP:0000978", name="Bruising susceptibility")
    PhenotypeSynonymFactory(phenotype=bruising, name="Bruise easily")
    PhenotypeFactory(hpo_id="HP:0005523", name="Lymphoproliferative disorder")
    search.rebuild_search_index()


def keys(response):
    return [(hit["type"], hit["slug"] or hit["hpo_id"]) for hit in response.json()["results"]]


def site_order(client, query):
    """What /search/ shows for ``query``: its groups, in the order the page puts them."""
    context = client.get(reverse("diseases:search"), {"q": query}).context
    groups = {"disease": context["results"].diseases, "symptom": context["results"].symptoms}
    return [(kind, hit.key) for kind in context["group_order"] for hit in groups[kind]]


@pytest.mark.parametrize("query", ["lymphoproliferative", "canale smith", "bruise easily", "lympho"])
def test_search_gives_the_site_search_results_in_the_same_order(client, catalogue, query):
    response = client.get(URL, {"q": query, "page_size": 100})
    assert response.status_code == 200
    expected = site_order(client, query)
    assert expected
    assert keys(response) == expected


def test_search_hits_say_what_matched_and_link_to_the_api_and_the_page(client, catalogue):
    hit = client.get(URL, {"q": "Canale-Smith syndrome"}).json()["results"][0]
    assert hit == {
        "type": "disease",
        "label": "Autoimmune lymphoproliferative syndrome",
        "slug": "alps",
        "hpo_id": None,
        "url": "http://testserver/api/v1/diseases/alps/",
        "page_url": "http://testserver/diseases/alps/",
        "matched_field": "other_name",
        "matched": "Canale-Smith syndrome",
        "score": 1.0,
    }


def test_search_finds_a_disease_by_identifier(client, catalogue):
    assert keys(client.get(URL, {"q": "ORPHA:3261"}))[0] == ("disease", "alps")


def test_search_can_be_limited_to_one_type(client, catalogue):
    body = client.get(URL, {"q": "lymphoproliferative", "type": "symptom"}).json()
    assert body["type"] == "symptom"
    assert [hit["hpo_id"] for hit in body["results"]] == ["HP:0005523"]


def test_search_pages_its_hits(client, catalogue):
    everything = keys(client.get(URL, {"q": "lymphoproliferative"}))
    first = client.get(URL, {"q": "lymphoproliferative", "page_size": 2}).json()
    assert first["count"] == len(everything)
    assert first["next"] == "http://testserver/api/v1/search/?page=2&page_size=2&q=lymphoproliferative"
    second = client.get(first["next"])
    assert keys(second) == everything[2:4]


def test_search_page_past_the_last_is_a_json_404(client, catalogue):
    response = client.get(URL, {"q": "lymphoproliferative", "page": 50})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_search_with_nothing_found_is_an_empty_page(client, catalogue):
    body = client.get(URL, {"q": "zzzzqqq"}).json()
    assert body == {
        "query": "zzzzqqq",
        "type": None,
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_search_never_finds_unpublished_diseases(client, catalogue, status):
    hidden = DiseaseFactory(name="Lymphoproliferative Secretname syndrome", slug="secret", status=status)
    search.rebuild_search_index()
    assert "Secretname" not in client.get(URL, {"q": "lymphoproliferative"}).content.decode()
    hidden.status = Disease.Status.PUBLISHED
    hidden.save(update_fields=["status"])
    assert "Secretname" in client.get(URL, {"q": "lymphoproliferative"}).content.decode()


@pytest.mark.parametrize(
    ("parameters", "bad"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "a\x00b"}, "q"),
        ({"q": "alps", "type": "gene"}, "type"),
        ({"q": "alps", "page": "first"}, "page"),
        ({"q": "alps", "search": "alps"}, "search"),
    ],
)
def test_search_answers_a_bad_parameter_with_a_400_naming_it(client, parameters, bad):
    response = client.get(URL, parameters)
    assert response.status_code == 400
    assert list(response.json()) == [bad]


@pytest.mark.parametrize("disease_count", [3, 30])
def test_search_query_count_does_not_grow_with_hits(
    client, django_assert_num_queries, unthrottled, disease_count, nothing_cached
):
    for index in range(disease_count):
        DiseaseFactory(name=f"Lymphoproliferative syndrome {index}")
    search.rebuild_search_index()
    # The content generation, then one ranked statement for both kinds (one per kind on SQLite).
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 3):
        response = client.get(URL, {"q": "lymphoproliferative", "page_size": 100})
    assert response.json()["count"] == disease_count
