"""/api/v1/compare/: the comparison page's content, for programs."""

import pytest
from django.urls import reverse

from diseases import matching
from diseases.models import Annotation, Disease, DiseaseRedirect
from tests.factories import DiseaseFactory, disease_with_annotations, disease_with_everything, phenotype_tree

pytestmark = pytest.mark.django_db

URL = "/api/v1/compare/"
BAND = Annotation.Band


@pytest.fixture
def pair():
    t = phenotype_tree()
    first = disease_with_annotations(
        "Bleeding and seizures",
        (t.bruise, BAND.VERY_FREQUENT),
        (t.seizure, BAND.FREQUENT),
        (t.nosebleed, BAND.RARE),
    )
    second = disease_with_annotations("Focal epilepsy", (t.bruise, BAND.RARE), (t.focal, BAND.VERY_FREQUENT))
    for index in range(8):
        disease_with_annotations(f"Skin disease {index}", (t.dry_skin, BAND.FREQUENT))
    matching.build_similarity_index()
    return first, second


def test_the_api_returns_the_rows_the_page_shows_in_the_same_order(client, pair):
    first, second = pair
    response = client.get(URL, {"d": [first.slug, second.slug]})
    assert response.status_code == 200
    body = response.json()
    page = client.get(reverse("diseases:compare"), {"d": [first.slug, second.slug]}).context["result"]
    assert [disease["slug"] for disease in body["diseases"]] == [first.slug, second.slug]
    assert [row["hpo_id"] for row in body["shared_by_all"]] == [
        row.phenotype.hpo_id for row in page.shared_by_all
    ]
    seizure = next(row for row in body["shared_by_all"] if row["hpo_id"] == "HP:0001250")
    assert seizure["cells"][1] == {
        "band": 1,
        "band_label": "80–99%",
        "terms": [{"hpo_id": "HP:0007359", "term": "Focal-onset seizure", "band": 1, "band_label": "80–99%"}],
    }
    assert [(only["slug"], [row["hpo_id"] for row in only["rows"]]) for only in body["only_in_one"]] == [
        (first.slug, ["HP:0000421"]),
        (second.slug, []),
    ]
    assert body["shared_by_some"] == [] and body["facts"] == []
    assert "more specific form" in body["related_by"] and "not a diagnosis" in body["notice"]


def test_the_api_names_the_symptoms_a_disease_is_said_not_to_have_that_another_lists(client, pair):
    from tests.factories import AnnotationFactory

    first, second = pair
    nosebleed = first.annotations.get(phenotype__hpo_id="HP:0000421").phenotype
    AnnotationFactory(disease=second, phenotype=nosebleed, band=BAND.NOT_AVAILABLE, is_excluded=True)
    body = client.get(URL, {"d": [first.slug, second.slug]}).json()
    assert body["not_features"] == [
        {"slug": first.slug, "symptoms": []},
        {
            "slug": second.slug,
            "symptoms": [
                {
                    "hpo_id": "HP:0000421",
                    "term": "Epistaxis",
                    "everyday_name": "Epistaxis",
                    "row_hpo_id": "HP:0000421",
                    "listed_by": [first.slug],
                }
            ],
        },
    ]
    [row] = body["only_in_one"][0]["rows"]
    assert row["not_features"] == [[], [{"hpo_id": "HP:0000421", "term": "Epistaxis"}]]


@pytest.mark.parametrize("count", [3, 300])
def test_the_api_takes_the_same_queries_for_3_or_300_symptoms(
    client, unthrottled, django_assert_num_queries, count
):
    first, second = disease_with_everything(count), disease_with_everything(count)
    with django_assert_num_queries(7):
        response = client.get(URL, {"d": [first.slug, second.slug]})
    assert response.status_code == 200
    assert sum(len(row["cells"]) for row in response.json()["only_in_one"][0]["rows"]) == count * 2


def test_an_unknown_or_unpublished_disease_is_a_404_naming_it(client, pair):
    first, _ = pair
    draft = DiseaseFactory(name="Secret draft", status=Disease.Status.DRAFT)
    response = client.get(URL, {"d": [first.slug, draft.slug]})
    assert response.status_code == 404
    assert response.json() == {"detail": f"No published disease page has the address “{draft.slug}”."}


@pytest.mark.parametrize(
    "values, message",
    [
        (["one"], "Ensure this field has at least 2 elements."),
        (["a", "b", "c", "d", "e"], "Ensure this field has no more than 4 elements."),
        (["same", "same"], "Give each disease once."),
        (["ok", "not a slug"], "Value 2: A disease's address is letters, digits, hyphens and underscores."),
    ],
)
def test_too_few_too_many_repeated_or_malformed_addresses_are_a_400(client, values, message):
    response = client.get(URL, {"d": values})
    assert response.status_code == 400
    assert message in response.json()["d"]


def test_a_page_and_the_address_merged_into_it_are_one_disease(client, pair):
    first, second = pair
    DiseaseRedirect.objects.create(slug="old-address", disease=second)
    assert [d["slug"] for d in client.get(URL, {"d": [first.slug, "old-address"]}).json()["diseases"]] == [
        first.slug,
        second.slug,
    ]
    response = client.get(URL, {"d": [second.slug, "old-address"]})
    assert response.status_code == 400 and response.json() == {"d": ["Give two to four different diseases."]}


def test_other_parameters_are_refused(client, pair):
    first, second = pair
    response = client.get(URL, {"d": [first.slug, second.slug], "x": "1"})
    assert response.status_code == 400 and "x" in response.json()
