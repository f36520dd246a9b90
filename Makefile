# Two commands on a fresh machine: `make run` and `make test`.
# Both create .venv with Python 3.11 if needed and reinstall only when pyproject.toml changed.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

run: $(STAMP)
	$(BIN)/interview

test: $(STAMP)
	$(BIN)/ruff check interview sandbox tests benchmarks
	$(BIN)/pytest -q -n 2

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_sandbox.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
