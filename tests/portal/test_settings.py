import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each test starts manage.py in a fresh process with its own environment: slow.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


# The test profile (portal.settings_test) sets these for the suite itself.
TEST_PROFILE_VARIABLES = {
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
}


def _run_check(env_overrides, *args):
    env = {key: value for key, value in os.environ.items() if key not in TEST_PROFILE_VARIABLES}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "-a-real-looking-random-secret-0123456789",
    "ALLOWED_HOSTS": "example.org",
}


def _setting_values(env_overrides, *names):
    """The values of ``names`` in portal.settings under the given environment, read in a fresh process."""
    code = "from django.conf import settings; " + "; ".join(f"print(repr({name}))" for name in names)
    result = _run_shell(env_overrides, code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def _run_shell(env_overrides, code):
    env = {key: value for key, value in os.environ.items() if key not in TEST_PROFILE_VARIABLES}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _run_check({"DEBUG": "false", "SECRET_KEY": "short"})
    assert result.returncode != 0


def test_deploy_check_is_clean_with_production_settings():
    result = _run_check(
        {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 20 + "-a-real-looking-random-secret-0123456789",
            "ALLOWED_HOSTS": "example.org",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_hsts_covers_subdomains_and_asks_for_preloading_only_when_told_to():
    names = ("settings.SECURE_HSTS_INCLUDE_SUBDOMAINS", "settings.SECURE_HSTS_PRELOAD")
    assert _setting_values(PRODUCTION, *names) == ["False", "False"]
    opted_in = {**PRODUCTION, "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true", "SECURE_HSTS_PRELOAD": "true"}
    assert _setting_values(opted_in, *names) == ["True", "True"]


def test_one_proxy_setting_drives_the_scheme_header_and_every_limiters_client_address():
    names = ("settings.SECURE_PROXY_SSL_HEADER", "settings.TRUSTED_PROXIES")
    assert _setting_values(PRODUCTION, *names) == ["None", "0"]
    behind_two = {**PRODUCTION, "TRUSTED_PROXIES": "2"}
    assert _setting_values(behind_two, *names) == ["('HTTP_X_FORWARDED_PROTO', 'https')", "2"]


def test_commands_start_without_the_sign_in_lockouts_banner():
    """django-axes announces itself at INFO in every process; its audit of sign-ins stays at INFO."""
    result = _run_check(PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "AXES: BEGIN" not in result.stdout + result.stderr
    levels = _setting_values(
        PRODUCTION,
        "__import__('logging').getLogger('axes.apps').getEffectiveLevel()",
        "__import__('logging').getLogger('axes.handlers.database').getEffectiveLevel()",
    )
    assert levels == ["30", "20"]


def test_postgresql_runs_each_query_without_parallel_workers_unless_told_to(db):
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW max_parallel_workers_per_gather")
            assert cursor.fetchone() == ("0",)
    postgresql = {**PRODUCTION, "DATABASE_URL": "postgres://reader:secret@db.example.org/portal"}
    (default,) = _setting_values(postgresql, "settings.DATABASES['default']['OPTIONS']['options']")
    (raised,) = _setting_values(
        {**postgresql, "DATABASE_PARALLEL_WORKERS": "2"},
        "settings.DATABASES['default']['OPTIONS']['options']",
    )
    assert default == "'-c max_parallel_workers_per_gather=0'"
    assert raised == "'-c max_parallel_workers_per_gather=2'"
