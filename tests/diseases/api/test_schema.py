import json
import re

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_is_generated_and_validated_without_warnings(tmp_path):
    # --fail-on-warn turns any warning or error into a failure; --validate checks it against OpenAPI 3.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert yaml.safe_load((tmp_path / "schema.yaml").read_text())["openapi"].startswith("3.")


def test_schema_lists_every_endpoint_under_v1(schema):
    assert sorted(schema["paths"]) == [
        "/api/v1/compare/",
        "/api/v1/diseases/",
        "/api/v1/diseases/{slug}/",
        "/api/v1/genes/",
        "/api/v1/genes/{symbol}/",
        "/api/v1/match/",
        "/api/v1/phenotypes/",
        "/api/v1/phenotypes/{hpo_id}/",
        "/api/v1/search/",
    ]


def test_every_operation_parameter_and_response_is_described(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation["summary"].strip(), where
            assert operation["description"].strip(), where
            for parameter in operation.get("parameters", []):
                assert parameter.get("description", "").strip(), f"{where} ?{parameter['name']}"
            for status, response in operation["responses"].items():
                assert response["description"].strip(), f"{where} {status}"
            assert {"200", "400", "429"} <= set(operation["responses"]), where


def test_every_list_declares_its_filters_and_bounded_pagination(schema):
    def parameters(path):
        return {p["name"]: p["schema"] for p in schema["paths"][path]["get"]["parameters"]}

    diseases = parameters("/api/v1/diseases/")
    assert set(diseases) == {
        "search",
        "category",
        "letter",
        "identifier",
        "gene",
        "inheritance",
        "page",
        "page_size",
    }
    assert diseases["page_size"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert "0-9" in diseases["letter"]["enum"]
    assert set(parameters("/api/v1/phenotypes/")) == {"search", "page", "page_size"}


def test_schema_is_served_as_openapi_3(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["openapi"].startswith("3.")
    as_json = client.get("/api/schema/", headers={"Accept": "application/json"})
    assert "/api/v1/diseases/" in json.loads(as_json.content)["paths"]


def test_schema_answers_304_when_the_client_has_it(client):
    etag = client.get("/api/schema/")["ETag"]
    assert client.get("/api/schema/", headers={"If-None-Match": etag}).status_code == 304


def test_docs_page_loads_its_assets_from_this_site_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "://" not in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    # The start-up script is served by the docs view itself (drf-spectacular's split view), not inline.
    script = "/api/docs/?script="
    assert script in assets and "<style" not in html and "<script>" not in html
    for asset in set(assets) - {script}:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
    start_up = client.get(script)
    assert start_up["Content-Type"].startswith("application/javascript")
    assert '"validatorUrl": null' in start_up.content.decode()
