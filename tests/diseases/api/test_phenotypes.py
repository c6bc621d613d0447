import pytest

from diseases.models import Annotation, Disease, PhenotypeSynonym
from tests.factories import AnnotationFactory, DiseaseFactory, PhenotypeFactory, PhenotypeSynonymFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/phenotypes/"


def detail_url(phenotype):
    return f"/api/v1/phenotypes/{phenotype.hpo_id}/"


def hpo_ids(response):
    return [row["hpo_id"] for row in response.json()["results"]]


# --- List -------------------------------------------------------------------------------------------


def test_list_shows_current_terms_in_hpo_id_order_with_links(client):
    PhenotypeFactory(hpo_id="HP:0002240", name="Hepatomegaly")
    PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly")
    PhenotypeFactory(hpo_id="HP:0000001", name="Old term", is_obsolete=True)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "hpo_id": "HP:0001744",
            "name": "Splenomegaly",
            "url": "http://testserver/api/v1/phenotypes/HP:0001744/",
            "page_url": "http://testserver/symptoms/HP:0001744/",
        },
        {
            "hpo_id": "HP:0002240",
            "name": "Hepatomegaly",
            "url": "http://testserver/api/v1/phenotypes/HP:0002240/",
            "page_url": "http://testserver/symptoms/HP:0002240/",
        },
    ]


def test_list_search_matches_names_synonyms_and_hpo_ids(client):
    spleen = PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly")
    PhenotypeSynonymFactory(phenotype=spleen, name="Big spleen")
    liver = PhenotypeFactory(hpo_id="HP:0002240", name="Hepatomegaly")
    PhenotypeSynonymFactory(phenotype=liver, name="Enlarged liver", is_lay=False)
    PhenotypeFactory(hpo_id="HP:0000100", name="Nephrotic syndrome")

    assert hpo_ids(client.get(LIST_URL, {"search": "spleno"})) == ["HP:0001744"]
    assert hpo_ids(client.get(LIST_URL, {"search": "big SPLEEN"})) == ["HP:0001744"]
    assert hpo_ids(client.get(LIST_URL, {"search": "enlarged"})) == ["HP:0002240"]
    assert hpo_ids(client.get(LIST_URL, {"search": "hp:0000100"})) == ["HP:0000100"]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("page", "x"),
        ("page_size", "101"),
        ("search", "y" * 201),
        ("search", "\x00"),
        ("letter", "A"),
    ],
)
def test_list_answers_a_bad_parameter_with_a_400_naming_it(client, parameter, value):
    response = client.get(LIST_URL, {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_list_page_past_the_last_is_a_json_404(client):
    response = client.get(LIST_URL, {"page": 3})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


@pytest.mark.parametrize("term_count", [3, 40])
def test_list_uses_a_fixed_number_of_queries_per_page(
    client, django_assert_num_queries, unthrottled, term_count
):
    PhenotypeFactory.create_batch(term_count)
    # count, page
    with django_assert_num_queries(2):
        response = client.get(LIST_URL, {"page_size": 100})
    assert len(response.json()["results"]) == term_count


# --- Detail -----------------------------------------------------------------------------------------


@pytest.fixture
def spleen():
    phenotype = PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly", definition="A big spleen.")
    PhenotypeSynonymFactory(phenotype=phenotype, name="Big spleen", is_lay=True)
    PhenotypeSynonymFactory(
        phenotype=phenotype, name="Spleen enlargement", is_lay=False, scope=PhenotypeSynonym.Scope.RELATED
    )
    phenotype.parents.add(PhenotypeFactory(hpo_id="HP:0001743", name="Abnormality of the spleen"))
    PhenotypeFactory(hpo_id="HP:0020000", name="Massive splenomegaly").parents.add(phenotype)
    PhenotypeFactory(hpo_id="HP:0020001", name="Obsolete child", is_obsolete=True).parents.add(phenotype)
    return phenotype


def test_detail_shows_the_term_synonyms_parents_and_current_children(client, spleen):
    response = client.get(detail_url(spleen))

    assert response.status_code == 200
    body = response.json()
    assert body["hpo_id"] == "HP:0001744"
    assert body["name"] == "Splenomegaly"
    assert body["definition"] == "A big spleen."
    assert body["hpo_url"] == "https://hpo.jax.org/browse/term/HP:0001744"
    assert body["is_obsolete"] is False
    assert body["replaced_by"] is None
    assert body["synonyms"] == [
        {"name": "Big spleen", "scope": "EXACT", "is_lay": True},
        {"name": "Spleen enlargement", "scope": "RELATED", "is_lay": False},
    ]
    assert body["parents"] == [
        {
            "hpo_id": "HP:0001743",
            "name": "Abnormality of the spleen",
            "url": "http://testserver/api/v1/phenotypes/HP:0001743/",
        }
    ]
    assert [child["hpo_id"] for child in body["children"]] == ["HP:0020000"]


def test_detail_lists_published_diseases_annotated_with_it_most_frequent_first(client, spleen):
    rare = DiseaseFactory(name="Alpha disease")
    AnnotationFactory(disease=rare, phenotype=spleen, band=Annotation.Band.RARE, frequency="1/40")
    frequent = DiseaseFactory(name="Zeta disease")
    AnnotationFactory(disease=frequent, phenotype=spleen, band=Annotation.Band.VERY_FREQUENT)

    diseases = client.get(detail_url(spleen)).json()["diseases"]

    assert diseases["count"] == 2
    assert diseases["results"] == [
        {
            "slug": frequent.slug,
            "name": "Zeta disease",
            "url": f"http://testserver/api/v1/diseases/{frequent.slug}/",
            "band": 1,
            "band_label": "80–99%",
            "frequency": "HP:0040282",
        },
        {
            "slug": rare.slug,
            "name": "Alpha disease",
            "url": f"http://testserver/api/v1/diseases/{rare.slug}/",
            "band": 4,
            "band_label": "1–4%",
            "frequency": "1/40",
        },
    ]


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_detail_never_lists_unpublished_diseases(client, spleen, status):
    AnnotationFactory(disease=DiseaseFactory(name="Unfinished disease", status=status), phenotype=spleen)
    AnnotationFactory(disease=DiseaseFactory(name="Shown disease"), phenotype=spleen)
    response = client.get(detail_url(spleen))
    assert [row["name"] for row in response.json()["diseases"]["results"]] == ["Shown disease"]
    assert "Unfinished disease" not in response.content.decode()


def test_detail_leaves_out_hidden_and_not_a_feature_annotations(client, spleen):
    AnnotationFactory(disease=DiseaseFactory(name="Hidden row"), phenotype=spleen, is_hidden=True)
    AnnotationFactory(disease=DiseaseFactory(name="Excluded row"), phenotype=spleen, is_excluded=True)
    assert client.get(detail_url(spleen)).json()["diseases"]["count"] == 0


def test_detail_pages_its_diseases(client, spleen):
    for name in ["A disease", "B disease", "C disease"]:
        AnnotationFactory(disease=DiseaseFactory(name=name), phenotype=spleen)
    first = client.get(detail_url(spleen), {"page_size": 2}).json()["diseases"]
    assert [row["name"] for row in first["results"]] == ["A disease", "B disease"]
    assert first["next"] == "http://testserver/api/v1/phenotypes/HP:0001744/?page=2&page_size=2"
    second = client.get(first["next"]).json()
    assert second["hpo_id"] == "HP:0001744"
    assert [row["name"] for row in second["diseases"]["results"]] == ["C disease"]


def test_detail_of_an_obsolete_term_names_its_replacement(client, spleen):
    old = PhenotypeFactory(hpo_id="HP:0000002", name="Old spleen term", is_obsolete=True, replaced_by=spleen)
    body = client.get(detail_url(old)).json()
    assert body["is_obsolete"] is True
    assert body["replaced_by"] == "HP:0001744"


def test_detail_of_an_unknown_term_is_a_json_404(client):
    response = client.get("/api/v1/phenotypes/HP:0999999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No HPO term has this id."}


@pytest.mark.parametrize("path", ["/api/v1/phenotypes/HP:123/", "/api/v1/phenotypes/splenomegaly/"])
def test_detail_address_that_is_not_an_hpo_id_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no API endpoint at this address."}


@pytest.mark.parametrize(("parameter", "value"), [("page", "0"), ("page_size", "1000"), ("search", "x")])
def test_detail_answers_a_bad_parameter_with_a_400_naming_it(client, spleen, parameter, value):
    response = client.get(detail_url(spleen), {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize("disease_count", [2, 30])
def test_detail_query_count_does_not_grow_with_its_diseases(
    client, spleen, django_assert_num_queries, unthrottled, disease_count
):
    for _ in range(disease_count):
        AnnotationFactory(disease=DiseaseFactory(), phenotype=spleen)
    # term with its replacement, synonyms, parents, children, then count and page of diseases
    with django_assert_num_queries(6):
        response = client.get(detail_url(spleen), {"page_size": 100})
    assert response.json()["diseases"]["count"] == disease_count
