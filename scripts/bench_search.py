"""Benchmark search, autocomplete and symptom matching over HTTP on the full imported catalogue.

    python scripts/bench_search.py              # fresh database portal_bench_search, dropped at the end
    python scripts/bench_search.py --keep       # keep the database (a second run then skips the import)
    python scripts/bench_search.py --rounds 1 --duration 3   # quicker

It creates its own PostgreSQL database, migrates it and runs ``manage.py import_data`` (which builds
the search and matching indexes), starts a Redis server of its own for the shared cache, and serves
the site with the repo's gunicorn.conf.py, production settings (DEBUG off) and ``--workers``
processes, with a trivial view added for the benchmark (``/bench/ok``, through the same middleware).

**One reader** (one request at a time, as a reader typing and reading would), the cache empty:

* /search/?q=...        a mixed list of names, other names, abbreviations, misspellings, everyday
                        symptom words, medical terms and identifiers (identifiers answer with a redirect);
* /search/suggest/?q=   what the autocomplete asks for while those queries are typed;
* /match/?hpo=...x5     five symptoms: each of 40 diseases' five most frequent ones, and some
                        everyday combinations;

and, for scale, the trivial view 50 times. Each request is made ``--rounds`` times: the first time nothing is cached (the query is computed,
the figure that counts against the targets: search p95 <= 20 ms, autocomplete p95 <= 10 ms, match
with 5 symptoms p95 <= 50 ms); after that the page cache serves it, until the next change.

**Many readers** (wrk, ``--connections`` connections, accepting gzip as browsers do), taking turns
``--rounds`` times with the trivial view, each figure a share of the trivial view in the same rounds:

* the search page over the list above, asked again and again (goal: at least 0.3);
* the search page with every query new: names and other names of diseases and everyday names of
  symptoms from the catalogue, none asked before, so neither the page cache nor the results cache
  has it (goal: at least 0.1);
* autocomplete and /match/ over their lists, asked again and again.

It prints the figures against the goals and exits non-zero when one is missed or any answer is an
error. Only loopback traffic; every wait is bounded.
"""

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from statistics import median
from urllib.parse import urlencode

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

DATABASE = "portal_bench_search"
ONE_READER_P95_MS = {"search": 20.0, "suggest": 10.0, "match": 50.0}
SHARE_GOALS = {"search, asked again": 0.3, "search, every query new": 0.1}

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
# Asked with one more term each time before measuring, so every worker has loaded the matching index.
WARM_MATCH = ["HP:0001250", "HP:0001263"]

# Each wrk thread walks its own part of the list (thread 1 the first half, thread 2 the second), so
# no query of the "every query new" runs is asked twice.
NEW_QUERIES_LUA = """
paths = {%s}
local threads = 0
setup = function(thread)
  thread:set("part", threads)
  threads = threads + 1
end
init = function(args)
  counter = part * math.floor(#paths / 2)
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[((counter - 1) %% #paths) + 1])
end
"""
NEW_QUERIES_PER_RUN = 8000


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


def new_queries(database_url, count):
    """``count`` different things a reader may search for, from the catalogue, in a fixed random order:
    names and other names of published diseases and everyday names of symptoms, none of them in
    SEARCH_QUERIES, and no two alike once folded (so no two share a cached answer)."""
    rows = query(
        database_url,
        """
        SELECT DISTINCT ON (t.folded) t.text FROM diseases_searchterm t
        LEFT JOIN diseases_disease d ON d.id = t.disease_id
        WHERE t.field IN ('name', 'other_name', 'lay_name') AND (t.kind = 'symptom' OR d.status = 'published')
          AND length(t.folded) BETWEEN 4 AND 60
        ORDER BY t.folded
        """,
    )
    asked = {text.casefold() for text in SEARCH_QUERIES}
    texts = [text for (text,) in rows if text.casefold() not in asked]
    random.Random(20261203).shuffle(texts)
    if len(texts) < count:
        sys.exit(f"only {len(texts)} different queries in the catalogue; {count} are needed")
    return texts[:count]


def one_reader(port, paths, rounds):
    """Each path asked ``rounds`` times in turn by one client: (first-time timings, later timings,
    errors, each path's first-time ms)."""
    first, later, errors, slowest = [], [], [], {}
    for round_number in range(rounds):
        for path in paths:
            status, milliseconds = get(port, path)
            if status >= 400:
                errors.append((status, path))
            if round_number == 0:
                first.append(milliseconds)
                slowest[path] = milliseconds
            else:
                later.append(milliseconds)
    return first, later, errors, slowest


def lua_paths(paths):
    return ", ".join('"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"' for path in paths)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3, help="times each measurement is made (default 3)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk measurement (default 5)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database for the next run")
    parser.add_argument("--verbose", action="store_true", help="list the slowest first-time requests")
    options = parser.parse_args()
    if not (1 <= options.rounds <= 20 and 1 <= options.duration <= 60 and 1 <= options.connections <= 256):
        sys.exit("--rounds 1..20, --duration 1..60, --connections 1..256")
    for tool in ("wrk", "redis-server", "redis-cli"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (make bench-search installs wrk and redis-server from Debian)")

    server = server_url()
    database_url = with_database(server, DATABASE)
    scratch = tempfile.TemporaryDirectory(prefix="bench-search-")
    redis = RedisServer()
    env = serving_env(scratch.name, database_url, redis.url)
    if not admin_sql(server, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"):
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
        measured = {hpo_id for chosen in sets for hpo_id in chosen}
        warm_terms = [
            hpo_id
            for (hpo_id,) in query(
                database_url, "SELECT hpo_id FROM diseases_phenotype ORDER BY id LIMIT 500"
            )
            if hpo_id not in measured
        ]
        fresh = new_queries(database_url, NEW_QUERIES_PER_RUN * options.rounds + options.workers * 4)

        gunicorn = Gunicorn(env, options.workers)
        port = gunicorn.port
        search_paths = ["/search/?" + urlencode({"q": text}) for text in SEARCH_QUERIES]
        suggest_paths = [
            "/search/suggest/?" + urlencode({"q": prefix})
            for text in SEARCH_QUERIES
            if not text[0].isdigit() and ":" not in text
            for prefix in typed_prefixes(text)
        ]
        match_paths = ["/match/?" + urlencode([("hpo", hpo_id) for hpo_id in chosen]) for chosen in sets]
        # Each worker opens its database connection, whose PostgreSQL process loads the text-search
        # dictionaries and pg_trgm on first use, compiles the templates and loads the matching index
        # once, on addresses that are not measured (so nothing measured is cached yet).
        for index, text in enumerate(fresh[-options.workers * 4 :]):
            get(port, TRIVIAL)
            get(port, "/search/?" + urlencode({"q": text if index % 2 else text + "x"}))
            get(port, "/search/suggest/?" + urlencode({"q": text[:4]}))
            # A different set each time: a set asked before is answered from the page cache, not a worker.
            get(
                port, "/match/?" + urlencode([("hpo", hpo_id) for hpo_id in [*WARM_MATCH, warm_terms[index]]])
            )

        print(f"One reader, {options.rounds} rounds (the first with nothing cached) ...", flush=True)
        single = {
            "trivial": one_reader(port, [TRIVIAL] * 50, 1),
            "search": one_reader(port, search_paths, options.rounds),
            "suggest": one_reader(port, suggest_paths, options.rounds),
            "match": one_reader(port, match_paths, options.rounds),
        }

        print(
            f"Many readers: {options.rounds} rounds of {options.duration} s, {options.connections} connections ...",
            flush=True,
        )
        loads = {
            "trivial view": [ROTATE_LUA % lua_paths([TRIVIAL])],
            "search, asked again": [ROTATE_LUA % lua_paths(search_paths)],
            "search, every query new": [
                NEW_QUERIES_LUA
                % lua_paths(
                    "/search/?" + urlencode({"q": text})
                    for text in fresh[
                        round_number * NEW_QUERIES_PER_RUN : (round_number + 1) * NEW_QUERIES_PER_RUN
                    ]
                )
                for round_number in range(options.rounds)
            ],
            "autocomplete, asked again": [ROTATE_LUA % lua_paths(suggest_paths)],
            "match, asked again": [ROTATE_LUA % lua_paths(match_paths)],
        }
        runs = {label: [] for label in loads}
        for round_number in range(options.rounds):
            for label, scripts in loads.items():
                script = Path(scratch.name, "load.lua")
                script.write_text(scripts[min(round_number, len(scripts) - 1)])
                run = wrk(port, "/", options.duration, options.connections, script=str(script))
                if label == "search, every query new" and run["requests"] > NEW_QUERIES_PER_RUN:
                    sys.exit(
                        f"{run['requests']} requests in one run: raise NEW_QUERIES_PER_RUN, queries were asked twice"
                    )
                runs[label].append(run)
                print(f"  {label:<28} {run['rps']:8.0f} req/s", flush=True)

        failed = report(single, runs, options, diseases, terms, rows)
        sys.exit(1 if failed else 0)
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        redis.stop()
        scratch.cleanup()
        if not options.keep:
            admin_sql(server, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def report(single, runs, options, diseases, terms, rows):
    """Print the figures with each goal's verdict; True when a goal was missed or an answer was an error."""
    failed = False
    print()
    print(
        f"catalogue  {diseases:,} published diseases, {terms:,} HPO terms, {rows:,} search rows; "
        f"PostgreSQL, Redis, gunicorn {options.workers} workers"
    )
    print("\nOne reader                             first time (computed)        again (page cache)")
    (trivial_times, _, _, _) = single.pop("trivial")
    print(
        f"  {'trivial view (50)':<30} p50 {percentile(trivial_times, 0.5):5.1f} p95 {percentile(trivial_times, 0.95):5.1f} ms"
    )
    labels = {"search": "/search/", "suggest": "autocomplete", "match": "/match/, 5 symptoms"}
    for name, (first, later, errors, _) in single.items():
        p95 = percentile(first, 0.95)
        verdict = "ok" if p95 <= ONE_READER_P95_MS[name] and not errors else "MISSED"
        failed |= verdict != "ok"
        again = f"p50 {percentile(later, 0.5):5.1f} p95 {percentile(later, 0.95):5.1f} ms" if later else ""
        print(
            f"  {labels[name] + f' ({len(first)})':<30} p50 {percentile(first, 0.5):5.1f} p95 {p95:5.1f} ms   "
            f"{again:<26} goal p95 <= {ONE_READER_P95_MS[name]:.0f} ms: {verdict}"
            + (f"  ({len(errors)} errors, e.g. {errors[0]})" if errors else "")
        )
    trivial = median(run["rps"] for run in runs["trivial view"])
    print(f"\nMany readers ({options.connections} connections)  req/s   share of trivial   p50 ms   p99 ms")
    for label, figures in runs.items():
        rps = median(run["rps"] for run in figures)
        share = rps / trivial
        # Answers that were errors fail the run; wrk's socket errors (mostly connections still open
        # when a run ends) are shown beside the figures.
        errors = sum(run["errors"] for run in figures)
        socket_errors = sum(run["socket_errors"] for run in figures)
        goal = SHARE_GOALS.get(label)
        verdict = ""
        if goal is not None:
            verdict = f"goal >= {goal}: " + ("ok" if share >= goal and not errors else "MISSED")
            failed |= share < goal
        failed |= bool(errors)
        print(
            f"  {label:<28} {rps:8.0f}   {share:8.2f}        {median(run['p50'] for run in figures):7.1f}  "
            f"{median(run['p99'] for run in figures):7.1f}   {verdict}"
            + (f"  ({errors} error answers)" if errors else "")
            + (f"  ({socket_errors} socket errors)" if socket_errors else "")
        )
    if options.verbose:
        for name, (_, _, _, slowest) in single.items():
            print(f"slowest {name}, first time:")
            for path, milliseconds in sorted(slowest.items(), key=lambda item: -item[1])[:6]:
                print(f"  {milliseconds:7.1f} ms  {path}")
    return failed


if __name__ == "__main__":
    main()
