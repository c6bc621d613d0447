import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_docs_render_the_schema_with_nothing_loaded_from_other_hosts(live_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(live_server.url + "/api/docs/")

    assert page.locator(".swagger-ui .info .title").inner_text().startswith("Rare Disease Portal API")
    page.locator(".opblock-summary-path", has_text="/api/v1/diseases/{slug}/").first.wait_for()
    assert live_server.url + "/api/schema/" in requested
    foreign = [url for url in requested if not url.startswith((live_server.url, "data:"))]
    assert foreign == []
