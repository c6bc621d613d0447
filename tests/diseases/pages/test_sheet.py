"""The printable sheet of a disease, /diseases/<slug>/sheet/, and the short address printed on it."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from diseases.models import Annotation, DataRelease, Disease, DiseaseCharacteristic, DiseaseRedirect, Resource
from diseases.pages.sheet import SHEET_SYMPTOMS, qr_code_svg
from tests.factories import (
    AnnotationFactory,
    DataReleaseFactory,
    DiseaseCharacteristicFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    DiseaseSynonymFactory,
    GeneFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
    ResourceFactory,
    disease_with_everything,
)

pytestmark = pytest.mark.django_db


def sheet_url(disease):
    return reverse("diseases:sheet", kwargs={"slug": disease.slug})


@pytest.fixture
def alps():
    disease = DiseaseFactory(
        name="Autoimmune lymphoproliferative syndrome",
        slug="autoimmune-lymphoproliferative-syndrome",
        summary="ALPS is a rare condition of the immune system.[1] Lymph nodes and the spleen grow large.",
    )
    DiseaseSynonymFactory(disease=disease, name="ALPS")
    DiseaseSynonymFactory(disease=disease, name="Canale-Smith syndrome")
    spleen = PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly")
    PhenotypeSynonymFactory(phenotype=spleen, name="big spleen")
    AnnotationFactory(disease=disease, phenotype=spleen, band=Annotation.Band.VERY_FREQUENT)
    AnnotationFactory(disease=disease, phenotype__name="Hypersplenism", band=Annotation.Band.FREQUENT)
    AnnotationFactory(disease=disease, phenotype__name="Not seen sign", is_excluded=True)
    DiseaseGeneFactory(
        disease=disease, gene=GeneFactory(symbol="FAS", name="Fas cell surface death receptor")
    )
    inheritance = PhenotypeFactory(hpo_id="HP:0000006", name="Autosomal dominant inheritance")
    DiseaseCharacteristicFactory(disease=disease, phenotype=inheritance)
    DiseaseCharacteristicFactory(
        disease=disease, kind=DiseaseCharacteristic.Kind.ONSET, phenotype__name="Childhood onset"
    )
    ResourceFactory(disease=disease, title="ALPS Families Network", url="https://example.org/alps-families")
    ResourceFactory(disease=disease, section=Resource.Section.RESEARCH, title="A trial registry")
    DataReleaseFactory(source=DataRelease.Source.HPO, version="2025-01-16")
    Disease.objects.filter(pk=disease.pk).update(
        page_changed_at=datetime(2025, 3, 4, 5, 6, 7, 891011, tzinfo=UTC)
    )
    return disease


def test_the_sheet_shows_what_a_doctor_or_school_needs(client, settings, alps):
    settings.SITE_URL = "https://portal.example.org"
    response = client.get(sheet_url(alps))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="sheet-name">Autoimmune lymphoproliferative syndrome</h1>' in html
    assert "Also called:</span> ALPS; Canale-Smith syndrome." in html
    # The summary in plain words, without its citation markers.
    assert "ALPS is a rare condition of the immune system. Lymph nodes" in html and "[1]" not in html
    # Everyday name first, then the medical term and the band; "not a feature" rows are not symptoms.
    assert re.search(r"<th scope=\"row\">Big spleen</th><td>Splenomegaly</td><td>80–99%</td>", html)
    assert "Hypersplenism" in html and "Not seen sign" not in html
    assert "FAS (Fas cell surface death receptor)" in html
    assert "<strong>Autosomal dominant inheritance</strong>: One changed copy of the gene" in html
    assert "Childhood onset" in html
    # Support organisations only, with their address written out for paper.
    assert 'ALPS Families Network</strong>: <a href="https://example.org/alps-families"' in html
    assert "A trial registry" not in html
    assert f"portal.example.org/d/{alps.pk}/" in html
    assert '<time datetime="2025-03-04T05:06:07+0000">4 March 2025</time>' in html
    assert "Human Phenotype Ontology, HPO release 2025-01-16" in html
    assert "not medical advice" in html


def test_the_qr_code_is_inline_svg_of_the_page_address_without_style_attributes(client, settings, alps):
    settings.SITE_URL = "https://portal.example.org"
    html = client.get(sheet_url(alps)).content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    # The same URL encoded the same way gives the same modules: the code is the page's full address.
    assert svg == str(qr_code_svg(f"https://portal.example.org{alps.get_absolute_url()}"))
    assert svg != str(qr_code_svg("https://portal.example.org/"))
    assert "<path" in svg and "style" not in svg and "<script" not in svg


def test_a_long_table_shows_the_most_frequent_symptoms_and_says_how_many_in_all(client):
    disease = DiseaseFactory()
    for index in range(60):
        band = Annotation.Band.VERY_FREQUENT if index < 10 else Annotation.Band.OCCASIONAL
        AnnotationFactory(disease=disease, band=band, phenotype__name=f"Finding {index:02d}")
    response = client.get(sheet_url(disease))
    sheet = response.context["sheet"]
    assert len(sheet.symptoms) == SHEET_SYMPTOMS and sheet.symptom_total == 60
    assert [symptom.band_label for symptom in sheet.symptoms[:10]] == ["80–99%"] * 10
    html = response.content.decode()
    assert f"The {SHEET_SYMPTOMS} most frequent symptoms" in html and "The full page lists 60 in all." in html


def test_without_a_summary_the_sheet_gives_the_definition_with_its_source(client):
    disease = DiseaseFactory(summary="")
    DiseaseDefinitionFactory(disease=disease, text="A disorder defined for the test.")
    html = client.get(sheet_url(disease)).content.decode()
    assert (
        "A disorder defined for the test." in html
        and "Medical definition from the Mondo Disease Ontology" in html
    )


@pytest.mark.parametrize("count", [3, 300])
def test_the_sheet_takes_the_same_queries_for_3_or_300_symptoms(
    client, django_assert_num_queries, count, no_page_cache
):
    disease = disease_with_everything(count)
    # The disease, 7 prefetches (symptom rows, everyday names, other names, definitions, genes,
    # inheritance and onset, organisations), the data releases, and what its types record: the types
    # two levels down and their names, their symptom rows, genes and inheritance, and the terms shown.
    with django_assert_num_queries(17):
        response = client.get(sheet_url(disease))
    sheet = response.context["sheet"]
    assert sheet.symptom_total == count and sheet.from_types.type_count == 3 * count


def test_the_disease_page_links_to_its_sheet(client, alps):
    html = client.get(alps.get_absolute_url()).content.decode()
    assert f'href="{sheet_url(alps)}">Print a one-page sheet</a>' in html


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_an_unpublished_disease_has_no_sheet_and_no_short_address(client, status):
    disease = DiseaseFactory(status=status)
    assert client.get(sheet_url(disease)).status_code == 404
    assert client.get(reverse("diseases:short", kwargs={"pk": disease.pk})).status_code == 404


def test_the_short_address_leads_to_the_page(client, alps):
    response = client.get(f"/d/{alps.pk}/")
    assert response.status_code == 302 and response["Location"] == alps.get_absolute_url()
    assert client.get("/d/999999/").status_code == 404


def test_the_short_address_of_a_merged_page_leads_to_the_page_it_joined(client, alps):
    DiseaseRedirect.objects.create(slug="canale-smith-syndrome", disease=alps, merged_id=alps.pk + 1000)
    response = client.get(f"/d/{alps.pk + 1000}/")
    assert response.status_code == 302 and response["Location"] == alps.get_absolute_url()
    Disease.objects.filter(pk=alps.pk).update(status=Disease.Status.DRAFT)
    assert client.get(f"/d/{alps.pk + 1000}/").status_code == 404
    assert client.get(f"/d/{10**30}/").status_code == 404  # past any id column: a 404, not an error


def test_a_merged_page_address_redirects_to_the_sheet_of_the_page_it_joined(client, alps):
    DiseaseRedirect.objects.create(slug="canale-smith-syndrome", disease=alps)
    response = client.get("/diseases/canale-smith-syndrome/sheet/")
    assert response.status_code == 301 and response["Location"] == sheet_url(alps)


def test_a_group_without_symptoms_of_its_own_prints_its_types_and_says_so(client):
    group = DiseaseFactory(name="Group syndrome", summary="")
    seizure = PhenotypeFactory(name="Seizure")
    for number in (1, 2):
        type_ = DiseaseFactory(name=f"Group syndrome type {number}")
        type_.parents.add(group)
        AnnotationFactory(disease=type_, phenotype=seizure)
    html = client.get(sheet_url(group)).content.decode()
    assert "No symptoms are recorded for Group syndrome itself" in html
    assert '<th scope="row">Seizure</th><td></td><td>2 of 2</td>' in html


def description_of(html):
    return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)


def test_the_sheet_description_names_what_it_holds(client, alps):
    assert description_of(client.get(sheet_url(alps)).content.decode()) == (
        "A sheet about Autoimmune lymphoproliferative syndrome to print for a doctor, a school or a carer: its "
        "names, a short summary, its most frequent symptoms, genes, how it is inherited, when it starts and "
        "support organisations, with the address of the full page."
    )


def test_a_sheet_with_little_on_it_promises_only_what_it_has(client):
    disease = DiseaseFactory(name="Quiet syndrome", summary="")
    html = client.get(sheet_url(disease)).content.decode()
    assert description_of(html) == (
        "A sheet about Quiet syndrome to print for a doctor, a school or a carer: its name, with the address of "
        "the full page."
    )
    assert "Our sources do not list the symptoms of this disease yet." in html
    assert "The full page links to sites that may describe them." in html
    assert "sheet-genes-title" not in html and "Support organisations" not in html


def test_the_sheet_heading_for_genes_names_only_what_it_shows(client):
    disease = DiseaseFactory()
    DiseaseGeneFactory(disease=disease)
    assert '<h2 id="sheet-genes-title">Genes</h2>' in client.get(sheet_url(disease)).content.decode()
