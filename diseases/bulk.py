"""Bulk writes that skip per-row signals, so imported rows leave no simple_history records.

PostgreSQL gets COPY (psycopg 3) for inserts and a COPY-fed temporary table for updates. SQLite
gets one prepared INSERT or UPDATE statement run over all rows (executemany), or Django's
bulk_create where some columns are left to their Python defaults.
"""

from itertools import islice

from django.db import connection

SQLITE_BATCH = 500  # stays well under SQLite's limit on query parameters
COPY_DELETE_BATCH = 50_000


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def use_copy():
    return connection.vendor == "postgresql"


def columns(model, fields):
    by_attname = {field.attname: field.column for field in model._meta.concrete_fields}
    return [by_attname[name] for name in fields]


def quoted(names):
    return ", ".join(connection.ops.quote_name(name) for name in names)


def insert_rows(model, fields, rows) -> int:
    """Insert ``rows`` (tuples in the order of ``fields``, attnames such as ``disease_id``)."""
    count = 0
    if use_copy():
        table = connection.ops.quote_name(model._meta.db_table)
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({quoted(columns(model, fields))}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    concrete = [field for field in model._meta.concrete_fields if not field.primary_key]
    if {field.attname for field in concrete} != set(fields) or any(
        getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) for field in concrete
    ):
        # Columns left out need their Python defaults: let Django build the rows.
        for batch in batched(rows, 2000):
            model.objects.bulk_create([model(**dict(zip(fields, row, strict=True))) for row in batch])
            count += len(batch)
        return count
    # Every column is given: one prepared INSERT run over all rows is several times faster on SQLite.
    by_attname = {field.attname: field for field in concrete}
    model_fields = [by_attname[name] for name in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({quoted(columns(model, fields))}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        for batch in batched(rows, 5000):
            cursor.executemany(
                sql,
                [
                    [f.get_db_prep_save(v, connection) for f, v in zip(model_fields, row, strict=True)]
                    for row in batch
                ],
            )
            count += len(batch)
    return count


def update_rows(model, fields, rows) -> int:
    """Set ``fields`` on existing rows; ``rows`` are tuples ``(pk, *values)``."""
    rows = list(rows)
    if not rows:
        return 0
    if use_copy():
        table = connection.ops.quote_name(model._meta.db_table)
        names = columns(model, [model._meta.pk.attname, *fields])
        pk_column, value_columns = names[0], names[1:]
        assignments = ", ".join(
            f"{connection.ops.quote_name(name)} = changes.{connection.ops.quote_name(name)}"
            for name in value_columns
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMPORARY TABLE import_changes AS SELECT {quoted(names)} FROM {table} WITH NO DATA"
            )
            with cursor.cursor.copy(f"COPY import_changes ({quoted(names)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM import_changes AS changes "
                f"WHERE {table}.{connection.ops.quote_name(pk_column)} = changes.{connection.ops.quote_name(pk_column)}"
            )
            cursor.execute("DROP TABLE import_changes")
        return len(rows)
    # bulk_update's CASE expressions grow slow with many rows; one prepared UPDATE run per row is
    # what SQLite does fastest.
    model_fields = [model._meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in model_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        for batch in batched(rows, 5000):
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE {pk_column} = %s",
                [
                    [
                        *(
                            f.get_db_prep_save(v, connection)
                            for f, v in zip(model_fields, row[1:], strict=True)
                        ),
                        row[0],
                    ]
                    for row in batch
                ],
            )
    return len(rows)


def delete_rows(model, pks) -> int:
    """Delete rows by primary key with plain SQL: no signals, no cascade collection."""
    pks = list(pks)
    table = connection.ops.quote_name(model._meta.db_table)
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        if use_copy():
            for batch in batched(pks, COPY_DELETE_BATCH):
                cursor.execute(f"DELETE FROM {table} WHERE {pk_column} = ANY(%s)", [batch])
        else:
            for batch in batched(pks, SQLITE_BATCH):
                placeholders = ", ".join(["%s"] * len(batch))
                cursor.execute(f"DELETE FROM {table} WHERE {pk_column} IN ({placeholders})", batch)
    return len(pks)
