"""Where the per-document stages run: in this process, in a pool of processes, or on a Dask cluster.

Every executor returns results in the order of its input, so the datasets are byte-identical whatever
runs them. Language resources are loaded once per worker process, never per document.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Protocol

from pipeline.config import Config
from pipeline.document import Document

Result = tuple[Document | None, str | None]  # (extracted document, or None and the error)

# One Extractor per worker process, keyed by config hash and models directory. Built on first use in
# that process; this is the one deliberate per-process cache (workers cannot receive a built pipeline).
_WORKER_EXTRACTORS: dict[tuple[str, str], object] = {}


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
    return [extract_one(d, config, models_dir) for d in docs]


class Executor(Protocol):
    def map(self, docs: list[Document]) -> Iterator[Result]: ...

    def close(self) -> None: ...


class SerialExecutor:
    def __init__(self, extractor) -> None:
        self.extractor = extractor

    def map(self, docs: list[Document]) -> Iterator[Result]:
        for doc in docs:
            try:
                yield self.extractor(doc), None
            except Exception as exc:
                yield None, f"extraction failed: {type(exc).__name__}: {exc}"

    def close(self) -> None:
        pass


class ProcessExecutor:
    """``--jobs N``: N worker processes, each loading the language resources once."""

    def __init__(self, config: Config, models_dir: str | None, jobs: int) -> None:
        self.config, self.models_dir, self.jobs = config, models_dir, jobs
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)

    def map(self, docs: list[Document]) -> Iterator[Result]:
        size = max(1, len(docs) // (self.jobs * 4))
        batches = [docs[i : i + size] for i in range(0, len(docs), size)]
        for results in self.pool.map(extract_batch, batches, [self.config] * len(batches), [self.models_dir] * len(batches)):
            yield from results

    def close(self) -> None:
        self.pool.shutdown()


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
