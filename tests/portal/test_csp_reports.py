"""Browsers' CSP violation reports are logged, without queries or link tokens, and limited in rate and size."""

import json
import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

REPORT = {
    "csp-report": {
        "document-uri": "https://example.org/search/?q=my+daughter",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js?id=1",
        "source-file": "https://example.org/search/",
        "line-number": 12,
    }
}


def post(client, payload, content_type="application/csp-report"):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return client.post("/csp-report/", data=body, content_type=content_type)


def test_a_report_is_logged_without_the_query(client, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        assert post(client, REPORT).status_code == 204
    [record] = [r for r in caplog.records if r.name == "portal.csp"]
    assert record.directive == "script-src-elem"
    assert record.blocked == "https://evil.example/x.js"
    assert record.document == "https://example.org/search/"
    assert "daughter" not in record.getMessage() and "id=1" not in record.getMessage()


def test_a_reporting_api_report_is_logged_with_link_tokens_blanked(client, caplog):
    token = "MTIz:1tUvWx:abcdefghijklmnopqrstuvwxyz0123456789"
    reports = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": f"https://example.org/support/withdraw/{token}/",
                "effectiveDirective": "img-src",
                "blockedURL": "inline",
            },
        }
    ]
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        assert post(client, reports, "application/reports+json").status_code == 204
    [record] = [r for r in caplog.records if r.name == "portal.csp"]
    assert record.document == "https://example.org/support/withdraw/[token]/"
    assert token not in record.getMessage()


def test_an_oversized_report_gets_413(client, settings):
    settings.CSP_REPORT_MAX_BYTES = 200
    huge = {"csp-report": {**REPORT["csp-report"], "script-sample": "x" * 500}}
    assert post(client, huge).status_code == 413


def test_something_that_is_not_a_report_gets_400(client):
    assert post(client, b"not json").status_code == 400
    assert post(client, {"hello": "world"}).status_code == 400


def test_reports_are_rate_limited_per_client(redis_cache, settings):
    settings.CSP_REPORT_RATE = "2/m"
    browser = Client()
    assert [post(browser, REPORT).status_code for _ in range(3)] == [204, 204, 429]


def test_only_post_is_accepted(client):
    assert client.get("/csp-report/").status_code == 405
