import os

import pytest

# Playwright's sync API runs an event loop in the test thread; live_server tests
# then touch the ORM from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "correct horse battery")


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client
