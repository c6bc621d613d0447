"""What a disease page says beyond symptoms: definition, genes, inheritance, onset and family; the gene page."""

import pytest
from django.urls import reverse

from diseases.models import Disease
from tests.factories import (
    DiseaseFactory,
    DiseaseGeneFactory,
    GeneFactory,
)

pytestmark = pytest.mark.django_db


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
