import pytest
from django.core.exceptions import PermissionDenied

from diseases.editorial import workflow
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
