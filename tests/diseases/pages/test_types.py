"""A group's page gathers what its types record, marked as theirs, and stays current when a type changes."""

import pytest
from django.test import Client

from diseases.models import Annotation, Disease
from tests.factories import (
    AnnotationFactory,
    DiseaseCharacteristicFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    GeneFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    """X-linked lymphoproliferative disease, with no rows of its own, and its two types."""
    group = DiseaseFactory(name="X-linked lymphoproliferative disease", slug="xlp", summary="")
    low_antibodies = PhenotypeFactory(hpo_id="HP:0004313", name="Hypogammaglobulinemia")
    PhenotypeSynonymFactory(phenotype=low_antibodies, name="low antibody levels")
    big_spleen = PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly")
    x_linked = PhenotypeFactory(hpo_id="HP:0001419", name="X-linked recessive inheritance")
    for name, slug, gene, spleen in [
        ("XLP type 1", "xlp1", "SH2D1A", False),
        ("XLP type 2", "xlp2", "XIAP", True),
    ]:
        type_ = DiseaseFactory(name=name, slug=slug)
        type_.parents.add(group)
        AnnotationFactory(disease=type_, phenotype=low_antibodies, band=Annotation.Band.VERY_FREQUENT)
        if spleen:
            AnnotationFactory(disease=type_, phenotype=big_spleen, band=Annotation.Band.FREQUENT)
        DiseaseGeneFactory(disease=type_, gene=GeneFactory(symbol=gene))
        DiseaseCharacteristicFactory(disease=type_, phenotype=x_linked)
    DiseaseFactory(name="XLP draft type", status=Disease.Status.DRAFT).parents.add(group)
    return group


def read(path):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_group_shows_the_symptoms_its_types_record_with_how_many_and_which(group):
    html = read("/diseases/xlp/")
    assert "No symptoms are recorded for X-linked lymphoproliferative disease itself." in html
    section = html[html.index("Symptoms recorded for its 2 types") :]
    assert "not from a record of X-linked lymphoproliferative disease itself" in section
    body = section[section.index("<tbody>") :]
    first_row = body[: body.index("</tr>")]
    assert "Hypogammaglobulinemia" in first_row and "low antibody levels" in first_row
    assert (
        '2 of 2: <a href="/diseases/xlp1/">XLP type 1</a>; <a href="/diseases/xlp2/">XLP type 2</a>'
        in first_row
    )
    assert '1 of 2: <a href="/diseases/xlp2/">XLP type 2</a>' in section
    assert "XLP draft type" not in html


def test_a_group_shows_its_types_genes_each_naming_its_type_and_the_inheritance_seen(group):
    genes = read("/diseases/xlp/").split('id="genes"')[1]
    assert "Recorded for its types" in genes
    assert '<a class="gene-symbol" href="/genes/SH2D1A/">SH2D1A</a>' in genes
    assert '(in <a href="/diseases/xlp1/">XLP type 1</a>)' in genes
    assert "How its types are inherited: X-linked recessive inheritance" in genes


def test_a_change_to_a_type_shows_at_once_on_its_groups_kept_page(group):
    assert "Seizure" not in read("/diseases/xlp/")
    # Saved anyhow (the shell, say): the type's date moves, and with it the group page's key.
    AnnotationFactory(disease=Disease.objects.get(slug="xlp1"), phenotype=PhenotypeFactory(name="Seizure"))
    assert "Seizure" in read("/diseases/xlp/")


def test_the_api_gives_what_a_groups_types_record(group, client):
    body = client.get("/api/v1/diseases/xlp/").json()
    assert body["symptom_bands"] == []
    from_types = body["from_types"]
    assert [type_["slug"] for type_ in from_types["types"]] == ["xlp1", "xlp2"]
    assert from_types["symptoms"][0] == {
        "hpo_id": "HP:0004313",
        "term": "Hypogammaglobulinemia",
        "lay_names": ["low antibody levels"],
        "band": 1,
        "band_label": "80–99%",
        "types": ["xlp1", "xlp2"],
    }
    assert {gene["symbol"]: gene["types"] for gene in from_types["genes"]} == {
        "SH2D1A": ["xlp1"],
        "XIAP": ["xlp2"],
    }
    assert from_types["inheritance"] == [
        {"hpo_id": "HP:0001419", "name": "X-linked recessive inheritance", "types": ["xlp1", "xlp2"]}
    ]
    assert client.get("/api/v1/diseases/xlp1/").json()["from_types"] is None
