"""Worker processes: one BLAS thread each, started only when needed, and gone when their parent dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from pipeline.runtime.executors import ProcessExecutor, SerialExecutor
from tests.conftest import ROOT

_ORPHAN_SCRIPT = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from pipeline.runtime.executors import worker_init
pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                           initializer=worker_init, initargs=(os.getpid(),))
print(pool.submit(os.getpid).result(), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_executor_worker_exits_when_its_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.time() + 10
    while _alive(worker) and time.time() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def test_executor_blas_threads_are_capped_before_numpy_loads():
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_NUM_THREADS", "_MAXIMUM_THREADS"))}
    code = "import pipeline.cli, os, sys; print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'], 'numpy' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert res.stdout.split() == ["1", "1", "False"]


def test_executor_blas_setting_given_by_the_user_is_kept():
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2"}
    code = "import pipeline.runtime, os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert res.stdout.strip() == "2"


def test_executor_process_pool_is_not_started_without_documents(config):
    executor = ProcessExecutor(config, None, jobs=2)
    assert list(executor.map([])) == []
    executor.close()
    assert executor.pool is None


def test_executor_serial_builds_its_extractor_on_first_document_only(config):
    built = []
    executor = SerialExecutor(build=lambda: built.append(1) or (lambda doc: doc))
    assert list(executor.map([])) == [] and built == []
    from tests.conftest import make_doc

    [(doc, error)] = list(executor.map([make_doc("ASEAN met in 2011.", "en")]))
    assert error is None and doc.text == "ASEAN met in 2011." and built == [1]


class _BuiltInParent:
    """A stand-in extractor that says which process built it."""

    def __init__(self) -> None:
        self.built_by = os.getpid()
        self.warmed = False

    def warm(self) -> None:
        self.warmed = True

    def __call__(self, doc):
        doc.meta["built_by"], doc.meta["warmed"] = self.built_by, self.warmed
        return doc


def _worker_pid(doc):
    """A ``ship`` function: what the worker sends back instead of the document."""
    return (os.getpid(), doc.meta["built_by"], doc.meta["warmed"])


def test_executor_workers_inherit_the_extractor_the_parent_built_and_warmed(config, monkeypatch):
    import multiprocessing

    import pytest

    from pipeline.runtime import executors
    from tests.conftest import make_doc

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers inherit the parent's extractor only with the fork start method")
    monkeypatch.setattr(executors, "_WORKER_EXTRACTORS", {})
    built = []
    executor = ProcessExecutor(config, None, jobs=2, build=lambda: built.append(1) or _BuiltInParent(), ship=_worker_pid)
    try:
        results = list(executor.map([make_doc(f"ASEAN met in {2000 + n}.", "en", f"{n}.txt") for n in range(6)]))
    finally:
        executor.close()
    assert built == [1]  # once, in this process, before the workers started
    assert executors._WORKER_EXTRACTORS == {}  # not kept past the pool: a later run reads models/ afresh
    assert all(error is None for _, error in results)
    assert {(built_by, warmed) for (_, built_by, warmed), _ in results} == {(os.getpid(), True)}
    assert all(worker != os.getpid() for (worker, _, _), _ in results)


def test_executor_windows_in_flight_keep_the_run_byte_identical(tmp_path, config, resources, monkeypatch):
    """Small windows: pass 1 sends a window while the previous one is still being extracted, and workers ship cache
    entries instead of documents; pass 2 runs in forked workers one document per task. The datasets are those
    of a serial run."""
    import shutil

    from pipeline.runtime import runner
    from pipeline.runtime.runner import RunOptions, run
    from tests.conftest import ROOT

    monkeypatch.setattr(runner, "EXPORT_BATCH", 1)  # five documents are enough to export in parallel

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(ROOT.joinpath("corpus").glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    run([corpus], tmp_path / "one", config, resources, options=RunOptions(jobs=1))
    report = run([corpus], tmp_path / "two", config, resources, options=RunOptions(jobs=2, window=2))
    assert report.ok and report.cache.extracted == len(list(corpus.glob("*.txt")))
    for name in ("documents", "mentions", "entities", "events", "agreements"):
        one = (tmp_path / "one" / f"{name}.jsonl").read_bytes()
        assert one == (tmp_path / "two" / f"{name}.jsonl").read_bytes(), name
    cached = sorted(p.read_bytes() for p in (tmp_path / "one" / ".cache" / "docs").rglob("*.json"))
    assert cached == sorted(p.read_bytes() for p in (tmp_path / "two" / ".cache" / "docs").rglob("*.json"))
