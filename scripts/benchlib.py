"""Helpers shared by the benchmark scripts: their PostgreSQL databases, manage.py, gunicorn, figures."""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SERVER = "postgres://portal:portal@127.0.0.1:5432/postgres"
READY_TIMEOUT = 60


def free_port():
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_url():
    """BENCH_DATABASE_URL or DATABASE_URL when it names a PostgreSQL server, else the local default."""
    configured = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    return configured if configured.startswith(("postgres://", "postgresql://")) else DEFAULT_SERVER


def with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def admin_sql(url, statement):
    """Run one statement in autocommit on the server's ``postgres`` database; its rows, if it has any."""
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if cursor.description else None


def query(url, sql, params=None):
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute(sql, params).fetchall()


def manage(env, *args):
    """Run ``manage.py args`` to the end; on failure exit with the tail of its error output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def production_env(scratch, database_url, *, collected_static=False, **extra):
    """Environment for the site with production settings (DEBUG off) on ``database_url``.

    Static files are the exception: most benchmarks serve pages, not a collected static tree, so a
    settings module written into the ``scratch`` folder swaps in the plain storage. With
    ``collected_static`` it keeps production's (hashed names, gzip and brotli copies) and collects
    into the scratch folder: run ``manage.py collectstatic`` before starting the server.
    """
    storage = (
        ""
        if collected_static
        else 'STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}\n'
    )
    Path(scratch, "bench_settings.py").write_text(
        "from portal.settings import *  # noqa: F403\n" + storage + f"STATIC_ROOT = {str(scratch)!r}\n"
    )
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(scratch), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def start_gunicorn(port, workers, env):
    return subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def get(port, path, timeout=30):
    """(status, milliseconds) for one GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000
    finally:
        connection.close()


def wait_until_ready(port, process, path):
    """Return once ``path`` answers 200; exit if gunicorn stops or has not answered in READY_TIMEOUT s."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn stopped during start-up")
        try:
            if get(port, path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    sys.exit(f"gunicorn did not answer within {READY_TIMEOUT} s")


def stop(process):
    """SIGTERM, then SIGKILL if it is still running after 20 s; nothing if it is None or has ended."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def percentile(values, share):
    """The sorted value at position ``share`` x count (share 0.95: the p95), without interpolating."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# --- Serving through gunicorn with a trivial view beside the pages, measured with wrk ----------------

TRIVIAL = "/bench/ok"
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}

BENCH_URLS = """
from django.http import HttpResponse
from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok", ok), *urlpatterns]
"""

# wrk asks for each of these in turn (one list per connection), for the mixed load.
ROTATE_LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def wrk(port, path, seconds, connections, script=None, gzip=True):
    """wrk's figures for ``path``: requests/s, p50 and p99 in ms, and answers that were errors."""
    # As browsers and CDNs do, it accepts gzip, unless told to be a client that does not.
    command = ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    if gzip:
        command += ["-H", "Accept-Encoding: gzip, deflate"]
    if script:
        command += ["-s", script]
    result = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    if result.returncode:
        sys.exit(f"wrk failed: {result.stderr[-2000:]}")
    out = result.stdout

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE).groups()
        return float(value) * UNIT_MS[unit]

    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": errors,  # answers that were not 2xx or 3xx
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
    }


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while (
            subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout
            != b"PONG\n"
        ):
            if time.monotonic() > deadline:
                sys.exit("redis-server did not start")
            time.sleep(0.1)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)


class Gunicorn:
    """The repo's gunicorn.conf.py with ``workers`` processes and the given settings."""

    def __init__(self, env, workers, **overrides):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn"))],
            cwd=ROOT,
            env={
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": str(workers),
                "GUNICORN_LOG_LEVEL": "warning",
                **overrides,
            },
        )
        wait_until_ready(self.port, self.process, TRIVIAL)

    def stop(self):
        stop(self.process)


def serving_env(scratch, database_url, redis_url):
    """Production settings (``production_env``) with the trivial view added at ``TRIVIAL`` and the
    Redis at ``redis_url`` as the shared cache, as the repo's gunicorn.conf.py serves them."""
    Path(scratch, "bench_serve_urls.py").write_text(BENCH_URLS)
    Path(scratch, "bench_serve_settings.py").write_text(
        'from bench_settings import *  # noqa: F403\nROOT_URLCONF = "bench_serve_urls"\n'
    )
    env = production_env(scratch, database_url, REDIS_URL=redis_url)
    env["DJANGO_SETTINGS_MODULE"] = "bench_serve_settings"
    for variable in ("DATABASE_POOL", "PAGE_CACHE_ENABLED", "PAGE_BODY_CACHE_ENABLED", "WEB_CONCURRENCY"):
        env.pop(variable, None)
    return env
