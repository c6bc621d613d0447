"""Load benchmark of the parent connection form: gunicorn + PostgreSQL, many clients at once.

    python scripts/bench_support.py                       # 500 forms from 20 clients
    python scripts/bench_support.py --submissions 2000 --clients 40

It creates its own database (portal_bench_support, dropped at the end), starts gunicorn on a free
loopback port with production settings (DEBUG off) and two mail workers delivering to a local SMTP
server, then has each client fetch the form (for its CSRF cookie and form token) and post it back.
Afterwards it checks that every submission is stored exactly once, that no response was a 5xx, and
that every confirmation email was delivered exactly once, and prints the figures. Only loopback
traffic; every wait is bounded.
"""

import argparse
import collections
import http.client
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from benchlib import (
    ROOT,
    admin_sql,
    free_port,
    manage,
    percentile,
    production_env,
    query,
    server_url,
    start_gunicorn,
    stop,
    wait_until_ready,
    with_database,
)

DATABASE = "portal_bench_support"
DISEASE_SLUG = "benchmark-example-syndrome"
MAIL_TIMEOUT = 300
REQUEST_TIMEOUT = 60


class MailCounter:
    """A real SMTP server on loopback that counts what it is given, per recipient."""

    def __init__(self):
        self.port = free_port()
        self.recipients = collections.Counter()
        self.lock = threading.Lock()
        self.started = False

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients.update(envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        self.started = True

    def stop(self):
        self.controller.stop()


class Client:
    """One parent's browser: keeps its cookies, fetches the form, posts it back."""

    FIELD = re.compile(r'<input[^>]*name="(csrfmiddlewaretoken|form_token)"[^>]*value="([^"]*)"')

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location", ""), content
        finally:
            connection.close()

    def submit(self, number):
        status, _, page = self.request("GET", f"/support/connect/?disease={DISEASE_SLUG}")
        if status != 200:
            return status, None, 0.0
        fields = dict(self.FIELD.findall(page))
        form = {
            **fields,
            "disease": "Benchmark example syndrome",
            "disease_slug": DISEASE_SLUG,
            "parent_name": f"Bench Parent Zoë {number}",
            "email": f"bench-{number}@example.org",
            "relationship": "parent",
            "child_age_band": ["under_1", "1_4", "5_11", "12_17"][number % 4],
            "country": ["Norway", "Ireland", "Spain", "Canada"][number % 4],
            "region": f"Region {number % 7}",
            "language": "English",
            "message": "Benchmark submission.",
            "share_email": "on",
            "consented_to_share": "on",
            "privacy_acknowledged": "on",
        }
        started = time.monotonic()
        status, location, _ = self.request("POST", "/support/connect/", urlencode(form))
        return status, location, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--submissions", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    parser.add_argument("--mail-workers", type=int, default=2)
    options = parser.parse_args()
    if not 0 < options.submissions <= 100_000 or not 0 < options.clients <= 500:
        sys.exit("--submissions must be 1..100000 and --clients 1..500")

    server = server_url()
    database_url = with_database(server, DATABASE)
    port = free_port()
    mail = MailCounter()
    scratch = tempfile.TemporaryDirectory(prefix="bench-support-")
    env = production_env(
        scratch.name,
        database_url,
        SITE_URL=f"http://127.0.0.1:{port}",
        EMAIL_URL=f"smtp://127.0.0.1:{mail.port}",
        # Relaxed so one machine can play 20 parents; both stay enforced, with these limits.
        SUPPORT_RATE_LIMIT=f"{options.submissions * 10}/h",
        SUPPORT_MIN_FILL_SECONDS="0",
        SUPPORT_MAIL_RETRY_BASE_SECONDS="1",
    )

    processes = []
    admin_sql(server, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    admin_sql(server, f'CREATE DATABASE "{DATABASE}"')
    try:
        print(f"Preparing {DATABASE} ...", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        manage(
            env,
            "shell",
            "-c",
            "from diseases.models import Disease; "
            f"Disease.objects.create(name='Benchmark example syndrome', slug='{DISEASE_SLUG}', status='published')",
        )
        mail.start()
        gunicorn = start_gunicorn(port, options.gunicorn_workers, env)
        processes.append(gunicorn)
        for number in range(options.mail_workers):
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "manage.py",
                        "db_worker",
                        "--no-reload",
                        "--interval",
                        "0.2",
                        "--worker-id",
                        f"bench-{number}",
                        "--verbosity",
                        "0",
                    ],
                    cwd=ROOT,
                    env=env,
                )
            )
        wait_until_ready(port, gunicorn, "/support/privacy/")

        print(
            f"Submitting {options.submissions} forms from {options.clients} concurrent clients ...",
            flush=True,
        )
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=options.clients) as pool:
            results = list(pool.map(lambda number: Client(port).submit(number), range(options.submissions)))
        elapsed = time.monotonic() - started

        statuses = collections.Counter(status for status, _, _ in results)
        redirected = sum(
            1 for status, location, _ in results if status == 302 and location.endswith("/thanks/")
        )
        latencies = sorted(seconds for _, _, seconds in results if seconds)
        stored = query(
            database_url,
            "SELECT email, count(*) FROM support_connectionrequest GROUP BY email",
        )
        stored_counts = dict(stored)
        expected = {f"bench-{number}@example.org" for number in range(options.submissions)}
        missing = expected - stored_counts.keys()
        duplicated = {email for email, count in stored_counts.items() if count > 1}
        unexpected = stored_counts.keys() - expected
        server_errors = sum(count for status, count in statuses.items() if status >= 500)

        print(f"Waiting for the {options.submissions} confirmation emails ...", flush=True)
        mail_started = time.monotonic()
        while time.monotonic() - mail_started < MAIL_TIMEOUT:
            ((sent,),) = query(
                database_url, "SELECT count(*) FROM support_outboxmessage WHERE sent_at IS NOT NULL"
            )
            if sent >= options.submissions:
                break
            time.sleep(0.5)
        mail_seconds = time.monotonic() - mail_started
        ((outbox_rows,),) = query(database_url, "SELECT count(*) FROM support_outboxmessage")
        delivered_once = sum(1 for email in expected if mail.recipients.get(email) == 1)
        mail_duplicates = sum(1 for count in mail.recipients.values() if count > 1)

        print()
        print(
            f"submissions            {options.submissions} from {options.clients} clients, "
            f"gunicorn {options.gunicorn_workers} workers, PostgreSQL"
        )
        print(f"wall time              {elapsed:.2f} s")
        print(
            f"throughput             {options.submissions / elapsed:.1f} forms/s "
            f"({2 * options.submissions / elapsed:.1f} HTTP requests/s, each form = GET + POST)"
        )
        if latencies:
            p95 = percentile(latencies, 0.95)
            print(
                f"POST latency           median {statistics.median(latencies) * 1000:.0f} ms, "
                f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
            )
        print(f"responses              {dict(sorted(statuses.items()))}; redirected to thanks: {redirected}")
        print(f"5xx responses          {server_errors}")
        print(
            f"stored exactly once    {len(expected) - len(missing) - len(duplicated)}/{len(expected)} "
            f"(missing {len(missing)}, duplicated {len(duplicated)}, unexpected {len(unexpected)})"
        )
        print(
            f"confirmation emails    {outbox_rows} in the outbox; delivered exactly once "
            f"{delivered_once}/{len(expected)} within {mail_seconds:.1f} s "
            f"by {options.mail_workers} workers; duplicates {mail_duplicates}"
        )

        failures = [
            text
            for failed, text in [
                (server_errors, "server errors"),
                (missing or duplicated or unexpected, "submissions not stored exactly once"),
                (
                    redirected != options.submissions,
                    "not every submission was redirected to the thank-you page",
                ),
                (delivered_once != options.submissions or mail_duplicates, "mail not delivered exactly once"),
            ]
            if failed
        ]
        if failures:
            sys.exit("FAILED: " + "; ".join(failures))
        print("OK")
    finally:
        for process in reversed(processes):
            stop(process)
        if mail.started:
            mail.stop()
        admin_sql(server, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        scratch.cleanup()


if __name__ == "__main__":
    main()
