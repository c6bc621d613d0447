"""Rows of other tables that point at a disease or term the import wants to delete.

The import deletes with plain SQL (no signals, so no history rows), which means it must deal with
the rows a normal delete would cascade to. Rows of a table of this app that only mirrors other data
(a CASCADE foreign key from a table nothing else points at, such as the search index) are deleted
with them. Rows of any other table, such as a family's connection request, or of a table listed in
``keep`` (an editor's references), keep the target alive.
"""

from django.db import models


def _is_leaf(model):
    return not any(
        getattr(rel, "on_delete", None) is not models.DO_NOTHING for rel in _reverse_relations(model)
    )


def _reverse_relations(model):
    for field in model._meta.get_fields(include_hidden=True):
        if field.auto_created and not field.concrete and field.is_relation:
            yield field


def dependents(model, handled, keep=()):
    """``(derived, blocking)``: lists of ``(related model, foreign key attname)`` pointing at ``model``.

    ``handled`` holds the models (and many-to-many through models) the caller deals with itself.
    """
    derived, blocking = [], []
    for rel in _reverse_relations(model):
        if rel.many_to_many:
            through = rel.through
            if through in handled:
                continue
            for field in through._meta.concrete_fields:
                if field.is_relation and field.related_model is model:
                    blocking.append((through, field.attname))
            continue
        related, attname = rel.related_model, rel.field.attname
        if related in handled or rel.on_delete is models.DO_NOTHING:
            continue
        mirrors = related._meta.app_label == model._meta.app_label and related not in keep
        if rel.on_delete is models.CASCADE and mirrors and _is_leaf(related):
            derived.append((related, attname))
        else:
            blocking.append((related, attname))
    return derived, blocking
