import pytest

from diseases.editorial import revisions
from diseases.editorial.edits import DiseaseEdit
from diseases.models import (
    Annotation,
    DataRelease,
    DiseaseCharacteristic,
    DiseaseDefinition,
)
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
    ReferenceFactory,
    ResourceFactory,
)


@pytest.fixture
def page():
    """A published page with a row of every kind an editor can change."""
    disease = DiseaseFactory(name="Example syndrome", summary="Children bruise easily.[1]")
    ReferenceFactory(disease=disease, number=1, title="The first study")
    ResourceFactory(disease=disease, title="An old support group")
    DiseaseSynonymFactory(disease=disease, name="Old other name")
    AnnotationFactory(disease=disease, phenotype__name="Splenomegaly", band=Annotation.Band.FREQUENT)
    DiseaseDefinitionFactory(disease=disease, text="An imported definition.")
    return disease


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(reviewer):
    from tests.conftest import SignedInClient

    other = SignedInClient()
    other.force_login(reviewer)
    return other


# The reviewer exists first, so submitting has someone to notify.
@pytest.fixture
def in_review(editor, reviewer, page):
    revision = revisions.save_revision(
        disease=page,
        edit=DiseaseEdit(fields={"summary": "Children bruise easily, we now know why.[1]"}),
        acting_user=editor,
    )
    return revisions.submit_revision(revision=revision, acting_user=editor)


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
