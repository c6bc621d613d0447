"""Writing the glossary: editors' entries, and the entries shipped with the site.

``save_entry`` and ``delete_entry`` are the one way people change entries (the admin calls them): each
is atomic, checks the writer's permission, validates the entry (``check_entry``, which the admin's
form runs too, so its messages appear on the form) and records who did it in the entry's history.
``load_shipped`` writes ``diseases.glossary.entries`` for ``manage.py load_glossary``: it adds what is
missing, updates what it shipped before, and never touches an entry an editor wrote, changed, renamed
or deleted.

Every write moves the content generation (the signals in ``diseases.changes`` for saves and deletes,
``load_shipped`` itself for its bulk writes), and each disease page's stored HTML is kept under a key
that names the glossary's content (``pages.stored.body_key``), so pages explain words as the
glossary now does.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ..freshness import content_changed
from ..glossary.entries import ENTRIES
from ..glossary.words import normal_form
from ..models import (
    GLOSSARY_ADD_PERMISSION,
    GLOSSARY_CHANGE_PERMISSION,
    GLOSSARY_DELETE_PERMISSION,
    GlossaryEntry,
)
from .editing import save_with_history

SHIPPED_REASON = "Shipped with the site"


@dataclass(frozen=True)
class EntryText:
    """An entry as it will be stored: the term, its forms (the term first, each once) and the explanation."""

    term: str
    forms: list[str]
    explanation: str

    @property
    def slug(self) -> str:
        return slugify(self.term)


def entry_text(*, term: str, forms, explanation: str) -> EntryText:
    """What an editor typed, tidied: spaces trimmed and runs of them made one, the term as the first
    form, and a form given twice (in any case, or with a hyphen for a space) kept once."""
    term = " ".join((term or "").split())
    kept, seen = [], set()
    for form in [term, *(forms or [])]:
        form = " ".join(str(form).split())
        if form and normal_form(form) not in seen:
            seen.add(normal_form(form))
            kept.append(form)
    return EntryText(term, kept, " ".join((explanation or "").split()))


def check_entry(*, entry: GlossaryEntry, text: EntryText) -> None:
    """Raise a ``ValidationError`` by field for what would make ``text`` a bad entry, or return.

    ``entry`` is the entry it would be stored as (unsaved for a new one): its own forms never clash.
    """
    errors: dict[str, list[str]] = {}
    if not text.term:
        errors.setdefault("term", []).append("Write the word this entry explains.")
    elif not text.slug:
        errors.setdefault("term", []).append("The word needs at least one letter or digit.")
    others = GlossaryEntry.objects.exclude(pk=entry.pk) if entry.pk else GlossaryEntry.objects.all()
    if text.slug and others.filter(slug=text.slug).exists():
        errors.setdefault("term", []).append(f"There is already an entry for “{text.term}”.")
    claimed = {
        normal_form(form): term for term, forms in others.values_list("term", "forms") for form in forms
    }
    for form in text.forms:
        if not any(char.isalpha() for char in form):
            errors.setdefault("forms", []).append(
                f"“{form}” has no letters, so it cannot be found on a page."
            )
        elif (owner := claimed.get(normal_form(form))) is not None and "term" not in errors:
            errors.setdefault("forms", []).append(
                f"“{form}” already opens the entry “{owner}”: a word can open only one explanation."
            )
    words = len(text.explanation.split())
    if not words:
        errors.setdefault("explanation", []).append(
            "Write the explanation: it is what readers see when they open the word."
        )
    elif (
        words > GlossaryEntry.EXPLANATION_MAX_WORDS
        or len(text.explanation) > GlossaryEntry.EXPLANATION_MAX_LENGTH
    ):
        errors.setdefault("explanation", []).append(
            f"Keep the explanation to {GlossaryEntry.EXPLANATION_MAX_WORDS} words and "
            f"{GlossaryEntry.EXPLANATION_MAX_LENGTH} characters at most (it has {words} words and "
            f"{len(text.explanation)} characters): it opens in a small box beside the word."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_entry(*, entry: GlossaryEntry, term: str, forms, explanation: str, acting_user) -> GlossaryEntry:
    """Create ``entry`` (no primary key yet) or change it to ``term``, ``forms`` and ``explanation``.

    Refused with ``PermissionDenied`` for a user who may not, and with a ``ValidationError`` naming the
    field for a bad entry (``check_entry``); nothing is written then. A save that changes nothing
    writes nothing. A saved entry is the editors' from then on: ``load_glossary`` leaves it alone.
    """
    created = entry.pk is None
    if not acting_user.has_perm(GLOSSARY_ADD_PERMISSION if created else GLOSSARY_CHANGE_PERMISSION):
        raise PermissionDenied("You are not allowed to change the glossary.")
    text = entry_text(term=term, forms=forms, explanation=explanation)
    check_entry(entry=entry, text=text)
    if not created:
        stored = GlossaryEntry.objects.filter(pk=entry.pk).values_list("term", "forms", "explanation").first()
        if stored == (text.term, text.forms, text.explanation):
            return entry
    entry.term, entry.slug, entry.forms, entry.explanation = (
        text.term,
        text.slug,
        text.forms,
        text.explanation,
    )
    entry.origin = GlossaryEntry.Origin.EDITOR
    entry.full_clean()
    save_with_history(
        entry,
        acting_user=acting_user,
        reason="Created" if created else "Edited",
        update_fields=None if created else ["term", "slug", "forms", "explanation", "origin", "updated_at"],
    )
    return entry


@transaction.atomic
def delete_entry(*, entry: GlossaryEntry, acting_user) -> None:
    """Remove ``entry``; its history keeps it, with who removed it, and ``load_glossary`` leaves it out."""
    if not acting_user.has_perm(GLOSSARY_DELETE_PERMISSION):
        raise PermissionDenied("You are not allowed to change the glossary.")
    entry._history_user = acting_user  # noqa: SLF001 - django-simple-history's documented hook
    entry.delete()


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    editors: int = 0  # left as an editor wrote, changed, renamed or deleted it
    clashing: list[str] | None = None  # shipped terms left out: an editor's entry has one of their forms

    def __str__(self):
        parts = [
            f"{self.created} added",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.editors} left as editors made them",
        ]
        line = "Glossary: " + ", ".join(parts) + "."
        if self.clashing:
            line += (
                f" Left out, because an editor's entry already explains one of their forms: "
                f"{', '.join(self.clashing)}."
            )
        return line


@transaction.atomic
def load_shipped(entries=ENTRIES) -> LoadResult:
    """Write the shipped ``entries`` that are missing, or that changed in the code since they were loaded.

    An entry is the site's while its origin is ``SHIPPED``; once an editor saves it, it is theirs. An
    entry an editor deleted or renamed is known by its address (slug) in the history and is not added
    again; nor is one whose forms an editor's entry already claims. Run again, it writes nothing.
    """
    result = LoadResult(clashing=[])
    stored = {entry.slug: entry for entry in GlossaryEntry.objects.all()}
    ever = set(GlossaryEntry.history.values_list("slug", flat=True).distinct())
    claimed = {normal_form(form): entry.slug for entry in stored.values() for form in entry.forms}
    to_create, to_update = [], []
    now = timezone.now()
    for shipped in entries:
        text = entry_text(term=shipped.term, forms=shipped.forms, explanation=shipped.explanation)
        entry = stored.get(text.slug)
        clash = any(claimed.get(normal_form(form), text.slug) != text.slug for form in text.forms)
        # Gone but in the history (an editor deleted or renamed it), or saved by an editor since.
        editors = text.slug in ever if entry is None else entry.origin != GlossaryEntry.Origin.SHIPPED
        if editors:
            result.editors += 1
        elif clash:
            result.clashing.append(text.term)
        elif entry is None:
            to_create.append(
                GlossaryEntry(
                    term=text.term,
                    slug=text.slug,
                    forms=text.forms,
                    explanation=text.explanation,
                    origin=GlossaryEntry.Origin.SHIPPED,
                )
            )
            claimed.update(dict.fromkeys(map(normal_form, text.forms), text.slug))
        elif (entry.term, entry.forms, entry.explanation) != (text.term, text.forms, text.explanation):
            entry.term, entry.forms, entry.explanation = text.term, text.forms, text.explanation
            entry.updated_at = now  # bulk_update leaves auto_now alone
            to_update.append(entry)
        else:
            result.unchanged += 1
    if to_create:
        bulk_create_with_history(
            to_create, GlossaryEntry, batch_size=500, default_change_reason=SHIPPED_REASON
        )
    if to_update:
        bulk_update_with_history(
            to_update,
            GlossaryEntry,
            ["term", "forms", "explanation", "updated_at"],
            batch_size=500,
            default_change_reason=SHIPPED_REASON,
        )
    result.created, result.updated = len(to_create), len(to_update)
    if to_create or to_update:
        content_changed()  # bulk writes send no signals
    return result
