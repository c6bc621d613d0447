"""A newcomer's .env: `make run` writes one with DEBUG on, so manage.py works as typed; the suite ignores it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.dev_env import write_dev_env

# Each test runs manage.py or make's helper scripts in a subprocess: slow.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


# Variables the suite's own profile sets; a newcomer's shell has none of them.
SUITE_VARIABLES = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE"}


def newcomer_env(dotenv, **extra):
    env = {key: value for key, value in os.environ.items() if key not in SUITE_VARIABLES}
    env.update(PORTAL_ENV_FILE=str(dotenv), **extra)
    return env


def manage(env, *args, timeout=180):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_dev_env_has_debug_on_and_a_random_key_and_is_never_overwritten(tmp_path):
    first, second = tmp_path / "a.env", tmp_path / "b.env"
    assert write_dev_env(first) is True
    write_dev_env(second)
    text = first.read_text()
    assert "DEBUG=true" in text.splitlines()
    key = re.search(r"^SECRET_KEY=(\S+)$", text, re.MULTILINE).group(1)
    assert len(key) >= 50 and key not in second.read_text()

    first.write_text(text + "SITE_NAME=Edited by hand\n")
    assert write_dev_env(first) is False
    assert first.read_text().endswith("SITE_NAME=Edited by hand\n")


def test_manage_py_commands_work_as_typed_with_the_dev_env(tmp_path):
    dotenv = tmp_path / ".env"
    write_dev_env(dotenv)
    database = tmp_path / "db.sqlite3"
    env = newcomer_env(dotenv, DATABASE_URL=f"sqlite:///{database}")

    assert manage(env, "migrate", "--noinput").returncode == 0
    env_with_password = {**env, "DJANGO_SUPERUSER_PASSWORD": "a long and memorable passphrase"}
    created = manage(
        env_with_password,
        "createsuperuser",
        "--noinput",
        "--username",
        "newcomer",
        "--email",
        "n@example.org",
    )
    assert created.returncode == 0, created.stderr
    assert "Superuser created successfully." in created.stdout


def test_every_manage_py_command_the_readme_and_banner_name_exists(tmp_path):
    dotenv = tmp_path / ".env"
    write_dev_env(dotenv)
    named = set(
        re.findall(r"manage\.py (\w+)", (ROOT / "README.md").read_text() + (ROOT / "Makefile").read_text())
    )
    assert {"createsuperuser", "import_data", "db_worker"} <= named
    code = (
        "from django.core.management import get_commands; "
        f"print(sorted(set({sorted(named)!r}) - set(get_commands())))"
    )
    result = manage(newcomer_env(dotenv), "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_without_a_dotenv_production_still_refuses_to_start(tmp_path):
    result = manage(newcomer_env(tmp_path / "missing.env"), "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_dotenv_with_debug_on_does_not_reach_the_suite_but_its_database_does(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "DEBUG=true\nSECRET_KEY=short\nALLOWED_HOSTS=*\nDATABASE_URL=sqlite:////tmp/chosen-in-dotenv.sqlite3\n"
    )
    env = newcomer_env(dotenv, DJANGO_SETTINGS_MODULE="portal.settings_test")
    env.pop("DATABASE_URL", None)
    code = (
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.SECRET_KEY != 'short', settings.ALLOWED_HOSTS != ['*'], "
        "settings.DATABASES['default']['NAME'])"
    )
    result = manage(env, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "/tmp/chosen-in-dotenv.sqlite3"]
