"""An editor's change to one disease page, as plain data: what ``editing.apply_edit`` writes.

The admin builds a ``DiseaseEdit`` from its form and inline formsets without writing anything; the
services apply it in one transaction. Because it is plain data (``as_json``/``from_json``), the same
change can also wait, stored, for a reviewer before it is applied.

Only what the editor changed is recorded: the page's fields that changed, the new set of
categories if it changed, and per kind of related row the rows added, changed (only the changed
values) or removed. Rows nobody touched, such as the symptom rows an import refreshed meanwhile,
are left as they are when the edit is applied.
"""

from dataclasses import dataclass, field
from functools import cached_property

from ..models import (
    Annotation,
    Disease,
    DiseaseDefinition,
    DiseaseSynonym,
    ExternalIdentifier,
    Reference,
    Resource,
)

# The page's own fields an editor may change, in the admin's order.
EDITABLE_FIELDS = ["name", "slug", "gard_id", *Disease.CONTENT_FIELDS]


@dataclass(frozen=True)
class RowKind:
    """A kind of row an editor changes with a page. ``editable`` is the one list of its fields an editor
    may set: the admin's inline offers exactly these, and ``apply_edit`` writes exactly these."""

    key: str
    model: type
    label: str
    editable: tuple  # form field names, in the admin's order
    # Rows whose change moves the page's public "last updated" date.
    is_content: bool

    @cached_property
    def attnames(self) -> tuple:
        """``editable`` as the row's attribute names (``phenotype_id`` for ``phenotype``), as edits store them."""
        return tuple(self.model._meta.get_field(name).attname for name in self.editable)


ROW_KINDS = {
    kind.key: kind
    for kind in [
        RowKind("synonyms", DiseaseSynonym, "Other name", ("name", "position"), True),
        RowKind("identifiers", ExternalIdentifier, "Identifier", ("source", "code", "label"), False),
        RowKind(
            "references",
            Reference,
            "Reference",
            ("number", "title", "publisher", "published", "url", "pubmed_id"),
            True,
        ),
        RowKind(
            "resources", Resource, "Resource", ("section", "position", "title", "url", "description"), True
        ),
        RowKind(
            "annotations",
            Annotation,
            "Symptom row",
            ("phenotype", "band", "band_corrected", "is_excluded", "is_hidden"),
            False,
        ),
        # Imported definitions: an editor may only hide one, or show it again.
        RowKind("definitions", DiseaseDefinition, "Imported definition", ("is_hidden",), False),
    ]
}
KIND_BY_MODEL = {kind.model: kind for kind in ROW_KINDS.values()}


@dataclass
class RowChange:
    """One related row: added (``pk`` None), changed (only the changed ``values``) or removed."""

    pk: int | None
    values: dict = field(default_factory=dict)
    delete: bool = False

    @property
    def action(self):
        return "removed" if self.delete else "added" if self.pk is None else "changed"


@dataclass
class DiseaseEdit:
    fields: dict = field(default_factory=dict)  # field name -> new value, only those that changed
    categories: list | None = None  # the new set of category ids, or None when unchanged
    rows: dict = field(default_factory=dict)  # row kind key -> [RowChange]

    def __bool__(self):
        return bool(self.fields or self.categories is not None or any(self.rows.values()))

    @property
    def changes_content(self) -> bool:
        """Whether readers would see new text: the "last updated" date moves only then."""
        return any(name in Disease.CONTENT_FIELDS for name in self.fields) or any(
            changes and ROW_KINDS[key].is_content for key, changes in self.rows.items()
        )

    def add_row(self, kind_key, change: RowChange):
        self.rows.setdefault(kind_key, []).append(change)

    def as_json(self) -> dict:
        return {
            "fields": self.fields,
            "categories": self.categories,
            "rows": {
                key: [{"pk": c.pk, "values": c.values, "delete": c.delete} for c in changes]
                for key, changes in self.rows.items()
                if changes
            },
        }

    @classmethod
    def from_json(cls, data: dict) -> "DiseaseEdit":
        return cls(
            fields=dict(data.get("fields") or {}),
            categories=data.get("categories"),
            rows={
                key: [RowChange(c["pk"], dict(c["values"]), c["delete"]) for c in changes]
                for key, changes in (data.get("rows") or {}).items()
                if key in ROW_KINDS
            },
        )


def row_values(instance, names) -> dict:
    """Plain, JSON-friendly values of ``names`` (attnames) on a row."""
    return {name: getattr(instance, name) for name in names}


def edit_from_forms(form, formsets) -> DiseaseEdit:
    """The change an admin form and its inline formsets describe, without writing anything.

    Each formset is saved with ``commit=False``, which only builds the changed rows in memory (and
    records them where the admin's change message looks for them).
    """
    edit = DiseaseEdit()
    disease = form.instance
    for name in form.changed_data:
        if name == "categories":
            edit.categories = sorted(category.pk for category in form.cleaned_data["categories"])
        elif name in EDITABLE_FIELDS:
            edit.fields[name] = getattr(disease, name)
    for formset in formsets:
        kind = KIND_BY_MODEL.get(formset.model)
        if kind is None:
            continue
        formset.save(commit=False)
        for row in formset.new_objects:
            edit.add_row(kind.key, RowChange(None, row_values(row, kind.attnames)))
        for row, changed in formset.changed_objects:
            names = [row._meta.get_field(name).attname for name in changed]
            names = [name for name in names if name in kind.attnames]
            if names:
                edit.add_row(kind.key, RowChange(row.pk, row_values(row, names)))
        for row in formset.deleted_objects:
            edit.add_row(kind.key, RowChange(row.pk, delete=True))
    return edit
