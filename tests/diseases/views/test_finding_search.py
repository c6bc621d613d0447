"""The search page (/search/) and the autocomplete endpoint (/search/suggest/)."""

import pytest
from django.db import connection
from django.urls import reverse

from diseases import search
from diseases.models import Disease
from tests.factories import (
    DiseaseFactory,
    ExternalIdentifierFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
    plainly_summarised_disease,
    searchable_alps,
)

pytestmark = pytest.mark.django_db


SEARCH = reverse("diseases:search")


SUGGEST = reverse("diseases:suggest")


@pytest.fixture
def alps():
    return searchable_alps()


@pytest.fixture
def bruising():
    phenotype = PhenotypeFactory(hpo_id="HP:0000978", name="Bruising susceptibility")
    PhenotypeSynonymFactory(phenotype=phenotype, name="Bruise easily")
    return phenotype


def many_diseases(count, stem="Example"):
    for index in range(count):
        DiseaseFactory(name=f"{stem} syndrome {index:02d}")


@pytest.mark.parametrize("query", ["ORPHA:3261", "orpha 3261", "OMIM:601859", "GARD:8686", "8686"])
def test_an_exact_disease_identifier_goes_straight_to_the_page(client, alps, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 302
    assert response["Location"] == alps.get_absolute_url()


def test_an_exact_hpo_id_goes_straight_to_the_symptom_page(client, bruising):
    response = client.get(SEARCH, {"q": "hp:0000978"})
    assert response.status_code == 302
    assert response["Location"] == bruising.get_absolute_url()


def test_an_obsolete_hpo_id_goes_to_its_successor(client, bruising):
    PhenotypeFactory(hpo_id="HP:0000959", is_obsolete=True, replaced_by=bruising)
    response = client.get(SEARCH, {"q": "HP:0000959"})
    assert response["Location"] == bruising.get_absolute_url()


def test_an_identifier_of_an_unpublished_disease_does_not_redirect(client):
    disease = DiseaseFactory(status=Disease.Status.DRAFT)
    ExternalIdentifierFactory(disease=disease, source="ORPHA", code="99")
    response = client.get(SEARCH, {"q": "ORPHA:99"})
    assert response.status_code == 200
    assert "No published page has the identifier ORPHA:99" in response.content.decode()


def test_results_show_why_each_hit_matched(client, alps):
    search.rebuild_search_index()
    html = client.get(SEARCH, {"q": "Canale-Smith syndrome"}).content.decode()
    assert alps.get_absolute_url() in html
    assert "matched other name: Canale-Smith syndrome" in html


def test_diseases_and_symptoms_are_listed_in_separate_groups(client, bruising):
    DiseaseFactory(name="Bruising syndrome")
    search.rebuild_search_index()
    html = client.get(SEARCH, {"q": "bruising"}).content.decode()
    diseases_group = html[html.index('id="diseases-title"') :]
    symptoms_group = html[html.index('id="symptoms-title"') :]
    assert "Bruising syndrome" in diseases_group.split("</section>")[0]
    assert "Bruising susceptibility" in symptoms_group.split("</section>")[0]
    assert "/match/?hpo=HP%3A0000978" in html


def test_the_stronger_group_comes_first(client, bruising):
    DiseaseFactory(name="Bruise")
    search.rebuild_search_index()
    html = client.get(SEARCH, {"q": "bruise easily"}).content.decode()
    assert html.index('id="symptoms-title"') < html.index('id="diseases-title"')
    html = client.get(SEARCH, {"q": "bruise"}).content.decode()
    assert html.index('id="diseases-title"') < html.index('id="symptoms-title"')


def test_disease_results_are_paginated(client):
    many_diseases(25)
    search.rebuild_search_index()
    first = client.get(SEARCH, {"q": "example syndrome"})
    second = client.get(SEARCH, {"q": "example syndrome", "page": 2})
    assert len(first.context["disease_page"].object_list) == 20
    assert len(second.context["disease_page"].object_list) == 5
    assert 'rel="next"' in first.content.decode()
    assert 'start="21"' in second.content.decode()


def test_symptom_results_are_paginated_on_their_own_page(client):
    for index in range(25):
        PhenotypeFactory(name=f"Abnormal toe {index:02d}")
    search.rebuild_search_index()
    overview = client.get(SEARCH, {"q": "abnormal toe"})
    assert len(overview.context["symptom_preview"]) == 5
    assert "All 25 matching symptoms" in overview.content.decode()
    second = client.get(SEARCH, {"q": "abnormal toe", "type": "symptom", "page": 2})
    assert len(second.context["symptom_page"].object_list) == 5
    assert "disease_page" not in second.context


def test_an_empty_query_gets_examples_and_ways_to_browse(client):
    html = client.get(SEARCH).content.decode()
    assert "What you can search for" in html
    assert "?q=Canale-Smith%20syndrome" in html
    assert reverse("diseases:categories") in html and reverse("diseases:match") in html


def test_a_query_without_hits_gets_tips(client, alps):
    search.rebuild_search_index()
    html = client.get(SEARCH, {"q": "zzqqxx"}).content.decode()
    assert "Nothing found for “zzqqxx”" in html
    assert "Check the spelling" in html
    assert reverse("diseases:index") in html


def test_a_long_query_is_shortened_with_a_note(client, alps):
    search.rebuild_search_index()
    response = client.get(SEARCH, {"q": "alps " + "x" * 995})
    assert response.status_code == 200
    assert len(response.context["query"]) == search.MAX_QUERY_LENGTH
    assert "only its first 200 characters" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "a",
        "x" * 1000,
        "'; DROP TABLE diseases_disease; --",
        "%_\\",
        "!!! & | :* ()",
        "<script>alert(1)</script>",
        "日本語",
        "🙂🙂",
        "ORPHA:",
        "HP:99999999999",
        "\x00",
    ],
)
@pytest.mark.parametrize("url", [SEARCH, SUGGEST])
def test_odd_input_never_breaks_search(client, alps, query, url):
    search.rebuild_search_index()
    response = client.get(url, {"q": query, "type": "disease'--", "page": "-1"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_page_query_count_is_constant(client, django_assert_num_queries, nothing_cached):
    many_diseases(3, "Small")
    many_diseases(40, "Large")
    for index in range(30):
        PhenotypeFactory(name=f"Large finding {index}")
    search.rebuild_search_index()
    for query in ["small syndrome", "large"]:
        # The content generation, then one statement for both groups (one per group on SQLite),
        # then the shown diseases' plain words.
        with django_assert_num_queries(3 if connection.vendor == "postgresql" else 4):
            assert client.get(SEARCH, {"q": query}).status_code == 200


def test_suggest_returns_results_as_json(client, alps, bruising):
    search.rebuild_search_index()
    response = client.get(SUGGEST, {"q": "canale"})
    assert response["Content-Type"] == "application/json"
    assert "max-age" in response["Cache-Control"]
    assert response.json() == {
        "results": [
            {
                "type": "disease",
                "label": alps.name,
                "slug": alps.slug,
                "url": alps.get_absolute_url(),
                "matched": "Canale-Smith syndrome",
            }
        ]
    }


@pytest.mark.parametrize(("kind", "key"), [("disease", "slug"), ("symptom", "hpo_id")])
def test_suggest_can_be_limited_to_one_type(client, bruising, kind, key):
    DiseaseFactory(name="Bruising syndrome")
    search.rebuild_search_index()
    results = client.get(SUGGEST, {"q": "bruis", "type": kind}).json()["results"]
    assert results and {result["type"] for result in results} == {kind}
    assert all(key in result for result in results)


def test_suggest_query_count_is_constant(client, django_assert_num_queries, nothing_cached):
    many_diseases(3, "Small")
    many_diseases(40, "Large")
    search.rebuild_search_index()
    for query in ["small", "large"]:
        # The content generation, then diseases and symptoms ranked together in one query.
        with django_assert_num_queries(2):
            client.get(SUGGEST, {"q": query, "type": "disease"})
        with django_assert_num_queries(2):
            client.get(SUGGEST, {"q": query})


def test_header_and_home_search_forms_point_at_search_with_autocomplete(client):
    html = client.get(reverse("home")).content.decode()
    assert f'action="{SEARCH}"' in html
    assert f'data-autocomplete="{SUGGEST}"' in html
    assert "js/combobox.js" in html
    about = client.get(reverse("about")).content.decode()
    assert f'action="{SEARCH}"' in about and 'name="q"' in about


def test_the_empty_search_page_runs_no_queries(client, django_assert_num_queries, nothing_cached):
    with django_assert_num_queries(0):
        assert client.get(SEARCH).status_code == 200


def test_a_no_hit_search_page_has_a_fixed_query_count(
    client, alps, django_assert_num_queries, nothing_cached
):
    search.rebuild_search_index()
    # The generation and the search; on PostgreSQL one statement for both groups, then the generation
    # again and the close spellings; on SQLite one statement per group.
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 3):
        client.get(SEARCH, {"q": "zzqqxx"})


def test_an_identifier_redirect_takes_one_query(client, alps, django_assert_num_queries, nothing_cached):
    with django_assert_num_queries(1):
        assert client.get(SEARCH, {"q": "ORPHA:3261"}).status_code == 302


def test_a_mondo_id_opens_the_page(client, cystic_fibrosis):
    ExternalIdentifierFactory(disease=cystic_fibrosis, source="MONDO", code="0009061")
    response = client.get(reverse("diseases:search"), {"q": "MONDO:0009061"})
    assert response.status_code == 302 and response["Location"] == cystic_fibrosis.get_absolute_url()


def test_each_disease_found_shows_the_start_of_its_page_in_plain_words(client):
    made = plainly_summarised_disease(summary="")
    written = DiseaseFactory(name="Plainly written syndrome", summary="Children with it *tire* easily.")
    search.rebuild_search_index()
    html = client.get(SEARCH, {"q": "plainly"}).content.decode()
    assert '<p class="hit-summary">Common signs include enlarged spleen (splenomegaly).</p>' in html
    assert '<p class="hit-summary">Children with it tire easily.</p>' in html
    assert html.index(made.name) < html.index("Common signs include") < html.index(written.name)


@pytest.mark.parametrize(
    "address",
    [
        SEARCH + "?q=canale+smith",
        SUGGEST + "?q=canale",
        reverse("diseases:match") + "?hpo=HP:0001744",
    ],
)
def test_finding_pages_are_public_pages_served_from_the_page_cache(client, alps, address, django_user_model):
    search.rebuild_search_index()
    first, again = client.get(address), client.get(address)
    assert first.status_code == again.status_code == 200
    assert "stored" in first["Cache-Status"] and again["Cache-Status"] == "portal; hit"
    assert again.content == first.content
    # Someone signed in is never served a stored page.
    client.force_login(django_user_model.objects.create_user("reader", password="x" * 12))
    assert "Cache-Status" not in client.get(address)
