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
