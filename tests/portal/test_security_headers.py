"""Security headers on every answer, scored against the Mozilla HTTP Observatory's published rules."""

import re

import pytest

from tests.factories import DiseaseFactory
from tests.observatory import parse_csp, scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def disease():
    return DiseaseFactory(slug="alps", name="Autoimmune lymphoproliferative syndrome")


@pytest.fixture
def production_redirects(settings):
    """Production sends plain HTTP to HTTPS; the test profile turns that off for the test client."""
    settings.SECURE_SSL_REDIRECT = True


def test_the_csp_is_strict_on_pages(client, disease):
    response = client.get("/diseases/alps/")
    assert (
        response.status_code == 200 and "Autoimmune lymphoproliferative syndrome" in response.content.decode()
    )
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["report-uri"] == ["/csp-report/"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path", ["/", "/diseases/alps/", "/no-such-page/", "/api/v1/diseases/", "/admin/login/"]
)
def test_every_answer_carries_the_headers(client, disease, path):
    response = client.get(path)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_permissions_policy_turns_off_what_the_site_never_uses(client, disease):
    features = dict(
        part.strip().split("=", 1) for part in client.get("/diseases/alps/")["Permissions-Policy"].split(",")
    )
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "fullscreen"]:
        assert features[feature] == "()"


def test_the_api_docs_policy_lets_swagger_draw_its_icons_and_nothing_inline(client):
    policy = parse_csp(client.get("/api/docs/")["Content-Security-Policy"])
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["default-src"] == ["'self'"] and "script-src" not in policy and "style-src" not in policy


def test_public_pages_have_no_inline_script_or_style(client, disease):
    for path in ["/", "/diseases/alps/", "/search/?q=alps", "/support/connect/", "/no-such-page/"]:
        html = client.get(path).content.decode()
        assert "<script>" not in html and "<style" not in html and " style=" not in html, path
        assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), path  # no onclick= and the like


def test_the_disease_page_scores_a_plus_on_the_observatory_rules(client, disease, production_redirects):
    report = scan(client, "/diseases/alps/")
    outcomes = {result.test: result.outcome for result in report.results}
    assert outcomes == {
        "csp": "csp-implemented-with-no-unsafe",
        "cookies": "cookies-not-found",
        "cors": "cross-origin-resource-sharing-not-implemented",
        "redirection": "redirection-to-https",
        "referrer-policy": "referrer-policy-private",
        "hsts": "hsts-implemented-max-age-at-least-six-months",
        "sri": "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        "x-content-type-options": "x-content-type-options-nosniff",
        "x-frame-options": "x-frame-options-implemented-via-csp",
        "corp": "corp-implemented-with-same-origin",
    }
    assert (report.score, report.grade) == (115, "A+")


def test_the_form_page_with_its_cookie_scores_a_plus_too(client, disease, production_redirects):
    report = scan(client, "/support/connect/?disease=alps")
    assert report.outcome("cookies") == "cookies-secure-with-httponly-sessions-and-samesite"
    assert (report.score, report.grade) == (120, "A+")


def test_the_scorer_marks_a_site_without_headers_down(client, disease, settings):
    """The scorer itself: with our headers removed, the same page falls to an F."""
    settings.MIDDLEWARE = [
        m
        for m in settings.MIDDLEWARE
        if m.rsplit(".", 1)[-1]
        not in {
            "SecurityMiddleware",
            "CSPMiddleware",
            "XFrameOptionsMiddleware",
            "CrossOriginResourcePolicyMiddleware",
        }
    ]
    report = scan(client, "/diseases/alps/")
    assert report.outcome("csp") == "csp-not-implemented"
    assert report.grade == "F"
