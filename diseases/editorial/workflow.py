"""A page's status: draft -> in review -> published, and back to draft. Reviewers publish and unpublish."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..cards import schedule_card
from ..matching.tasks import schedule_similarity_refresh
from ..models import EDIT_PERMISSION, PUBLISH_PERMISSION, Disease
from ..plain.build import build_summaries
from .editing import save_with_history


class WorkflowError(ValidationError):
    """A status change that the workflow does not allow."""


def require(user, permission, what):
    if not user.has_perm(permission):
        raise PermissionDenied(f"You are not allowed to {what}.")


Status = Disease.Status


# action: (from which statuses, to which, who may, what the history says, what the admin's button says),
# in the order the admin shows the buttons.
TRANSITIONS = {
    "send_to_review": ({Status.DRAFT}, Status.REVIEW, EDIT_PERMISSION, "Sent to review", "Send to review"),
    "return_to_draft": (
        {Status.REVIEW},
        Status.DRAFT,
        EDIT_PERMISSION,
        "Returned to draft",
        "Return to draft",
    ),
    "publish": ({Status.REVIEW}, Status.PUBLISHED, PUBLISH_PERMISSION, "Published", "Publish"),
    "unpublish": ({Status.PUBLISHED}, Status.DRAFT, PUBLISH_PERMISSION, "Unpublished", "Unpublish"),
}


def done_label(action) -> str:
    """What the history and the admin's messages say was done: "Sent to review", "Published"."""
    return TRANSITIONS[action][3]


def allowed_transitions(disease, user) -> list[tuple[str, str]]:
    """The (action, button label) pairs ``user`` may apply to ``disease`` now."""
    return [
        (action, button)
        for action, (allowed_from, _, permission, _, button) in TRANSITIONS.items()
        if disease.status in allowed_from and user.has_perm(permission)
    ]


@transaction.atomic
def transition(*, disease: Disease, action: str, acting_user) -> Disease:
    """Move a disease page through the editorial workflow, checking role and current status."""
    allowed_from, target, permission, done, _ = TRANSITIONS[action]
    require(acting_user, permission, f"{action.replace('_', ' ')} pages")
    disease = Disease.objects.select_for_update().get(pk=disease.pk)
    if disease.status not in allowed_from:
        raise WorkflowError(
            f"“{disease.name}” is {disease.get_status_display().lower()}, so it cannot be {done.lower()}."
        )
    disease.status = target
    update_fields = ["status", "updated_at"]
    if action == "publish":
        now = timezone.now()
        disease.published_at = now
        disease.last_reviewed_at = now
        disease.last_reviewed_by = acting_user
        update_fields += ["published_at", "last_reviewed_at", "last_reviewed_by"]
    save_with_history(disease, acting_user=acting_user, reason=done, update_fields=update_fields)
    # A page is summarised while published, and its groups count and gather their published types.
    build_summaries([disease.pk])
    # Search rows exist for every status; matching ranks published pages only.
    transaction.on_commit(schedule_similarity_refresh)
    if action == "publish":
        schedule_card(disease)
    return disease
