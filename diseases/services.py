"""Writes to disease content by people: the admin, commands and tests call these, never ad-hoc saves.

Each function is atomic, checks who may do it, records who did it in the page's history, and brings
the search rows up to date in the same transaction; the symptom-matching index is refreshed by a
task once the change is committed. Imports write through ``diseases.importer`` instead, in bulk.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from . import markup
from .edits import ROW_KINDS, DiseaseEdit
from .freshness import content_changed
from .markup import cited_numbers
from .models import Category, Disease, DiseaseSynonym, ExternalIdentifier, Reference, Resource
from .search import index_disease
from .tasks import schedule_similarity_refresh

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


# --- History ---------------------------------------------------------------------------------------

REVERTIBLE_FIELDS = ["name", *Disease.CONTENT_FIELDS]


@transaction.atomic
def revert_disease(*, disease: Disease, history_id: int, acting_user) -> Disease:
    """Restore a page's name and text from an earlier version; the revert is itself a new version."""
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
    for start in range(0, pages.count() + batch_size, batch_size):
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
