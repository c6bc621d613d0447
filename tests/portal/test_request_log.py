"""One JSON line per request, with its id (sent back as X-Request-ID), and no query values or tokens."""

import json
import logging

import pytest
from django.test import Client

from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [record for record in caplog.records if record.name == "portal.requests"]


def test_each_request_logs_one_line_with_its_id(client, caplog):
    DiseaseFactory(slug="alps")
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get("/search/?q=jane.doe%40example.org+my+son&kind=disease")
    [record] = request_records(caplog)
    assert response["X-Request-ID"] == record.request_id
    assert (record.method, record.path, record.status) == ("GET", "/search/", 200)
    assert record.query_keys == ["kind", "q"]
    assert record.duration_ms >= 0
    assert "jane" not in record.getMessage() and "son" not in record.getMessage()


def test_the_line_is_json_in_production_format(client, caplog, settings):
    from django.utils.module_loading import import_string

    options = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(options.pop("()"))(**options)
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        client.get("/about/")
    [record] = request_records(caplog)
    line = json.loads(formatter.format(record))
    assert (line["logger"], line["level"], line["path"], line["status"]) == (
        "portal.requests",
        "INFO",
        "/about/",
        200,
    )
    assert len(line["request_id"]) == 32 and line["duration_ms"] >= 0 and line["method"] == "GET"


def test_link_tokens_are_blanked_in_the_log(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        client.get("/support/withdraw/secret-token-value/")
    [record] = request_records(caplog)
    assert record.path == "/support/withdraw/[token]/"


def test_a_request_id_from_a_trusted_proxy_is_kept_and_otherwise_replaced(settings):
    offered = "edge-1234abcd"
    assert Client().get("/about/", headers={"X-Request-ID": offered})["X-Request-ID"] != offered
    settings.TRUSTED_PROXIES = 1
    assert Client().get("/about/", headers={"X-Request-ID": offered})["X-Request-ID"] == offered
    assert Client().get("/about/", headers={"X-Request-ID": "bad id\n"})["X-Request-ID"] != "bad id\n"


def test_a_link_token_is_blanked_even_when_the_request_is_answered_before_routing(client, caplog):
    from support.tokens import WITHDRAW, make_link_token

    token = make_link_token(WITHDRAW, "5f0c6a52-8d1e-4d43-9a53-6f1f0b0e9a11")
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        refused = client.post(
            f"/support/withdraw/{token}/",
            "a=1",
            content_type="application/x-www-form-urlencoded; charset=latin-1",
        )
        slashless = client.get(f"/support/withdraw/{token}")
    assert (refused.status_code, slashless.status_code) == (400, 301)
    paths = [record.path for record in request_records(caplog)]
    assert paths == ["/support/withdraw/[token]/", "/support/withdraw/[token]"]
    assert all(token not in record.getMessage() for record in caplog.records)


def test_static_files_and_the_favicon_get_no_line_but_pages_do(caplog, settings):
    settings.WHITENOISE_USE_FINDERS = True  # WhiteNoise serves them, as from a collected tree
    reader = Client()
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        style = reader.get("/static/css/site.css")
        icon = reader.get("/static/favicon.svg")
        reader.get("/static/no-such-file.css")
        reader.get("/favicon.ico")
        reader.get("/about/")
    assert style.status_code == icon.status_code == 200
    assert style["X-Request-ID"]  # still answered with its id
    assert [record.path for record in request_records(caplog)] == ["/about/"]


def test_a_static_file_that_fails_still_gets_its_line():
    from django.http import HttpResponse
    from django.test import RequestFactory

    from portal.middleware import _is_quiet

    request = RequestFactory().get("/static/css/site.css")
    assert _is_quiet(request, HttpResponse(status=304))
    assert not _is_quiet(request, HttpResponse(status=500))
    assert not _is_quiet(RequestFactory().get("/statically-named-page/"), HttpResponse())
