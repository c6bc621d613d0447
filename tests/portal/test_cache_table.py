import importlib

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    "DatabaseCache" not in settings.CACHES["default"]["BACKEND"],
    reason="the cache is not a database table here",
)
def test_migrate_creates_the_database_cache_table():
    migration = importlib.import_module("portal.migrations.0001_cache_table")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE portal_cache")
    assert "portal_cache" not in connection.introspection.table_names()
    migration.create_cache_tables(None, connection.schema_editor())
    assert "portal_cache" in connection.introspection.table_names()
