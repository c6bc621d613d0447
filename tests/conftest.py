import os

import pytest
from django.test import Client

# Playwright's sync API runs an event loop in the test thread; live_server tests
# then touch the ORM from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def verify_second_factor(client, user):
    """Mark ``client``'s session as past the second step, as django_otp.login does after a right code.

    The suite runs production's settings, where staff who can see families' details must use a
    second factor; tests that sign staff in with ``force_login`` give them a confirmed authenticator
    and a verified session, rather than switching the requirement off.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


class SignedInClient(Client):
    """Django's test client whose ``force_login`` also completes the second step for staff."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if user.is_staff:
            verify_second_factor(self, user)


@pytest.fixture
def client():
    return SignedInClient()


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


@pytest.fixture
def glossary():
    """The glossary's shipped entries in the database, as `make run` loads them (manage.py load_glossary).

    Use it with ``db`` or ``transactional_db``; it returns the ``GlossaryEntry`` rows by slug.
    """
    from django.core.management import call_command

    from diseases.models import GlossaryEntry

    call_command("load_glossary", verbosity=0)
    return GlossaryEntry.objects.in_bulk(field_name="slug")


# --- Parent connection service (support) ------------------------------------


@pytest.fixture
def staff_in_group(django_user_model):
    """Make a staff user in an existing group: ``staff_in_group("Coordinators")``."""
    from django.contrib.auth.models import Group

    def make(group_name, username=None):
        username = username or f"{group_name.lower()}-member"
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "correct horse battery", is_staff=True
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def coordinator(staff_in_group):
    return staff_in_group("Coordinators", "cora")


@pytest.fixture
def immediate_tasks(settings):
    """Tasks run at once, in the caller: deterministic unit tests of what the worker would do."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def database_tasks(settings):
    """The real database queue, as in production; run it with call_command("db_worker", batch=True)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """A real SMTP server (aiosmtpd) on a free loopback port, which tests can stop and start again."""

    def __init__(self):
        self.port = free_port()
        self.messages = []
        self._controller = None

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 Message accepted for delivery"

    def start(self):
        from aiosmtpd.controller import Controller

        if self._controller is None:
            self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
            self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server(settings):
    """Mail goes out over SMTP to a local server; ``smtp_server.stop()`` makes it unreachable."""
    server = SMTPServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    server.start()
    yield server
    server.stop()


# --- Data import (HPO and GARD) ---------------------------------------------


@pytest.fixture
def import_files(tmp_path):
    """Small hp.obo, phenotype.hpoa and GARD files to change and import (see tests/data/import_files.py)."""
    from tests.data.import_files import ImportFiles

    return ImportFiles.default(tmp_path / "import")


def _real_data_loaded():
    from diseases.importer.releases import is_loaded
    from diseases.importer.run import open_files
    from diseases.models import Annotation

    return is_loaded(open_files({}).values()) and Annotation.objects.filter(origin="import").exists()


@pytest.fixture(scope="session")
def _real_data_session(django_db_setup, django_db_blocker):
    from django.db import connection

    from diseases.importer.run import import_data
    from tests.data.import_files import clear_imported_data

    with django_db_blocker.unblock():
        if not _real_data_loaded():
            import_data()
    yield
    with django_db_blocker.unblock():
        clear_imported_data()
        # Session teardown can run in another context (Playwright's greenlets) with its own connection,
        # which Django's teardown would not see; left open, it stops PostgreSQL dropping the test database.
        connection.close()


@pytest.fixture
def real_data(_real_data_session, django_db_blocker):
    """The real HPO and GARD package files, imported into the test database once per test session.

    The first test that asks for it pays for the import (about 15 s on PostgreSQL, 30 s on SQLite);
    the data is committed outside any test's transaction, so later tests reuse it for free. A
    transactional test (``transactional_db``, ``live_server``) flushes every table when it ends; a
    test that asks for ``real_data`` after that finds the data gone and imports it again for itself
    (inside its own transaction, so order such tests together). Tests that use this fixture are
    moved to the end of the run (see ``pytest_collection_modifyitems`` below), so no other test sees
    the real catalogue in its database, and the data is deleted when the session ends.

    Use it with ``db`` (or ``transactional_db``) and treat the data as read-only; it returns the
    loaded ``DataRelease`` rows by source, for example ``real_data["hpo"].version``.
    """
    from diseases.importer.run import import_data
    from diseases.models import DataRelease

    with django_db_blocker.unblock():
        if not _real_data_loaded():
            import_data()
        return {release.source: release for release in DataRelease.objects.all()}


@pytest.fixture(scope="session")
def _real_search_session(_real_data_session, django_db_blocker):
    from django.core.management import call_command

    from diseases.models import SearchTerm, SimilarityIndex

    with django_db_blocker.unblock():
        call_command("build_search_index", "--if-stale", verbosity=0)
    yield
    with django_db_blocker.unblock():
        SearchTerm.objects.all().delete()
        SimilarityIndex.objects.all().delete()


@pytest.fixture
def real_search(real_data, _real_search_session, django_db_blocker):
    """``real_data`` with the search and symptom-matching indexes built on it, once per session like the data."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("build_search_index", "--if-stale", verbosity=0)
    return real_data


def _uses_real_data(item):
    return "real_data" in getattr(item, "fixturenames", ())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once the tests that read the real catalogue are done on this process, clear it: pytest-xdist may
    send this worker other tests after them, which must not find it in their database. (Should a
    real-data test come later after all, ``real_data`` imports the catalogue again.)"""
    result = yield
    if _uses_real_data(item) and (nextitem is None or not _uses_real_data(nextitem)):
        from pytest_django.plugin import blocking_manager_key

        from tests.data.import_files import clear_imported_data

        with item.config.stash[blocking_manager_key].unblock():
            clear_imported_data()
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # First, before pytest-xdist's own hook reads the groups (a group marker added after it is ignored,
    # and each worker then imported the catalogue for itself).
    for item in items:
        if _uses_real_data(item):
            item.add_marker(pytest.mark.slow)
            # With pytest-xdist (``--dist loadgroup``) they all run on one worker, which imports the
            # catalogue once (and clears it after them, see pytest_runtest_teardown).
            item.add_marker(pytest.mark.xdist_group("real_data"))
    # The real catalogue is committed once and kept, so the tests that read it run last (no other
    # hook reorders the tests; deselection keeps the order).
    items.sort(key=_uses_real_data)


# --- Page cache -----------------------------------------------------------------------------


@pytest.fixture
def no_page_cache(settings):
    """Public pages rendered every time: for tests that count a view's own queries."""
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_BODY_CACHE_ENABLED = False


@pytest.fixture
def nothing_cached(settings, no_page_cache):
    """No shared cache at all (Django's dummy cache): every query a view makes is its own, and each
    read of the content generation is one query. For tests that count what a cold request costs."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def cache_outage_log():
    """The once-per-outage log filter of this process, as if no outage had been seen yet."""
    import logging

    (outages,) = logging.getLogger("portal.cache").filters
    outages._last_failure = None
    yield outages
    outages._last_failure = None


@pytest.fixture
def redis_cache(settings):
    """The shared cache is a real Redis (TEST_REDIS_URL, db 4 by default), configured as in production;
    the test's keys are deleted afterwards. Skipped, with the reason, where no Redis answers."""
    from tests.helpers import TEST_REDIS_URL, redis_caches
    from tests.services import need_redis

    need_redis(TEST_REDIS_URL)
    settings.CACHES = redis_caches()
    from django.core.cache import cache

    yield cache
    cache.delete_pattern("*")
