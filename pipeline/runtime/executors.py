"""Where the per-document stages run: in this process, in a pool of processes, or on a Dask cluster.

Every executor returns results in the order of its input, so the datasets are byte-identical whatever
runs them. Language resources are loaded once per process, never per document, and only when a document
actually needs extracting: a re-run where every document comes from the cache builds nothing. A forked pool's
workers inherit the extractor its parent built just before forking them, instead of each building its own.
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
Ship = Callable[[Document], object]  # what a worker sends back instead of the whole document (module-level: pickled by name)

# One Extractor per worker process, keyed by config hash and models directory. Built on first use in that process,
# or built by the parent before a fork pool starts and inherited copy-on-write (``ProcessExecutor(build=...)``).
_WORKER_EXTRACTORS: dict[tuple[str, str], object] = {}
PARENT_POLL_SECONDS = 1.0
BATCH_MAX_DOCS = 8  # documents per task sent to a worker process


def _key(config: Config, models_dir: str | None) -> tuple[str, str]:
    return (config.hash, models_dir or "")


def _extractor(config: Config, models_dir: str | None):
    from pipeline.knowledge.resources import Resources
    from pipeline.runtime.extractor import Extractor

    key = _key(config, models_dir)
    if key not in _WORKER_EXTRACTORS:
        _WORKER_EXTRACTORS[key] = Extractor(config, Resources(models_dir))
    return _WORKER_EXTRACTORS[key]


def extract_one(doc: Document, config: Config, models_dir: str | None, ship: Ship | None = None) -> Result:
    try:
        done = _extractor(config, models_dir)(doc)
        return (ship(done) if ship is not None else done), None
    except Exception as exc:  # one document's failure must not cost the batch
        return None, f"extraction failed: {type(exc).__name__}: {exc}"


def extract_batch(docs: list[Document], config: Config, models_dir: str | None, ship: Ship | None = None) -> list[Result]:
    """``ship``: done in the worker, in parallel, instead of in the parent (e.g. the cache entry's bytes, which
    also cost far less to send back than a pickled document with all its mentions)."""
    cap_blas_threads()  # a Dask worker is a process we did not start
    return [extract_one(d, config, models_dir, ship) for d in docs]


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


def can_fork() -> bool:
    """Whether worker processes can be forked (and so inherit what the parent built, copy-on-write)."""
    return "fork" in multiprocessing.get_all_start_methods()


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """``jobs`` worker processes (forked where possible), each exiting with its parent."""
    ctx = multiprocessing.get_context("fork" if can_fork() else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=worker_init, initargs=(os.getpid(),))


class ProcessExecutor:
    """``--jobs N``: N worker processes, started on first use.

    With ``build`` and the fork start method, the parent builds the extractor (stages, resources and the spaCy
    pipelines of the languages with a grammar) once, before the pool forks: every worker inherits it
    copy-on-write instead of spending seconds building its own. ``map`` submits its batches at once and returns
    an iterator, so a caller may submit the next window before reading the current one (workers never wait
    for the parent between windows)."""

    overlaps = True  # ``map`` submits eagerly: a caller may keep one window in flight while it reads the next

    def __init__(self, config: Config, models_dir: str | None, jobs: int, build: Callable[[], object] | None = None,
                 ship: Ship | None = None) -> None:
        self.config, self.models_dir, self.jobs = config, models_dir, jobs
        self.build, self.ship = build, ship
        self.pool: ProcessPoolExecutor | None = None
        self.inherited = False  # this parent holds the extractor its workers inherited (until ``close``)

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            if can_fork() and self.build is not None:
                self._inherit()
            self.pool = process_pool(self.jobs)
        return self.pool

    def _inherit(self) -> None:
        """Build the extractor here, warmed, where the forked workers will find it (``_extractor``). Built for
        this pool only (``close`` drops it): a later run in this process reads models/ afresh, as new workers did."""
        extractor = self.build()
        warm = getattr(extractor, "warm", None)
        if warm is not None:
            warm()
        _WORKER_EXTRACTORS[_key(self.config, self.models_dir)] = extractor
        self.inherited = True

    def map(self, docs: list[Document]) -> Iterator[Result]:
        """Results in input order; every batch is submitted before this returns."""
        if not docs:
            return iter(())
        # small batches: a window ends only when its last batch does, so a big last batch leaves the other workers idle
        size = max(1, min(BATCH_MAX_DOCS, len(docs) // (self.jobs * 4)))
        pool = self._pool()
        futures = [pool.submit(extract_batch, docs[i : i + size], self.config, self.models_dir, self.ship)
                   for i in range(0, len(docs), size)]
        return _in_order(futures)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        if self.inherited:
            _WORKER_EXTRACTORS.pop(_key(self.config, self.models_dir), None)
            self.inherited = False


def _in_order(futures: list) -> Iterator[Result]:
    """Each batch's results as it completes, in submission order; a result is dropped here once yielded."""
    for n, fut in enumerate(futures):
        results = fut.result()
        futures[n] = None
        yield from results


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
