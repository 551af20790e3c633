# Career Clusters. `make run` serves the site with the real data; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# The first interpreter on PATH that is Python 3.12 or newer (pyenv's python3 reads .python-version).
PYTHON_CANDIDATES := python3.13 python3.12 python3.14 python3 python
FIND_PYTHON := for c in $(PYTHON_CANDIDATES); do \
	  command -v $$c >/dev/null 2>&1 || continue; \
	  if $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$c; exit 0; fi; \
	done; exit 1

.PHONY: help install install-dev run test bench lint format clean

help:
	@echo "make run    set everything up and serve the site with the real data on http://$(HOST):$(PORT)"
	@echo "make test   install test tools and run the whole suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make bench  run the benchmarks and print the figures"
	@echo "make lint   ruff check and format check"

$(VENV)/.created:
	@py="$$($(FIND_PYTHON))" || { \
	  found="$$(python3 --version 2>&1 || echo 'no python3 at all')"; \
	  echo "Career Clusters needs Python 3.12 or newer; found: $$found." >&2; \
	  echo "Install Python 3.13 (for example with pyenv: pyenv install 3.13) and run make again." >&2; \
	  exit 1; }; \
	echo "Creating $(VENV) with $$py ($$($$py --version))"; \
	$$py -m venv $(VENV)
	@touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-dev pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev,bench]"
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py import_career_data --if-empty
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-bench
	@command -v wrk >/dev/null 2>&1 || { echo "Installing wrk (the load generator) with apt-get"; \
	  apt-get install -y -qq -o DPkg::Lock::Timeout=120 wrk >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=120 wrk >/dev/null; }; }
	$(PY) -m bench

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
