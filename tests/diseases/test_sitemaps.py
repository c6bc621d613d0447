"""What a page carries when shared or read by a search engine: description, canonical address, cards,
schema.org data, and the sitemap and robots.txt that lead to every page."""

from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest

from diseases.models import Annotation, DataRelease, Disease, DiseaseGene
from diseases.sitemaps import DiseaseSitemap
from tests.factories import (
    AnnotationFactory,
    DataReleaseFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    GeneFactory,
    PhenotypeFactory,
)

pytestmark = pytest.mark.django_db


SITE = "https://portal.example.org"


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def urls_and_dates(response):
    tree = ElementTree.fromstring(response.content)
    return {element.findtext(f"{SITEMAP}loc"): element.findtext(f"{SITEMAP}lastmod") for element in tree}


def test_the_sitemap_is_an_index_of_sections_that_cover_every_page(client, monkeypatch):
    monkeypatch.setattr(DiseaseSitemap, "limit", 2)
    diseases = [DiseaseFactory(name=f"Disease {index}") for index in range(5)]
    DiseaseFactory(name="Hidden draft", status=Disease.Status.DRAFT)
    index = urls_and_dates(client.get("/sitemap.xml"))
    sections = sorted(url.removeprefix("http://testserver") for url in index)
    assert sections == [
        "/sitemap-diseases.xml",
        "/sitemap-diseases.xml?p=2",
        "/sitemap-diseases.xml?p=3",
        "/sitemap-genes.xml",
        "/sitemap-pages.xml",
        "/sitemap-symptoms.xml",
    ]
    listed = set()
    for page in (1, 2, 3):
        listed |= set(urls_and_dates(client.get("/sitemap-diseases.xml", {"p": page})))
    assert listed == {f"http://testserver{disease.get_absolute_url()}" for disease in diseases}


def test_a_disease_lastmod_is_when_its_page_changed_not_when_the_import_ran(client):
    disease = DiseaseFactory()
    Disease.objects.filter(pk=disease.pk).update(page_changed_at=datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC))
    DataReleaseFactory(source=DataRelease.Source.HPO, loaded_at=datetime(2025, 1, 2, tzinfo=UTC))
    assert urls_and_dates(client.get("/sitemap-diseases.xml")) == {
        f"http://testserver{disease.get_absolute_url()}": "2024-05-06"
    }


def test_symptom_and_gene_pages_date_from_the_newest_page_they_list(client):
    older, newer, draft = DiseaseFactory(), DiseaseFactory(), DiseaseFactory(status=Disease.Status.DRAFT)
    spleen = PhenotypeFactory(hpo_id="HP:0001744")
    gene = GeneFactory(symbol="FAS")
    for disease in (older, newer, draft):
        AnnotationFactory(disease=disease, phenotype=spleen)
        DiseaseGeneFactory(disease=disease, gene=gene)
    AnnotationFactory(disease=older, phenotype__hpo_id="HP:0000999", is_hidden=True)
    AnnotationFactory(disease=older, phenotype__hpo_id="HP:0000998", is_excluded=True)
    dates = {older: datetime(2024, 1, 1, tzinfo=UTC), newer: datetime(2024, 6, 1, tzinfo=UTC)}
    dates[draft] = datetime(2025, 1, 1, tzinfo=UTC)
    for disease, changed in dates.items():
        Disease.objects.filter(pk=disease.pk).update(page_changed_at=changed)
    assert urls_and_dates(client.get("/sitemap-symptoms.xml")) == {
        "http://testserver/symptoms/HP:0001744/": "2024-06-01"
    }
    assert urls_and_dates(client.get("/sitemap-genes.xml")) == {"http://testserver/genes/FAS/": "2024-06-01"}
    index = urls_and_dates(client.get("/sitemap.xml"))
    assert index["http://testserver/sitemap-symptoms.xml"].startswith("2024-06-01")


def test_the_pages_section_lists_the_ways_in_and_dates_the_data_page(client):
    DiseaseFactory(name="Alport syndrome")
    DataReleaseFactory(source=DataRelease.Source.HPO, loaded_at=datetime(2025, 1, 2, tzinfo=UTC))
    pages = urls_and_dates(client.get("/sitemap-pages.xml"))
    assert pages["http://testserver/diseases/?letter=A"] is None
    assert "http://testserver/diseases/?letter=B" not in pages
    assert pages["http://testserver/about/data/"] == "2025-01-02"
    assert "http://testserver/" in pages and "http://testserver/glossary/" in pages


@pytest.mark.parametrize("count", [3, 60])
def test_sitemap_sections_take_the_same_queries_however_many_pages(
    client, django_assert_num_queries, count, no_page_cache
):
    for _ in range(count):
        disease = DiseaseFactory()
        AnnotationFactory(disease=disease)
        DiseaseGeneFactory(disease=disease)
    for section in ("diseases", "symptoms", "genes"):
        # The count for the paginator and the page of rows.
        with django_assert_num_queries(2):
            response = client.get(f"/sitemap-{section}.xml")
        assert len(urls_and_dates(response)) == count
    # Per section, its newest date and its number of pages; the pages section reads the letters and
    # categories to count its addresses.
    with django_assert_num_queries(4 * 2 + 2):
        client.get("/sitemap.xml")
    assert Annotation.objects.count() == DiseaseGene.objects.count() == count
