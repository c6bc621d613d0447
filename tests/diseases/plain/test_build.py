"""Each published page's plain summary, made from its rows and its types' rows and kept current."""

import pytest
from django.utils import timezone

from diseases.editorial import editing, workflow
from diseases.editorial.edits import DiseaseEdit, RowChange
from diseases.models import Annotation, Disease, DiseaseKind
from diseases.plain.build import build_summaries
from tests.factories import (
    AnnotationFactory,
    DiseaseCharacteristicFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    ExternalIdentifierFactory,
    GeneFactory,
    PhenotypeSynonymFactory,
    phenotype,
)

pytestmark = pytest.mark.django_db
VERY_FREQUENT = Annotation.Band.VERY_FREQUENT


@pytest.fixture
def terms():
    root = phenotype("HP:0000118", "Phenotypic abnormality")
    immune = phenotype("HP:0002715", "Abnormality of the immune system", root)
    terms = {
        "immune": immune,
        "low_antibodies": phenotype("HP:0004313", "Hypogammaglobulinemia", immune),
        "fevers": phenotype("HP:0001954", "Recurrent fever", immune),
        "xlr": phenotype("HP:0001419", "X-linked recessive inheritance"),
    }
    PhenotypeSynonymFactory(phenotype=terms["low_antibodies"], name="low antibody levels")
    PhenotypeSynonymFactory(phenotype=terms["fevers"], name="fevers that keep coming back")
    PhenotypeSynonymFactory(phenotype=terms["fevers"], name="episodic fever")
    return terms


def sentences(disease):
    disease.refresh_from_db()
    return [sentence["text"] for sentence in disease.plain_summary.get("sentences", [])]


def test_a_page_is_summarised_from_its_kinds_symptoms_inheritance_and_genes(terms):
    disease = DiseaseFactory(name="Example immunodeficiency")
    ExternalIdentifierFactory(disease=disease, source="MONDO", code="0000042")
    DiseaseKind.objects.create(disease=disease, mondo_id="MONDO:0003847", label="hereditary disease")
    AnnotationFactory(disease=disease, phenotype=terms["low_antibodies"], band=VERY_FREQUENT)
    AnnotationFactory(disease=disease, phenotype=terms["fevers"], band=VERY_FREQUENT)
    DiseaseCharacteristicFactory(disease=disease, phenotype=terms["xlr"], source_record="OMIM:308240")
    DiseaseGeneFactory(disease=disease, gene=GeneFactory(symbol="SH2D1A"))
    assert build_summaries() == 1
    said = sentences(disease)
    assert said[:3] == [
        "It is a genetic condition.",
        "It mostly affects the immune system.",
        # The shorter of a term's everyday names reads better in a sentence.
        "Common signs include episodic fever (recurrent fever) and low antibody levels (hypogammaglobulinemia).",
    ]
    assert "X-linked recessive" in said[3] and said[4] == "It is linked to changes in the SH2D1A gene."
    kind = disease.plain_summary["sentences"][0]
    assert (kind["source"], kind["detail"], kind["anchor"]) == ("mondo", "MONDO:0000042", "family")
    assert build_summaries() == 0  # nothing changed, nothing written


def test_writing_a_summary_dates_the_page_that_shows_it(terms):
    disease = DiseaseFactory()
    AnnotationFactory(disease=disease, phenotype=terms["fevers"])
    Disease.objects.filter(pk=disease.pk).update(page_changed_at=timezone.now() - timezone.timedelta(days=30))
    build_summaries()
    disease.refresh_from_db()
    assert disease.page_changed_at > timezone.now() - timezone.timedelta(minutes=1)


def test_an_everyday_name_that_belittles_people_is_never_used(terms):
    disability = phenotype("HP:0001249", "Intellectual disability", terms["immune"])
    PhenotypeSynonymFactory(phenotype=disability, name="mental retardation")
    disease = DiseaseFactory()
    AnnotationFactory(disease=disease, phenotype=disability, band=VERY_FREQUENT)
    AnnotationFactory(disease=disease, phenotype=terms["fevers"], band=VERY_FREQUENT)
    build_summaries()
    assert not any("retardation" in sentence for sentence in sentences(disease))


def test_a_group_without_rows_of_its_own_is_summarised_from_its_types(terms):
    group = DiseaseFactory(name="X-linked lymphoproliferative disease")
    first, second = DiseaseFactory(name="XLP1"), DiseaseFactory(name="XLP2")
    for type_, gene in ((first, "SH2D1A"), (second, "XIAP")):
        type_.parents.add(group)
        AnnotationFactory(disease=type_, phenotype=terms["low_antibodies"], band=VERY_FREQUENT)
        DiseaseGeneFactory(disease=type_, gene=GeneFactory(symbol=gene))
        DiseaseCharacteristicFactory(disease=type_, phenotype=terms["xlr"])
    DiseaseFactory(name="Unpublished type", status=Disease.Status.DRAFT).parents.add(group)
    build_summaries()
    said = sentences(group)
    assert "Common signs in its types include low antibody levels (hypogammaglobulinemia)." in said
    assert "Its types are linked to changes in the SH2D1A or XIAP gene." in said
    assert any("X-linked recessive" in sentence for sentence in said)
    assert said[-1] == "It has two types, each with a page of its own."
    assert sentences(first)[-1] == "It is one type in the group called X-linked lymphoproliferative disease."


def test_an_editors_change_to_a_type_rewrites_its_groups_summary_at_once(terms, staff_user):
    group = DiseaseFactory(name="Group disease")
    type_ = DiseaseFactory(name="Type disease", status=Disease.Status.DRAFT)
    type_.parents.add(group)
    row = AnnotationFactory(disease=type_, phenotype=terms["low_antibodies"], band=VERY_FREQUENT)
    build_summaries()
    assert not any("low antibody levels" in sentence for sentence in sentences(group))
    workflow.transition(disease=type_, action="send_to_review", acting_user=staff_user)
    workflow.transition(disease=type_, action="publish", acting_user=staff_user)
    assert any("low antibody levels" in sentence for sentence in sentences(group))
    editing.apply_edit(
        disease=type_,
        edit=DiseaseEdit(rows={"annotations": [RowChange(row.pk, {"is_hidden": True})]}),
        acting_user=staff_user,
    )
    assert not any("low antibody levels" in sentence for sentence in sentences(group))


def test_an_unpublished_page_keeps_no_summary(terms, staff_user):
    disease = DiseaseFactory()
    AnnotationFactory(disease=disease, phenotype=terms["fevers"])
    build_summaries()
    assert sentences(disease)
    workflow.transition(disease=disease, action="unpublish", acting_user=staff_user)
    assert sentences(disease) == []
