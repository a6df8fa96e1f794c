# Two commands: `make run` (set up, then extract corpus/ into output/) and `make test` (set up, then the tests).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= dev,dask,dvc

.PHONY: setup setup-stanza run test evaluate evaluate-dev evaluate-test errors package repro bench clean

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

# One pytest worker per core (pytest-xdist): the suite is mostly whole-pipeline runs, which parallelise well.
test: setup
	$(PY) -m pytest -q -n auto

evaluate: run
	$(PY) -m pipeline evaluate --gold corpus/gold --pred output --metrics metrics/sample --detail metrics/sample_detail.json --plots metrics/f1_sample.svg --errors metrics/errors_sample.txt --name sample

# The development set (tune on it) and the frozen test set (score it, never read it while writing rules).
evaluate-dev: setup
	$(PY) -m pipeline run corpus/dev --out output/dev --quiet
	$(PY) -m pipeline evaluate --gold corpus/dev/gold --pred output/dev --metrics metrics/dev --detail metrics/dev_detail.json --plots metrics/f1_dev.svg --errors metrics/errors_dev.txt --name dev

evaluate-test: setup
	$(PY) -m pipeline run corpus/test --out output/test --quiet
	$(PY) -m pipeline evaluate --gold corpus/test/gold --pred output/test --metrics metrics/test --detail metrics/test_detail.json --plots metrics/f1_test.svg --name test

# Every miss, false alarm, boundary and value error of the sample run, with context, for reviewers.
errors: run
	$(PY) -m pipeline evaluate --gold corpus/gold --pred output --metrics metrics/sample --errors metrics/errors_sample.txt --name sample

# A wheel with models/ and params.yaml as package data (dist/); `pip install dist/*.whl` runs from any folder.
package: setup
	$(PY) -m pip wheel --no-deps --no-build-isolation -w dist .

# Reproduce every dataset and score with DVC (installs the dvc extra; works offline, no remote needed).
repro: setup
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/dvc repro

# Issue 16 benchmark: single 100 KB/1 MB/5 MB documents, 200/1,000/10,000 documents, --jobs 2 and Dask, each
# next to spaCy blank tokenisation; writes bench/results.{md,json} and bench/throughput.png. Not a test; run it on
# a quiet machine (~15-35 min, see `bench/run_bench.py --list`). BENCH_ARGS=--quick checks the script (< 2 min),
# BENCH_ARGS="--only doc-1m-vi --out bench" refreshes one row.
BENCH_ARGS ?=
bench:
	$(MAKE) setup EXTRAS=dev,dask,dvc,bench
	$(VENV)/bin/python bench/run_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
