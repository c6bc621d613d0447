"""Write a development .env (DEBUG on, a random secret key) unless one exists; never overwrite it.

`make run` calls this, so that plain `.venv/bin/python manage.py <command>` works on a fresh clone
exactly as `make` does. Production keeps its own .env or environment and never uses this file.
"""

import secrets
import sys
from pathlib import Path

TEMPLATE = """\
# Development settings, written once by `make run` (scripts/dev_env.py) and never overwritten:
# edit it freely, or delete it to get a new one. Never use this file in production.
DEBUG=true
SECRET_KEY={secret_key}
# `make serve` runs this copy with DEBUG off, as production does, on plain http://127.0.0.1.
ALLOWED_HOSTS=127.0.0.1,localhost,[::1]
SECURE_SSL_REDIRECT=false
"""


def write_dev_env(path: Path) -> bool:
    """True if the file was written; False if one was already there (it is left as it is)."""
    try:
        with path.open("x", encoding="utf-8") as file:  # "x": fails rather than overwrite
            file.write(TEMPLATE.format(secret_key=secrets.token_urlsafe(50)))
    except FileExistsError:
        return False
    return True


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".env")
    if write_dev_env(target):
        print(f"Wrote development settings to {target} (DEBUG on, a new random SECRET_KEY).")
