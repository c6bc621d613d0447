"""The API's definitions, genes, inheritance, onset and families, its gene endpoints and new list filters."""

import pytest

from diseases.models import DataRelease, Disease, DiseaseCharacteristic
from tests.factories import (
    DataReleaseFactory,
    DiseaseCharacteristicFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    GeneFactory,
    PhenotypeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cystic_fibrosis():
    disease = DiseaseFactory(name="Cystic fibrosis", slug="cystic-fibrosis")
    DataReleaseFactory(source=DataRelease.Source.MONDO, version="v2026-05-05")
    DiseaseDefinitionFactory(disease=disease, source_record="MONDO:0009061", text="Caused by CFTR variants.")
    cftr = GeneFactory(
        symbol="CFTR", name="CF transmembrane conductance regulator", hgnc_id="HGNC:1884", ncbi_gene_id=1080
    )
    DiseaseGeneFactory(disease=disease, gene=cftr, source_record="OMIM:219700")
    recessive = PhenotypeFactory(hpo_id="HP:0000007", name="Autosomal recessive inheritance")
    DiseaseCharacteristicFactory(disease=disease, phenotype=recessive, source_record="OMIM:219700")
    DiseaseCharacteristicFactory(
        disease=disease,
        kind=DiseaseCharacteristic.Kind.ONSET,
        phenotype=PhenotypeFactory(hpo_id="HP:0003593", name="Infantile onset"),
    )
    group = DiseaseFactory(name="Cystic disease group", slug="cystic-group")
    disease.parents.add(group)
    return disease


def test_the_detail_carries_definition_genes_inheritance_onset_and_family(client, cystic_fibrosis):
    body = client.get("/api/v1/diseases/cystic-fibrosis/").json()
    assert body["definition"] == {
        "text": "Caused by CFTR variants.",
        "source": "mondo",
        "source_record": "MONDO:0009061",
        "source_url": "https://monarchinitiative.org/MONDO:0009061",
        "release": "v2026-05-05",
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    }
    [gene] = body["genes"]
    assert (gene["symbol"], gene["name"], gene["hgnc_id"], gene["ncbi_gene_id"], gene["is_main"]) == (
        "CFTR",
        "CF transmembrane conductance regulator",
        "HGNC:1884",
        1080,
        True,
    )
    assert gene["url"] == "http://testserver/api/v1/genes/CFTR/"
    [inheritance] = body["inheritance"]
    assert inheritance["hpo_id"] == "HP:0000007" and inheritance["source_record"] == "OMIM:219700"
    assert "1 in 4" in inheritance["explanation"]
    assert [row["name"] for row in body["onset"]] == ["Infantile onset"]
    assert [(p["slug"], p["name"]) for p in body["parents"]] == [("cystic-group", "Cystic disease group")]
    assert body["subtypes"] == []
    group = client.get("/api/v1/diseases/cystic-group/").json()
    assert [s["slug"] for s in group["subtypes"]] == ["cystic-fibrosis"]


def test_a_disease_without_a_definition_says_null(client):
    DiseaseFactory(slug="plain")
    assert client.get("/api/v1/diseases/plain/").json()["definition"] is None


def test_the_list_filters_by_gene_and_by_inheritance(client, cystic_fibrosis):
    DiseaseFactory(name="Other disease")
    assert [r["slug"] for r in client.get("/api/v1/diseases/", {"gene": "CFTR"}).json()["results"]] == [
        "cystic-fibrosis"
    ]
    recessive = client.get("/api/v1/diseases/", {"inheritance": "HP:0000007"}).json()
    assert [r["slug"] for r in recessive["results"]] == ["cystic-fibrosis"]
    assert client.get("/api/v1/diseases/", {"gene": "NOPE"}).json()["count"] == 0


@pytest.mark.parametrize(
    ("name", "value"), [("gene", "CF TR"), ("gene", "-CFTR"), ("inheritance", "recessive")]
)
def test_a_bad_gene_or_inheritance_value_is_a_400_naming_it(client, name, value):
    response = client.get("/api/v1/diseases/", {name: value})
    assert response.status_code == 400 and list(response.json()) == [name]


def test_the_gene_endpoint_lists_its_published_diseases(client, cystic_fibrosis):
    cftr = cystic_fibrosis.gene_links.get().gene
    DiseaseGeneFactory(gene=cftr, disease=DiseaseFactory(name="Draft disease", status=Disease.Status.DRAFT))
    DiseaseGeneFactory(
        gene=cftr, disease=DiseaseFactory(name="Another CFTR disease", slug="another"), is_main=False
    )
    body = client.get("/api/v1/genes/CFTR/").json()
    assert body["symbol"] == "CFTR" and body["ncbi_url"] == "https://www.ncbi.nlm.nih.gov/gene/1080"
    assert [(d["slug"], d["is_main"]) for d in body["diseases"]["results"]] == [
        ("cystic-fibrosis", True),
        ("another", False),
    ]
    assert body["diseases"]["count"] == 2


def test_the_gene_list_holds_only_genes_of_published_pages(client, cystic_fibrosis):
    DiseaseGeneFactory(
        gene=GeneFactory(symbol="HIDDEN1"), disease=DiseaseFactory(status=Disease.Status.DRAFT)
    )
    symbols = [gene["symbol"] for gene in client.get("/api/v1/genes/").json()["results"]]
    assert symbols == ["CFTR"]


def test_an_unknown_gene_is_a_json_404(client):
    response = client.get("/api/v1/genes/NOSUCHGENE/")
    assert response.status_code == 404 and response.json() == {"detail": "No gene has this symbol."}


@pytest.mark.parametrize("count", [2, 40])
def test_the_gene_detail_query_count_does_not_grow_with_its_diseases(
    client, django_assert_num_queries, unthrottled, count
):
    gene = GeneFactory(symbol="ABC1")
    for _ in range(count):
        DiseaseGeneFactory(gene=gene)
    # The gene, the count and the page of its diseases.
    with django_assert_num_queries(3):
        assert client.get("/api/v1/genes/ABC1/").status_code == 200
