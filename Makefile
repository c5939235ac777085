# make run   - set up .venv (if needed) and run the whole pipeline on the bundled demo corpus (Spark local mode)
# make test  - set up .venv (if needed, with the `test` extra: torch CPU, duckdb, datasets) and run the test suite
# make setup - only the environment: .venv, the package and its extras, offline model files
# make dist  - dist/: the wheel and a packed Python environment (venv-pack) for spark-submit --archives
# make airflow-env - Airflow 3 + the Spark provider in their own venv (.venv-airflow), for jobs/airflow/
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.lemur-setup
TEST_STAMP := $(VENV)/.lemur-test-setup
EXTRAS ?= dev

AIRFLOW_VENV := .venv-airflow
AIRFLOW_STAMP := $(AIRFLOW_VENV)/.lemur-setup

.PHONY: run test setup dist airflow-env clean help

help:
	@sed -n 's/^# //p' Makefile

# setup.py and the C sources too: a new or changed native kernel must be rebuilt into an existing .venv.
$(STAMP): pyproject.toml setup.py $(wildcard lemur_data/native/*.c)
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

# The `airflow` extra of pyproject.toml, installed alone (see the NOTE there) under jobs/airflow/constraints.txt.
# --no-compile: of Airflow's ~7,600 modules a run imports a fraction, compiled on first import; compiling them all
# up front cost ~36 CPU s of the test suite's Airflow setup.
$(AIRFLOW_STAMP): pyproject.toml jobs/airflow/constraints.txt
	@test -d $(AIRFLOW_VENV) || $(PYTHON) -m venv $(AIRFLOW_VENV)
	$(AIRFLOW_VENV)/bin/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["airflow"]))' > $(AIRFLOW_VENV)/requirements.txt
	$(AIRFLOW_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(AIRFLOW_VENV)/bin/python -m pip install --quiet --no-compile -r $(AIRFLOW_VENV)/requirements.txt -c jobs/airflow/constraints.txt
	@touch $(AIRFLOW_STAMP)

airflow-env: $(AIRFLOW_STAMP)

run: $(STAMP)
	$(BIN)/lemur-data run manifests/demo.yaml

# Three pytest workers by default, even on two cores: the suite's slow tests wait on JVM start-up, pip, Airflow's
# scheduler and subprocesses more than they compute (one worker used 0.8 of 2 cores). A test file stays on one
# worker (--dist loadfile): the Airflow and cluster tests build their environments once per file; files with slow
# tests start first (tests/conftest.py, pytest_collection_modifyitems). The workers share one demo pipeline run
# (tests/conftest.py, demo_pipeline).
# The Airflow venv (tests/test_airflow.py) is installed beside the test venv, in parallel: pip is mostly one core,
# and on a fresh clone the Airflow install was the first ~3 minutes of the suite's slowest worker.
TEST_WORKERS ?= 3
test:
	$(MAKE) --no-print-directory -j2 $(TEST_STAMP) $(AIRFLOW_STAMP)
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

DIST ?= dist
DIST_ENV := build/dist-env
# The packed environment holds lemur-data, its dependencies and the offline assets, but not pyspark / py4j:
# executors take those from the cluster's own Spark, so the archive fits any Spark 4.x of the same Python.
dist: $(STAMP)
	rm -rf $(DIST_ENV) && mkdir -p $(DIST) build
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir $(DIST) .
	$(PYTHON) -m venv $(DIST_ENV)
	$(DIST_ENV)/bin/python -m pip install --quiet $(DIST)/lemur_data-*.whl
	$(DIST_ENV)/bin/lemur-data assets install
	$(DIST_ENV)/bin/python -m pip uninstall --quiet --yes pyspark py4j
	rm -f $(DIST)/lemur-data-env.tar.gz
	$(BIN)/venv-pack --prefix $(DIST_ENV) --output $(DIST)/lemur-data-env.tar.gz --quiet
	@ls -l $(DIST)

clean:
	rm -rf out/ .pytest_cache build/ dist/
