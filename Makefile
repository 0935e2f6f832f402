# Two entry points for a fresh clone where only python3 exists:
#   make demo   set up .venv, fill demo.db with the demo organisation, open the TUI on it
#   make test   set up .venv and run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint screenshots bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(VENV)/bin/salestui --db demo.db demo
	$(VENV)/bin/salestui --db demo.db

test: $(STAMP)
	$(PY) -m pytest -n auto

lint: $(STAMP)
	$(PY) -m ruff check salestui tests benchmarks
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
