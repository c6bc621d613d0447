import pytest

from diseases.editorial import editing, revert
from diseases.editorial.edits import DiseaseEdit
from diseases.models import Disease, DiseaseRevision
from tests.factories import (
    DiseaseFactory,
)

pytestmark = pytest.mark.django_db


DRAFT, REVIEW, PUBLISHED = Disease.Status.DRAFT, Disease.Status.REVIEW, Disease.Status.PUBLISHED


Status = DiseaseRevision.Status


def test_revert_restores_the_text_and_is_itself_recorded(editor):
    disease = DiseaseFactory(summary="First words.", status=DRAFT)
    editing.apply_edit(
        disease=disease, edit=DiseaseEdit(fields={"summary": "First words."}), acting_user=editor
    )
    original = disease.history.first()
    editing.apply_edit(
        disease=disease, edit=DiseaseEdit(fields={"summary": "Mistaken words."}), acting_user=editor
    )

    revert.revert_disease(disease=disease, history_id=original.history_id, acting_user=editor)

    disease.refresh_from_db()
    assert disease.summary == "First words."
    latest = disease.history.first()
    assert latest.history_change_reason.startswith("Reverted to the version of")
    assert latest.history_user == editor
    assert disease.history.count() == 4  # created, edited, edited, reverted


def test_revert_keeps_the_status(editor):
    disease = DiseaseFactory(status=PUBLISHED, summary="Old.")
    first = disease.history.first()
    Disease.objects.filter(pk=disease.pk).update(status=DRAFT)
    disease.refresh_from_db()
    revert.revert_disease(disease=disease, history_id=first.history_id, acting_user=editor)
    disease.refresh_from_db()
    assert disease.status == DRAFT


def test_a_revert_of_a_published_page_goes_through_review(editor, staff_user):
    disease = DiseaseFactory(status=Disease.Status.DRAFT, summary="Old words.")
    first = disease.history.first()
    editing.apply_edit(
        disease=disease, edit=DiseaseEdit(fields={"summary": "New words."}), acting_user=staff_user
    )
    Disease.objects.filter(pk=disease.pk).update(status=Disease.Status.PUBLISHED)
    disease.refresh_from_db()
    outcome = revert.revert_disease(disease=disease, history_id=first.history_id, acting_user=editor)
    assert isinstance(outcome, DiseaseRevision) and outcome.changes["fields"] == {"summary": "Old words."}
    disease.refresh_from_db()
    assert disease.summary == "New words."
