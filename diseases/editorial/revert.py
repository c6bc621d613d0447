"""Restoring a page's name and text from an earlier version in its history."""

from django.db import transaction
from django.utils import timezone

from ..models import Disease
from .editing import apply_edit
from .edits import DiseaseEdit
from .revisions import pending_revision, save_revision
from .workflow import WorkflowError

REVERTIBLE_FIELDS = ["name", *Disease.CONTENT_FIELDS]


@transaction.atomic
def revert_disease(*, disease: Disease, history_id: int, acting_user):
    """Restore a page's name and text from an earlier version; the revert is itself a new version.

    On a published page the revert becomes a revision waiting for review, like any other change;
    it is refused while another revision is pending. Returns the page, or that revision.
    """
    version = disease.history.get(history_id=history_id)
    edit = DiseaseEdit(
        fields={
            field: getattr(version, field)
            for field in REVERTIBLE_FIELDS
            if getattr(disease, field) != getattr(version, field)
        }
    )
    if not edit:
        return disease
    if disease.is_published:
        if pending_revision(disease) is not None:
            raise WorkflowError(
                "This page already has a pending revision. Finish or withdraw it before reverting."
            )
        return save_revision(disease=disease, edit=edit, acting_user=acting_user)
    reason = f"Reverted to the version of {timezone.localtime(version.history_date):%d %b %Y %H:%M}"
    return apply_edit(disease=disease, edit=edit, acting_user=acting_user, reason=reason)
