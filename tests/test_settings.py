import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run_check(env_overrides, *args):
    env = {
        key: value
        for key, value in os.environ.items()
        # The test profile (portal.settings_test) sets some of these for the suite itself.
        if key
        not in {
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "SECURE_SSL_REDIRECT",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "DJANGO_SETTINGS_MODULE",
        }
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
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
