"""What every endpoint shares: throttling, conditional GETs, CORS, read-only methods and JSON errors."""

import pytest
from django.core.cache import cache

from diseases import matching, search
from diseases.models import Annotation
from tests.diseases.api.conftest import throttle_keys
from tests.factories import AnnotationFactory, DiseaseFactory, PhenotypeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alps():
    disease = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps")
    AnnotationFactory(
        disease=disease,
        phenotype=PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly"),
        band=Annotation.Band.VERY_FREQUENT,
    )
    search.rebuild_search_index()
    matching.build_similarity_index()
    return disease


ENDPOINTS = [
    "/api/v1/diseases/",
    "/api/v1/diseases/?search=lympho",
    "/api/v1/diseases/alps/",
    "/api/v1/phenotypes/",
    "/api/v1/phenotypes/HP:0001744/",
    "/api/v1/search/?q=lymphoproliferative",
    "/api/v1/match/?hpo=HP:0001744",
]


# --- Throttling -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_requests_beyond_the_rate_get_429(client, settings, alps, url):
    settings.API_ANON_RATE = "2/min"
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    response = client.get(url)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["detail"].startswith("Request was throttled.")


def test_throttle_counts_requests_in_the_shared_cache_without_the_clients_address(client, alps):
    client.get("/api/v1/diseases/")
    client.get("/api/v1/phenotypes/")
    [key] = throttle_keys()
    assert cache.get(key.split(":", 2)[2]) == 2
    assert "127.0.0.1" not in key


def test_throttle_counts_each_client_behind_a_trusted_proxy_apart(client, settings, alps):
    settings.API_ANON_RATE = "2/min"
    settings.TRUSTED_PROXIES = 1
    statuses = [
        client.get("/api/v1/diseases/", headers={"X-Forwarded-For": address}).status_code
        for address in ["203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.1"]
    ]
    assert statuses == [200, 200, 200, 429]


def test_throttle_counts_all_endpoints_together(client, settings, alps):
    settings.API_ANON_RATE = "2/min"
    client.get("/api/v1/diseases/")
    client.get("/api/v1/phenotypes/")
    assert client.get("/api/v1/diseases/alps/").status_code == 429


def test_throttle_ignores_a_forged_forwarded_for_header(client, settings, alps):
    settings.API_ANON_RATE = "2/min"
    statuses = [
        client.get("/api/v1/diseases/", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_throttle_can_be_turned_off(client, settings, alps):
    settings.API_ANON_RATE = None
    assert {client.get("/api/v1/diseases/").status_code for _ in range(5)} == {200}
    assert throttle_keys() == []


# --- Conditional GET --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ENDPOINTS)
def test_responses_carry_an_etag_and_conditional_gets_answer_304(client, alps, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_etag_changes_when_the_data_does(client, alps):
    etag = client.get("/api/v1/diseases/alps/")["ETag"]
    alps.name = "ALPS (renamed)"
    alps.save(update_fields=["name"])
    response = client.get("/api/v1/diseases/alps/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_head_answers_like_get_without_a_body(client, alps):
    get = client.get("/api/v1/diseases/alps/")
    head = client.head("/api/v1/diseases/alps/")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head.content == b""


def test_errors_carry_no_etag(client):
    assert not client.get("/api/v1/diseases/missing/").has_header("ETag")


# --- CORS -------------------------------------------------------------------------------------------


def test_get_is_allowed_from_any_origin_without_credentials(client, alps):
    response = client.get("/api/v1/diseases/", headers={"Origin": "https://clinic.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.has_header("Access-Control-Allow-Credentials")
    exposed = {name.strip() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"ETag", "Retry-After", "X-Request-ID"} <= exposed
    assert response["X-Request-ID"]
    assert "Origin" in response["Vary"]


def test_preflight_allows_reading_methods_only(client):
    response = client.options(
        "/api/v1/diseases/",
        headers={"Origin": "https://clinic.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_cors_is_only_for_the_api(client, alps):
    response = client.get(alps.get_absolute_url(), headers={"Origin": "https://clinic.example"})
    assert response.status_code == 200
    assert not response.has_header("Access-Control-Allow-Origin")


# --- Read-only, JSON errors -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "url", ["/api/v1/diseases/", "/api/v1/diseases/alps/", "/api/v1/phenotypes/HP:0001744/"]
)
def test_writes_are_refused_with_405(client, alps, method, url):
    response = getattr(client, method)(url, data={"name": "changed"}, content_type="application/json")
    assert response.status_code == 405
    assert response.json()["detail"].startswith("Method")
    alps.refresh_from_db()
    assert alps.name == "Autoimmune lymphoproliferative syndrome"


@pytest.mark.parametrize(
    "url", ["/api/v1/nothing/", "/api/v2/diseases/", "/api/v1/diseases/a/b/", "/api/v1/phenotypes/HP%0A1/"]
)
def test_unknown_api_addresses_are_a_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no API endpoint at this address."}


def test_a_missing_trailing_slash_redirects_to_the_endpoint(client):
    response = client.get("/api/v1/diseases")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/diseases/"
