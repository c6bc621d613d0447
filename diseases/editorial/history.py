"""Readable history for editors: word-level diffs and changes to a page's related rows."""

import difflib
import re
from itertools import chain

from django.utils.html import escape
from django.utils.safestring import mark_safe
from simple_history.models import ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper

from ..models import Annotation, DiseaseSynonym, Reference, Resource

RELATED_HISTORY_LIMIT = 50
_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> str:
    """HTML showing removed words in <del> and added words in <ins>; everything escaped."""
    old_tokens, new_tokens = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_tokens[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(''.join(old_tokens[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(''.join(new_tokens[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


class TextDiffContextHelper(HistoricalRecordContextHelper):
    """Shows text fields as a word diff instead of two truncated strings."""

    def format_delta_change(self, change: ModelChange) -> ModelChange:
        if isinstance(change.old, str) and isinstance(change.new, str):
            field = self.model._meta.get_field(change.field)
            return ModelChange(
                field=str(field.verbose_name).capitalize(), old="", new=word_diff(change.old, change.new)
            )
        return super().format_delta_change(change)


def related_changes(disease_id: int) -> list:
    """The latest recorded changes to a page's other names, references, resources and symptom rows."""
    histories = [
        (DiseaseSynonym, "Other name"),
        (Reference, "Reference"),
        (Resource, "Resource"),
        (Annotation, "Symptom row"),
    ]
    records = chain.from_iterable(
        (
            (label, record)
            for record in model.history.filter(disease_id=disease_id)
            .select_related("history_user")
            .order_by("-history_date")[:RELATED_HISTORY_LIMIT]
        )
        for model, label in histories
    )
    return sorted(records, key=lambda item: item[1].history_date, reverse=True)[:RELATED_HISTORY_LIMIT]
