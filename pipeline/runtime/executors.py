"""Where the per-document stages run: in this process, in a pool of processes, or on a Dask cluster.

Every executor returns results in the order of its input, so the datasets are byte-identical whatever
runs them. Language resources are loaded once per worker process, never per document, and only when a
document actually needs extracting: a re-run where every document comes from the cache builds nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Protocol

from pipeline.config import Config
from pipeline.document import Document
from pipeline.runtime.threads import cap_blas_threads

Result = tuple[Document | None, str | None]  # (extracted document, or None and the error)

# One Extractor per worker process, keyed by config hash and models directory. Built on first use in
# that process; this is the one deliberate per-process cache (workers cannot receive a built pipeline).
_WORKER_EXTRACTORS: dict[tuple[str, str], object] = {}
PARENT_POLL_SECONDS = 1.0
BATCH_MAX_DOCS = 8  # documents per task sent to a worker process


def _extractor(config: Config, models_dir: str | None):
    from pipeline.knowledge.resources import Resources
    from pipeline.runtime.extractor import Extractor

    key = (config.hash, models_dir or "")
    if key not in _WORKER_EXTRACTORS:
        _WORKER_EXTRACTORS[key] = Extractor(config, Resources(models_dir))
    return _WORKER_EXTRACTORS[key]


def extract_one(doc: Document, config: Config, models_dir: str | None) -> Result:
    try:
        return _extractor(config, models_dir)(doc), None
    except Exception as exc:  # one document's failure must not cost the batch
        return None, f"extraction failed: {type(exc).__name__}: {exc}"


def extract_batch(docs: list[Document], config: Config, models_dir: str | None) -> list[Result]:
    cap_blas_threads()  # a Dask worker is a process we did not start
    return [extract_one(d, config, models_dir) for d in docs]


def worker_init(parent_pid: int) -> None:
    """Run in each worker process: one BLAS thread, and exit as soon as the parent is gone (even after kill -9)."""
    cap_blas_threads()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: the kernel kills us with the parent
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()


def _watch_parent(parent_pid: int) -> None:
    """Portable fallback of PR_SET_PDEATHSIG: an orphan is re-parented, so its parent id changes."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


class Executor(Protocol):
    def map(self, docs: list[Document]) -> Iterator[Result]: ...

    def close(self) -> None: ...


class SerialExecutor:
    """In this process. ``build`` makes the extractor on the first document that needs one."""

    def __init__(self, extractor=None, build: Callable[[], object] | None = None) -> None:
        self.extractor = extractor
        self._build = build

    def map(self, docs: list[Document]) -> Iterator[Result]:
        if docs and self.extractor is None and self._build is not None:
            self.extractor = self._build()
        for doc in docs:
            try:
                yield self.extractor(doc), None
            except Exception as exc:
                yield None, f"extraction failed: {type(exc).__name__}: {exc}"

    def close(self) -> None:
        pass


class ProcessExecutor:
    """``--jobs N``: N worker processes, each loading the language resources once, started on first use."""

    def __init__(self, config: Config, models_dir: str | None, jobs: int) -> None:
        self.config, self.models_dir, self.jobs = config, models_dir, jobs
        self.pool: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=worker_init,
                                            initargs=(os.getpid(),))
        return self.pool

    def map(self, docs: list[Document]) -> Iterator[Result]:
        if not docs:
            return
        # small batches: a window ends only when its last batch does, so a big last batch leaves the other workers idle
        size = max(1, min(BATCH_MAX_DOCS, len(docs) // (self.jobs * 4)))
        batches = [docs[i : i + size] for i in range(0, len(docs), size)]
        for results in self._pool().map(extract_batch, batches, [self.config] * len(batches), [self.models_dir] * len(batches)):
            yield from results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


class DaskExecutor:
    """``--executor dask --scheduler ADDRESS``: partitions of documents on an existing Dask cluster."""

    def __init__(self, config: Config, models_dir: str | None, scheduler: str, partition_size: int = 16) -> None:
        from distributed import Client

        self.config, self.models_dir, self.partition_size = config, models_dir, partition_size
        self.client = Client(scheduler, set_as_default=False)

    def map(self, docs: list[Document]) -> Iterator[Result]:
        batches = [docs[i : i + self.partition_size] for i in range(0, len(docs), self.partition_size)]
        futures = self.client.map(extract_batch, batches, config=self.config, models_dir=self.models_dir, pure=False)
        for fut in futures:  # in submission order: the output does not depend on which worker finished first
            yield from fut.result()
            fut.release()

    def close(self) -> None:
        self.client.close()
