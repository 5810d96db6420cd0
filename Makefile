# Two commands matter: `make run` (set up and serve) and `make test` (set up and test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA := $(or $(ARCHIVE_DATA_DIR),var)
export ARCHIVE_DATA_DIR := $(abspath $(DATA))
HOST ?= 127.0.0.1
PORT ?= 8000
AXE := node_modules/axe-core/axe.min.js

.PHONY: run serve setup test lint test-sqlite test-postgres system-packages bench bench-parsing reliability clean

run: setup
	$(PY) manage.py import_interviews fixtures/
	$(PY) manage.py check_index --repair
	$(VENV)/bin/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) archive.wsgi

# Serve what is already imported, without importing fixtures again.
serve: setup
	$(VENV)/bin/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) archive.wsgi

setup: $(VENV)/.installed $(ARCHIVE_DATA_DIR)/secret_key
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py collectstatic --noinput --verbosity 0

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(ARCHIVE_DATA_DIR)/secret_key:
	mkdir -p $(ARCHIVE_DATA_DIR)
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# Debian packages the browser tests need (Chromium) and the social-card images' fonts
# (fonts-dejavu-core, archive/cards.py); installed only when missing, as root.
system-packages:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: install Debian's chromium package for the browser tests"; fi; fi
	@if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	  else echo "DejaVu fonts are missing: install Debian's fonts-dejavu-core for the social-card images"; fi; fi
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk is missing: install Debian's wrk package for make reliability"; fi; fi

# Lint and format check (ruff, pyproject.toml), then the suite twice, side by side on the two
# cores: on SQLite (the default) and on PostgreSQL. Each pass has its own temporary data folder,
# database and free ports; each pass's output is printed whole when it ends (--output-sync).
test: $(VENV)/.installed system-packages $(AXE) lint
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test-sqlite: $(VENV)/.installed system-packages $(AXE)
	$(PY) -m pytest

# axe-core, which the browser tests run in Chromium on every page type, from the npm registry
# (package.json pins it; npm ci installs exactly package-lock.json). Debian's npm when missing.
$(AXE): package.json package-lock.json
	@if ! command -v npm >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; fi
	npm ci --no-audit --no-fund --silent
	touch $@

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The suite on a throwaway PostgreSQL cluster on 127.0.0.1 (.ci/with-postgres.sh: as root it
# installs Debian's postgresql when missing; it always stops the cluster at the end). The
# parser's tests (tests/parsing) read text and touch no database: the SQLite pass runs them.
test-postgres: $(VENV)/.installed system-packages $(AXE)
	bash .ci/with-postgres.sh $(PY) -m pytest --ignore=tests/parsing

# The search benchmark (bench/, BENCHMARKS.md): generate, import, serve, load, compare with
# the Whoosh floor and Datasette, append a dated section to BENCHMARKS.md. Everything it makes
# goes under bench-data/ (git-ignored). SIZES in pairs: SIZES="10000 100000 1000000" for 1M.
SIZES ?= 10000 100000
BENCH_DURATION ?= 20
BENCH_REPEATS ?= 1
BENCH_ARGS ?=
BENCH_VENV := bench-data/venv

bench: $(VENV)/.installed $(BENCH_VENV)/.installed
	$(PY) -m bench.run --sizes $(SIZES) --duration $(BENCH_DURATION) --repeats $(BENCH_REPEATS) $(BENCH_ARGS)

# The parser's speed against another commit's, in the same run (bench/parsing.py).
# AGAINST=<commit> (default HEAD~1).
AGAINST ?= HEAD~1
bench-parsing: $(VENV)/.installed
	$(PY) -m bench.parsing --against $(AGAINST)

# Faults and load (bench/reliability.py, RELIABILITY.md): a 100,000-answer corpus imported,
# imports and rebuilds killed with kill -9, the costliest queries, wrk at c=32 with a worker
# killed, a 10-minute soak; loopback only, about 45 minutes on 2 cores. RELIABILITY_ARGS for
# smaller runs (e.g. "--pairs 10000 --soak-seconds 60").
RELIABILITY_ARGS ?=
reliability: $(VENV)/.installed $(BENCH_VENV)/.installed system-packages
	$(PY) -m bench.reliability $(RELIABILITY_ARGS)

$(BENCH_VENV)/.installed: bench/requirements-peer.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r bench/requirements-peer.txt
	touch $@

clean:
	rm -rf $(VENV) var
