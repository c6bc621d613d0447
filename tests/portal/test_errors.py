"""Faults and bad input get a clean answer: our pages, JSON under /api/, 400 for other charsets, 503 for outages."""

import logging

import pytest
from django.test import Client

from tests.factories import DiseaseFactory
from tests.helpers import unreachable_redis_caches

pytestmark = pytest.mark.django_db

FORM_PAGES = ["/", "/admin/login/", "/search/", "/support/connect/"]
OTHER_CHARSETS = ["latin-1", "utf-16", "ISO-8859-1", '"windows-1252"']


@pytest.fixture
def faults(settings):
    settings.ROOT_URLCONF = "tests.portal.fault_urls"
    return Client(raise_request_exception=False)


def csrf_client():
    """A browser that has a CSRF cookie and sends its token, as the outside test did."""
    browser = Client(enforce_csrf_checks=True)
    browser.get("/support/connect/")
    return browser, browser.cookies["csrftoken"].value


@pytest.mark.parametrize("path", FORM_PAGES)
@pytest.mark.parametrize("charset", OTHER_CHARSETS)
def test_a_form_body_in_another_charset_gets_400_with_a_message(path, charset):
    browser, token = csrf_client()
    response = browser.post(
        path,
        data=f"csrfmiddlewaretoken={token}&q=caf%E9",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "send the request body in UTF-8" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("path", FORM_PAGES)
def test_the_same_form_in_utf8_is_not_refused(path):
    browser, token = csrf_client()
    response = browser.post(
        path,
        data=f"csrfmiddlewaretoken={token}&q=caf%C3%A9",
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    # Each page answers its own way (a form with errors, a redirect, 405), never with the charset refusal.
    assert response.status_code < 500
    assert "send the request body in UTF-8" not in response.content.decode()


def test_json_in_another_charset_gets_a_json_400_under_the_api():
    response = Client().post("/api/v1/diseases/", data=b"{}", content_type="application/json; charset=utf-16")
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]


def test_an_unknown_page_gets_our_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_an_unknown_api_address_gets_json_404(client):
    response = client.get("/api/v2/")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no API endpoint at this address."}


def test_a_bug_gets_our_500_page_and_json_under_the_api(faults):
    page = faults.get("/boom/")
    assert page.status_code == 500
    assert "Sorry, something went wrong on our side" in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    api = faults.get("/api/boom/")
    assert api.status_code == 500
    assert api.json()["detail"].startswith("Something went wrong")


def test_a_database_outage_gets_503_with_retry_after(faults, settings):
    settings.DATABASE_OUTAGE_RETRY_AFTER = 45
    page = faults.get("/db-gone/")
    assert page.status_code == 503
    assert page["Retry-After"] == "45"
    assert "briefly unavailable" in page.content.decode()
    api = faults.get("/api/db-gone/")
    assert (api.status_code, api["Retry-After"]) == (503, "45")
    assert "unavailable" in api.json()["detail"]


def test_error_pages_render_without_the_database(faults, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert faults.get("/boom/").status_code == 500
        assert faults.get("/db-gone/").status_code == 503


def test_a_form_without_its_csrf_token_gets_a_page_that_says_what_to_do():
    response = Client(enforce_csrf_checks=True).post("/support/connect/", data={"parent_name": "x"})
    assert response.status_code == 403
    assert "Please send the form again" in response.content.decode()


# --- The API with the cache down -------------------------------------------------------------


def test_the_api_answers_200_with_the_cache_down_and_warns_once(settings, caplog, cache_outage_log):
    DiseaseFactory(slug="alps")
    settings.CACHES = unreachable_redis_caches()
    settings.API_ANON_RATE = "1/min"  # would refuse the second request if the cache answered
    with caplog.at_level(logging.WARNING):
        statuses = [Client().get(url).status_code for url in ["/api/v1/diseases/", "/api/schema/"] * 2]
    assert statuses == [200, 200, 200, 200]
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(warnings) == 1  # one line for the outage, not one per request, and no traceback
    assert warnings[0].name == "portal.cache" and warnings[0].exc_info is None
    assert "The cache is unreachable (ConnectionError)" in warnings[0].getMessage()


def test_the_api_throttle_counts_in_redis_when_it_is_up(redis_cache, settings):
    DiseaseFactory(slug="alps")
    settings.API_ANON_RATE = "2/min"
    statuses = [Client().get("/api/v1/diseases/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_pages_keep_working_with_the_cache_down(settings):
    DiseaseFactory(slug="alps", name="Autoimmune lymphoproliferative syndrome")
    settings.CACHES = unreachable_redis_caches()
    response = Client().get("/diseases/alps/")
    assert response.status_code == 200
    assert "Autoimmune lymphoproliferative syndrome" in response.content.decode()


@pytest.mark.parametrize("path", FORM_PAGES)
def test_a_body_django_cannot_parse_gets_our_400_page(path):
    """A multipart body without a boundary passes the charset guard; Django's parser refuses it."""
    browser, token = csrf_client()
    response = browser.post(
        path, data=b"csrfmiddlewaretoken=" + token.encode(), content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert "We could not read that request" in response.content.decode()
