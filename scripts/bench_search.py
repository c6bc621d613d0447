"""Benchmark search, autocomplete and symptom matching over HTTP on the full imported catalogue.

    python scripts/bench_search.py              # fresh database portal_bench_search, dropped at the end
    python scripts/bench_search.py --keep       # keep the database (a second run then skips the import)
    python scripts/bench_search.py --rounds 5

It creates its own PostgreSQL database, migrates it, runs ``manage.py import_data`` (which builds the
search and matching indexes), starts gunicorn on a free loopback port with production settings
(DEBUG off), and then, from one client, one request at a time, times:

* /search/?q=...        a mixed list of names, other names, abbreviations, misspellings, everyday
                        symptom words, medical terms and identifiers (identifiers answer with a redirect);
* /search/suggest/?q=   what the autocomplete asks for while those queries are typed;
* /match/?hpo=...x5     five symptoms: each of 40 diseases' five most frequent ones, and some
                        everyday combinations.

It prints the 50th and 95th percentiles and the slowest request against the targets (search p95
<= 50 ms, autocomplete p95 <= 20 ms, match with 5 symptoms p95 <= 300 ms) and exits non-zero when a
target is missed or any response is an error. Only loopback traffic; every wait is bounded.
"""

import argparse
import sys
import tempfile
import time
from urllib.parse import urlencode

from benchlib import (
    admin_sql,
    free_port,
    get,
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

DATABASE = "portal_bench_search"
TARGETS_MS = {"search": 50.0, "suggest": 20.0, "match": 300.0}

SEARCH_QUERIES = [
    # Names, whole or partial
    "Autoimmune lymphoproliferative syndrome",
    "cystic fibrosis",
    "marfan",
    "Duchenne muscular dystrophy",
    "prader willi",
    "ehlers danlos",
    "fragile x",
    "tay-sachs",
    "Angelman syndrome",
    "22q11.2 deletion",
    "retinitis pigmentosa",
    "sickle cell anemia",
    "Gaucher disease",
    "osteogenesis imperfecta",
    "neurofibromatosis type 1",
    # Other names and abbreviations
    "Canale-Smith syndrome",
    "Duncan disease",
    "Lou Gehrig disease",
    "Von Recklinghausen disease",
    "Trisomy 21",
    "brittle bone disease",
    "Pompe disease",
    "ALPS",
    "DMD",
    "PKU",
    "CF",
    "NF1",
    "SMA",
    # Misspellings
    "autoimune lymphoproliferativ",
    "duchene muscular distrophy",
    "cistic fibrosis",
    "phenylketonurea",
    "angelmann syndrome",
    "sickel cell",
    "haemophilia",
    "marfan syndrom",
    "huntingtons disease",
    # Symptoms in everyday words and medical terms
    "bruise easily",
    "nosebleed",
    "low muscle tone",
    "large head",
    "extra fingers",
    "clubfoot",
    "deafness",
    "seizures",
    "Splenomegaly",
    "intellectual disability",
    "short stature",
    # Identifiers (a redirect to the page)
    "ORPHA:3261",
    "OMIM:601859",
    "GARD:8686",
    "8686",
    "HP:0001744",
    # Broad words that match thousands of names
    "syndrome",
    "deficiency",
]

EVERYDAY_SETS = [
    ["HP:0000978", "HP:0000421", "HP:0001744", "HP:0002716", "HP:0001873"],
    ["HP:0001250", "HP:0001252", "HP:0001249", "HP:0000252", "HP:0001263"],
    ["HP:0001166", "HP:0001519", "HP:0001083", "HP:0002616", "HP:0000768"],
    ["HP:0004322", "HP:0000256", "HP:0001762", "HP:0001161", "HP:0000365"],
]


def typed_prefixes(text):
    """What the autocomplete asks for while ``text`` is typed: every second length from 2 letters on."""
    return [text[:length] for length in range(2, len(text) + 1, 2)]


def match_sets(database_url, count):
    """The five most frequent symptoms of ``count`` published diseases, picked evenly by id."""
    rows = query(
        database_url,
        """
        SELECT d.id, array_agg(p.hpo_id ORDER BY a.band, p.hpo_id)
        FROM diseases_disease d
        JOIN diseases_annotation a ON a.disease_id = d.id AND NOT a.is_excluded AND NOT a.is_hidden
        JOIN diseases_phenotype p ON p.id = a.phenotype_id
        WHERE d.status = 'published' AND a.band = 1
        GROUP BY d.id HAVING count(*) >= 5 ORDER BY d.id
        """,
    )
    step = max(len(rows) // count, 1)
    return [terms[:5] for _, terms in rows[::step][:count]] + EVERYDAY_SETS


def measure(port, paths, rounds):
    """Timings in ms, errors, and each path's slowest time."""
    timings, errors, slowest = [], [], {}
    for _ in range(rounds):
        for path in paths:
            status, milliseconds = get(port, path)
            if status >= 400:
                errors.append((status, path))
            timings.append(milliseconds)
            slowest[path] = max(slowest.get(path, 0.0), milliseconds)
    return timings, errors, slowest


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3, help="times each request is repeated (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database for the next run")
    parser.add_argument("--verbose", action="store_true", help="list the slowest requests of each kind")
    options = parser.parse_args()
    if not 0 < options.rounds <= 50:
        sys.exit("--rounds must be 1..50")

    server = server_url()
    database_url = with_database(server, DATABASE)
    port = free_port()
    scratch = tempfile.TemporaryDirectory(prefix="bench-search-")
    env = production_env(scratch.name, database_url)

    exists = admin_sql(server, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'")
    if not exists:
        admin_sql(server, f'CREATE DATABASE "{DATABASE}"')
    gunicorn = None
    try:
        print(f"Preparing {DATABASE}: migrate, import_data (with the search indexes) ...", flush=True)
        started = time.monotonic()
        manage(env, "migrate", "--noinput")
        manage(env, "import_data", "--if-changed")
        print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)
        ((diseases, terms, rows),) = query(
            database_url,
            "SELECT (SELECT count(*) FROM diseases_disease WHERE status = 'published'),"
            " (SELECT count(*) FROM diseases_phenotype), (SELECT count(*) FROM diseases_searchterm)",
        )
        sets = match_sets(database_url, 40)

        gunicorn = start_gunicorn(port, options.workers, env)
        wait_until_ready(port, gunicorn, "/search/")

        search_paths = ["/search/?" + urlencode({"q": text}) for text in SEARCH_QUERIES]
        suggest_paths = [
            "/search/suggest/?" + urlencode({"q": prefix})
            for text in SEARCH_QUERIES
            if not text[0].isdigit() and ":" not in text
            for prefix in typed_prefixes(text)
        ]
        match_paths = ["/match/?" + urlencode([("hpo", hpo_id) for hpo_id in chosen]) for chosen in sets]
        # Warm-up: each worker opens its database connection and loads the matching index once.
        for path in search_paths[:5] + suggest_paths[:5] + match_paths[:2] * options.workers * 2:
            get(port, path)

        results = {}
        for name, paths in (("search", search_paths), ("suggest", suggest_paths), ("match", match_paths)):
            results[name] = measure(port, paths, options.rounds)

        print()
        print(
            f"catalogue              {diseases:,} published diseases, {terms:,} HPO terms, "
            f"{rows:,} search rows; PostgreSQL, gunicorn {options.workers} workers, one client"
        )
        labels = {
            "search": f"/search/ ({len(search_paths)} queries)",
            "suggest": f"autocomplete ({len(suggest_paths)} prefixes)",
            "match": f"/match/, 5 symptoms ({len(match_paths)} sets)",
        }
        failed = False
        for name, (timings, errors, _) in results.items():
            p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
            verdict = "ok" if p95 <= TARGETS_MS[name] and not errors else "MISSED"
            failed |= verdict != "ok"
            print(
                f"{labels[name]:<40} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   max {max(timings):7.1f} ms   "
                f"target p95 <= {TARGETS_MS[name]:.0f} ms: {verdict}"
                + (f"   ({len(errors)} errors, e.g. {errors[0]})" if errors else "")
            )
        print(
            f"requests               {sum(len(result[0]) for result in results.values())} timed, {options.rounds} rounds each"
        )
        if options.verbose:
            for name, (_, _, slowest) in results.items():
                print(f"slowest {name}:")
                for path, milliseconds in sorted(slowest.items(), key=lambda item: -item[1])[:8]:
                    print(f"  {milliseconds:7.1f} ms  {path}")
        sys.exit(1 if failed else 0)
    finally:
        stop(gunicorn)
        scratch.cleanup()
        if not options.keep:
            admin_sql(server, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


if __name__ == "__main__":
    main()
