# The two set-up commands of the README: `make serve` and `make test`.
# Both create .venv on first use and install Unwall into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint extension clean-venv

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/unwall serve

# Lint and types are part of the tests: a change that breaks them is not green.
test: lint
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check server tests benchmarks
	$(BIN)/ruff format --check server tests benchmarks
	$(BIN)/mypy

# The browser extension, packaged for Chromium and Firefox: dist/unwall-{chrome,firefox}.zip
extension:
	$(PYTHON) extension/build.py

clean-venv:
	rm -rf $(VENV)
