# Two commands for a fresh machine with Python 3.11 and make: `make demo`, `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb
SHARED ?= ../shared

.PHONY: demo test lint typecheck unit gate eval eval-public bench install clean lock

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "eventwire needs Python 3.11, found " + sys.version' 
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

# The main job on the bundled corpus (articles the project wrote) into $(DB).
demo: $(STAMP)
	$(BIN)/eventwire ingest corpus --db $(DB)
	$(BIN)/eventwire summary --db $(DB)
	$(BIN)/eventwire events --db $(DB) --limit 15

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest

# The quality gate: the project's gold corpus must not score below eval/floors.json.
gate: $(STAMP)
	$(BIN)/eventwire eval eval/gold --floors eval/floors.json

test: lint typecheck unit gate

eval: $(STAMP)
	$(BIN)/eventwire eval eval/gold --report reports --public --bench-dir $(SHARED)/bench

eval-public: $(STAMP)
	$(BIN)/eventwire bench-public --bench-dir $(SHARED)/bench

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/engines.py
	$(BIN)/python benchmarks/web_latency.py --events 100000

# Maintainers only (needs network and uv): re-pin every dependency with hashes.
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DB) reports .pytest_cache .mypy_cache .ruff_cache
