# Two commands: `make run` (set up, then extract corpus/ into output/) and `make test` (set up, then the tests).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= dev

.PHONY: setup run test evaluate bench clean

$(VENV)/.installed-$(EXTRAS): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24"
	$(PY) -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

setup: $(VENV)/.installed-$(EXTRAS)

run: setup
	$(PY) -m pipeline run corpus --out output

test: setup
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache
