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


def _user_in_group(django_user_model, username, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.org", "correct horse battery")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return _user_in_group(django_user_model, "edna", "Editors")


@pytest.fixture
def reviewer(django_user_model):
    return _user_in_group(django_user_model, "rory", "Reviewers")
