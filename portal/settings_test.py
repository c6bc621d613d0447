"""Settings for the test suite: production's branch of ``portal.settings``, minus what needs secrets.

Plain ``pytest`` uses this module (see pyproject.toml), so the suite runs the same way from a fresh
clone, an editor or CI, with no variables set: DEBUG is off whatever the shell or a ``.env`` says.
"""

import os
from pathlib import Path

import environ


def _database_url_from_dotenv():
    """DATABASE_URL from the .env portal.settings would read, without putting anything else into the environment."""

    class DotEnv(environ.Env):
        ENVIRON = {}

    path = os.environ.get("PORTAL_ENV_FILE", str(Path(__file__).resolve().parent.parent / ".env"))
    if path:
        DotEnv.read_env(path)
    return DotEnv.ENVIRON.get("DATABASE_URL")


# Set before portal.settings reads the environment. The .env file (`make run` writes one with DEBUG
# on) is not read at all: only its DATABASE_URL may choose the database the suite runs on.
if "DATABASE_URL" not in os.environ and (_database_url := _database_url_from_dotenv()):
    os.environ["DATABASE_URL"] = _database_url
os.environ["PORTAL_ENV_FILE"] = ""
os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "test-suite-only-secret-key-never-used-in-production")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# The test client and the live server speak plain HTTP; production redirects to HTTPS.
os.environ["SECURE_SSL_REDIRECT"] = "false"

from portal.settings import *  # noqa: E402, F403
from portal.settings import STORAGES  # noqa: E402

# Hashing each test user's password with full-strength PBKDF2 cost about 25 s a run.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests serve static files through the finders; nothing has been collected into a manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
