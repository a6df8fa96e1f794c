# Two commands: `make run` (set up, then extract corpus/ into output/) and `make test` (set up, then the tests).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= dev,dask,dvc

.PHONY: setup setup-stanza run test evaluate repro bench clean

$(VENV)/.installed-$(EXTRAS): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24"
	$(PY) -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

setup: $(VENV)/.installed-$(EXTRAS)

# Optional statistical NER: torch's CPU build first (an unpinned torch would pull a multi-GB CUDA build).
setup-stanza: setup
	$(PY) -m pip install -q "torch==2.13.0"
	$(PY) -m pip install -q -e ".[$(EXTRAS),stanza]"

run: setup
	$(PY) -m pipeline run corpus --out output

test: setup
	$(PY) -m pytest -q

evaluate: run
	$(PY) -m pipeline evaluate --gold corpus/gold --pred output --metrics metrics/sample.json --plots metrics/f1_sample.json --name sample

# Reproduce every dataset and score with DVC (installs the dvc extra; works offline, no remote needed).
repro: setup
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/dvc repro

# Throughput and peak memory at 1x, 10x, 100x the sample, next to spaCy and dateparser (not a test; ~1 min).
bench:
	$(MAKE) setup EXTRAS=dev,dask,dvc,bench
	$(VENV)/bin/python bench/run_bench.py

clean:
	rm -rf $(VENV) .pytest_cache
