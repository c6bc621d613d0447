"""Benchmark what readers come for, through gunicorn on PostgreSQL with the full catalogue, with wrk.

    python scripts/bench_serve.py              # fresh database portal_bench_serve, dropped at the end
    python scripts/bench_serve.py --keep       # keep the database (a second run then skips the import)
    python scripts/bench_serve.py --rounds 1 --skip-pool   # quicker

It creates its own PostgreSQL database, migrates it, imports the real data and the demo page, and
starts a Redis server of its own on a free loopback port (so it can stop it). gunicorn runs with the
repo's gunicorn.conf.py, production settings (DEBUG off) and ``--workers`` processes, with a
trivial view added for the benchmark (``/bench/ok``, through the same middleware). wrk, with
``--connections`` connections and accepting gzip as browsers do, then measures in one run, each page
and the trivial view taking turns ``--rounds`` times (the median of each is printed):

* the trivial view, the baseline every page is a share of;
* the ALPS and cystic fibrosis pages, the home page and the A–Z index at A: "cached", from the page
  cache; "uncached", with the page cache off (PAGE_CACHE_ENABLED=false: every request reaches its
  view, as after any change, and a disease page whose own content did not change comes from the
  HTML it keeps); "rendered", with that off too (PAGE_BODY_CACHE_ENABLED=false: as after a change
  to the page itself or a new data release), with persistent database connections and again with
  Django's psycopg pool (``--skip-pool`` leaves that out);
* the cached disease pages again for a client that does not accept gzip;
* right after a publish (the cystic fibrosis page saved, which moves the content generation and
  its own stored HTML), ``--burst`` readers of that page released at once, ``--rounds`` times: with
  the render lock off (PAGE_CACHE_RENDER_LOCK_SECONDS=0, every reader who misses renders) and on
  (one renders; the others get the previous version, marked stale, or wait for the render), counting
  renders from each answer's Cache-Status;
* 32 connections for 30 s over all those pages, with Redis up and then with Redis stopped,
  counting answers that are not 2xx or 3xx.

It prints requests per second, the share of the trivial view, p50 and p99 latency, and the targets:
cached disease page, home and index >= 0.7 x the trivial view with p99 <= 50 ms, with gzip or
without; the uncached disease page >= 0.05 x; one render per burst with the lock on; no error under
load, with or without Redis. It exits non-zero when a target is missed. Only loopback traffic; every
run is bounded in time.
"""

import argparse
import http.client
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import median

from benchlib import (
    ROTATE_LUA,
    TRIVIAL,
    Gunicorn,
    RedisServer,
    admin_sql,
    get,
    manage,
    percentile,
    query,
    server_url,
    serving_env,
    with_database,
    wrk,
)

DATABASE = "portal_bench_serve"
CACHED_SHARE, CACHED_P99_MS, UNCACHED_DISEASE_SHARE = 0.7, 50.0, 0.05


def catalogue_paths(database_url):
    ((cystic_fibrosis,),) = query(
        database_url,
        "SELECT slug FROM diseases_disease WHERE status = 'published' AND lower(name) = 'cystic fibrosis' "
        "ORDER BY id LIMIT 1",
    ) or [(None,)]
    if cystic_fibrosis is None:
        sys.exit("no published 'Cystic fibrosis' page: is the real data imported?")
    return {
        "ALPS disease page": "/diseases/autoimmune-lymphoproliferative-syndrome/",
        "cystic fibrosis page": f"/diseases/{cystic_fibrosis}/",
        "home": "/",
        "A–Z index, letter A": "/diseases/?letter=A",
    }


# A change to the page itself, as a publish makes: its row is saved, which moves the content
# generation (every cached page is out of date) and the key of its own stored HTML.
PUBLISH = """
from diseases.models import Disease
Disease.objects.get(slug={slug!r}).save()
"""


def served_as(cache_status):
    """How the page cache served an answer, from its Cache-Status (RFC 9211): rendered, stale or waited."""
    parameters = [part.strip() for part in cache_status.split(";")[1:]]
    if "detail=stale" in parameters:
        return "stale"
    if "collapsed" in parameters:
        return "waited"  # for another request's render, and given its result
    if any(part.startswith("fwd=") for part in parameters):
        return "rendered"
    return "hit"


def burst(port, path, readers):
    """``readers`` GETs of ``path`` (accepting gzip), connected first and released together.

    Returns how each was served (``served_as``), the latency of each in ms, the time from the release
    to the last answer, and the answers that were not 200.
    """
    release = threading.Barrier(readers + 1)
    results = []
    lock = threading.Lock()

    def reader():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            connection.connect()
            release.wait(timeout=30)
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate"})
            response = connection.getresponse()
            response.read()
            took = (time.perf_counter() - started) * 1000
            with lock:
                results.append((response.status, served_as(response.getheader("Cache-Status", "")), took))
        finally:
            connection.close()

    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for thread in threads:
        thread.start()
    release.wait(timeout=30)
    started = time.perf_counter()
    for thread in threads:
        thread.join(timeout=120)
    wall = time.perf_counter() - started
    if len(results) != readers:
        sys.exit(f"the burst lost {readers - len(results)} of its {readers} readers")
    counts = {
        kind: sum(served == kind for _, served, _ in results)
        for kind in ("rendered", "stale", "waited", "hit")
    }
    latencies = [took for _, _, took in results]
    return {
        **counts,
        "p50": percentile(latencies, 0.5),
        "p99": percentile(latencies, 0.99),
        "wall": wall,
        "errors": sum(status != 200 for status, _, _ in results),
    }


def publish_bursts(env, port, path, slug, readers, rounds):
    """The median of ``rounds`` bursts, each right after a publish of the page at ``path``."""
    runs = []
    for _ in range(rounds):
        for accepts in ({"Accept-Encoding": "gzip"}, {}):  # the previous version is in the cache
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", path, headers=accepts)
            connection.getresponse().read()
            connection.close()
        manage(env, "shell", "-c", PUBLISH.format(slug=slug))
        runs.append(burst(port, path, readers))
    row = {key: median(run[key] for run in runs) for key in runs[0]}
    row["errors"] = sum(run["errors"] for run in runs)
    row["most renders"] = max(run["rendered"] for run in runs)
    return row


def warm(port, paths):
    for path in paths:
        status, _ = get(port, path)
        if status != 200:
            sys.exit(f"{path} answered {status}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement (default 5)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="measurements of each page, taking turns (default 3)"
    )
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--load-seconds", type=int, default=30, help="seconds of each 32-connection run")
    parser.add_argument(
        "--burst", type=int, default=64, help="readers of one page at once right after a publish (default 64)"
    )
    parser.add_argument("--skip-pool", action="store_true", help="do not measure the psycopg pool")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database for the next run")
    options = parser.parse_args()
    if not (
        1 <= options.duration <= 120
        and 1 <= options.connections <= 256
        and 1 <= options.load_seconds <= 300
        and 2 <= options.burst <= 256
    ):
        sys.exit("--duration 1..120, --connections 1..256, --load-seconds 1..300, --burst 2..256")
    for tool in ("wrk", "redis-server", "redis-cli"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (make bench-serve installs wrk and redis-server from Debian)")

    server = server_url()
    database_url = with_database(server, DATABASE)
    scratch = tempfile.TemporaryDirectory(prefix="bench-serve-")
    redis = RedisServer()
    env = serving_env(scratch.name, database_url, redis.url)

    if not admin_sql(server, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"):
        admin_sql(server, f'CREATE DATABASE "{DATABASE}"')
    running = []
    try:
        print(f"Preparing {DATABASE}: migrate, import_data, load_demo ...", flush=True)
        started = time.monotonic()
        manage(env, "migrate", "--noinput")
        manage(env, "import_data", "--if-changed")
        manage(env, "load_demo")
        ((published,),) = query(
            database_url, "SELECT count(*) FROM diseases_disease WHERE status = 'published'"
        )
        print(f"  ready in {time.monotonic() - started:.0f} s: {published:,} published pages", flush=True)
        pages = catalogue_paths(database_url)
        rows = []

        trivial_rates = {}

        def run_server(mode, plain=(), **overrides):
            """Each page and the trivial view in turn, ``--rounds`` times; the median round of each.

            Taking turns, rather than one long run each, spreads whatever else the machine is doing
            over all of them alike, and each page's share is of the trivial view in the same rounds.
            ``plain`` names pages measured again for a client that does not accept gzip.
            """
            gunicorn = Gunicorn(env, options.workers, **overrides)
            running.append(gunicorn)
            paths = {
                "trivial view": (TRIVIAL, True),
                **{label: (path, True) for label, path in pages.items()},
            }
            paths.update({f"{label}, no gzip": (pages[label], False) for label in plain})
            warm(gunicorn.port, [path for path, _ in paths.values()] * options.workers * 2)
            wrk(gunicorn.port, TRIVIAL, 2, options.connections)  # every thread has its connection
            runs = {label: [] for label in paths}
            for _ in range(options.rounds):
                for label, (path, gzip) in paths.items():
                    runs[label].append(
                        wrk(gunicorn.port, path, options.duration, options.connections, gzip=gzip)
                    )
            trivial = median(run["rps"] for run in runs["trivial view"])
            trivial_rates[mode] = trivial
            for label, figures in runs.items():
                row = {key: median(run[key] for run in figures) for key in ("rps", "p50", "p99", "requests")}
                row["errors"] = sum(run["errors"] for run in figures)
                row["socket_errors"] = sum(run["socket_errors"] for run in figures)
                row["share"] = row["rps"] / trivial
                rows.append((label, mode, row))
                print(
                    f"  {label:<24} {mode:<22} {row['rps']:8.0f} req/s  {row['share']:5.2f}  "
                    f"p50 {row['p50']:6.1f} ms  p99 {row['p99']:6.1f} ms",
                    flush=True,
                )
            return gunicorn

        print(
            f"Measuring: {options.rounds} rounds of {options.duration} s each, {options.connections} connections:",
            flush=True,
        )
        cached = run_server("cached", plain=["ALPS disease page", "cystic fibrosis page"])

        # Right after a publish: many readers of one page at once, each render counted.
        bursting = pages["cystic fibrosis page"]
        slug = bursting.strip("/").rsplit("/", 1)[-1]
        print(
            f"Right after a publish: {options.burst} readers of the cystic fibrosis page at once, "
            f"{options.rounds} rounds ...",
            flush=True,
        )
        unlocked = Gunicorn(env, options.workers, PAGE_CACHE_RENDER_LOCK_SECONDS="0")
        running.append(unlocked)
        warm(unlocked.port, [TRIVIAL] * options.workers * 2)
        bursts = []
        for label, port in (("render lock off", unlocked.port), ("render lock on", cached.port)):
            row = publish_bursts(env, port, bursting, slug, options.burst, options.rounds)
            row["share"] = options.burst / row["wall"] / trivial_rates["cached"]
            bursts.append((label, row))
            print(
                f"  {label:<16} {row['rendered']:4.0f} renders, {row['stale']:3.0f} stale, "
                f"{row['waited']:3.0f} waited, p50 {row['p50']:6.1f} ms, p99 {row['p99']:6.1f} ms, "
                f"all answered in {row['wall']:.2f} s",
                flush=True,
            )
        unlocked.stop()
        # After any change the page cache starts again: pages are served by their views, the disease
        # pages from the HTML each keeps until its own content changes.
        run_server("uncached", PAGE_CACHE_ENABLED="false").stop()
        # After a change to the page itself, or a new data release: rendered from the database.
        nothing_kept = {"PAGE_CACHE_ENABLED": "false", "PAGE_BODY_CACHE_ENABLED": "false"}
        run_server("rendered", **nothing_kept).stop()
        if not options.skip_pool:
            run_server("rendered, psycopg pool", **nothing_kept, DATABASE_POOL="true").stop()

        script = Path(scratch.name, "rotate.lua")
        script.write_text(ROTATE_LUA % ", ".join(f'"{path}"' for path in [TRIVIAL, *pages.values()]))
        print(f"Load: 32 connections for {options.load_seconds} s over all pages ...", flush=True)
        with_redis = wrk(cached.port, "/", options.load_seconds, 32, script=str(script))
        redis.stop()
        time.sleep(0.5)
        without_redis = wrk(cached.port, "/", options.load_seconds, 32, script=str(script))

        failed = print_table(rows, with_redis, without_redis, options)
        failed |= print_bursts(bursts, trivial_rates["cached"], options)
        sys.exit(1 if failed else 0)
    finally:
        for gunicorn in running:
            gunicorn.stop()
        redis.stop()
        scratch.cleanup()
        if not options.keep:
            admin_sql(server, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def print_table(rows, with_redis, without_redis, options):
    """The figures as one table with each target's verdict; True when a target was missed."""
    print()
    print(
        f"gunicorn {options.workers} workers (gunicorn.conf.py), PostgreSQL, production settings, "
        f"wrk {options.connections} connections, median of {options.rounds} rounds of {options.duration} s, "
        f"{os.cpu_count()} cores"
    )
    print("| page | served | req/s | share of the trivial view | p50 | p99 | target |")
    print("|---|---|---|---|---|---|---|")
    failed = False
    for label, mode, figures in rows:
        target = ""
        if mode == "cached" and label != "trivial view":
            ok = figures["share"] >= CACHED_SHARE and figures["p99"] <= CACHED_P99_MS
            target = f"≥ {CACHED_SHARE} and p99 ≤ {CACHED_P99_MS:.0f} ms: {'ok' if ok else 'MISSED'}"
            failed |= not ok
        elif mode == "uncached" and label.endswith("disease page"):
            ok = figures["share"] >= UNCACHED_DISEASE_SHARE
            target = f"≥ {UNCACHED_DISEASE_SHARE}: {'ok' if ok else 'MISSED'}"
            failed |= not ok
        if figures["errors"]:
            failed = True
            target += f" ({figures['errors']} errors)"
        print(
            f"| {label} | {mode} | {figures['rps']:,.0f} | {figures['share']:.2f} | "
            f"{figures['p50']:.1f} ms | {figures['p99']:.1f} ms | {target} |"
        )
    print()
    for name, figures in (("Redis up", with_redis), ("Redis stopped", without_redis)):
        ok = figures["errors"] == 0
        failed |= not ok
        print(
            f"32 connections, {options.load_seconds} s, all pages, {name}: {figures['requests']:,} requests, "
            f"{figures['rps']:,.0f} req/s, p99 {figures['p99']:.1f} ms, {figures['errors']} answers not 2xx/3xx "
            f"(target none: {'ok' if ok else 'MISSED'}), {figures['socket_errors']} socket errors"
        )
    return failed


def print_bursts(bursts, trivial, options):
    """The publish bursts as a table; True when the lock let more than one render through."""
    print()
    print(
        f"Right after a publish, {options.burst} readers of the cystic fibrosis page at once (accepting gzip), "
        f"median of {options.rounds} bursts; the trivial view served {trivial:,.0f} req/s in the same run"
    )
    print(
        "| render lock | renders | stale | waited | p50 | p99 | all answered in | req/s over the burst "
        "| share of the trivial view | target |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    failed = False
    for label, row in bursts:
        target = ""
        if label.endswith("on"):
            ok = row["most renders"] <= 1
            target = f"one render per burst: {'ok' if ok else 'MISSED'} (most {row['most renders']})"
            failed |= not ok
        if row["errors"]:
            failed = True
            target += f" ({row['errors']} errors)"
        print(
            f"| {label.removeprefix('render lock ')} | {row['rendered']:.0f} | {row['stale']:.0f} | "
            f"{row['waited']:.0f} | {row['p50']:.1f} ms | {row['p99']:.1f} ms | {row['wall']:.2f} s | "
            f"{options.burst / row['wall']:,.0f} | {row['share']:.2f} | {target} |"
        )
    return failed


if __name__ == "__main__":
    main()
