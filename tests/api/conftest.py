import pytest
from django.core.cache import cache

# Django's test client, and the live server's clients, all come from this address.
THROTTLE_KEY = "throttle_anon_127.0.0.1"


@pytest.fixture(autouse=True)
def fresh_throttle(django_db_setup, django_db_blocker):
    """Each test starts with no requests counted, whatever the cache backend keeps between tests."""
    with django_db_blocker.unblock():
        cache.delete(THROTTLE_KEY)
    yield
    with django_db_blocker.unblock():
        cache.delete(THROTTLE_KEY)


@pytest.fixture
def unthrottled(settings):
    """No throttle: its cache reads and writes would otherwise count in pinned query numbers."""
    settings.API_ANON_RATE = None
