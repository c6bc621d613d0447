"""Each public page's weight, compressed, and its Lighthouse scores, on the full imported catalogue.

    python scripts/bench_pages.py                     # fresh database portal_bench_pages, dropped at the end
    python scripts/bench_pages.py --keep              # keep it (a second run then skips the import)
    python scripts/bench_pages.py --database portal   # measure an existing imported database as it is
    python scripts/bench_pages.py --no-lighthouse     # weights only, in seconds

It prepares a PostgreSQL database (migrate, import_data, load_demo), collects the static files as
production does (hashed names, gzip and brotli copies), starts gunicorn on a free loopback port with
production settings (DEBUG off) and, for each kind of public page:

* weighs the HTML as sent, then as a proxy would compress it (gzip level 6 and brotli quality 6;
  gunicorn sends HTML uncompressed and nginx or Caddy compress it), and the page in all: the
  HTML with the stylesheets, scripts and icon it loads, each as WhiteNoise serves it (brotli);
* runs Lighthouse 12 (the npm package, installed once into ~/.cache/rare-disease-portal-tools)
  with Debian's Chromium, its default mobile profile and simulated throttling, and reports the
  performance, accessibility, best-practices and SEO scores.

The pages include the longest A–Z letter and the disease with the largest symptom table. It exits
non-zero if a letter page is 150 KB or more compressed, or any page answers with an error. Search,
match and compare are disallowed in robots.txt on purpose, so Lighthouse's SEO score for them
counts that against them. Only loopback traffic; every wait is bounded.
"""

import argparse
import gzip
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import brotli
from benchlib import (
    admin_sql,
    free_port,
    manage,
    production_env,
    query,
    server_url,
    start_gunicorn,
    stop,
    wait_until_ready,
    with_database,
)

DATABASE = "portal_bench_pages"
LIGHTHOUSE_VERSION = "12.8.2"
LETTER_LIMIT_BYTES = 150 * 1024
CHROMIUM = "/usr/bin/chromium"
# The project's headless flags (tests/browser/conftest.py).
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"')


def fetch(port, path, encoding="identity"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def weigh(port, path):
    """Sizes in bytes: HTML raw, gzip, brotli, and the page in all (brotli HTML + brotli assets)."""
    status, body = fetch(port, path)
    if status != 200:
        return {"status": status}
    assets = 0
    for asset in sorted(set(ASSET.findall(body.decode()))):
        asset_status, asset_body = fetch(port, asset, "br")
        if asset_status != 200:
            return {"status": f"{asset_status} for {asset}"}
        assets += len(asset_body)
    html_br = len(brotli.compress(body, quality=6))
    return {
        "status": status,
        "html": len(body),
        "gzip": len(gzip.compress(body, 6)),
        "br": html_br,
        "total": html_br + assets,
    }


def lighthouse_bin():
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rare-disease-portal-tools"
    folder /= f"lighthouse-{LIGHTHOUSE_VERSION}"
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("npm is needed to install Lighthouse (or pass --no-lighthouse)")
        print(f"Installing Lighthouse {LIGHTHOUSE_VERSION} into {folder} (once) ...", flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(folder), "--no-save", "--no-package-lock", "--ignore-scripts"]
            + ["--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return binary


def lighthouse(binary, url, scratch):
    """Scores 0-100 by category, or the reason there are none."""
    report = Path(scratch, "lighthouse.json")
    command = [
        str(binary),
        url,
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=180
    )
    if result.returncode or not report.exists():
        return {"error": (result.stderr or "no report").strip().splitlines()[-1:]}
    categories = json.loads(report.read_text())["categories"]
    report.unlink()
    return {key: round((value["score"] or 0) * 100) for key, value in categories.items()}


def pages_to_measure(database_url):
    ((letter, letter_count),) = query(
        database_url,
        "SELECT upper(substr(name, 1, 1)), count(*) FROM diseases_disease WHERE status = 'published' "
        "AND name ~ '^[A-Za-z]' GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
    )
    largest = query(
        database_url,
        "SELECT d.slug, count(*) FROM diseases_disease d JOIN diseases_annotation a ON a.disease_id = d.id "
        "AND NOT a.is_hidden AND NOT a.is_excluded WHERE d.status = 'published' "
        "GROUP BY d.slug ORDER BY 2 DESC, d.slug LIMIT 4",
    )
    biggest, symptoms = largest[0]
    four = "&".join(f"d={slug}" for slug, _ in largest)
    return [
        ("home", "/"),
        ("about", "/about/"),
        ("about the data", "/about/data/"),
        ("A–Z (letters)", "/diseases/"),
        (f"A–Z letter {letter} ({letter_count:,} names)", f"/diseases/?letter={letter}"),
        ("disease: ALPS (demo page)", "/diseases/autoimmune-lymphoproliferative-syndrome/"),
        (f"disease: largest table ({symptoms})", f"/diseases/{biggest}/"),
        ("sheet: ALPS", "/diseases/autoimmune-lymphoproliferative-syndrome/sheet/"),
        (f"sheet: largest table ({symptoms})", f"/diseases/{biggest}/sheet/"),
        (
            "compare: ALPS and cystic fibrosis",
            "/compare/?d=autoimmune-lymphoproliferative-syndrome&d=cystic-fibrosis",
        ),
        ("compare: 4 largest tables", f"/compare/?{four}"),
        ("symptom: splenomegaly", "/symptoms/HP:0001744/"),
        ("gene: CFTR", "/genes/CFTR/"),
        ("categories", "/categories/"),
        ("search: syndrome", "/search/?q=syndrome"),
        ("match: 2 symptoms", "/match/?hpo=HP:0000978&hpo=HP:0001744"),
        ("parent form", "/support/connect/?disease=autoimmune-lymphoproliferative-syndrome"),
    ]


def kilobytes(value):
    return f"{value / 1024:7.1f}"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database for the next run")
    parser.add_argument("--database", help="measure this existing database instead of a fresh one")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false", help="weights only")
    options = parser.parse_args()

    server = server_url()
    name = options.database or DATABASE
    database_url = with_database(server, name)
    port = free_port()
    scratch = tempfile.TemporaryDirectory(prefix="bench-pages-")
    env = production_env(
        scratch.name,
        database_url,
        collected_static=True,
        SITE_URL=f"http://127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
    )
    created = not admin_sql(server, f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
    if created:
        admin_sql(server, f'CREATE DATABASE "{name}"')
    gunicorn = None
    try:
        started = time.monotonic()
        print(f"Preparing {name}: migrate, import_data, load_demo, collectstatic ...", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "import_data", "--if-changed")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)
        pages = pages_to_measure(database_url)
        binary = lighthouse_bin() if options.lighthouse else None

        gunicorn = start_gunicorn(port, 2, env)
        wait_until_ready(port, gunicorn, "/")
        failed = False
        print()
        print(
            f"{'page':<40} {'HTML KB':>8} {'gzip KB':>8} {'br KB':>7} {'page br KB':>10}"
            + ("   Lighthouse perf / a11y / best practices / SEO" if binary else "")
        )
        for label, path in pages:
            sizes = weigh(port, path)
            if sizes["status"] != 200:
                print(f"{label:<40} answered {sizes['status']}")
                failed = True
                continue
            line = (
                f"{label:<40} {kilobytes(sizes['html']):>8} {kilobytes(sizes['gzip']):>8} "
                f"{kilobytes(sizes['br']):>7} {kilobytes(sizes['total']):>10}"
            )
            if path.startswith("/diseases/?letter=") and sizes["gzip"] >= LETTER_LIMIT_BYTES:
                line += "   OVER the 150 KB limit"
                failed = True
            if binary:
                scores = lighthouse(binary, f"http://127.0.0.1:{port}{path}", scratch.name)
                line += "   " + (
                    " / ".join(
                        str(scores.get(key, "?"))
                        for key in ("performance", "accessibility", "best-practices", "seo")
                    )
                    if "error" not in scores
                    else f"Lighthouse failed: {scores['error']}"
                )
            print(line, flush=True)
        print()
        print(
            "KB are 1,024 bytes. gzip and br: the HTML as a proxy compresses it; page br: that HTML with "
            "its CSS, JS and icon as WhiteNoise serves them (brotli)."
        )
        sys.exit(1 if failed else 0)
    finally:
        stop(gunicorn)
        scratch.cleanup()
        if created and not options.keep:
            admin_sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
