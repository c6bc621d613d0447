"""Writes to disease content by people: the admin, commands and tests call these, never ad-hoc saves.

Each function is atomic, checks who may do it, records who did it in the page's history, and brings
the search rows up to date in the same transaction; the symptom-matching index is refreshed by a
task once the change is committed. Imports write through ``diseases.importer`` instead, in bulk.
"""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from . import markup, notifications
from .edits import ROW_KINDS, DiseaseEdit
from .freshness import content_changed
from .markup import cited_numbers
from .models import (
    Category,
    Disease,
    DiseaseRevision,
    DiseaseSynonym,
    ExternalIdentifier,
    Reference,
    Resource,
    ScheduledTransition,
)
from .search import index_disease
from .tasks import schedule_go_live, schedule_similarity_refresh

PUBLISH_PERMISSION = "diseases.publish_disease"
EDIT_PERMISSION = "diseases.change_disease"


class WorkflowError(ValidationError):
    """A status change that the workflow does not allow."""


def _save(instance, *, acting_user, reason=None, update_fields=None):
    instance._history_user = acting_user  # noqa: SLF001 - django-simple-history's documented hook
    if reason:
        instance._change_reason = reason  # noqa: SLF001
    instance.save(update_fields=update_fields)


def _reindex(disease):
    """Search rows now, in this transaction; the matching index once it is committed."""
    index_disease(disease)
    transaction.on_commit(schedule_similarity_refresh)


# --- Editing a page ---------------------------------------------------------------------------------


@transaction.atomic
def apply_edit(*, disease: Disease, edit: DiseaseEdit, acting_user, reason=None) -> Disease:
    """Write an editor's change to a page and its related rows, all or nothing.

    ``disease`` may be new (no primary key yet): it is created first. The public "last updated" date
    moves only when readers would see new text. A change that leaves a ``[n]`` marker without
    reference ``n`` is refused with a ``ValidationError`` naming it, and nothing is written.
    """
    created = disease.pk is None
    if not (acting_user.has_perm("diseases.add_disease" if created else EDIT_PERMISSION)):
        raise PermissionDenied("You are not allowed to change pages.")
    for name, value in edit.fields.items():
        setattr(disease, name, value)
    if edit.changes_content or (created and disease.has_written_content):
        disease.content_updated_at = timezone.now()
    if created or any(name in Disease.CONTENT_FIELDS for name in edit.fields):
        disease.render_texts()
    disease.full_clean(exclude=["categories"])
    _save(disease, acting_user=acting_user, reason=reason or ("Created" if created else "Edited"))
    if edit.categories is not None:
        disease.categories.set(Category.objects.filter(pk__in=edit.categories))
    for key, changes in edit.rows.items():
        _apply_rows(disease, ROW_KINDS[key], changes, acting_user)
    check_citations(disease)
    if not created and not disease.is_published:
        # A publication was approved for the page as it was; changed, it needs approving again.
        ScheduledTransition.objects.pending().filter(
            disease=disease, action=ScheduledTransition.Action.PUBLISH
        ).update(cancelled_at=timezone.now(), outcome="Cancelled: the page changed after it was approved.")
    _reindex(disease)
    return disease


def _apply_rows(disease, kind, changes, acting_user):
    rows = kind.model.objects.filter(disease=disease).in_bulk([c.pk for c in changes if c.pk is not None])
    for change in changes:
        if change.pk is None:
            row = kind.model(disease=disease)
        else:
            row = rows.get(change.pk)
            if row is None:
                continue  # removed meanwhile (by another editor or an import): nothing left to change
        if change.delete:
            row._history_user = acting_user  # noqa: SLF001
            row.delete()
            continue
        for name, value in change.values.items():
            if name in kind.fields:
                setattr(row, name, value)
        if kind.key == "annotations" and "band" in change.values and row.pk is not None:
            # A band set by hand is the editor's: the next import must keep it.
            row.band_corrected = True
        row.full_clean(exclude=["disease"], validate_unique=False, validate_constraints=False)
        _save(row, acting_user=acting_user)


def check_citations(disease):
    """Refuse a page whose text cites a reference number it does not have."""
    numbers = disease.references.values_list("number", flat=True)
    errors = missing_reference_errors(disease.texts, list(numbers))
    if errors:
        raise ValidationError(errors)


def citations_by_number(texts: dict[str, str]) -> dict[int, list[str]]:
    """Which fields cite each reference number, from a {field: text} mapping."""
    cited: dict[int, list[str]] = {}
    for field, text in texts.items():
        for number in cited_numbers(text):
            cited.setdefault(number, []).append(field)
    return cited


def field_label(field: str) -> str:
    return str(Disease._meta.get_field(field).verbose_name).capitalize()


def missing_reference_errors(texts: dict[str, str], reference_numbers) -> list[str]:
    """Plain messages for every [n] marker that has no reference n."""
    return [
        f"The marker [{number}] in {', '.join(field_label(f) for f in fields)} has no reference {number}. "
        f"Add reference {number} or remove the marker."
        for number, fields in sorted(citations_by_number(texts).items())
        if number not in set(reference_numbers)
    ]


# --- Workflow: draft -> review -> published, and back to draft -------------------------------------

TRANSITIONS = {
    "send_to_review": ({Disease.Status.DRAFT}, Disease.Status.REVIEW, EDIT_PERMISSION),
    "publish": ({Disease.Status.REVIEW}, Disease.Status.PUBLISHED, PUBLISH_PERMISSION),
    "unpublish": ({Disease.Status.PUBLISHED}, Disease.Status.DRAFT, PUBLISH_PERMISSION),
    "return_to_draft": ({Disease.Status.REVIEW}, Disease.Status.DRAFT, EDIT_PERMISSION),
}
TRANSITION_LABELS = {
    "send_to_review": "Sent to review",
    "publish": "Published",
    "unpublish": "Unpublished",
    "return_to_draft": "Returned to draft",
}
# What the admin's buttons say, in the order it shows them.
TRANSITION_BUTTONS = [
    ("send_to_review", "Send to review"),
    ("return_to_draft", "Return to draft"),
    ("publish", "Publish"),
    ("unpublish", "Unpublish"),
]


def allowed_transitions(disease, user) -> list[tuple[str, str]]:
    """The (action, button label) pairs ``user`` may apply to ``disease`` now."""
    return [
        (action, label)
        for action, label in TRANSITION_BUTTONS
        if disease.status in TRANSITIONS[action][0] and user.has_perm(TRANSITIONS[action][2])
    ]


@transaction.atomic
def transition(*, disease: Disease, action: str, acting_user) -> Disease:
    """Move a disease page through the editorial workflow, checking role and current status."""
    allowed_from, target, permission = TRANSITIONS[action]
    if not acting_user.has_perm(permission):
        raise PermissionDenied(f"You are not allowed to {action.replace('_', ' ')} pages.")
    disease = Disease.objects.select_for_update().get(pk=disease.pk)
    if disease.status not in allowed_from:
        raise WorkflowError(
            f"“{disease.name}” is {disease.get_status_display().lower()}, so it cannot be "
            f"{TRANSITION_LABELS[action].lower()}."
        )
    disease.status = target
    update_fields = ["status", "updated_at"]
    if action == "publish":
        now = timezone.now()
        disease.published_at = now
        disease.last_reviewed_at = now
        disease.last_reviewed_by = acting_user
        update_fields += ["published_at", "last_reviewed_at", "last_reviewed_by"]
    _save(disease, acting_user=acting_user, reason=TRANSITION_LABELS[action], update_fields=update_fields)
    # Search rows exist for every status; matching ranks published pages only.
    transaction.on_commit(schedule_similarity_refresh)
    return disease


# --- Revisions of published pages ------------------------------------------------------------------
#
# A change to a published page waits as its one pending revision until a reviewer approves it;
# readers, search, the API and the downloads see the page as it is until then. A revision goes
# draft -> in review -> (returned -> in review ...) -> applied, now or when scheduled; an editor may
# withdraw it while it is pending. Pages never published are edited directly (apply_edit).


class RevisionConflict(ValidationError):
    """Someone saved the page or its revision since the editor opened it."""


class _Rollback(Exception):
    """Undoes a trial application of an edit (see ``check_edit`` and ``revision_preview``)."""


def pending_revision(disease) -> DiseaseRevision | None:
    return DiseaseRevision.objects.pending().filter(disease=disease).first()


def edit_token(disease, revision=None) -> str:
    """What an editor's form was built on: the page's last save and the pending revision's save count.

    The form carries it; a save made on an older token is refused as a conflict.
    """
    stamp = int(disease.updated_at.timestamp() * 1_000_000) if disease.updated_at else 0
    return f"{stamp}-{revision.pk if revision else 0}-{revision.version if revision else 0}"


def check_edit(*, disease, edit, acting_user) -> None:
    """Raise the ``ValidationError`` applying ``edit`` would raise, and write nothing."""
    try:
        with transaction.atomic():
            apply_edit(disease=Disease.objects.get(pk=disease.pk), edit=edit, acting_user=acting_user)
            raise _Rollback
    except _Rollback:
        pass


@transaction.atomic
def save_revision(*, disease, edit, acting_user, token=None) -> DiseaseRevision | None:
    """Keep an editor's change to a published page as its pending revision; the page stays as it is.

    ``edit`` is the whole difference between the editor's form and the published page, so each save
    replaces the revision's changes, and a revision that was in review or scheduled goes back to
    being written (it must be approved as it now is). With no difference left, a pending revision
    is withdrawn and None returned. ``token`` (from ``edit_token``) guards against overwriting
    someone's newer save: ``RevisionConflict``.
    """
    _require(acting_user, EDIT_PERMISSION, "change pages")
    disease = Disease.objects.select_for_update().get(pk=disease.pk)
    revision = DiseaseRevision.objects.select_for_update().pending().filter(disease=disease).first()
    if token is not None and token != edit_token(disease, revision):
        raise RevisionConflict(conflict_message(disease, revision))
    if not edit:
        if revision is not None:
            _set_status(revision, DiseaseRevision.Status.WITHDRAWN, acting_user)
        return None
    check_edit(disease=disease, edit=edit, acting_user=acting_user)
    if revision is None:
        revision = DiseaseRevision(disease=disease, created_by=acting_user, version=0)
    revision.changes = edit.as_json()
    revision.version += 1
    revision.updated_by = acting_user
    revision.status = DiseaseRevision.Status.DRAFT
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


def _require(user, permission, what):
    if not user.has_perm(permission):
        raise PermissionDenied(f"You are not allowed to {what}.")


def _set_status(revision, status, acting_user, **fields):
    allowed = REVISION_STEPS[status]
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


Status = DiseaseRevision.Status
# Which statuses a revision may move to, from which.
REVISION_STEPS = {
    Status.IN_REVIEW: {Status.DRAFT, Status.RETURNED},
    Status.RETURNED: {Status.IN_REVIEW, Status.SCHEDULED},
    Status.SCHEDULED: {Status.IN_REVIEW, Status.SCHEDULED},
    Status.APPLIED: {Status.IN_REVIEW, Status.SCHEDULED},
    Status.WITHDRAWN: set(DiseaseRevision.PENDING),
}


@transaction.atomic
def submit_revision(*, revision, acting_user) -> DiseaseRevision:
    _require(acting_user, EDIT_PERMISSION, "send revisions to review")
    now = timezone.now()
    _set_status(revision, Status.IN_REVIEW, acting_user, submitted_at=now, submitted_by=acting_user)
    notifications.review_requested(revision=revision, acting_user=acting_user)
    return revision


@transaction.atomic
def withdraw_revision(*, revision, acting_user) -> DiseaseRevision:
    _require(acting_user, EDIT_PERMISSION, "withdraw revisions")
    return _set_status(revision, Status.WITHDRAWN, acting_user, go_live_at=None)


@transaction.atomic
def return_revision(*, revision, acting_user, comment) -> DiseaseRevision:
    """A reviewer sends a revision back to its editor, saying why."""
    _require(acting_user, PUBLISH_PERMISSION, "review revisions")
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("Say what the editor should change: the comment is what they will read.")
    now = timezone.now()
    _set_status(
        revision,
        Status.RETURNED,
        acting_user,
        review_comment=comment,
        reviewed_at=now,
        reviewed_by=acting_user,
        go_live_at=None,
    )
    notifications.revision_returned(revision=revision)
    return revision


@transaction.atomic
def approve_revision(*, revision, acting_user, go_live_at=None, now=None) -> DiseaseRevision:
    """Apply a revision now, or at ``go_live_at``; only reviewers (with the publish permission) may.

    A reviewer may approve a revision they wrote themselves: the history names both roles. The
    whole revision is checked before it is scheduled, and applied in one transaction.
    """
    _require(acting_user, PUBLISH_PERMISSION, "approve revisions")
    now = now or timezone.now()
    revision = DiseaseRevision.objects.select_for_update().get(pk=revision.pk)
    if revision.status not in (Status.IN_REVIEW, Status.SCHEDULED):
        raise WorkflowError(
            f"Revision #{revision.pk} is {revision.get_status_display().lower()}: send it to review first."
        )
    edit = DiseaseEdit.from_json(revision.changes)
    if go_live_at is not None and go_live_at > now:
        check_edit(disease=revision.disease, edit=edit, acting_user=acting_user)
        _set_status(
            revision,
            Status.SCHEDULED,
            acting_user,
            go_live_at=go_live_at,
            reviewed_at=now,
            reviewed_by=acting_user,
        )
        transaction.on_commit(lambda: schedule_go_live(go_live_at))
        notifications.revision_approved(revision=revision)
        return revision
    revision.reviewed_at, revision.reviewed_by = now, acting_user
    return _apply_revision(revision, edit, acting_user, now)


def _apply_revision(revision, edit, approver, now):
    disease = Disease.objects.select_for_update().get(pk=revision.disease_id)
    author = revision.created_by or revision.updated_by
    reason = f"Revision #{revision.pk} by {author or 'an editor'}, approved by {approver}"
    # Set before the edit is written, so the page is saved (and its history recorded) once.
    disease.content_updated_at = disease.last_reviewed_at = now
    disease.last_reviewed_by = approver
    apply_edit(disease=disease, edit=edit, acting_user=approver, reason=reason)
    _set_status(revision, Status.APPLIED, approver, applied_at=now)
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
            raise _Rollback
    except _Rollback:
        pass


# --- Scheduled publishing ---------------------------------------------------------------------------


@transaction.atomic
def schedule_transition(*, disease, action, due_at, acting_user, now=None) -> ScheduledTransition:
    """Publish a page in review, or unpublish a published one, at ``due_at``; reviewers only."""
    _require(acting_user, PUBLISH_PERMISSION, f"schedule pages to {action}")
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
    _require(acting_user, PUBLISH_PERMISSION, "cancel scheduled changes")
    return ScheduledTransition.objects.pending().filter(disease=disease).update(cancelled_at=timezone.now())


def apply_due_changes(*, now=None) -> list[str]:
    """Apply every scheduled revision and transition that is due, each in its own transaction.

    Run by a task queued for each go-live time (and by ``manage.py apply_scheduled`` from cron, as a
    safety net). One that can no longer be applied (the page changed meanwhile, or the reviewer
    lost the permission) is recorded and left, and the others go ahead.
    """
    now = now or timezone.now()
    done = []
    for revision in DiseaseRevision.objects.due(now).select_related("reviewed_by"):
        try:
            with transaction.atomic():
                _apply_revision(revision, DiseaseEdit.from_json(revision.changes), revision.reviewed_by, now)
            done.append(f"Applied {revision}")
        except (ValidationError, PermissionDenied) as error:
            _set_status(revision, Status.RETURNED, revision.reviewed_by, review_comment=_message(error))
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


# --- History ---------------------------------------------------------------------------------------

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


# --- Demo content ----------------------------------------------------------------------------------


@transaction.atomic
def load_disease_content(*, content: dict, overwrite=False) -> tuple[Disease, bool]:
    """Create or fill in a disease page from a content dict (see ``demo_content.ALPS``).

    An existing page that already has written content is left alone unless
    ``overwrite`` is set, so editors' work is never replaced. Returns the disease
    and whether anything was written.
    """
    disease = Disease.objects.filter(slug=content["slug"]).first()
    if disease is None and content.get("gard_id"):
        disease = Disease.objects.filter(gard_id=content["gard_id"]).first()
    if disease is not None and disease.has_written_content and not overwrite:
        return disease, False

    disease = disease or Disease(slug=content["slug"])
    disease.name = content["name"]
    disease.gard_id = content.get("gard_id")
    disease.status = Disease.Status.PUBLISHED
    disease.last_reviewed_at = disease.published_at = timezone.now()
    for field in Disease.CONTENT_FIELDS:
        setattr(disease, field, content.get(field, ""))
    disease.content_updated_at = timezone.now()
    disease.render_texts()
    disease.full_clean(exclude=["categories"])
    _save(disease, acting_user=None, reason="Demo content loaded")

    disease.categories.add(*[Category.objects.get_or_create(name=name)[0] for name in content["categories"]])
    for position, name in enumerate(content["synonyms"]):
        DiseaseSynonym.objects.update_or_create(disease=disease, name=name, defaults={"position": position})
    for source, code in content["identifiers"]:
        ExternalIdentifier.objects.update_or_create(source=source, code=code, defaults={"disease": disease})
    disease.references.all().delete()
    Reference.objects.bulk_create(
        Reference(disease=disease, **reference) for reference in content["references"]
    )
    disease.resources.all().delete()
    Resource.objects.bulk_create(Resource(disease=disease, **resource) for resource in content["resources"])
    _reindex(disease)
    return disease, True


# --- Stored HTML -----------------------------------------------------------------------------------


def rerender_texts(*, only_outdated=False, batch_size=500) -> int:
    """Store every page's text HTML again, as ``markup`` renders it now; returns the pages written.

    For after a change to the renderer, or to text saved around the services (the shell, SQL).
    ``only_outdated`` skips pages whose stored HTML already matches their text and the renderer.
    """
    written = 0
    pages = Disease.objects.only("pk", "texts_html", *Disease.CONTENT_FIELDS).order_by("pk")
    for start in range(0, pages.count(), batch_size):
        batch = list(pages[start : start + batch_size])
        outdated = [d for d in batch if not (only_outdated and markup.is_current(d.texts_html, d.texts))]
        for disease in outdated:
            disease.render_texts()
        with transaction.atomic():
            Disease.objects.bulk_update(outdated, ["texts_html"])
            if outdated:
                content_changed()  # bulk_update sends no signal
        written += len(outdated)
    return written
