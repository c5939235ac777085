# make run   - set up .venv (if needed) and run the whole pipeline on the bundled demo corpus (Spark local mode)
# make test  - set up .venv (if needed, with the `test` extra: torch CPU, duckdb, datasets) and run the test suite
# make setup - only the environment: .venv, the package and its extras, offline model files
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.lemur-setup
TEST_STAMP := $(VENV)/.lemur-test-setup
EXTRAS ?= dev

.PHONY: run test setup clean help

help:
	@sed -n 's/^# //p' Makefile

$(STAMP): pyproject.toml
	@command -v java >/dev/null || { echo "Java 17+ is required by Spark: install a JDK (e.g. apt-get install openjdk-17-jre-headless)"; exit 1; }
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	$(BIN)/lemur-data assets install
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS),test]'
	@touch $(TEST_STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/lemur-data run manifests/demo.yaml

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf out/ .pytest_cache
