"""A test that needs a service the machine lacks is skipped with one line naming it; in CI it fails."""

import pytest

from tests.conftest import free_port
from tests.services import REQUIRED, need, need_postgres, need_program, need_redis


@pytest.fixture
def newcomer(monkeypatch):
    monkeypatch.delenv(REQUIRED, raising=False)


def test_a_missing_service_skips_with_one_line_naming_it(newcomer):
    with pytest.raises(pytest.skip.Exception) as skipped:
        need_redis(f"redis://127.0.0.1:{free_port()}/4")
    assert str(skipped.value).startswith("needs Redis at redis://127.0.0.1:")
    assert "\n" not in str(skipped.value)


def test_a_postgresql_server_without_the_role_skips_and_never_shows_the_password(newcomer):
    with pytest.raises(pytest.skip.Exception) as skipped:
        need_postgres(f"postgres://no_such_role:hunter2@127.0.0.1:{free_port()}/postgres")
    message = str(skipped.value)
    assert message.startswith("needs PostgreSQL at postgres://no_such_role@127.0.0.1:")
    assert "hunter2" not in message and "\n" not in message


def test_a_missing_program_skips(newcomer):
    with pytest.raises(pytest.skip.Exception, match="needs no-such-checker, which is not installed"):
        need_program("no-such-checker")


def test_ci_fails_instead_of_skipping(monkeypatch):
    monkeypatch.setenv(REQUIRED, "1")
    with pytest.raises(pytest.fail.Exception, match="needs Redis"):
        need(False, "needs Redis at redis://127.0.0.1:6379/4")
    need(True, "never said")
