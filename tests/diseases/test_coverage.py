"""What the published catalogue offers: each count is of published pages showing the thing, the words for a
share never claim more than it is, and the counts follow the content."""

import pytest

from diseases.coverage import Share, coverage, measure
from diseases.models import Annotation, Disease, DiseaseCharacteristic
from tests.factories import (
    AnnotationFactory,
    DiseaseCharacteristicFactory,
    DiseaseClassificationFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def bare(**fields):
    """A published page with no text of our editors."""
    return DiseaseFactory(summary="", **fields)


def test_each_count_is_of_published_pages_showing_the_thing():
    with_symptoms = bare(gard_id=1)
    AnnotationFactory(disease=with_symptoms, band=Annotation.Band.FREQUENT)
    unknown_frequency = bare()
    AnnotationFactory(disease=unknown_frequency, band=Annotation.Band.NOT_AVAILABLE)
    hidden_only = bare()
    AnnotationFactory(disease=hidden_only, is_hidden=True)
    DiseaseGeneFactory(disease=bare())
    DiseaseDefinitionFactory(disease=bare())
    DiseaseCharacteristicFactory(disease=bare(), kind=DiseaseCharacteristic.Kind.INHERITANCE)
    DiseaseFactory(summary="Ours.", diagnosis="A blood test.", treatment="")
    ResourceFactory(disease=bare(), section="organisations")
    draft = DiseaseFactory(status=Disease.Status.DRAFT, diagnosis="Not published.")
    AnnotationFactory(disease=draft)
    DiseaseGeneFactory(disease=draft)

    counted = measure()

    assert counted.pages == 8
    assert counted["symptoms"].count == 2  # the hidden row shows nothing; the draft is not counted
    assert counted["frequencies"].count == 1
    assert counted["genes"].count == 1 and counted["definition"].count == 1
    assert counted["inheritance"].count == 1 and counted["onset"].count == 0
    assert counted["diagnosis"].count == 1 and counted["treatment"].count == 0
    assert counted["diagnosis_or_treatment"].count == 1 and counted["written"].count == 1
    assert counted["editors_summary"].count == 1
    assert counted["organisations"].count == 1 and counted["specialists"].count == 0
    assert counted["from_gard"].count == 1


def test_a_group_showing_its_types_symptoms_is_counted_apart_from_pages_with_their_own():
    group = bare(name="A group")
    kind = bare(name="One of its types")
    kind.parents.add(group)
    AnnotationFactory(disease=kind)
    draft_type = DiseaseFactory(status=Disease.Status.DRAFT)
    other_group = bare(name="A group whose only type is a draft")
    draft_type.parents.add(other_group)
    AnnotationFactory(disease=draft_type)

    counted = measure()

    assert counted["symptoms"].count == 1
    assert counted["symptoms_from_types"].count == 1
    assert counted["family"].count == 2  # the group and its published type


def test_pages_showing_little_are_those_with_only_names_and_mondos_grouping():
    bare(name="Only names")
    DiseaseClassificationFactory(disease=bare(name="Names and a Mondo group"))
    DiseaseDefinitionFactory(disease=bare(name="A definition"))
    group, kind = bare(name="A group"), bare(name="Its type")
    kind.parents.add(group)

    assert measure()["little"].count == 2


@pytest.mark.parametrize(
    "count, total, word",
    [
        (10, 10, "all"),
        (9, 10, "almost all"),
        (2, 3, "most"),
        (66, 100, "many"),
        (1, 3, "many"),
        (32, 100, "some"),
        (5, 100, "some"),
        (4, 100, ""),
        (0, 100, ""),
    ],
)
def test_the_word_for_a_share_never_claims_more_than_the_share(count, total, word):
    assert Share(count, total).word == word
    assert Share(count, total).is_broad == bool(word)


@pytest.mark.parametrize(
    "count, total, shown",
    [(1, 12569, "less than 1%"), (57, 100, "57%"), (9999, 10000, "99%"), (10, 10, "100%"), (0, 10, "0%")],
)
def test_the_percentage_is_rounded_down(count, total, shown):
    assert Share(count, total).percent == shown


def test_the_counts_are_kept_until_the_content_changes(django_assert_num_queries):
    disease = bare()
    assert coverage()["diagnosis"].count == 0
    # Kept: only the generation (from the database, inside the test's transaction) and the counts are read.
    with django_assert_num_queries(3):
        coverage()
    disease.diagnosis = "A blood test shows it."
    disease.save()
    assert coverage()["diagnosis"].count == 1
