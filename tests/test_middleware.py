import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/diseases/?q=%00abc",
        "/symptoms/HP:00%0017/",
        "/support/connect/?disease=%00",
        "/search/?q=ab%00c",
        "/diseases/%00/",
    ],
)
def test_a_nul_character_in_the_address_gets_a_clear_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "character we cannot use" in response.content.decode()


def test_a_nul_character_in_an_api_query_gets_json(client):
    response = client.get("/api/v1/diseases/?search=%00")
    assert response.status_code == 400
    assert "NUL character" in response.json()["detail"]


def test_a_nul_character_in_a_posted_form_gets_a_clear_400(client):
    response = client.post("/support/connect/", {"parent_name": "A\x00B"})
    assert response.status_code == 400


def test_ordinary_requests_pass_through(client):
    assert client.get("/diseases/?q=alport").status_code == 200
