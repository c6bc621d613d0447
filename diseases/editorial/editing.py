"""Writing an editor's change to a page: all or nothing, checked, recorded in the page's history.

``apply_edit`` is the one writer of a page and its related rows for people (the admin, a revision
being approved, a revert); it brings the page's search rows up to date in the same transaction and
queues a refresh of the matching index once the change is committed. Imports write through
``diseases.importer`` instead, in bulk.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..cards import schedule_card
from ..freshness import content_changed
from ..markup import cited_numbers, is_current
from ..matching.tasks import schedule_similarity_refresh
from ..models import EDIT_PERMISSION, Category, Disease, ScheduledTransition
from ..plain.build import build_summaries
from ..search import index_disease
from .edits import ROW_KINDS, DiseaseEdit


def save_with_history(instance, *, acting_user, reason=None, update_fields=None):
    """Save ``instance`` so that its history names who did it, and why."""
    instance._history_user = acting_user  # noqa: SLF001 - django-simple-history's documented hook
    if reason:
        instance._change_reason = reason  # noqa: SLF001
    instance.save(update_fields=update_fields)


def reindex(disease):
    """Search rows and the plain summaries (the page's and its groups') now, in this transaction; the
    matching index once it is committed."""
    index_disease(disease)
    build_summaries([disease.pk])
    transaction.on_commit(schedule_similarity_refresh)


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
    save_with_history(disease, acting_user=acting_user, reason=reason or ("Created" if created else "Edited"))
    if edit.categories is not None:
        disease.categories.set(Category.objects.filter(pk__in=edit.categories))
    for key, changes in edit.rows.items():
        _apply_rows(disease, ROW_KINDS[key], changes, acting_user)
    check_citations(disease)
    if disease.is_published and (created or "name" in edit.fields):
        schedule_card(disease)  # a published page renamed (a revision approved, a revert): its new card
    if not created and not disease.is_published:
        # A publication was approved for the page as it was; changed, it needs approving again.
        ScheduledTransition.objects.pending().filter(
            disease=disease, action=ScheduledTransition.Action.PUBLISH
        ).update(cancelled_at=timezone.now(), outcome="Cancelled: the page changed after it was approved.")
    reindex(disease)
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
            if name in kind.attnames:
                setattr(row, name, value)
        if kind.key == "annotations" and "band" in change.values and row.pk is not None:
            # A band set by hand is the editor's: the next import must keep it.
            row.band_corrected = True
        row.full_clean(exclude=["disease"], validate_unique=False, validate_constraints=False)
        save_with_history(row, acting_user=acting_user)


class TrialRollback(Exception):
    """Undoes a trial application of an edit (see ``check_edit`` and ``revisions.revision_preview``)."""


def check_edit(*, disease, edit, acting_user) -> None:
    """Raise the ``ValidationError`` applying ``edit`` would raise, and write nothing."""
    try:
        with transaction.atomic():
            apply_edit(disease=Disease.objects.get(pk=disease.pk), edit=edit, acting_user=acting_user)
            raise TrialRollback
    except TrialRollback:
        pass


# --- Citations ------------------------------------------------------------------------------------


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


# --- Stored HTML of the texts -----------------------------------------------------------------------


def rerender_texts(*, only_outdated=False, batch_size=500) -> int:
    """Store every page's text HTML again, as ``markup`` renders it now; returns the pages written.

    For after a change to the renderer, or to text saved around the services (the shell, SQL).
    ``only_outdated`` skips pages whose stored HTML already matches their text and the renderer.
    """
    written = 0
    pages = Disease.objects.only("pk", "texts_html", *Disease.CONTENT_FIELDS).order_by("pk")
    for start in range(0, pages.count(), batch_size):
        batch = list(pages[start : start + batch_size])
        outdated = [d for d in batch if not (only_outdated and is_current(d.texts_html, d.texts))]
        for disease in outdated:
            disease.render_texts()
        with transaction.atomic():
            Disease.objects.bulk_update(outdated, ["texts_html"])
            if outdated:
                content_changed()  # bulk_update sends no signal
        written += len(outdated)
    return written
