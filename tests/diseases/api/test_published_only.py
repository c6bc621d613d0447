"""Nothing but published content leaves through the API or the downloads: no drafts, no personal data."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from diseases import matching, search
from diseases.models import Annotation, Disease, ExternalIdentifier
from tests.factories import (
    AnnotationFactory,
    CategoryFactory,
    ConnectionRequestFactory,
    DiseaseFactory,
    DiseaseSynonymFactory,
    ExternalIdentifierFactory,
    PhenotypeFactory,
)

pytestmark = pytest.mark.django_db

SECRET_NAME = "Unfinishedname syndrome"


@pytest.fixture
def spleen():
    return PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly")


@pytest.fixture
def published(spleen):
    disease = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps")
    disease.categories.add(CategoryFactory(name="Hematology"))
    AnnotationFactory(disease=disease, phenotype=spleen, band=Annotation.Band.VERY_FREQUENT)
    return disease


@pytest.fixture(params=[Disease.Status.DRAFT, Disease.Status.REVIEW])
def unpublished(request, spleen):
    """An unpublished page that would match every query the published one matches, and more."""
    disease = DiseaseFactory(name=SECRET_NAME, slug="unfinished", status=request.param)
    disease.categories.add(CategoryFactory(name="Hematology"))
    DiseaseSynonymFactory(disease=disease, name="Autoimmune lymphoproliferative variant")
    ExternalIdentifierFactory(disease=disease, source=ExternalIdentifier.Source.ORPHA, code="3261")
    AnnotationFactory(disease=disease, phenotype=spleen, band=Annotation.Band.VERY_FREQUENT)
    search.rebuild_search_index()
    matching.build_similarity_index()
    return disease


@pytest.fixture
def indexed(published):
    search.rebuild_search_index()
    matching.build_similarity_index()


READ_URLS = [
    "/api/v1/diseases/",
    "/api/v1/diseases/?search=autoimmune",
    "/api/v1/diseases/?category=hematology",
    "/api/v1/diseases/?letter=U",
    "/api/v1/diseases/?identifier=ORPHA:3261",
    "/api/v1/diseases/alps/",
    "/api/v1/phenotypes/",
    "/api/v1/phenotypes/?search=spleno",
    "/api/v1/phenotypes/HP:0001744/",
    "/api/v1/search/?q=autoimmune+lymphoproliferative",
    "/api/v1/search/?q=ORPHA:3261",
    "/api/v1/match/?hpo=HP:0001744",
    "/diseases/alps/symptoms.csv",
    "/diseases/alps/symptoms.json",
]


@pytest.mark.parametrize("url", READ_URLS)
def test_no_endpoint_shows_an_unpublished_disease(client, published, unpublished, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert SECRET_NAME not in body
    assert unpublished.slug not in body


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/diseases/unfinished/",
        "/diseases/unfinished/symptoms.csv",
        "/diseases/unfinished/symptoms.json",
    ],
)
def test_unpublished_disease_addresses_are_404(client, published, unpublished, url):
    assert client.get(url).status_code == 404
    # The same addresses of the published page answer.
    assert client.get(url.replace("unfinished", published.slug)).status_code == 200


@pytest.mark.parametrize("url", READ_URLS)
def test_no_endpoint_shows_personal_data_from_connection_requests(client, published, indexed, url):
    request = ConnectionRequestFactory(
        disease=published,
        parent_name="Private Parentname",
        email="private.parent@example.org",
        phone="+44 20 7946 0999",
        region="Privateshire",
        message="A private message about our child.",
    )
    ExternalIdentifierFactory(disease=published, source=ExternalIdentifier.Source.ORPHA, code="3261")
    search.index_disease(published)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    if "letter=U" in url:
        assert '"count":0' in body  # no published name starts with U
    else:
        assert "alps" in body or "HP:0001744" in body  # the published page or its symptom is shown
    for personal in [request.parent_name, request.email, request.phone, request.region, request.message]:
        assert personal not in body


def test_the_schema_offers_no_personal_fields():
    text = str(SchemaGenerator().get_schema(request=None, public=True)).lower()
    assert "/api/v1/diseases/" in text and "symptom_bands" in text  # the real schema, not an empty one
    for field in ["email", "phone", "parent_name", "connection", "message"]:
        assert field not in text
