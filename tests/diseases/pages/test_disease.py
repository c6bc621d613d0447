"""What a page carries when shared or read by a search engine: description, canonical address, cards,
schema.org data, and the sitemap and robots.txt that lead to every page."""

import json
import re

import pytest
from django.urls import reverse

from diseases.models import (
    Disease,
    ExternalIdentifier,
)
from tests.checkers import SchemaOrg
from tests.factories import (
    AnnotationFactory,
    DiseaseClassificationFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    DiseaseSynonymFactory,
    ExternalIdentifierFactory,
    PhenotypeFactory,
)

pytestmark = pytest.mark.django_db


SITE = "https://portal.example.org"


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


def html_of(client, disease):
    response = client.get(disease.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


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


def test_the_page_says_what_the_disease_is_with_source_release_and_licence(client, cystic_fibrosis):
    html = html_of(client, cystic_fibrosis)
    section = html[html.index('id="what-it-is"') : html.index('id="genes"')]
    assert "Medical definition" in section
    assert "A disorder caused by variants in the CFTR gene." in section
    assert "from UniProt" not in section  # one definition: the first not hidden
    assert 'href="https://monarchinitiative.org/MONDO:0009061"' in section
    assert "Mondo release v2026-05-05" in section
    assert (
        'href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener">CC BY 4.0</a>' in section
    )


def test_an_editors_summary_comes_before_the_imported_definition(client, cystic_fibrosis):
    Disease.objects.filter(pk=cystic_fibrosis.pk).update(summary="Our own words about CF.")
    html = html_of(client, cystic_fibrosis)
    assert html.index("Our own words about CF.") < html.index("Medical definition")


def test_a_hidden_definition_gives_way_to_the_next_one(client, cystic_fibrosis):
    cystic_fibrosis.definitions.filter(source="mondo").update(is_hidden=True)
    html = html_of(client, cystic_fibrosis)
    assert "A description of the disease from UniProt." in html
    assert "A disorder caused by variants" not in html
    assert 'href="https://www.uniprot.org/diseases/DI-01466"' in html


def test_genes_link_to_their_page_hgnc_and_ncbi_with_other_genes_apart(client, cystic_fibrosis):
    html = html_of(client, cystic_fibrosis)
    genes = html[html.index('id="genes"') : html.index("How it is inherited")]
    assert '<a class="gene-symbol" href="/genes/CFTR/">CFTR</a>' in genes
    assert "CF transmembrane conductance regulator" in genes
    assert "hgnc_id/HGNC:1884" in genes and "https://www.ncbi.nlm.nih.gov/gene/1080" in genes
    others = genes[genes.index('class="other-genes"') :]
    assert "1 more gene linked to it" in others and "/genes/MIF/" in others
    assert genes.index("/genes/CFTR/") < genes.index('class="other-genes"')


def test_inheritance_is_explained_in_plain_words_and_onset_listed(client, cystic_fibrosis):
    html = html_of(client, cystic_fibrosis)
    assert "Autosomal recessive inheritance" in html
    assert "each pregnancy has a 1 in 4 chance of a child with the condition" in html
    assert "Infantile onset" in html[html.index("Age of onset and course") :]
    assert "(from OMIM:219700)" in html


def test_a_group_lists_its_types_two_levels_deep_and_each_type_links_back(client):
    group = DiseaseFactory(name="Polycystic kidney disease")
    dominant = DiseaseFactory(name="Autosomal dominant polycystic kidney disease")
    type_1 = DiseaseFactory(name="Polycystic kidney disease 1")
    draft = DiseaseFactory(name="Unfinished type", status=Disease.Status.DRAFT)
    dominant.parents.add(group)
    type_1.parents.add(dominant)
    draft.parents.add(group)
    html = html_of(client, group)
    family = html[html.index('id="family"') :]
    assert "Types of Polycystic kidney disease (1)" in family
    assert family.index(dominant.get_absolute_url()) < family.index(type_1.get_absolute_url())
    assert "Unfinished type" not in family
    child_html = html_of(client, type_1)
    assert f'A type of: <a href="{dominant.get_absolute_url()}">' in child_html


def test_a_page_with_nothing_else_says_where_mondo_files_it(client):
    disease = DiseaseFactory(summary="")
    DiseaseClassificationFactory(
        disease=disease, mondo_id="MONDO:0019741", label="familial cystic renal disease"
    )
    html = html_of(client, disease)
    assert "The Mondo Disease Ontology files it under:" in html
    assert 'href="https://monarchinitiative.org/MONDO:0019741"' in html


def test_a_page_explains_why_its_records_are_one_page(client):
    disease = DiseaseFactory()
    JoinedBy = ExternalIdentifier.JoinedBy
    ExternalIdentifierFactory(disease=disease, source="GARD", code="6233", joined_by=JoinedBy.SOURCE)
    ExternalIdentifierFactory(
        disease=disease, source="ORPHA", code="586", label="Cystic fibrosis", joined_by=JoinedBy.MONDO
    )
    html = html_of(client, disease)
    details = html[html.index("Why these records make one page") :]
    assert "ORPHA:586 (Cystic fibrosis): Mondo lists it as the same disease." in details
    assert "GARD:6233: the record this page is built on." in details


# --- In plain words -------------------------------------------------------------------------------


def summarised_disease(**fields):
    from diseases.plain.build import build_summaries
    from tests.factories import AnnotationFactory, DataReleaseFactory, PhenotypeSynonymFactory, phenotype

    DataReleaseFactory(source="hpoa", version="2025-01-16")
    disease = DiseaseFactory(name="Plainly told syndrome", **fields)
    term = phenotype("HP:0001744", "Splenomegaly")
    PhenotypeSynonymFactory(phenotype=term, name="enlarged spleen")
    AnnotationFactory(disease=disease, phenotype=term, band=1)
    build_summaries([disease.pk])
    return disease


def test_a_page_without_an_editors_summary_opens_with_sentences_made_from_its_facts(client):
    disease = summarised_disease(summary="")
    html = client.get(disease.get_absolute_url()).content.decode()
    plain = html[html.index('id="summary"') : html.index('class="notice"')]
    assert "In plain words" in plain
    assert "Common signs include enlarged spleen (splenomegaly)." in plain
    assert (
        '<a class="plain-source" href="#symptoms">from the HPO disease annotations: its symptom list</a>'
        in plain
    )
    assert "No person wrote these sentences" in plain and "Annotations release 2025-01-16" in plain
    # The notice that this is not medical advice follows at once.
    assert html.index('class="notice"') - html.index("No person wrote these sentences") < 1000


def test_an_editors_summary_replaces_the_made_one_and_says_who_wrote_it(client):
    disease = summarised_disease(summary="Children with it have a large spleen.")
    html = client.get(disease.get_absolute_url()).content.decode()
    assert "Children with it have a large spleen." in html and "Written by our editors" in html
    assert "Common signs include" not in html and "No person wrote these sentences" not in html


def test_the_description_search_engines_show_is_the_page_in_plain_words(client):
    disease = summarised_disease(summary="")
    head = head_of(client.get(disease.get_absolute_url()))
    assert '<meta name="description" content="Common signs include enlarged spleen (splenomegaly).">' in head


def test_the_sheet_prints_the_page_in_plain_words_and_says_it_was_made_from_the_data(client):
    disease = summarised_disease(summary="")
    html = client.get(f"{disease.get_absolute_url()}sheet/").content.decode()
    assert "In plain words" in html and "Common signs include enlarged spleen (splenomegaly)." in html
    assert "not written by a person" in html


def test_the_api_gives_the_page_in_plain_words_with_each_sentences_source(client):
    disease = summarised_disease(summary="")
    plain = client.get(f"/api/v1/diseases/{disease.slug}/").json()["plain_summary"]
    assert plain["written_by"] == "generated"
    assert plain["text"] == "Common signs include enlarged spleen (splenomegaly)."
    assert plain["sentences"] == [
        {
            "text": "Common signs include enlarged spleen (splenomegaly).",
            "source": "hpoa",
            "source_name": "HPO disease annotations",
            "release": "2025-01-16",
            "detail": "its symptom list",
            "section": "symptoms",
        }
    ]
    Disease.objects.filter(pk=disease.pk).update(summary="Our own words.")
    assert client.get(f"/api/v1/diseases/{disease.slug}/").json()["plain_summary"] == {
        "text": "Our own words.",
        "written_by": "editors",
        "sentences": [],
    }
