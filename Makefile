# Career Clusters. `make run` serves the site with the real data; `make test` runs every test.
# `make` alone lists every target: each one's `## ...` comment below is its help line.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install install-dev run admin test bench lint format messages clean

help: ## list the targets (this text)
	@echo "Career Clusters: make TARGET, where TARGET is one of"
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  %-12s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
	@echo "make run serves on http://$(HOST):$(PORT)/; change it with HOST=... PORT=..., e.g."
	@echo "make run HOST=0.0.0.0 PORT=8080 (then add the host name or address to ALLOWED_HOSTS in .env)."

# scripts/find-python.sh picks any installed Python 3.12+ (PATH, pyenv, uv; or PYTHON=...) and
# says what to install when there is none.
$(VENV)/.created:
	@py="$$(bash scripts/find-python.sh)" || exit 1; \
	echo "Creating $(VENV) with $$py ($$($$py --version))"; \
	$$py -m venv $(VENV) || { \
	  echo "Could not create $(VENV). On Debian or Ubuntu, install the venv module:" \
	       "sudo apt install python3-venv (or python3.X-venv for that version)." >&2; \
	  rm -rf $(VENV); exit 1; }
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

# Development settings for manage.py (never read by the production server, and variables set
# in the environment win). Written once; edit it freely.
.env: | $(VENV)/.created
	@echo "Writing .env for local development (DEBUG=1 and a new SECRET_KEY)"
	@{ echo "# Local development settings, written by 'make run'. manage.py reads this file;"; \
	  echo "# variables set in the environment win, and production servers never read it."; \
	  echo "DEBUG=1"; \
	  echo "SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
	  echo "# ALLOWED_HOSTS=localhost,127.0.0.1,192.168.1.20"; \
	} > $@

install: $(VENV)/.installed ## create .venv and install the site (no test tools)
install-dev: $(VENV)/.installed-dev ## install the site and the test and lint tools

run: install .env ## set up (venv, .env, database, data) and serve on HOST:PORT
	$(PY) manage.py migrate --no-input
	$(PY) manage.py import_career_data --if-empty
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)."
	@echo "Admin: http://$(HOST):$(PORT)/admin/ (no account yet? Run 'make admin' in another" \
	      "terminal.)"
	$(PY) manage.py runserver $(HOST):$(PORT)

admin: install .env ## create an admin account (asks for a name and password)
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createsuperuser $(if $(DJANGO_SUPERUSER_PASSWORD),--no-input)

# Tests run in TEST_WORKERS processes (pytest-xdist; "auto" is one per CPU, 1 runs them in
# this process). xdist's default "load" schedule keeps each worker's tests in collection order,
# where pytest-django puts the tests that flush the database after the others.
TEST_WORKERS ?= auto
test: install-dev ## install the test tools and run every test (DATABASE_URL=postgres://... for PostgreSQL)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

bench: $(VENV)/.installed-bench ## run the benchmarks and print the figures (needs PostgreSQL)
	@command -v wrk >/dev/null 2>&1 || { echo "Installing wrk (the load generator) with apt-get"; \
	  apt-get install -y -qq -o DPkg::Lock::Timeout=120 wrk >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=120 wrk >/dev/null; }; }
	$(PY) -m bench

lint: install-dev ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev ## fix what ruff can and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The compiled catalogues (.mo) are shipped, so running the site needs no gettext tools; after
# changing any text, run this and translate the new entries (tests/test_translations.py says
# which are missing). Needs gettext (apt-get install gettext).
messages: install .env ## update the Spanish catalogues from the code and compile them
	@command -v msgfmt >/dev/null 2>&1 || { echo "Installing gettext with apt-get"; \
	  apt-get install -y -qq -o DPkg::Lock::Timeout=120 gettext >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=120 gettext >/dev/null; }; }
	$(PY) manage.py makemessages -l es --no-obsolete --ignore=.venv --ignore=tests --ignore=bench
	$(PY) manage.py compilemessages -l es --ignore=.venv

clean: ## remove .venv and build leftovers (keeps .env and db.sqlite3)
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
