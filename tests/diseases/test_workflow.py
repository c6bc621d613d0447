import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from diseases.editorial import editing, revert, workflow
from diseases.editorial.edits import DiseaseEdit, RowChange
from diseases.models import Disease
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Disease.Status.DRAFT, Disease.Status.REVIEW, Disease.Status.PUBLISHED


def test_editor_sends_a_draft_to_review(editor):
    disease = workflow.transition(
        action="send_to_review", disease=DiseaseFactory(status=DRAFT), acting_user=editor
    )
    assert disease.status == REVIEW


def test_reviewer_publishes_and_is_recorded_as_reviewer(reviewer):
    disease = workflow.transition(
        action="publish", disease=DiseaseFactory(status=REVIEW), acting_user=reviewer
    )
    disease.refresh_from_db()
    assert disease.status == PUBLISHED
    assert disease.last_reviewed_by == reviewer
    assert disease.last_reviewed_at is not None and disease.published_at == disease.last_reviewed_at
    assert disease.history.first().history_user == reviewer
    assert disease.history.first().history_change_reason == "Published"


def test_reviewer_unpublishes_back_to_draft(reviewer):
    disease = workflow.transition(
        action="unpublish", disease=DiseaseFactory(status=PUBLISHED), acting_user=reviewer
    )
    assert disease.status == DRAFT


def test_editor_cannot_publish(editor):
    disease = DiseaseFactory(status=REVIEW)
    with pytest.raises(PermissionDenied):
        workflow.transition(action="publish", disease=disease, acting_user=editor)
    disease.refresh_from_db()
    assert disease.status == REVIEW


def test_editor_cannot_unpublish(editor):
    with pytest.raises(PermissionDenied):
        workflow.transition(action="unpublish", disease=DiseaseFactory(status=PUBLISHED), acting_user=editor)


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (DRAFT, "publish"),
        (PUBLISHED, "publish"),
        (DRAFT, "unpublish"),
        (REVIEW, "unpublish"),
        (REVIEW, "send_to_review"),
        (PUBLISHED, "send_to_review"),
        (DRAFT, "return_to_draft"),
    ],
)
def test_illegal_transitions_are_refused(reviewer, status, action):
    disease = DiseaseFactory(status=status)
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(disease=disease, action=action, acting_user=reviewer)
    disease.refresh_from_db()
    assert disease.status == status


def test_transitions_do_not_move_the_public_last_updated_date(reviewer):
    disease = DiseaseFactory(status=REVIEW)
    before = disease.content_updated_at
    workflow.transition(action="publish", disease=disease, acting_user=reviewer)
    disease.refresh_from_db()
    assert disease.content_updated_at == before


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


def test_missing_reference_errors_name_the_marker_and_the_section():
    errors = editing.missing_reference_errors({"summary": "x[1] y[3]", "cause": "z[3]"}, [1])
    assert errors == [
        "The marker [3] in Summary, Cause has no reference 3. Add reference 3 or remove the marker."
    ]


def test_deleting_a_cited_reference_is_refused(editor):
    from tests.factories import ReferenceFactory

    disease = DiseaseFactory(summary="Fact.[1]")
    reference = ReferenceFactory(disease=disease, number=1)
    removal = DiseaseEdit(rows={"references": [RowChange(reference.pk, delete=True)]})
    with pytest.raises(ValidationError, match=r"The marker \[1\] in Summary has no reference 1"):
        editing.apply_edit(disease=disease, edit=removal, acting_user=editor)
    assert disease.references.count() == 1


def test_deleting_an_uncited_reference_works(editor):
    from tests.factories import ReferenceFactory

    disease = DiseaseFactory(summary="Nothing cited.")
    reference = ReferenceFactory(disease=disease, number=2)
    removal = DiseaseEdit(rows={"references": [RowChange(reference.pk, delete=True)]})
    editing.apply_edit(disease=disease, edit=removal, acting_user=editor)
    assert disease.references.count() == 0
