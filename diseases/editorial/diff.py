"""What a reviewer reads: a revision beside the live page, as word-level differences, field by field and
row by row. A fixed number of queries whatever the number of changed rows (one per kind of row)."""

from dataclasses import dataclass, field

from ..models import Category, Disease, Phenotype
from .edits import ROW_KINDS, DiseaseEdit
from .history import word_diff


@dataclass
class Change:
    label: str
    diff: str  # safe HTML from history.word_diff


@dataclass
class RowDiff:
    kind: str  # e.g. "Reference"
    row: str  # how the row is named, e.g. "[2] A guide for families"
    action: str  # added, changed or removed
    changes: list = field(default_factory=list)  # Change


@dataclass
class RevisionDiff:
    fields: list  # Change
    categories_added: list
    categories_removed: list
    rows: list  # RowDiff

    def __bool__(self):
        return bool(self.fields or self.categories_added or self.categories_removed or self.rows)


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name).capitalize()  # get_field knows attnames too


def _shown(model, name, value, phenotypes):
    """A value as a reviewer reads it: choices by their label, terms by their name, booleans in words."""
    if value is None or value == "":
        return ""
    if name == "phenotype_id":
        phenotype = phenotypes.get(value)
        return f"{phenotype.name} ({phenotype.hpo_id})" if phenotype else str(value)
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _row_name(kind, row, phenotypes):
    if kind.key == "annotations":
        return _shown(kind.model, "phenotype_id", row.phenotype_id, phenotypes)
    if kind.key == "references":
        return f"[{row.number}] {row.title}"
    if kind.key == "definitions":
        return f"{row.get_source_display()} {row.source_record}"
    return str(getattr(row, "title", None) or getattr(row, "name", None) or row)


def build_diff(revision) -> RevisionDiff:
    disease = Disease.objects.get(pk=revision.disease_id)
    edit = DiseaseEdit.from_json(revision.changes)
    fields = [
        Change(_label(Disease, name), word_diff(str(getattr(disease, name) or ""), str(value or "")))
        for name, value in edit.fields.items()
    ]
    added, removed = [], []
    if edit.categories is not None:
        current = set(disease.categories.values_list("pk", flat=True))
        wanted = set(edit.categories)
        names = dict(Category.objects.filter(pk__in=current ^ wanted).values_list("pk", "name"))
        added = sorted(names[pk] for pk in wanted - current if pk in names)
        removed = sorted(names[pk] for pk in current - wanted if pk in names)

    wanted_terms = {
        change.values.get("phenotype_id")
        for change in edit.rows.get("annotations", [])
        if change.values.get("phenotype_id")
    }
    rows = []
    live_by_kind = {}
    for key, changes in edit.rows.items():
        kind = ROW_KINDS[key]
        pks = [change.pk for change in changes if change.pk is not None]
        live_by_kind[key] = kind.model.objects.filter(disease=disease).in_bulk(pks) if pks else {}
        if key == "annotations":
            wanted_terms |= {row.phenotype_id for row in live_by_kind[key].values()}
    phenotypes = Phenotype.objects.only("hpo_id", "name").in_bulk(wanted_terms) if wanted_terms else {}

    for key, changes in edit.rows.items():
        kind = ROW_KINDS[key]
        for change in changes:
            live = live_by_kind[key].get(change.pk) if change.pk is not None else None
            if change.pk is not None and live is None:
                continue  # removed from the live page meanwhile: nothing left to compare
            if change.delete:
                rows.append(RowDiff(kind.label, _row_name(kind, live, phenotypes), "removed"))
                continue
            row = live or kind.model(disease=disease, **change.values)
            diffs = [
                Change(
                    _label(kind.model, name),
                    word_diff(
                        _shown(kind.model, name, getattr(live, name), phenotypes) if live else "",
                        _shown(kind.model, name, value, phenotypes),
                    ),
                )
                for name, value in change.values.items()
                if name in kind.attnames
            ]
            rows.append(
                RowDiff(kind.label, _row_name(kind, row, phenotypes), "changed" if live else "added", diffs)
            )
    return RevisionDiff(fields, added, removed, rows)
