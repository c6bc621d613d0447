"""What a page carries when shared or read by a search engine: description, canonical address, cards,
schema.org data, and the sitemap and robots.txt that lead to every page."""

import json
import re
from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from diseases.models import Annotation, DataRelease, Disease, DiseaseGene
from diseases.sitemaps import DiseaseSitemap
from tests.checkers import SchemaOrg
from tests.factories import (
    AnnotationFactory,
    DataReleaseFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    DiseaseSynonymFactory,
    ExternalIdentifierFactory,
    GeneFactory,
    PhenotypeFactory,
)

pytestmark = pytest.mark.django_db
SITE = "https://portal.example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def alps():
    disease = DiseaseFactory(
        name="Autoimmune lymphoproliferative syndrome",
        slug="alps",
        summary="ALPS is a rare condition of the **immune system**.[1] It makes lymph nodes & the spleen grow.",
        treatment="Treatment aims to control the immune system.[2]",
    )
    DiseaseSynonymFactory(disease=disease, name="Canale-Smith syndrome")
    ExternalIdentifierFactory(disease=disease, source="ORPHA", code="3261")
    ExternalIdentifierFactory(disease=disease, source="OMIM", code="601859")
    AnnotationFactory(
        disease=disease, phenotype=PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly"), band=1
    )
    AnnotationFactory(disease=disease, phenotype__name="Not a sign here", is_excluded=True)
    return disease


def head_of(response):
    html = response.content.decode()
    return html[: html.index("</head>")]


def structured_data(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_the_description_is_the_summary_in_plain_words(client, alps):
    head = head_of(client.get(alps.get_absolute_url()))
    assert (
        '<meta name="description" content="ALPS is a rare condition of the immune system. '
        'It makes lymph nodes &amp; the spleen grow.">' in head
    )


def test_without_a_summary_the_description_is_the_definition_cut_at_a_word(client):
    disease = DiseaseFactory(summary="")
    DiseaseDefinitionFactory(disease=disease, text="A rare disorder " + "with many features " * 20)
    description = re.search(
        r'<meta name="description" content="([^"]*)">', head_of(client.get(disease.get_absolute_url()))
    )
    assert description.group(1).startswith("A rare disorder with many features")
    assert len(description.group(1)) <= 160 and description.group(1).endswith("…")


def test_the_page_names_its_canonical_address_and_cards_at_the_public_address(client, alps):
    head = head_of(client.get(alps.get_absolute_url() + "?utm_source=chat"))
    assert f'<link rel="canonical" href="{SITE}/diseases/alps/">' in head
    assert f'<meta property="og:url" content="{SITE}/diseases/alps/">' in head
    assert '<meta property="og:title" content="Autoimmune lymphoproliferative syndrome">' in head
    assert '<meta property="og:type" content="article">' in head
    assert '<meta name="twitter:card" content="summary">' in head
    assert '<meta name="twitter:title" content="Autoimmune lymphoproliferative syndrome">' in head
    assert '<meta property="og:description" content="ALPS is a rare condition' in head


def test_other_pages_have_a_canonical_address_without_their_query(client):
    head = head_of(client.get(reverse("about_data"), {"x": "1"}))
    assert f'<link rel="canonical" href="{SITE}/about/data/">' in head
    assert f'<meta property="og:url" content="{SITE}/about/data/">' in head


def test_the_structured_data_is_a_medical_condition_with_names_codes_and_symptoms(client, alps):
    data = structured_data(client.get(alps.get_absolute_url()))
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalCondition"
    assert data["name"] == "Autoimmune lymphoproliferative syndrome"
    assert data["alternateName"] == ["Canale-Smith syndrome"]
    assert data["url"] == f"{SITE}/diseases/alps/"
    assert {"@type": "MedicalCode", "codeValue": "3261", "codingSystem": "ORPHA"} in data["code"]
    assert {"@type": "MedicalCode", "codeValue": "601859", "codingSystem": "OMIM"} in data["code"]
    assert data["signOrSymptom"] == [
        {
            "@type": "MedicalSignOrSymptom",
            "name": "Splenomegaly",
            "code": {"@type": "MedicalCode", "codeValue": "HP:0001744", "codingSystem": "HPO"},
        }
    ]
    assert data["possibleTreatment"]["description"] == "Treatment aims to control the immune system."


def test_possible_treatment_appears_only_where_editors_wrote_one(client):
    disease = DiseaseFactory(treatment="")
    assert "possibleTreatment" not in structured_data(client.get(disease.get_absolute_url()))


def test_the_structured_data_is_valid_by_the_schema_org_vocabulary(client, alps):
    vocabulary = SchemaOrg()
    data = structured_data(client.get(alps.get_absolute_url()))
    assert vocabulary.problems(data) == []
    # The checker is real: a misspelt property and a value of the wrong type are caught.
    broken = {**data, "signsOrSymptoms": "x", "possibleTreatment": {"@type": "Drug"}}
    assert sorted(vocabulary.problems(broken)) == [
        "$.possibleTreatment[0]: ['Drug'] is not in the range ['MedicalTherapy']",
        "$.signsOrSymptoms: not a schema.org property",
    ]


def test_names_cannot_close_the_structured_data_script(client):
    disease = DiseaseFactory(name="Bad </script><script>alert(1)</script> name")
    html = client.get(disease.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and json.loads(block)["name"] == disease.name


def test_drafts_previewed_by_staff_carry_no_structured_data(admin_client):
    disease = DiseaseFactory(status=Disease.Status.DRAFT)
    assert "application/ld+json" not in admin_client.get(disease.get_absolute_url()).content.decode()


# --- The sitemap ---------------------------------------------------------------------------------------


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
    assert "http://testserver/" in pages


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


def test_robots_txt_points_to_the_sitemap_at_the_public_address(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /diseases/" not in lines
