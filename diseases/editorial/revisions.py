"""Revisions of published pages: a change waits as the page's one pending revision until a reviewer
approves it; readers, search, the API and the downloads see the page as it is until then.

A revision goes draft -> in review -> (returned -> in review ...) -> applied, now or when scheduled
(``schedule``); an editor may withdraw it while it is pending. Pages never published are edited
directly (``editing.apply_edit``).
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import EDIT_PERMISSION, PUBLISH_PERMISSION, Disease, DiseaseRevision
from . import notifications
from .editing import TrialRollback, apply_edit, check_edit
from .edits import DiseaseEdit
from .workflow import WorkflowError, require

Status = DiseaseRevision.Status


class RevisionConflict(ValidationError):
    """Someone saved the page or its revision since the editor opened it."""


def pending_revision(disease) -> DiseaseRevision | None:
    return DiseaseRevision.objects.pending().filter(disease=disease).first()


def edit_token(disease, revision=None) -> str:
    """What an editor's form was built on: the page's last save and the pending revision's save count.

    The form carries it; a save made on an older token is refused as a conflict.
    """
    stamp = int(disease.updated_at.timestamp() * 1_000_000) if disease.updated_at else 0
    return f"{stamp}-{revision.pk if revision else 0}-{revision.version if revision else 0}"


@transaction.atomic
def save_revision(*, disease, edit, acting_user, token=None) -> DiseaseRevision | None:
    """Keep an editor's change to a published page as its pending revision; the page stays as it is.

    ``edit`` is the whole difference between the editor's form and the published page, so each save
    replaces the revision's changes, and a revision that was in review or scheduled goes back to
    being written (it must be approved as it now is). With no difference left, a pending revision
    is withdrawn and None returned. ``token`` (from ``edit_token``) guards against overwriting
    someone's newer save: ``RevisionConflict``.
    """
    require(acting_user, EDIT_PERMISSION, "change pages")
    disease = Disease.objects.select_for_update().get(pk=disease.pk)
    revision = DiseaseRevision.objects.select_for_update().pending().filter(disease=disease).first()
    if token is not None and token != edit_token(disease, revision):
        raise RevisionConflict(conflict_message(disease, revision))
    if not edit:
        if revision is not None:
            set_status(revision, Status.WITHDRAWN)
        return None
    check_edit(disease=disease, edit=edit, acting_user=acting_user)
    if revision is None:
        revision = DiseaseRevision(disease=disease, created_by=acting_user, version=0)
    revision.changes = edit.as_json()
    revision.version += 1
    revision.updated_by = acting_user
    revision.status = Status.DRAFT
    revision.go_live_at = None
    revision.save()
    return revision


def conflict_message(disease, revision) -> str:
    who = revision.updated_by if revision and revision.updated_by else None
    when = timezone.localtime(revision.updated_at if revision else disease.updated_at)
    by = f" by {who}" if who else ""
    return (
        f"This page changed since you opened it (saved{by} at {when:%H:%M on %d %b %Y}). Nothing of "
        "yours was lost: your version is below. Compare it with the page as it is now, then save "
        "again to keep yours."
    )


# Which statuses a revision may move to, from which.
STEPS = {
    Status.IN_REVIEW: {Status.DRAFT, Status.RETURNED},
    Status.RETURNED: {Status.IN_REVIEW, Status.SCHEDULED},
    Status.SCHEDULED: {Status.IN_REVIEW, Status.SCHEDULED},
    Status.APPLIED: {Status.IN_REVIEW, Status.SCHEDULED},
    Status.WITHDRAWN: set(DiseaseRevision.PENDING),
}

# What people may do with a pending revision, and what the admin's buttons say.
ACTIONS = {
    "submit": "Send to review",
    "approve": "Approve",
    "return": "Send back with a comment",
    "withdraw": "Withdraw",
}


def allowed_actions(revision, user) -> list[tuple[str, str]]:
    """The (action, button label) pairs ``user`` may take on a pending revision now."""
    status = revision.status
    can_edit, can_review = user.has_perm(EDIT_PERMISSION), user.has_perm(PUBLISH_PERMISSION)
    allowed = []
    if can_edit and status in (Status.DRAFT, Status.RETURNED):
        allowed.append("submit")
    if can_review and status in (Status.IN_REVIEW, Status.SCHEDULED):
        allowed += ["approve", "return"]
    if can_edit and revision.is_pending:
        allowed.append("withdraw")
    return [(action, ACTIONS[action]) for action in allowed]


def set_status(revision, status, **fields):
    """Move a revision to ``status`` if its current one allows it, setting ``fields`` with it."""
    allowed = STEPS[status]
    if revision.status not in allowed:
        raise WorkflowError(
            f"Revision #{revision.pk} is {revision.get_status_display().lower()}, so it cannot become "
            f"{DiseaseRevision.Status(status).label.lower()}."
        )
    revision.status = status
    for name, value in fields.items():
        setattr(revision, name, value)
    revision.save()
    return revision


@transaction.atomic
def submit_revision(*, revision, acting_user) -> DiseaseRevision:
    require(acting_user, EDIT_PERMISSION, "send revisions to review")
    set_status(revision, Status.IN_REVIEW, submitted_at=timezone.now(), submitted_by=acting_user)
    notifications.review_requested(revision=revision, acting_user=acting_user)
    return revision


@transaction.atomic
def withdraw_revision(*, revision, acting_user) -> DiseaseRevision:
    require(acting_user, EDIT_PERMISSION, "withdraw revisions")
    return set_status(revision, Status.WITHDRAWN, go_live_at=None)


@transaction.atomic
def return_revision(*, revision, acting_user, comment) -> DiseaseRevision:
    """A reviewer sends a revision back to its editor, saying why."""
    require(acting_user, PUBLISH_PERMISSION, "review revisions")
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("Say what the editor should change: the comment is what they will read.")
    set_status(
        revision,
        Status.RETURNED,
        review_comment=comment,
        reviewed_at=timezone.now(),
        reviewed_by=acting_user,
        go_live_at=None,
    )
    notifications.revision_returned(revision=revision)
    return revision


def lock_for_approval(revision, acting_user) -> DiseaseRevision:
    """The revision, locked, once checked that ``acting_user`` may approve it and it is ready to be."""
    require(acting_user, PUBLISH_PERMISSION, "approve revisions")
    revision = DiseaseRevision.objects.select_for_update().get(pk=revision.pk)
    if revision.status not in (Status.IN_REVIEW, Status.SCHEDULED):
        raise WorkflowError(
            f"Revision #{revision.pk} is {revision.get_status_display().lower()}: send it to review first."
        )
    return revision


@transaction.atomic
def approve_revision(*, revision, acting_user, now=None) -> DiseaseRevision:
    """Apply a revision now; only reviewers (with the publish permission) may. To approve it for a later
    time, see ``schedule.approve_revision_at``.

    A reviewer may approve a revision they wrote themselves: the history names both roles. The
    whole revision is applied in one transaction.
    """
    revision = lock_for_approval(revision, acting_user)
    now = now or timezone.now()
    revision.reviewed_at, revision.reviewed_by = now, acting_user
    return apply_revision(revision, acting_user, now)


def apply_revision(revision, approver, now) -> DiseaseRevision:
    """Write an approved revision to its page, record who wrote and who approved it, and tell the authors."""
    disease = Disease.objects.select_for_update().get(pk=revision.disease_id)
    author = revision.created_by or revision.updated_by
    reason = f"Revision #{revision.pk} by {author or 'an editor'}, approved by {approver}"
    # Set before the edit is written, so the page is saved (and its history recorded) once.
    disease.content_updated_at = disease.last_reviewed_at = now
    disease.last_reviewed_by = approver
    apply_edit(
        disease=disease, edit=DiseaseEdit.from_json(revision.changes), acting_user=approver, reason=reason
    )
    set_status(revision, Status.APPLIED, applied_at=now)
    notifications.revision_approved(revision=revision)
    return revision


@contextmanager
def revision_preview(revision, acting_user):
    """The page with the revision applied, for a staff preview; nothing is kept (it is rolled back)."""
    try:
        with transaction.atomic():
            disease = Disease.objects.get(pk=revision.disease_id)
            apply_edit(disease=disease, edit=DiseaseEdit.from_json(revision.changes), acting_user=acting_user)
            yield Disease.objects.for_page().get(pk=revision.disease_id)
            raise TrialRollback
    except TrialRollback:
        pass
