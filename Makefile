# The usual jobs, in one place. `make help` lists them. Everything runs in .venv (made by `make setup`).
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: help setup install examples test-fast test lint typecheck docs docs-check ci bench

help:
	@echo "make setup       venv with lintrials installed editable, and the test and lint tools"
	@echo "make examples    run lintrials on the bundled examples"
	@echo "make test-fast   the tests that need nothing beside the repository, in 2 processes"
	@echo "make test        every test (the corpus tests need ../shared/corpus beside the repo)"
	@echo "make lint        ruff;  make typecheck: mypy (strict)"
	@echo "make docs        regenerate docs/checks.md and docs/fields.md;  make docs-check: fail if it is stale"
	@echo "make ci          what CI runs (.ci/run)"

$(BIN)/python:
	python3 -m venv $(VENV)

setup: $(BIN)/python
	$(BIN)/pip install -q -e '.[test,lint]'

examples:
	$(BIN)/lintrials check examples/

test-fast:
	$(BIN)/pytest -m "not slow" -n 2

test:
	$(BIN)/pytest

lint:
	$(BIN)/ruff check .

typecheck:
	$(BIN)/mypy

docs:
	$(BIN)/lintrials rules --format markdown > docs/checks.md
	$(BIN)/python -m lintrials.formats.field_map > docs/fields.md

docs-check:
	$(BIN)/lintrials rules --format markdown | diff -u docs/checks.md - \
		|| (echo "docs/checks.md is stale: run make docs" && false)

ci:
	bash .ci/run

bench:
	$(BIN)/python bench/bench.py
