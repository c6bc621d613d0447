"""One render per page when many readers miss it at once, on the real shared cache (Redis, and the
database cache a newcomer runs), with real threads: each thread is a reader with its own connection,
as gunicorn's threads and processes are."""

import threading
import time
import uuid

import pytest
from django.db import connections
from django.test import Client

from diseases import freshness
from portal import pagecache
from tests.portal.race_urls import Counted

# Real threads wait out real render locks (seconds each): slow.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

READERS = 12
PATH = "/counted/"


@pytest.fixture(params=["redis", "database"])
def shared_cache(request, settings):
    """The shared cache every reader uses: a real Redis, or the database cache table."""
    settings.ROOT_URLCONF = "tests.portal.race_urls"
    settings.PAGE_CACHE_RENDER_LOCK_SECONDS = 10
    settings.PAGE_CACHE_RENDER_WAIT_SECONDS = 5
    Counted.reset()
    if request.param == "redis":
        cache = request.getfixturevalue("redis_cache")
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "portal_cache",
                "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            }
        }
        from django.core.cache import cache
    # The generation's row exists, as on any site once migrated (the flush after a test removes it).
    freshness.content_changed()
    yield cache
    if request.param == "database":
        cache.clear()


def read(path=PATH, gzip=False):
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    response = Client().get(path, headers=headers)
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        import gzip as gz

        body = gz.decompress(body)
    return response, body.decode()


def at_once(readers=READERS):
    """``readers`` requests for the page, released together; their answers and bodies, and the time each took."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "sqlite" and "DatabaseCache" in settings.CACHES["default"]["BACKEND"]:
        # The suite's SQLite database lives in memory, where threads lock each other out of a table
        # rather than wait; a site's SQLite file waits (timeout 20 s). CI runs this on PostgreSQL.
        pytest.skip(
            "many threads writing the database cache need PostgreSQL (the in-memory SQLite locks tables)"
        )
    start = threading.Barrier(readers)
    answers = [None] * readers

    def reader(index):
        start.wait(timeout=30)
        began = time.monotonic()
        response, body = read(gzip=index % 2 == 0)  # half the readers accept gzip, half do not
        answers[index] = (response, body, time.monotonic() - began)
        connections.close_all()

    threads = [threading.Thread(target=reader, args=(index,)) for index in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(answer is not None for answer in answers)
    return answers


def status_of(response):
    return response["Cache-Status"].removeprefix("portal; ")


def test_many_readers_of_a_page_not_yet_cached_cause_one_render_and_wait_for_it(shared_cache):
    answers = at_once()
    assert Counted.renders == 1
    assert {body for _, body, _ in answers} == {"Version 1"}
    statuses = sorted(status_of(response) for response, _, _ in answers)
    assert statuses == ["fwd=miss; collapsed"] * (READERS - 1) + ["fwd=miss; stored"]
    assert all(response["ETag"] == answers[0][0]["ETag"] for response, _, _ in answers)


def test_after_a_change_one_reader_renders_and_the_others_get_the_previous_version_marked_stale(
    shared_cache,
):
    read(gzip=True)
    assert read()[0]["Cache-Status"] == "portal; hit"
    Counted.reset(seconds=2)
    Counted.version = 2
    freshness.content_changed()  # a publish, say

    answers = at_once()
    assert Counted.renders == 1
    rendered = [(r, body) for r, body, _ in answers if status_of(r) == "fwd=stale; stored"]
    stale = [(r, body, took) for r, body, took in answers if status_of(r) == "hit; detail=stale"]
    assert len(rendered) == 1 and rendered[0][1] == "Version 2"
    assert len(stale) == READERS - 1
    # Given at once, not after the render, and not for a browser or a CDN to keep.
    assert all(body == "Version 1" and took < Counted.seconds for _, body, took in stale)
    assert all(r["Cache-Control"] == "public, no-cache" for r, _, _ in stale)
    assert all(r["ETag"] != rendered[0][0]["ETag"] for r, _, _ in stale)
    assert read()[1] == "Version 2" and Counted.renders == 1


def test_without_the_lock_every_reader_renders(shared_cache, settings):
    settings.PAGE_CACHE_RENDER_LOCK_SECONDS = 0
    answers = at_once()
    assert Counted.renders == READERS
    assert {body for _, body, _ in answers} == {"Version 1"}


def test_a_reader_waits_a_bounded_time_for_a_render_that_never_comes_then_renders_itself(
    shared_cache, settings
):
    settings.PAGE_CACHE_RENDER_WAIT_SECONDS = 0.5
    Counted.seconds = 0
    token = freshness.current_token()
    # A reader on another machine took the lock and died before storing anything.
    lock_key = f"{page_key_of(PATH)}:rendering:{token}"
    assert shared_cache.add(lock_key, "rendering", timeout=10)
    began = time.monotonic()
    response, body = read()
    assert 0.5 <= time.monotonic() - began < 3
    assert body == "Version 1" and status_of(response) == "fwd=miss; collapsed=?0; stored"
    assert Counted.renders == 1
    assert status_of(read()[0]) == "hit"


def test_the_previous_version_is_never_given_after_the_lock_has_run_out(shared_cache, settings):
    settings.PAGE_CACHE_RENDER_LOCK_SECONDS = 1
    read()
    Counted.reset(seconds=3.5)  # a render slower than the lock lives
    Counted.version = 2
    freshness.content_changed()
    slow = threading.Thread(target=lambda: (read(), connections.close_all()))
    slow.start()
    assert Counted.started.wait(timeout=10)
    response, body = read()
    assert (status_of(response), body) == ("hit; detail=stale", "Version 1")
    # The slow render still runs, but its lock has run out (the database cache counts whole seconds).
    time.sleep(2.1)
    response, body = read()
    assert body == "Version 2" and status_of(response) == "fwd=stale; stored"
    slow.join(timeout=10)


def test_a_page_that_is_gone_is_not_given_stale_once_its_render_says_so(shared_cache):
    read(gzip=True)
    read()
    Counted.reset(seconds=0.3)
    Counted.gone = True
    freshness.content_changed()  # an unpublish
    answers = at_once()
    gone = [r for r, _, _ in answers if r.status_code == 404]
    assert gone and all("private" in r["Cache-Control"] for r in gone)
    # Those who came while the first render ran may have been given the previous version; no one after.
    assert read()[0].status_code == 404
    assert read(gzip=True)[0].status_code == 404


def test_with_the_cache_unreachable_a_miss_renders_without_waiting(settings):
    from tests.helpers import unreachable_redis_caches

    settings.ROOT_URLCONF = "tests.portal.race_urls"
    settings.PAGE_CACHE_RENDER_WAIT_SECONDS = 5
    settings.CACHES = unreachable_redis_caches()
    Counted.reset(seconds=0)
    began = time.monotonic()
    for _ in range(3):
        response, body = read()
        assert response.status_code == 200 and body == "Version 1"
    assert time.monotonic() - began < 5 and Counted.renders == 3


def page_key_of(path):
    from django.test import RequestFactory

    return pagecache.page_key(RequestFactory().get(path))
