"""What a test needs from the machine beyond the virtualenv: Redis, PostgreSQL, Chromium, Java, npm.

A newcomer may have none of them set up. A test that needs one calls ``need()`` (or a helper
below), which skips it with one line naming what is missing and how to get it: ``make test`` then
ends green, with the skips listed at the end (``-ra``), and never with errors.

CI sets every service up first (``.ci/run``) and sets ``TEST_SERVICES_REQUIRED=1``: there the same
line fails the test instead, so a service that CI lost can never hide the tests that need it.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest

REQUIRED = "TEST_SERVICES_REQUIRED"


def need(available: bool, missing: str) -> None:
    """Skip (fail in CI) with ``missing``, one line naming what the test needs, unless ``available``."""
    if available:
        return
    if os.environ.get(REQUIRED):
        pytest.fail(f"{missing} ({REQUIRED} is set: every service should be there)", pytrace=False)
    pytest.skip(missing)


def where(url: str) -> str:
    """A service's address without its password, for the message."""
    parts = urlsplit(url)
    user = f"{parts.username}@" if parts.username else ""
    return f"{parts.scheme}://{user}{parts.hostname}:{parts.port or ''}{parts.path}"


def need_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2).ping()
        answered = True
    except redis.exceptions.RedisError:
        answered = False
    need(answered, f"needs Redis at {where(url)} (set TEST_REDIS_URL, or start redis-server as .ci/run does)")


def need_postgres(url: str) -> None:
    """A PostgreSQL server at ``url`` that accepts the role named there and lets it create databases."""
    import psycopg

    problem = ""
    try:
        with psycopg.connect(url, connect_timeout=3, autocommit=True) as connection:
            row = connection.execute(
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
            ).fetchone()
            if not (row and row[0]):
                problem = " (the role may not create databases)"
    except psycopg.Error as error:
        problem = f" ({str(error).strip().splitlines()[0][:120]})"
    need(
        not problem,
        f"needs PostgreSQL at {where(url)} with a role that may create databases{problem}; "
        "set DATABASE_URL, or create the role as .ci/run does",
    )


def need_program(name: str, hint: str = "make test installs it") -> None:
    need(shutil.which(name) is not None, f"needs {name}, which is not installed ({hint})")
