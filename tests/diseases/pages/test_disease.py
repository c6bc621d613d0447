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
    plainly_summarised_disease,
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


def test_a_page_without_an_editors_summary_opens_with_sentences_made_from_its_facts(client):
    disease = plainly_summarised_disease(summary="")
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
    disease = plainly_summarised_disease(summary="Children with it have a large spleen.")
    html = client.get(disease.get_absolute_url()).content.decode()
    assert "Children with it have a large spleen." in html and "Written by our editors" in html
    assert "Common signs include" not in html and "No person wrote these sentences" not in html


def test_the_description_search_engines_show_is_the_page_in_plain_words(client):
    disease = plainly_summarised_disease(summary="")
    head = head_of(client.get(disease.get_absolute_url()))
    assert '<meta name="description" content="Common signs include enlarged spleen (splenomegaly).">' in head


def test_the_sheet_prints_the_page_in_plain_words_and_says_it_was_made_from_the_data(client):
    disease = plainly_summarised_disease(summary="")
    html = client.get(f"{disease.get_absolute_url()}sheet/").content.decode()
    assert "In plain words" in html and "Common signs include enlarged spleen (splenomegaly)." in html
    assert "not written by a person" in html


def test_the_api_gives_the_page_in_plain_words_with_each_sentences_source(client):
    disease = plainly_summarised_disease(summary="")
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


# --- What the page has, and says plainly what it lacks ----------------------------------------------


def top_of(html):
    """From the end of the disease's header to its table of contents, spaces folded: what a reader sees first."""
    start = html.index("</header>", html.index('class="disease-header"'))
    return " ".join(html[start : html.index('<nav class="toc"')].split())


def test_a_page_with_editors_diagnosis_and_treatment_says_so_near_the_top(client):
    disease = DiseaseFactory(
        diagnosis="A blood test finds the cells.", treatment="Medicines calm the immune system."
    )
    top = top_of(html_of(client, disease))
    assert (
        'Our editors explain <a href="#diagnosis">how it is diagnosed</a> and '
        '<a href="#treatment">how it is treated</a>, further down this page.'
    ) in top
    assert "not yet written" not in top


def test_a_page_with_only_editors_diagnosis_says_it_does_not_yet_say_how_it_is_treated(client):
    disease = DiseaseFactory(diagnosis="A blood test finds the cells.", treatment="")
    top = top_of(html_of(client, disease))
    assert 'Our editors explain <a href="#diagnosis">how it is diagnosed</a>, further down' in top
    assert "They have not yet written how it is treated." in top


def test_a_page_without_editors_diagnosis_or_treatment_does_not_promise_them(client):
    disease = DiseaseFactory(diagnosis="", treatment="")
    html = html_of(client, disease)
    assert "Our editors have not yet written how this disease is diagnosed or treated." in top_of(html)
    assert 'href="#diagnosis"' not in html and 'href="#treatment"' not in html


def test_editors_diagnosis_and_treatment_carry_the_notice_that_they_are_not_advice(client):
    disease = DiseaseFactory(diagnosis="A blood test finds the cells.", treatment="Medicines help.")
    html = html_of(client, disease)
    for key in ("diagnosis", "treatment"):
        section = html[html.index(f'<section id="{key}"') :]
        section = section[: section.index("</section>")]
        assert "general information, not medical advice" in section


def test_a_page_with_nothing_but_names_says_what_is_missing_and_where_to_look(client):
    disease = DiseaseFactory(name="Barely known syndrome", summary="")
    html = html_of(client, disease)
    top = top_of(html)
    assert "What we know so far" in top
    assert (
        "Our sources record little about this disease yet: only its name, not its symptoms, its genes or how it"
        in top
    )
    assert 'The sites under <a href="#resources">Finding help</a> may know more' in top
    # One sentence says it: the page does not add a second about diagnosis and treatment.
    assert "not yet written how" not in top
    assert 'href="#summary"' not in html  # "In plain words" is not offered


def test_a_page_with_only_mondos_grouping_names_its_group_among_what_little_is_known(client):
    disease = DiseaseFactory(summary="")
    DiseaseSynonymFactory(disease=disease)
    DiseaseClassificationFactory(disease=disease)
    assert "only its names and the group of diseases it belongs to, not its symptoms" in top_of(
        html_of(client, disease)
    )


def test_a_page_with_facts_but_no_plain_words_says_what_follows(client):
    disease = DiseaseFactory(summary="")
    DiseaseDefinitionFactory(disease=disease)
    top = top_of(html_of(client, disease))
    assert "We cannot put this disease into plain words yet." in top
    assert "starting with its medical definition, written for health professionals" in top
    assert "Our sources record little" not in top


def test_a_page_without_symptoms_says_so_and_leaves_them_out_of_its_contents(client):
    html = html_of(client, DiseaseFactory())
    symptoms = html[html.index('<section id="symptoms"') :]
    assert "Our sources do not list the symptoms of this disease yet." in symptoms
    assert 'href="#resources">Finding help</a>' in symptoms[: symptoms.index("</section>")]
    toc = html[html.index('<nav class="toc"') : html.index("</nav>", html.index('<nav class="toc"'))]
    assert 'href="#symptoms"' not in toc


def test_finding_help_says_when_no_specialists_or_support_groups_are_listed(client):
    html = html_of(client, DiseaseFactory())
    help_section = html[html.index('<section id="resources"') :]
    assert (
        "We have not yet listed specialists, support groups or other services for this disease."
        in help_section
    )
    assert "Orphanet lists expert centres and patient organisations" in help_section


def test_finding_help_lists_editors_resources_without_the_gap_sentence(client):
    from tests.factories import ResourceFactory

    disease = DiseaseFactory()
    ResourceFactory(disease=disease, title="A families' network")
    html = html_of(client, disease)
    assert "A families&#x27; network" in html and "We have not yet listed specialists" not in html


@pytest.mark.parametrize(
    "genes, inheritance, onset, title",
    [
        (True, True, True, "Genes and inheritance"),
        (True, False, True, "Genes"),
        (False, True, False, "Inheritance"),
        (False, False, True, "Age of onset"),
    ],
)
def test_the_genes_heading_names_only_what_the_section_shows(client, genes, inheritance, onset, title):
    from diseases.models import DiseaseCharacteristic
    from tests.factories import DiseaseCharacteristicFactory, DiseaseGeneFactory

    disease = DiseaseFactory()
    if genes:
        DiseaseGeneFactory(disease=disease)
    if inheritance:
        DiseaseCharacteristicFactory(disease=disease)
    if onset:
        DiseaseCharacteristicFactory(disease=disease, kind=DiseaseCharacteristic.Kind.ONSET)
    html = html_of(client, disease)
    assert f'<h2 id="genes-title">{title}</h2>' in html
    assert f'<li><a href="#genes">{title}</a></li>' in html


def test_a_page_without_words_describes_only_what_it_shows(client):
    from tests.factories import DiseaseGeneFactory

    disease = DiseaseFactory(name="Quiet syndrome", summary="")
    DiseaseGeneFactory(disease=disease)
    head = head_of(client.get(disease.get_absolute_url()))
    assert (
        '<meta name="description" content="Quiet syndrome: its genes. Also links to sites that may say more, '
        'and a way to ask to meet another family.">'
    ) in head
    names_only = DiseaseFactory(name="Bare syndrome", summary="")
    assert "Bare syndrome: links to sites that may say more" in head_of(
        client.get(names_only.get_absolute_url())
    )


def test_a_group_showing_its_types_symptoms_names_the_hpo_release(client):
    from tests.factories import DataReleaseFactory

    DataReleaseFactory(source="hpo", version="2025-01-16")
    group = DiseaseFactory(name="A group")
    kind = DiseaseFactory(name="Its type")
    kind.parents.add(group)
    AnnotationFactory(disease=kind)
    html = html_of(client, group)
    assert "No symptoms are recorded for A group itself." in html
    assert "Symptoms from the Human Phenotype Ontology, HPO release 2025-01-16." in html


def test_the_invitation_to_meet_a_family_does_not_promise_one(client):
    html = html_of(client, DiseaseFactory())
    connect = html[html.index('<section id="connect"') :]
    assert "look for a family who has asked us too" in connect
    assert "we cannot promise to find one" in connect
