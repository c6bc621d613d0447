"""Where imported data is shown, the HPO release it came from is named; /about/data/ credits the sources."""

import pytest
from django.utils import timezone

from diseases.models import DataRelease
from tests.factories import DiseaseFactory, disease_with_symptoms

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases():
    now = timezone.now()
    return [
        DataRelease.objects.create(
            source=source, version=version, file_name=name, checksum="a" * 64, loaded_at=now
        )
        for source, version, name in [
            ("hpo", "2025-01-16", "hp.obo"),
            ("hpoa", "2025-01-16", "phenotype.hpoa"),
            ("gard", "0.0.3", "diseases.trimmed.json"),
        ]
    ]


def test_a_disease_page_with_symptoms_names_the_hpo_release(client, releases):
    html = client.get(disease_with_symptoms(3).get_absolute_url()).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Symptoms from the Human Phenotype Ontology, HPO release 2025-01-16." in html
    assert "(HPO release 2025-01-16)" in footer


def test_a_disease_page_without_symptoms_does_not_name_a_release(client, releases):
    disease = DiseaseFactory(name="Quiet syndrome")
    response = client.get(disease.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and '<h1 id="disease-name">Quiet syndrome</h1>' in html
    assert "Our sources do not list the symptoms of this disease yet." in html
    assert "HPO release" not in html


def test_every_page_links_to_the_data_sources(client):
    html = client.get("/").content.decode()
    assert 'href="/about/data/"' in html[html.index('<footer class="site-footer">') :]


def test_about_data_lists_the_loaded_releases(client, releases):
    html = client.get("/about/data/").content.decode()
    assert "HPO release 2025-01-16" in html
    assert "Annotations release 2025-01-16" in html
    assert "Package version 0.0.3" in html
    assert "diseases.trimmed.json" in html


def test_about_data_gives_the_hpo_citation_and_licence_and_gards_public_domain_notice(client):
    html = client.get("/about/data/").content.decode()
    assert "https://hpo.jax.org/license" in html
    assert "The Human Phenotype Ontology in 2024: phenotypes around" in html
    assert "https://pubmed.ncbi.nlm.nih.gov/37953324/" in html
    assert "public domain" in html and "NCATS" in html
    assert "not medical advice" in html


def test_about_data_says_when_nothing_is_loaded_yet(client):
    assert "No data has been imported on this server yet." in client.get("/about/data/").content.decode()
