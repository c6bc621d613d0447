import pytest
from django.core.cache import cache


def throttle_keys():
    """The API throttle's counts in the shared cache (the tests' database cache)."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache
    from django.db import connection

    shared = caches["default"]
    assert isinstance(shared, DatabaseCache), "the suite's shared cache is the database cache"
    table = connection.ops.quote_name(shared._table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {table} WHERE cache_key LIKE %s", ["%ratelimit:api:%"])
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture(autouse=True)
def fresh_throttle(django_db_setup, django_db_blocker):
    """Each test starts with no requests counted, whatever the cache backend keeps between tests."""
    with django_db_blocker.unblock():
        cache.clear()
    yield
    with django_db_blocker.unblock():
        cache.clear()


@pytest.fixture
def unthrottled(settings):
    """No throttle: its cache reads and writes would otherwise count in pinned query numbers."""
    settings.API_ANON_RATE = None
