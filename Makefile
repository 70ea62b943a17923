# claimgraph: `make demo` runs the demo on the managed local Neo4j; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint unit integration bench clean stop

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/claimgraph demo

lint: install
	$(BIN)/ruff check claimgraph tests bench
	$(BIN)/ruff format --check claimgraph tests bench
	$(BIN)/mypy claimgraph

unit: install
	$(BIN)/pytest tests/unit

integration: install
	$(BIN)/pytest tests/integration

test: lint
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	  || command -v google-chrome >/dev/null 2>&1 \
	  || echo "note: no Chromium found: the browser tests will skip (apt-get install chromium chromium-driver)"
	$(BIN)/pytest tests

bench: install
	$(BIN)/python -m bench

stop: install
	$(BIN)/claimgraph server stop

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
