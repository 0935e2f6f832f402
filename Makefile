# Two entry points for a fresh clone where only python3 exists:
#   make demo   set up .venv, fill demo.db with the demo organisation, open the TUI on it
#   make test   set up .venv and run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint messages screenshots bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(VENV)/bin/salestui --db demo.db demo
	$(VENV)/bin/salestui --db demo.db

# The UI-thread guard (tests/tui/test_callback_guard.py) measures how long the app keeps
# the UI thread busy: it runs on its own after the rest, not beside another test worker.
# On a 2-core machine the meetings screen's longest stretch is near the 50 ms limit (one
# full redraw of a 120x40 table by Textual): a guard test that failed runs again, alone,
# up to twice more - a real slowdown fails every time.
test: $(STAMP)
	$(PY) -m pytest -n auto -m "not ui_guard"
	$(PY) -m pytest -p no:xdist -m ui_guard || \
	  $(PY) -m pytest -p no:xdist -m ui_guard --last-failed || \
	  $(PY) -m pytest -p no:xdist -m ui_guard --last-failed

lint: $(STAMP)
	$(PY) -m ruff check salestui tests benchmarks
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

# Translations (README, "Translations"): extract every marked message of the code into the
# template salestui/locales/salestui.pot, then merge the template into each language's
# salestui/locales/<lang>/LC_MESSAGES/salestui.po (new messages come in untranslated,
# messages gone from the code go). tests/test_hygiene.py runs the same extraction.
POT := salestui/locales/salestui.pot
messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F pyproject.toml --no-default-keywords \
		-k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 -k NP_:1c,2 \
		--add-comments=TRANSLATORS: --add-location=file --sort-output \
		--project=salestui --copyright-holder="the salestui authors" \
		-o $(POT) salestui
	$(VENV)/bin/pybabel update -i $(POT) -d salestui/locales -D salestui --ignore-obsolete

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
