# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
# Test processes for `make test` (pytest-xdist). The suite mostly waits (schedulers, OCR, chromium,
# PostgreSQL): serially it used 39% of one core; `make test TEST_WORKERS=0` runs it in one process.
TEST_WORKERS ?= 3

.PHONY: run test install install-test sysdeps nodedeps lint audit lock bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip

# The application's dependencies come from requirements.lock (exact versions, sha256 hashes checked);
# `make lock` rewrites it from pyproject.toml. The test tools on top are not locked.
# Installing the package compiles the feed's C writer (planner/feeds/_cfeed.c); a compiler error fails it.
$(VENV)/.installed: pyproject.toml requirements.lock planner/feeds/_cfeed.c | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements.lock planner/feeds/_cfeed.c | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	$(BIN)/pip install -q -e '.[test,postgres]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test sysdeps nodedeps

sysdeps:
	@tests/setup/sysdeps.sh

nodedeps:
	@if [ -f tests/js/package.json ]; then cd tests/js && npm ci --silent --no-audit --no-fund; fi

## make run: install, migrate, load the example minutes, serve the app with its scheduler and a mail sink.
## Ctrl-C stops all three (trap 'kill 0'). Reminders land in the sink: one line each, saved in instance/mail/.
MAILPORT   ?= 8025
DEMO_EMAIL ?= kommundirektor@kustkommunerna.example
ADMIN      ?= admin@kustkommunerna.example
ADMIN_PASSWORD ?= demo-losenord
YEAR       := $(shell date +%Y)
run: install
	@tests/setup/sysdeps.sh run
	$(BIN)/planner init
	$(BIN)/planner import examples/minutes/* --org Kustkommunerna --accept-all
	$(BIN)/planner import-ics examples/calendars/skollov-2026-2027.ics --org Kustkommunerna --body Skollov --kind holiday
	$(BIN)/planner create-user $(ADMIN) --role admin --password $(ADMIN_PASSWORD) >/dev/null
	$(BIN)/planner subscribe $(DEMO_EMAIL) --org Kustkommunerna --digest --confirmed
	@echo
	@echo "  Planner:      http://$(HOST):$(PORT)/   (log in as $(ADMIN) / $(ADMIN_PASSWORD))"
	@echo "  Årshjul:      http://$(HOST):$(PORT)/arshjul/kustkommunerna/$(YEAR)"
	@PLANNER_BASE_URL=http://$(HOST):$(PORT) $(BIN)/planner feed-token --org Kustkommunerna --name "Alla möten" --reuse \
		| sed 's/^subscribe page:/  Prenumerera: /; s/^feed: */  iCal-flöde:   /'
	@echo "  Påminnelser:  http://$(HOST):$(PORT)/paminnelser/   (subscribe; the confirmation mail shows up below)"
	@echo "  Mail sink:    smtp://127.0.0.1:$(MAILPORT) -> instance/mail/*.eml, one line per mail below"
	@echo "  Fast-forward: $(BIN)/planner reminders send-due --now 2026-12-03T08:00   (in another terminal)"
	@echo
	@trap 'kill 0' EXIT; \
	export PLANNER_SMTP_URL=smtp://127.0.0.1:$(MAILPORT) PLANNER_BASE_URL=http://$(HOST):$(PORT); \
	$(BIN)/planner mailsink --port $(MAILPORT) & \
	sleep 1; $(BIN)/planner scheduler & \
	$(BIN)/planner serve --host $(HOST) --port $(PORT)

## make test: everything the suites need, then every suite on SQLite and PostgreSQL.
test: install-test
	$(BIN)/ruff check planner tests bench
	$(BIN)/mypy planner
	$(BIN)/python tests/setup/audit.py requirements.lock
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

## make audit: known vulnerabilities in requirements.lock fail; no reachable database is a NOTICE, not a pass.
audit: $(VENV)/.installed-test
	$(BIN)/python tests/setup/audit.py requirements.lock

## make lock: pin every application dependency with its hashes (after changing pyproject.toml's dependencies).
lock: | $(BIN)/python
	$(BIN)/pip install -q 'pip-tools>=7.4'
	$(BIN)/pip-compile -q --allow-unsafe --extra=postgres --generate-hashes --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file=requirements.lock pyproject.toml

lint: $(VENV)/.installed-test
	$(BIN)/ruff check planner tests bench
	$(BIN)/mypy planner

## make bench: every benchmark (see bench/README.md).
bench: $(VENV)/.installed-test
	$(BIN)/pip install -q -e '.[bench,test,postgres]'
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache
