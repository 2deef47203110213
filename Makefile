# Newsroom: `make run` serves the demo site, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check --quiet
HOST ?= 127.0.0.1
PORT ?= 8000
# gunicorn workers for `make serve`; empty: 2 * CPUs + 1 (newsroom/gunicorn_conf.py).
WORKERS ?=

.PHONY: run serve test lint format check-migrations migrate seed clean bench soak

# The stamps make a second run skip installing when pyproject.toml has not changed.
$(VENV)/.python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Newsroom needs Python 3.11 or newer; $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade "pip>=25.1"
	@touch $@

$(VENV)/.run: pyproject.toml $(VENV)/.python
	$(PIP) install --group run
	@touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.run
	$(PIP) install --group dev
	@touch $@

migrate: $(VENV)/.run
	$(PY) manage.py migrate --no-input

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo "Serving the demo site on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production settings on this machine (bin/serve): gunicorn, DEBUG off, whitenoise, demo content.
serve: $(VENV)/.run
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) bin/serve

# The benchmark (bench/, docs/benchmark.md): dataset, `make serve`'s server driven by wrk,
# page weight in Chromium, plans on PostgreSQL; report in bench/results/. Installs Debian's
# wrk and chromium when missing. Options: make bench BENCH_ARGS="--articles 100000 --rounds 5"
BENCH_ARGS ?=
bench: $(VENV)/.dev
	@command -v wrk >/dev/null 2>&1 || { echo "== installing Debian's wrk"; \
		apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { echo "== installing Debian's chromium"; \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	$(PY) -m bench $(BENCH_ARGS)

# The soak (bench/soak.py, docs/soak.md): `make serve`'s server at saturation for a minute,
# wrk's readers and admin writers at once; fails on any 5xx, socket error or failed save.
# Uses DATABASE_URL / REDIS_URL when set. Options: make soak SOAK_ARGS="--duration 120"
SOAK_ARGS ?=
soak: $(VENV)/.dev
	@command -v wrk >/dev/null 2>&1 || { echo "== installing Debian's wrk"; \
		apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m bench soak $(SOAK_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-migrations: $(VENV)/.dev
	$(PY) manage.py makemigrations --check --dry-run

test: lint check-migrations
	$(VENV)/bin/pytest -n auto --dist loadfile $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles
