"""The symptom-matching page, /match/."""

import pytest
from django.urls import reverse

from diseases import matching, search
from diseases.models import SimilarityIndex
from tests.factories import PhenotypeFactory, PhenotypeSynonymFactory, matching_catalogue, phenotype_tree

pytestmark = pytest.mark.django_db


MATCH = reverse("diseases:match")


@pytest.fixture
def tree():
    return phenotype_tree()


@pytest.fixture
def catalogue(tree):
    diseases = matching_catalogue(tree)
    PhenotypeSynonymFactory(phenotype=tree.bruise, name="Bruise easily")
    PhenotypeSynonymFactory(phenotype=tree.splenomegaly, name="Big spleen")
    matching.build_similarity_index()
    search.rebuild_search_index()
    return diseases


def test_an_empty_page_explains_how_to_start_and_is_not_a_diagnosis(client):
    html = client.get(MATCH).content.decode()
    assert "This is not a diagnosis." in html
    assert "ask a doctor" in html
    assert 'name="add"' in html


def test_chosen_symptoms_in_the_address_rank_diseases(client, catalogue):
    response = client.get(MATCH, {"hpo": ["HP:0000978", "HP:0000421"]})
    html = response.content.decode()
    assert [m.disease.name for m in response.context["result"].matches][0] == "Bleeding disorder"
    assert "This is not a diagnosis." in html
    assert "Explains 2 of your 2 symptoms" in html


def test_results_say_which_symptoms_matched_and_which_are_missing(client, catalogue):
    response = client.get(MATCH, {"hpo": ["HP:0001250", "HP:0001744"]})
    twin = next(m for m in response.context["result"].matches if m.disease.name == "Focal epilepsy twin")
    assert [(term.chosen.name, term.status) for term in twin.terms] == [
        ("Seizure", "more_specific"),
        ("Splenomegaly", "missing"),
    ]
    html = response.content.decode()
    assert "Seizure</strong>: listed in a more specific form (Focal-onset seizure)." in html
    assert "Splenomegaly</strong>: not listed for this disease." in html


def test_a_symptom_listed_as_not_a_feature_is_shown_as_such(client, catalogue):
    html = client.get(MATCH, {"hpo": ["HP:0007359", "HP:0000978"]}).content.decode()
    assert "Bruising susceptibility</strong>: listed as not a feature of this disease." in html


def test_the_address_can_be_shared(client, catalogue):
    response = client.get(MATCH, {"hpo": ["HP:0000978", "HP:0000421"]})
    assert response.context["share_url"] == f"{MATCH}?hpo=HP%3A0000978&hpo=HP%3A0000421"
    assert f'href="{MATCH}?hpo=HP%3A0000421"' in response.content.decode()  # removing bruising


def test_an_unknown_id_gets_a_clear_message(client, catalogue):
    response = client.get(MATCH, {"hpo": ["HP:0000978", "HP:9999999"]})
    assert "We do not know the symptom HP:9999999" in response.content.decode()
    assert [p.hpo_id for p in response.context["chosen"]] == ["HP:0000978"]


def test_something_that_is_not_an_id_gets_a_clear_message(client, catalogue):
    response = client.get(MATCH, {"hpo": ["bruising<script>"]})
    html = response.content.decode()
    assert "is not an HPO id" in html
    assert "<script>" not in html


def test_an_obsolete_id_is_replaced_by_its_successor(client, tree, catalogue):
    PhenotypeFactory(
        hpo_id="HP:0000959", name="obsolete Easy bruising", is_obsolete=True, replaced_by=tree.bruise
    )
    response = client.get(MATCH, {"hpo": "HP:0000959"})
    assert "HP:0000959 is no longer used; it was replaced by HP:0000978" in response.content.decode()
    assert [p.hpo_id for p in response.context["chosen"]] == ["HP:0000978"]
    assert response.context["share_url"] == f"{MATCH}?hpo=HP%3A0000978"


def test_adding_a_symptom_by_its_everyday_name_adds_its_id_to_the_address(client, catalogue):
    response = client.get(MATCH, {"hpo": "HP:0000421", "add": "bruise easily"})
    assert response.status_code == 302
    assert response["Location"] == f"{MATCH}?hpo=HP%3A0000421&hpo=HP%3A0000978"


def test_adding_an_unclear_word_offers_the_symptoms_it_could_mean(client, catalogue):
    html = client.get(MATCH, {"hpo": "HP:0000421", "add": "seizure onset"}).content.decode()
    assert "Which symptom did you mean by “seizure onset”?" in html
    assert (
        f'href="{MATCH}?hpo=HP%3A0000421&amp;hpo=HP%3A0007359">Add Focal-onset seizure</a> <span class="muted">(HP:0007359)</span>'
        in html
    )


def test_adding_a_word_that_finds_nothing_says_so(client, catalogue):
    html = client.get(MATCH, {"add": "qqqzzz"}).content.decode()
    assert "No symptom matches “qqqzzz”" in html


def test_the_add_field_enhances_into_a_symptom_combobox(client):
    html = client.get(MATCH).content.decode()
    assert f'data-autocomplete="{reverse("diseases:suggest")}?type=symptom"' in html
    assert 'data-autocomplete-target="#match-add-id"' in html


def test_a_missing_similarity_index_is_a_message_not_an_error(client, catalogue):
    SimilarityIndex.objects.all().delete()
    response = client.get(MATCH, {"hpo": "HP:0000978"})
    assert response.status_code == 200
    assert "Symptom matching is not ready yet" in response.content.decode()


@pytest.mark.parametrize(
    "hpo", [["HP:0000978"], ["HP:0000978", "HP:0000421", "HP:0007359", "HP:0001250", "HP:0001744"]]
)
def test_match_page_query_count_does_not_grow_with_symptoms(
    client, catalogue, django_assert_num_queries, hpo, no_page_cache
):
    client.get(MATCH, {"hpo": hpo})  # loads the index into this process
    # Chosen terms, the index check, published diseases, names of the terms in the explanations.
    with django_assert_num_queries(4):
        assert client.get(MATCH, {"hpo": hpo}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"hpo": ""},
        {"hpo": "x" * 1000},
        {"hpo": ["HP:0000978"] * 100},
        {"hpo": "HP:00009780000"},
        {"add": "x" * 1000},
        {"add": "'; DROP TABLE diseases_phenotype; --"},
        {"add": "\x00"},
        {"add": "🙂"},
    ],
)
def test_odd_input_never_breaks_the_match_page(client, catalogue, params):
    assert client.get(MATCH, params).status_code in (200, 302)


def test_adding_an_obsolete_id_goes_through_to_its_successor_with_a_message(client, tree, catalogue):
    PhenotypeFactory(
        hpo_id="HP:0000959", name="obsolete Easy bruising", is_obsolete=True, replaced_by=tree.bruise
    )
    response = client.get(MATCH, {"hpo": "HP:0000421", "add": "hp:0000959"}, follow=True)
    assert response.redirect_chain[0][0] == f"{MATCH}?hpo=HP%3A0000421&hpo=HP%3A0000959"
    assert [p.hpo_id for p in response.context["chosen"]] == ["HP:0000421", "HP:0000978"]
    assert "HP:0000959 is no longer used" in response.content.decode()


def test_more_symptoms_than_are_compared_get_a_message(client, catalogue):
    ids = [f"HP:{9000000 + index:07d}" for index in range(25)]
    for hpo_id in ids:
        PhenotypeFactory(hpo_id=hpo_id)
    response = client.get(MATCH, {"hpo": ids})
    assert len(response.context["chosen"]) == 20
    assert "We compare up to 20 symptoms at once" in response.content.decode()


def test_the_match_page_describes_itself_as_no_diagnosis(client):
    html = client.get(MATCH).content.decode()
    assert '<meta name="description" content="Choose the symptoms you see' in html
    assert "It is not a diagnosis." in html
