"""Writes to disease content. Admin, commands and tests call these, never ad-hoc saves."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .markup import cited_numbers
from .models import Category, Disease, DiseaseSynonym, ExternalIdentifier, Reference, Resource
from .search import index_disease

PUBLISH_PERMISSION = "diseases.publish_disease"
EDIT_PERMISSION = "diseases.change_disease"


class WorkflowError(ValidationError):
    """A status change that the workflow does not allow."""


def content_changed(changed_fields) -> bool:
    return any(field in Disease.CONTENT_FIELDS for field in changed_fields)


def _save(disease, *, acting_user, reason, update_fields=None):
    disease._history_user = acting_user  # noqa: SLF001 - django-simple-history's documented hook
    disease._change_reason = reason  # noqa: SLF001
    disease.save(update_fields=update_fields)


@transaction.atomic
def save_disease(*, disease: Disease, changed_fields=(), created=False, acting_user=None) -> Disease:
    """Save an editor's change; the public "last updated" date moves only when the text really changed."""
    if created and disease.has_written_content or content_changed(changed_fields):
        disease.content_updated_at = timezone.now()
    disease.full_clean(exclude=["categories"])
    _save(disease, acting_user=acting_user, reason="Created" if created else "Edited")
    return disease


def touch_content(*, disease: Disease) -> None:
    """Record that related content (references, resources, other names) really changed."""
    disease.content_updated_at = timezone.now()
    Disease.objects.filter(pk=disease.pk).update(content_updated_at=disease.content_updated_at)


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
    index_disease(disease)  # matching only ranks published pages
    return disease


def send_to_review(*, disease, acting_user):
    return transition(disease=disease, action="send_to_review", acting_user=acting_user)


def publish(*, disease, acting_user):
    return transition(disease=disease, action="publish", acting_user=acting_user)


def unpublish(*, disease, acting_user):
    return transition(disease=disease, action="unpublish", acting_user=acting_user)


# --- History ---------------------------------------------------------------------------------------

REVERTIBLE_FIELDS = ["name", *Disease.CONTENT_FIELDS]


@transaction.atomic
def revert_disease(*, disease: Disease, history_id: int, acting_user) -> Disease:
    """Restore a page's name and text from an earlier version; the revert is itself a new version."""
    if not acting_user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied("You are not allowed to change pages.")
    version = disease.history.get(history_id=history_id)
    changed = [field for field in REVERTIBLE_FIELDS if getattr(disease, field) != getattr(version, field)]
    if not changed:
        return disease
    for field in changed:
        setattr(disease, field, getattr(version, field))
    if content_changed(changed):
        disease.content_updated_at = timezone.now()
    disease.full_clean(exclude=["categories"])
    reason = f"Reverted to the version of {timezone.localtime(version.history_date):%d %b %Y %H:%M}"
    _save(disease, acting_user=acting_user, reason=reason)
    index_disease(disease)
    return disease


# --- References ------------------------------------------------------------------------------------


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


@transaction.atomic
def delete_reference(*, reference: Reference, acting_user=None) -> None:
    """Delete a reference unless the page still cites it."""
    disease = reference.disease
    texts = {field: getattr(disease, field) for field in Disease.CONTENT_FIELDS}
    fields = citations_by_number(texts).get(reference.number)
    if fields:
        raise ValidationError(
            f"Reference [{reference.number}] is still cited in {', '.join(field_label(f) for f in fields)}. "
            "Remove the citation first."
        )
    reference._history_user = acting_user  # noqa: SLF001
    reference.delete()
    touch_content(disease=disease)


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
    save_disease(disease=disease, changed_fields=Disease.CONTENT_FIELDS)

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
    index_disease(disease)
    return disease, True
