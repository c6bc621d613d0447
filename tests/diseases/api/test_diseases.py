import pytest

from diseases.models import Annotation, Disease, ExternalIdentifier
from tests.factories import (
    AnnotationFactory,
    CategoryFactory,
    DataReleaseFactory,
    DiseaseFactory,
    DiseaseSynonymFactory,
    ExternalIdentifierFactory,
    PhenotypeSynonymFactory,
    ReferenceFactory,
    ResourceFactory,
    disease_with_everything,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/diseases/"


def detail_url(disease):
    return f"/api/v1/diseases/{disease.slug}/"


def names(response):
    return [row["name"] for row in response.json()["results"]]


# --- List -------------------------------------------------------------------------------------------


def test_list_shows_published_diseases_in_name_order_with_their_links(client):
    beta = DiseaseFactory(name="Beta syndrome")
    alpha = DiseaseFactory(name="Alpha syndrome")
    alpha.categories.add(CategoryFactory(name="Hematology"))
    ExternalIdentifierFactory(disease=alpha, source=ExternalIdentifier.Source.ORPHA, code="3261")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["count"] == 2
    assert names(response) == ["Alpha syndrome", "Beta syndrome"]
    first = body["results"][0]
    assert first["url"] == f"http://testserver/api/v1/diseases/{alpha.slug}/"
    assert first["page_url"] == f"http://testserver{alpha.get_absolute_url()}"
    assert first["categories"] == [{"name": "Hematology", "slug": "hematology"}]
    assert first["identifiers"] == [
        {
            "source": "ORPHA",
            "code": "3261",
            "curie": "ORPHA:3261",
            "url": "https://www.orpha.net/en/disease/detail/3261",
        }
    ]
    assert body["results"][1]["slug"] == beta.slug


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_list_never_shows_unpublished_diseases(client, status):
    DiseaseFactory(name="Shown syndrome")
    DiseaseFactory(name="Unfinished syndrome", status=status)
    assert names(client.get(LIST_URL)) == ["Shown syndrome"]


def test_list_search_matches_names_and_other_names(client):
    DiseaseFactory(name="Canale example syndrome")
    other = DiseaseFactory(name="Zeta disorder")
    DiseaseSynonymFactory(disease=other, name="Canale variant")
    DiseaseFactory(name="Unrelated disease")
    assert names(client.get(LIST_URL, {"search": "  canale "})) == [
        "Canale example syndrome",
        "Zeta disorder",
    ]


def test_list_filters_by_category_slug(client):
    blood = CategoryFactory(name="Hematology")
    DiseaseFactory(name="Blood disease").categories.add(blood)
    DiseaseFactory(name="Skin disease").categories.add(CategoryFactory(name="Dermatology"))
    assert names(client.get(LIST_URL, {"category": "hematology"})) == ["Blood disease"]


def test_list_filters_by_index_letter_with_0_9_for_the_rest(client):
    DiseaseFactory(name="Alpha syndrome")
    DiseaseFactory(name="Beta syndrome")
    DiseaseFactory(name="3-M syndrome")
    assert names(client.get(LIST_URL, {"letter": "B"})) == ["Beta syndrome"]
    assert names(client.get(LIST_URL, {"letter": "0-9"})) == ["3-M syndrome"]


def test_list_filters_by_identifier(client):
    alps = DiseaseFactory(name="ALPS")
    ExternalIdentifierFactory(disease=alps, source=ExternalIdentifier.Source.ORPHA, code="3261")
    ExternalIdentifierFactory(
        disease=DiseaseFactory(name="Other"), source=ExternalIdentifier.Source.OMIM, code="3261"
    )
    assert names(client.get(LIST_URL, {"identifier": "ORPHA:3261"})) == ["ALPS"]
    assert names(client.get(LIST_URL, {"identifier": "ORPHA:9999"})) == []


def test_list_pages_are_bounded_by_page_size_and_linked(client):
    for letter in "ABC":
        DiseaseFactory(name=f"{letter} syndrome")
    first = client.get(LIST_URL, {"page_size": 2}).json()
    assert [row["name"] for row in first["results"]] == ["A syndrome", "B syndrome"]
    assert first["next"] == "http://testserver/api/v1/diseases/?page=2&page_size=2"
    second = client.get(first["next"]).json()
    assert [row["name"] for row in second["results"]] == ["C syndrome"]
    assert second["next"] is None


def test_list_page_size_defaults_to_the_configured_size(client, settings):
    settings.API_PAGE_SIZE = 2
    for letter in "ABC":
        DiseaseFactory(name=f"{letter} syndrome")
    assert len(client.get(LIST_URL).json()["results"]) == 2


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("letter", "AB"),
        ("letter", "a"),
        ("category", "no-such-category"),
        ("category", "not a slug\x00"),
        ("identifier", "ORPHA"),
        ("identifier", "NOPE:3261"),
        ("identifier", "ORPHA:3261\n"),
        ("page", "x"),
        ("page", "0"),
        ("page", "-1"),
        ("page_size", "10000"),
        ("page_size", "0"),
        ("page_size", "ten"),
        ("search", "x" * 201),
        ("search", "nul\x00byte"),
        ("colour", "blue"),
        ("format", "json"),
        ("letter", ""),
        ("category", ""),
        ("identifier", ""),
        ("page", ""),
    ],
)
def test_list_answers_a_bad_parameter_with_a_400_naming_it(client, parameter, value):
    DiseaseFactory()
    response = client.get(LIST_URL, {parameter: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == [parameter]
    assert body[parameter] and all(isinstance(message, str) for message in body[parameter])


def test_list_unknown_parameter_message_lists_the_accepted_ones(client):
    message = client.get(LIST_URL, {"q": "alps"}).json()["q"][0]
    assert message == (
        "Unknown query parameter. This endpoint accepts: category, gene, identifier, inheritance, letter, page, "
        "page_size, search."
    )


def test_list_refuses_a_parameter_given_twice(client):
    response = client.get(f"{LIST_URL}?letter=A&letter=B")
    assert response.status_code == 400
    assert response.json() == {"letter": ["Give this parameter once."]}


def test_list_empty_search_lists_everything(client):
    DiseaseFactory()
    assert client.get(LIST_URL, {"search": ""}).json()["count"] == 1


def test_list_page_past_the_last_is_a_json_404(client):
    DiseaseFactory()
    response = client.get(LIST_URL, {"page": 2})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


@pytest.mark.parametrize("disease_count", [3, 30])
def test_list_uses_a_fixed_number_of_queries_per_page(
    client, django_assert_num_queries, unthrottled, disease_count
):
    for _ in range(disease_count):
        disease = DiseaseFactory()
        disease.categories.add(CategoryFactory(), CategoryFactory())
        ExternalIdentifierFactory(disease=disease)
    # count, page, categories, identifiers
    with django_assert_num_queries(4):
        response = client.get(LIST_URL, {"page_size": 100})
    assert len(response.json()["results"]) == disease_count


def test_list_filters_add_a_fixed_number_of_queries(client, django_assert_num_queries, unthrottled):
    category = CategoryFactory(name="Hematology")
    for _ in range(5):
        DiseaseFactory(name="Blood disease").categories.add(category)
    # the category lookup, then count, page, categories, identifiers
    with django_assert_num_queries(5):
        response = client.get(LIST_URL, {"category": "hematology", "letter": "B", "search": "blood"})
    assert response.json()["count"] == 5


# --- Detail -----------------------------------------------------------------------------------------


def test_detail_shows_names_categories_identifiers_and_dates(client):
    disease = DiseaseFactory(name="Canale example syndrome")
    DiseaseSynonymFactory(disease=disease, name="CES", position=1)
    DiseaseSynonymFactory(disease=disease, name="Canale disease", position=2)
    disease.categories.add(CategoryFactory(name="Genetics"))
    ExternalIdentifierFactory(disease=disease, source=ExternalIdentifier.Source.OMIM, code="601859")
    DataReleaseFactory(version="2025-05-06")

    response = client.get(detail_url(disease))

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Canale example syndrome"
    assert body["other_names"] == ["CES", "Canale disease"]
    assert body["categories"] == [{"name": "Genetics", "slug": "genetics"}]
    assert body["identifiers"][0]["url"] == "https://omim.org/entry/601859"
    assert body["hpo_release"]["version"] == "2025-05-06"
    assert body["last_updated"] == disease.content_updated_at.isoformat().replace("+00:00", "Z")
    assert body["page_url"] == f"http://testserver{disease.get_absolute_url()}"
    assert body["downloads"] == {
        "csv": f"http://testserver/diseases/{disease.slug}/symptoms.csv",
        "json": f"http://testserver/diseases/{disease.slug}/symptoms.json",
    }
    assert "not medical advice" in body["notice"]


def test_detail_hpo_release_is_null_before_any_import(client):
    assert client.get(detail_url(DiseaseFactory())).json()["hpo_release"] is None


def test_detail_gives_summary_and_sections_as_sanitised_html_never_raw_markdown(client):
    disease = DiseaseFactory(
        summary="**Bold** words.[1] <script>alert('x')</script> [bad](javascript:alert(1))",
        cause="Caused by a *gene*.",
        treatment="",
    )
    body = client.get(detail_url(disease)).json()
    summary = body["summary_html"]
    assert "<strong>Bold</strong>" in summary
    assert 'href="#ref-1"' in summary
    assert "<script" not in summary and "javascript:" not in summary
    assert "**" not in summary
    assert body["sections"] == [
        {"key": "cause", "title": "Cause", "html": "<p>Caused by a <em>gene</em>.</p>"}
    ]


def test_detail_groups_symptoms_by_band_most_frequent_first_with_lay_names_and_provenance(client):
    disease = DiseaseFactory()
    rare = AnnotationFactory(disease=disease, band=Annotation.Band.RARE, phenotype__name="Zebra sign")
    frequent = AnnotationFactory(
        disease=disease,
        band=Annotation.Band.VERY_FREQUENT,
        phenotype__name="Splenomegaly",
        phenotype__hpo_id="HP:0001744",
        frequency="HP:0040281",
        source_record="ORPHA:3261",
        evidence="TAS",
    )
    PhenotypeSynonymFactory(phenotype=frequent.phenotype, name="big spleen")
    DataReleaseFactory(version="2025-05-06")

    bands = client.get(detail_url(disease)).json()["symptom_bands"]

    assert [band["band"] for band in bands] == [1, 4]
    assert bands[0]["label"] == "80–99% of people have these symptoms"
    assert bands[0]["symptoms"] == [
        {
            "hpo_id": "HP:0001744",
            "term": "Splenomegaly",
            "lay_names": ["big spleen"],
            "band": 1,
            "band_label": "80–99%",
            "frequency": "HP:0040281",
            "onset": "",
            "not_a_feature": False,
            "source_record": "ORPHA:3261",
            "evidence": "TAS",
            "hpo_release": "2025-05-06",
        }
    ]
    assert bands[1]["symptoms"][0]["hpo_id"] == rare.phenotype.hpo_id


def test_detail_keeps_not_a_feature_terms_apart_and_hides_hidden_ones(client):
    disease = DiseaseFactory()
    AnnotationFactory(disease=disease, phenotype__name="Present sign")
    AnnotationFactory(disease=disease, phenotype__name="Absent sign", is_excluded=True)
    AnnotationFactory(disease=disease, phenotype__name="Hidden sign", is_hidden=True)
    body = client.get(detail_url(disease)).json()
    assert [s["term"] for band in body["symptom_bands"] for s in band["symptoms"]] == ["Present sign"]
    assert [s["term"] for s in body["not_a_feature"]] == ["Absent sign"]
    assert body["not_a_feature"][0]["not_a_feature"] is True
    assert "Hidden sign" not in client.get(detail_url(disease)).content.decode()


def test_detail_lists_references_and_resources(client):
    disease = DiseaseFactory()
    ReferenceFactory(disease=disease, number=1, title="A review", pubmed_id="24627283")
    ResourceFactory(disease=disease, title="Family group", url="https://example.org/group")
    body = client.get(detail_url(disease)).json()
    assert body["references"][0] == {
        "number": 1,
        "title": "A review",
        "publisher": "A publisher",
        "published": "",
        "url": "https://example.org/reference",
        "pubmed_id": "24627283",
        "pubmed_url": "https://pubmed.ncbi.nlm.nih.gov/24627283/",
    }
    assert body["resources"] == [
        {
            "section": "organisations",
            "section_label": "Support organisations",
            "title": "Family group",
            "url": "https://example.org/group",
            "description": "Helps families.",
        }
    ]


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_detail_of_an_unpublished_disease_is_404(client, status):
    response = client.get(detail_url(DiseaseFactory(status=status)))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_detail_of_an_unpublished_disease_is_404_for_staff_too(admin_client):
    assert admin_client.get(detail_url(DiseaseFactory(status=Disease.Status.DRAFT))).status_code == 404


def test_detail_of_an_unknown_slug_is_a_json_404(client):
    response = client.get("/api/v1/diseases/no-such-disease/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No published disease has this slug."}


def test_detail_rejects_query_parameters(client):
    response = client.get(detail_url(DiseaseFactory()), {"page": 1})
    assert response.status_code == 400
    assert response.json() == {"page": ["Unknown query parameter. This endpoint accepts: none."]}


@pytest.mark.parametrize("symptom_count", [3, 300])
def test_detail_query_count_does_not_grow_with_symptoms(
    client, django_assert_num_queries, unthrottled, symptom_count
):
    disease = disease_with_everything(symptom_count)
    DataReleaseFactory()
    # The disease page's read (the disease and its 14 prefetches), the loaded releases, and what its types
    # record: their symptom rows, genes and inheritance, and the terms shown with their everyday names.
    with django_assert_num_queries(21):
        response = client.get(detail_url(disease))
    body = response.json()
    assert body["from_types"]["symptom_total"] == len(body["from_types"]["genes"]) == symptom_count
    assert sum(len(band["symptoms"]) for band in body["symptom_bands"]) == symptom_count
    assert len(body["genes"]) == len(body["subtypes"]) == len(body["inheritance"]) == symptom_count
