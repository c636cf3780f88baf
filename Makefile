# Hotline: a thin list of named steps. The logic lives in hotline/ and orchestration/.
.DEFAULT_GOAL := help
.PHONY: help setup chromium manifest run status docs test test-spark eval ui corpus bench lint fmt clean

VENV        := .venv
PYTHON      := $(VENV)/bin/python
HOTLINE     := $(VENV)/bin/hotline
STAMP       := $(VENV)/.hotline-installed
DBT_DIR     := dbt_project
# The spark extra (pyspark, dbt-spark), installed only for HOTLINE_ENGINE=spark and make test-spark.
SPARK_INSTALL = $(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PYTHON) -e '.[dev,spark]'
DAGSTER_YML := warehouse/dagster_home/dagster.yaml

export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DAGSTER_HOME := $(CURDIR)/warehouse/dagster_home

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

setup: $(STAMP) chromium  ## create .venv, install the project with its dev tools, parse the dbt project (each step skipped when up to date)
	@$(HOTLINE) manifest

# --compile-bytecode: every installed module is compiled once here, so no command pays Python's compile on import
# (seconds per run where bytecode is not written back, e.g. PYTHONDONTWRITEBYTECODE or a read-only venv).
$(STAMP): pyproject.toml
	test -x $(PYTHON) || python3.11 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PYTHON) -e '.[dev]'
	touch $@

chromium:  ## headless Chromium for the report's browser test: apt-get installs it when missing (needs root)
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } \
			|| echo "could not install chromium: the report's browser test will skip"; \
	else echo "chromium is not installed and apt-get cannot install it here: the report's browser test will skip"; fi

manifest: setup  ## dbt parse into dbt_project/target, only when the dbt project changed (hotline manifest; part of setup)

$(DAGSTER_YML):
	mkdir -p $(@D)
	printf 'telemetry:\n  enabled: false\nconcurrency:\n  runs:\n    tag_concurrency_limits:\n      - key: hotline/warehouse\n        limit: 1\n' > $@

# No `manifest` prerequisite: hotline run parses the dbt project itself when it changed, while Dagster starts.
run: setup $(DAGSTER_YML)  ## the whole pipeline once: articles -> published warehouse (hotline run)
	$(if $(filter spark,$(HOTLINE_ENGINE)),$(SPARK_INSTALL))
	$(HOTLINE) run

status: setup  ## the last run, the published marts, quarantined facts, rejected files (hotline status)
	$(HOTLINE) status

docs: setup  ## dbt docs of the published warehouse, generated offline and served on http://127.0.0.1:8080
	$(HOTLINE) docs --serve

test-spark: setup manifest  ## install the spark extra, then prove the marts identical on Spark and DuckDB (pytest -m spark)
	$(SPARK_INSTALL)
	$(PYTHON) -m pytest -m spark --durations=3

test: setup manifest  ## every test
	$(PYTHON) -m pytest

eval: setup manifest  ## score the pipeline on a labeled folder (HOTLINE_EVAL_DIR, default tests/eval/test); writes warehouse/eval.json
	$(HOTLINE) eval $(if $(HOTLINE_EVAL_DIR),$(HOTLINE_EVAL_DIR),)

ui: setup manifest $(DAGSTER_YML)  ## the Dagster UI on http://127.0.0.1:3000
	$(VENV)/bin/dagster dev -h 127.0.0.1 -p 3000

corpus: setup  ## a generated corpus with known truth: make corpus N=10000 [DIR=...] [SEED=0]
	$(HOTLINE) generate $(or $(N),1000) $(or $(DIR),warehouse/corpus-$(or $(N),1000)) --seed $(or $(SEED),0) --overwrite

bench: setup manifest  ## the pipeline end to end on generated corpora (1k, 10k, 100k; SIZES=...); writes warehouse/bench.json and docs/img/bench-stages.png
	$(PYTHON) -m hotline.bench $(if $(SIZES),--sizes $(SIZES),)

lint: setup  ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: setup  ## ruff format, then the lint fixes ruff can make safely
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:  ## remove build artifacts and caches (keeps .venv, the published warehouse and run history)
	rm -rf $(DBT_DIR)/target $(DBT_DIR)/logs logs .pytest_cache .ruff_cache .hypothesis
	rm -rf warehouse/dbt_runs warehouse/eval warehouse/docs warehouse/*.build.duckdb warehouse/*.build.duckdb.wal
	rm -rf warehouse/*.build.spark warehouse/*.build.extract
	rm -f warehouse/.*.publishing warehouse/.*.publishing.wal
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
