"""Bring one table in line with a target state: insert, update and delete only what differs."""

from diseases.bulk import delete_rows, insert_rows, update_rows


def sync_rows(model, key_fields, value_fields, target, summary, label, *, kept_fields=(), page_keys=(0,)):
    """Make ``model``'s rows equal ``target``, a dict ``{key tuple: value tuple}`` (attnames, in order).

    ``kept_fields`` are columns people own (``is_hidden``, say): existing rows keep their value, new
    rows get the model's default, so a re-import never undoes an editor's choice. ``page_keys`` are
    the positions in the key of the pages a changed row shows on; they are noted as touched.
    """
    kept_defaults = [model._meta.get_field(name).get_default() for name in kept_fields]
    width = len(key_fields)
    existing = {}
    for pk, *row in model.objects.values_list("pk", *key_fields, *value_fields).order_by().iterator(10_000):
        existing[tuple(row[:width])] = (pk, tuple(row[width:]))
    new, changes, touched = [], [], set()
    for key, values in target.items():
        current = existing.pop(key, None)
        if current is None:
            new.append((*key, *values, *kept_defaults))
        elif current[1] != tuple(values):
            changes.append((current[0], *values))
        else:
            continue
        touched.update(key[position] for position in page_keys)
    touched.update(key[position] for key in existing for position in page_keys)
    summary.touch(touched)
    created = insert_rows(model, [*key_fields, *value_fields, *kept_fields], new)
    update_rows(model, list(value_fields), changes)
    removed = delete_rows(model, [pk for pk, _ in existing.values()])
    summary.count(label, created=created, updated=len(changes), removed=removed)
