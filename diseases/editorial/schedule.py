"""Changes that go live later: a revision approved for a time, a page to publish or unpublish at a time.

Each is applied by a task queued on django-tasks' worker for its time (``apply_scheduled_changes``),
and by ``manage.py apply_scheduled`` from cron as a safety net should that task be lost.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ..models import PUBLISH_PERMISSION, DiseaseRevision, ScheduledTransition
from . import notifications
from .editing import check_edit
from .edits import DiseaseEdit
from .revisions import Status, apply_revision, approve_revision, lock_for_approval, set_status
from .workflow import TRANSITIONS, WorkflowError, require, transition

logger = logging.getLogger(__name__)


@transaction.atomic
def approve_revision_at(*, revision, acting_user, go_live_at, now=None) -> DiseaseRevision:
    """Approve a revision to go live at ``go_live_at``; a time already past applies it now.

    The whole revision is checked now, so a reviewer learns at once if it cannot be applied.
    """
    now = now or timezone.now()
    if go_live_at <= now:
        return approve_revision(revision=revision, acting_user=acting_user, now=now)
    revision = lock_for_approval(revision, acting_user)
    check_edit(
        disease=revision.disease, edit=DiseaseEdit.from_json(revision.changes), acting_user=acting_user
    )
    set_status(revision, Status.SCHEDULED, go_live_at=go_live_at, reviewed_at=now, reviewed_by=acting_user)
    transaction.on_commit(lambda: schedule_go_live(go_live_at))
    notifications.revision_approved(revision=revision)
    return revision


@transaction.atomic
def schedule_transition(*, disease, action, due_at, acting_user, now=None) -> ScheduledTransition:
    """Publish a page in review, or unpublish a published one, at ``due_at``; reviewers only."""
    require(acting_user, PUBLISH_PERMISSION, f"schedule pages to {action}")
    now = now or timezone.now()
    if due_at <= now:
        raise ValidationError("Choose a time in the future, or act now with the buttons above.")
    allowed_from = TRANSITIONS[action][0]
    if disease.status not in allowed_from:
        raise WorkflowError(
            f"“{disease.name}” is {disease.get_status_display().lower()}, so it cannot be scheduled to {action}."
        )
    cancel_scheduled_transition(disease=disease, acting_user=acting_user)
    scheduled = ScheduledTransition.objects.create(
        disease=disease, action=action, due_at=due_at, scheduled_by=acting_user
    )
    transaction.on_commit(lambda: schedule_go_live(due_at))
    return scheduled


@transaction.atomic
def cancel_scheduled_transition(*, disease, acting_user) -> int:
    require(acting_user, PUBLISH_PERMISSION, "cancel scheduled changes")
    return ScheduledTransition.objects.pending().filter(disease=disease).update(cancelled_at=timezone.now())


def apply_due_changes(*, now=None) -> list[str]:
    """Apply every scheduled revision and transition that is due, each in its own transaction.

    One that can no longer be applied (the page changed meanwhile, or the reviewer lost the
    permission) is recorded and left, and the others go ahead.
    """
    now = now or timezone.now()
    done = []
    for revision in DiseaseRevision.objects.due(now).select_related("reviewed_by"):
        try:
            with transaction.atomic():
                apply_revision(revision, revision.reviewed_by, now)
            done.append(f"Applied {revision}")
        except (ValidationError, PermissionDenied) as error:
            set_status(revision, Status.RETURNED, review_comment=_message(error))
            done.append(f"Could not apply {revision}: {_message(error)}")
    for scheduled in ScheduledTransition.objects.due(now).select_related("disease", "scheduled_by"):
        try:
            with transaction.atomic():
                transition(
                    disease=scheduled.disease, action=scheduled.action, acting_user=scheduled.scheduled_by
                )
            outcome = f"{scheduled.get_action_display()}ed"
        except (ValidationError, PermissionDenied) as error:
            outcome = f"Not done: {_message(error)}"
        ScheduledTransition.objects.filter(pk=scheduled.pk).update(done_at=now, outcome=outcome[:255])
        done.append(f"{scheduled}: {outcome}")
    return done


def _message(error) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


@task()
def apply_scheduled_changes() -> str:
    """What the worker runs at a go-live time: everything then due (see ``apply_due_changes``)."""
    return "\n".join(apply_due_changes())


def schedule_go_live(when) -> None:
    """Queue ``apply_scheduled_changes`` to run at ``when`` (the worker runs it once it is due)."""
    job = apply_scheduled_changes
    try:
        if job.get_backend().supports_defer:
            job = job.using(run_after=when)
        job.enqueue()
    except Exception:
        # The cron safety net (manage.py apply_scheduled) still applies it; say so in the log.
        logger.exception("Could not queue the scheduled changes due at %s", when.isoformat())
