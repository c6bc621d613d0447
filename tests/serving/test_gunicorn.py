"""The site as production runs it: real gunicorn processes with the repo's gunicorn.conf.py, DEBUG off.

One scratch SQLite database and one collected (compressed) static tree serve every server here;
each test starts its own gunicorn on a free loopback port with the environment it needs. The one
difference from production: collectstatic gathers only the project's own static folder (compressing
the admin's and Swagger UI's files with brotli takes half a minute), which is all the pages these
tests open refer to.
"""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# The suite's own profile; the servers here get production's settings instead.
SUITE_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Production's environment, with a migrated database and collected static files of its own."""
    scratch = tmp_path_factory.mktemp("production")
    env = {key: value for key, value in os.environ.items() if key not in SUITE_VARIABLES}
    env.update(
        PORTAL_ENV_FILE="",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        STATIC_ROOT=str(scratch / "static"),
        LOG_LEVEL="WARNING",
        GUNICORN_LOG_LEVEL="warning",
    )
    (scratch / "own_static_only.py").write_text(
        "from portal.settings import *  # noqa: F403\n"
        'STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]\n'
    )
    collect = {**env, "PYTHONPATH": str(scratch), "DJANGO_SETTINGS_MODULE": "own_static_only"}
    for command, command_env in ((["migrate", "--noinput"], env), (["collectstatic", "--noinput"], collect)):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=command_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-3000:]
    return env


class Server:
    def __init__(self, env, **overrides):
        self.port = free_port()
        self.process = subprocess.Popen(
            [GUNICORN],  # everything else comes from gunicorn.conf.py and the environment
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", **overrides},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "gunicorn stopped during start-up"
            try:
                if self.get("/health/live").status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("gunicorn did not answer within 60 s")

    def get(self, path, headers=None, timeout=10):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            response.body = response.read()
            return response
        finally:
            connection.close()

    def stall_an_upload(self, path="/support/connect/", announced=100_000):
        """Open a POST that announces a body and sends a few bytes of it, then nothing more.

        It carries a CSRF cookie, as a browser's would, so the CSRF check goes on to read the body
        (without one it refuses the form before reading anything).
        """
        client = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        client.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Cookie: csrftoken={secrets.token_hex(16)}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {announced}\r\n\r\nparent_name="
            ).encode()
        )
        return client

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def serve(production):
    servers = []

    def start(**overrides):
        servers.append(Server(production, **overrides))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def test_gunicorn_sends_no_server_header_and_the_site_its_security_headers(serve):
    server = serve()
    response = server.get("/")
    assert response.status == 200 and b"Rare Disease Portal" in response.body
    assert response.getheader("Server") is None
    assert "default-src 'self'" in response.getheader("Content-Security-Policy")
    assert response.getheader("Cross-Origin-Resource-Policy") == "same-origin"
    assert response.getheader("X-Request-ID")


def test_static_files_are_served_brotli_compressed(serve, production):
    server = serve()
    html = server.get("/").body.decode()
    stylesheet = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet.count(".") == 2  # hashed name
    assert list(Path(production["STATIC_ROOT"], "css").glob("site.*.css.br"))
    response = server.get(stylesheet, headers={"Accept-Encoding": "br, gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "br"
    assert "immutable" in response.getheader("Cache-Control")


def test_four_stalled_uploads_do_not_stop_the_home_page(serve):
    server = serve()  # the configuration's own workers and threads
    stalled = [server.stall_an_upload() for _ in range(4)]
    try:
        time.sleep(0.5)  # they have reached the application and are waiting for their bodies
        started = time.monotonic()
        response = server.get("/", timeout=10)
        assert response.status == 200 and b"Rare Disease Portal" in response.body
        assert time.monotonic() - started < 5
    finally:
        for client in stalled:
            client.close()


def test_a_stalled_upload_is_cut_off_and_frees_its_thread(serve):
    server = serve(WEB_CONCURRENCY="1", GUNICORN_THREADS="1", GUNICORN_CLIENT_TIMEOUT="2")
    stalled = server.stall_an_upload()
    try:
        time.sleep(0.3)
        started = time.monotonic()
        response = server.get("/", timeout=15)  # waits for the only thread
        waited = time.monotonic() - started
        assert response.status == 200
        assert 0.5 < waited < 10
        answer = stalled.recv(200)  # the stalled client got an answer (or a closed connection), not silence
        assert answer == b"" or answer.startswith(b"HTTP/1.1 4")
    finally:
        stalled.close()


def test_a_database_outage_gets_503_with_retry_after_on_pages_and_the_api(serve):
    nowhere = free_port()  # nothing listens here: the database is "stopped"
    server = serve(
        DATABASE_URL=f"postgres://portal:portal@127.0.0.1:{nowhere}/portal", DATABASE_OUTAGE_RETRY_AFTER="20"
    )
    assert server.get("/health/live").status == 200
    for path in ["/", "/diseases/", "/api/v1/diseases/"]:
        response = server.get(path)
        assert response.status == 503, path
        assert response.getheader("Retry-After") == "20"
    page = server.get("/diseases/")
    assert b"The site is briefly unavailable" in page.body
    assert "text/html" in page.getheader("Content-Type")
    api = server.get("/api/v1/diseases/")
    assert api.getheader("Content-Type") == "application/json" and b"unavailable" in api.body
    ready = server.get("/health/ready")
    assert ready.status == 503 and b'"database": "failing"' in ready.body
