import pytest
from django.urls import reverse

from diseases import matching
from tests.factories import PhenotypeFactory, matching_catalogue, phenotype_tree

pytestmark = pytest.mark.django_db

URL = "/api/v1/match/"


@pytest.fixture
def tree():
    return phenotype_tree()


@pytest.fixture
def catalogue(tree):
    diseases = matching_catalogue(tree)
    matching.build_similarity_index()
    return diseases


def slugs(response):
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    "hpo",
    [
        ["HP:0000978", "HP:0000421"],
        ["HP:0001250", "HP:0001744"],
        ["HP:0007359"],
        ["HP:0001744", "HP:0000978", "HP:0000958"],
    ],
)
def test_match_ranks_diseases_as_the_match_page_does(client, catalogue, hpo):
    response = client.get(URL, {"hpo": hpo})
    assert response.status_code == 200
    page = client.get(reverse("diseases:match"), {"hpo": hpo}).context["result"]
    assert slugs(response) == [disease_match.disease.slug for disease_match in page.matches]
    assert slugs(response)


def test_match_explains_how_each_disease_accounts_for_each_symptom(client, catalogue):
    body = client.get(URL, {"hpo": ["HP:0001250", "HP:0001744"]}).json()
    twin = next(row for row in body["results"] if row["name"] == "Focal epilepsy twin")
    assert twin["url"] == f"http://testserver/api/v1/diseases/{catalogue.focal_twin.slug}/"
    assert twin["terms"] == [
        {
            "hpo_id": "HP:0001250",
            "name": "Seizure",
            "status": "more_specific",
            "disease_term": {"hpo_id": "HP:0007359", "name": "Focal-onset seizure"},
            "link_term": None,
        },
        {
            "hpo_id": "HP:0001744",
            "name": "Splenomegaly",
            "status": "missing",
            "disease_term": None,
            "link_term": None,
        },
    ]
    assert 0 <= twin["percent"] <= 100
    assert body["symptoms"] == [
        {"hpo_id": "HP:0001250", "name": "Seizure"},
        {"hpo_id": "HP:0001744", "name": "Splenomegaly"},
    ]
    assert body["notice"].startswith("This is not a diagnosis.")


def test_match_never_lists_unpublished_or_hidden_diseases(client, catalogue):
    names = [
        row["name"]
        for row in client.get(URL, {"hpo": ["HP:0000978", "HP:0000421", "HP:0001744"]}).json()["results"]
    ]
    assert "Bleeding disorder" in names
    assert "Draft bleeding disease" not in names
    assert "Hidden spleen disease" not in names


def test_match_leaves_out_unknown_ids_and_replaces_obsolete_ones_with_notes(client, catalogue, tree):
    PhenotypeFactory(hpo_id="HP:0000001", name="Old bruising term", is_obsolete=True, replaced_by=tree.bruise)
    body = client.get(URL, {"hpo": ["HP:0000001", "HP:9999999", "HP:0000006"]}).json()
    assert [symptom["hpo_id"] for symptom in body["symptoms"]] == ["HP:0000978", "HP:0000006"]
    assert body["notes"] == [
        "HP:0000001 is no longer used; it was replaced by HP:0000978 (Bruising susceptibility), "
        "which we used instead.",
        "We do not know the symptom HP:9999999, so it was left out.",
        "Autosomal dominant inheritance (HP:0000006) is not a symptom, so it is not used for matching.",
    ]
    assert slugs(client.get(URL, {"hpo": ["HP:0000978"]})) == slugs(client.get(URL, {"hpo": ["HP:0000001"]}))


def test_match_errors_name_the_position_of_each_bad_value(client):
    response = client.get(f"{URL}?hpo=HP:0000978&hpo=bruising")
    assert response.json() == {"hpo": ["Value 2: An HPO id looks like HP:0001744."]}


def test_match_says_when_it_is_not_ready(client, tree):
    body = client.get(URL, {"hpo": ["HP:0000978"]}).json()
    assert body["ready"] is False
    assert body["results"] == []


@pytest.mark.parametrize(
    ("query", "bad"),
    [
        ("", "hpo"),
        ("?hpo=", "hpo"),
        ("?hpo=bruising", "hpo"),
        ("?hpo=HP:12", "hpo"),
        ("?" + "&".join(f"hpo=HP:{n:07d}" for n in range(21)), "hpo"),
        ("?hpo=HP:0000978&limit=5", "limit"),
    ],
)
def test_match_answers_a_bad_parameter_with_a_400_naming_it(client, query, bad):
    response = client.get(URL + query)
    assert response.status_code == 400
    assert list(response.json()) == [bad]


@pytest.mark.parametrize("hpo", [["HP:0000978"], ["HP:0000978", "HP:0000421", "HP:0001744", "HP:0001250"]])
def test_match_query_count_does_not_grow_with_symptoms(
    client, catalogue, django_assert_num_queries, unthrottled, hpo
):
    client.get(URL, {"hpo": ["HP:0000958"]})  # the index's arrays are loaded once per process
    # chosen terms, the index row, published diseases, names of the terms in the explanations
    with django_assert_num_queries(4):
        response = client.get(URL, {"hpo": hpo})
    assert response.json()["results"]
