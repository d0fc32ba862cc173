# syriakg: `make run` sets everything up and serves the bundled articles; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STORE  ?= data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup run load serve test lint bench browser-deps clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

## the main job: install, load the bundled articles into the embedded store, serve them
run: load serve

load: setup
	$(BIN)/syriakg load --store $(STORE) data/articles

serve: setup
	$(BIN)/syriakg serve --store $(STORE) --host $(HOST) --port $(PORT)

## the tests (what CI runs): lint, then the whole suite
test: setup browser-deps
	$(BIN)/ruff check .
	$(PY) -m pytest -q -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc

lint: setup
	$(BIN)/ruff check .

## headless Chromium (Debian) + Playwright for the browser test; skipped quietly where it cannot install
browser-deps: setup
	@bash .ci/browser-deps $(PY) || echo "browser dependencies not installed: the browser test will be skipped"

bench: setup
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(STORE) $(STORE).version
