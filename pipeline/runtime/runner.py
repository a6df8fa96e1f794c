"""A run: ingest, per-document stages, corpus reconciliation, datasets. Bad documents never stop a batch.

Memory stays nearly flat as the corpus grows: no document is held past the window in flight. Pass 1 streams
documents through the per-document stages (or takes them from the cache) and keeps only ids, cache keys and
the few acronym facts linking needs. Reconciliation then streams every document back from the cache into
compact corpus tables (counts and name sets per entity and instrument), and pass 2 streams them back once
more, gives each its final ids and writes the datasets, renamed into place only when all are complete.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import orjson

from pipeline import __version__
from pipeline.datasets.schema import SCHEMA_VERSION
from pipeline.runtime.executors import DaskExecutor, ProcessExecutor, SerialExecutor, can_fork, process_pool
from pipeline.runtime.extractor import Extractor
from pipeline.runtime.cache import CacheStats, DocCache, document_key, entry_bytes, extraction_fingerprint
from pipeline.config import Config
from pipeline.document import AGREEMENT, ORG, Document
from pipeline.errors import InputError
from pipeline.datasets.export import DatasetWriter, document_record, event_records, mention_records, versioned, recover
from pipeline.ingest import iter_documents, safe_id
from pipeline.runtime.outdir import OutputLock, check_output_folder
from pipeline.reconcile.corpus import CorpusResult, Reconciler, acronym_evidence
from pipeline.knowledge.resources import Resources


@dataclass
class RunReport:
    documents: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)  # what was done to readable documents
    duplicates: int = 0
    cache: CacheStats = field(default_factory=CacheStats)
    timings: dict[str, float] = field(default_factory=dict)
    counts: dict[str, Any] = field(default_factory=dict)
    kept_previous: bool = False  # every document failed, so the earlier datasets were left in place

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class RunOptions:
    jobs: int = 1
    executor: str = "local"  # local | dask
    scheduler: str | None = None
    cache_dir: Path | None = None  # default: <out>/.cache
    use_cache: bool = True
    window: int = 256  # documents in flight at once: bounds memory whatever the corpus size
    strict: bool = False  # stop at the first failed document, leaving previous outputs untouched
    follow_links: bool = False  # read symbolic links that point outside the corpus folder
    lock_wait: float = 0.0  # seconds to wait for another run that holds the output folder


class StrictFailure(Exception):
    """--strict: a document failed, so the run stops before writing anything."""


def make_executor(config: Config, resources: Resources, options: RunOptions):
    """The executor for ``options``; none of them builds the stages before a document needs extracting."""
    models = str(resources.models_dir)
    if options.executor == "dask":
        if not options.scheduler:
            raise InputError("--scheduler", "the dask executor needs --scheduler ADDRESS", "stopped")
        return DaskExecutor(config, models, options.scheduler)
    if options.jobs > 1:
        return ProcessExecutor(config, models, options.jobs, build=lambda: Extractor(config, resources), ship=ship_entry)
    return SerialExecutor(build=lambda: Extractor(config, resources))


@dataclass(frozen=True)
class Shipped:
    """An extracted document as a worker process sends it back: its cache entry's bytes and what pass 1 keeps
    of it. Encoding runs in the workers, in parallel, and a bytes object unpickles in the parent for nothing,
    where a document's thousands of mention objects took the parent (the one process that cannot be
    parallelised) longer to unpickle than to write."""

    doc_id: str
    source: str
    entry: bytes
    evidence: list


def ship_entry(doc: Document) -> Shipped:
    """Run in the worker on each extracted document (``ProcessExecutor(ship=...)``)."""
    return Shipped(doc.doc_id, doc.source, entry_bytes(doc), acronym_evidence(doc))


def run(
    paths: list[str | Path],
    out_dir: str | Path,
    config: Config,
    resources: Resources | None = None,
    progress: Callable[[], Callable[[], None]] | None = None,
    options: RunOptions | None = None,
) -> RunReport:
    """Extract ``paths`` into datasets under ``out_dir`` (checked, then locked for the whole run)."""
    options = options or RunOptions()
    out = Path(out_dir)
    check_output_folder(out, [Path(p) for p in paths])
    with OutputLock(out, options.lock_wait):
        recover(out)  # a commit that a killed run left half done is completed before anything else
        return _run_locked(paths, out, config, resources or Resources(), progress, options)


def _run_locked(paths, out: Path, config: Config, resources: Resources, progress, options: RunOptions) -> RunReport:
    report = RunReport()
    t0 = time.perf_counter()
    cache_root = Path(options.cache_dir or out / ".cache")
    cache = DocCache.open(cache_root, enabled=options.use_cache)
    fingerprint = extraction_fingerprint(config, resources.models_dir)
    executor = make_executor(config, resources, options)
    report.timings["load"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    batch = _Pass1(report, cache, executor, options, progress() if progress else None)
    try:
        batch.run(iter_documents(paths, config.ingest, exclude=[out, cache_root], follow_links=options.follow_links), fingerprint)
    finally:
        executor.close()
    report.cache.removed = len(set(cache.previous) - set(batch.manifest))
    report.timings["extract"] = time.perf_counter() - t1
    stage_times = getattr(getattr(executor, "extractor", None), "timings", {})  # serial runs only
    report.timings.update({f"stage:{k}": v for k, v in sorted(stage_times.items())})
    if not batch.sources and report.failed and (out / "documents.jsonl").exists():
        report.kept_previous = True  # every document failed: earlier datasets are worth more than empty ones
        return report

    # Reconciliation, streamed from the cache: canonical entities, agreements, events.
    t2 = time.perf_counter()
    order = sorted((source, doc_id) for doc_id, source in batch.sources.items())
    reconciler, corpus = reconcile(cache, batch, order, Reconciler(resources, config.section("reconcile")))
    report.timings["reconcile"] = time.perf_counter() - t2
    _pass2(out, config, report, cache, order, batch, (reconciler, corpus), t0,
           options.jobs if options.executor == "local" else 1)
    cache.save_manifest(batch.manifest)
    return report


# What ``Reconciler.collect`` reads of a document: its organisations and its instruments (events and dates are
# only needed by ``finalise``, in pass 2, which reads the whole document).
COLLECTED_TYPES = frozenset({ORG, AGREEMENT})


def reconcile(cache: DocCache, batch: "_Pass1", order: list[tuple[str, str]], rec: Reconciler) -> tuple[Reconciler, CorpusResult]:
    """Steps 1 and 2 of ``Reconciler``: acronym links from what pass 1 kept, then every document read back from
    the cache, one at a time (an entry that vanished is skipped here and reported by pass 2)."""
    for _, doc_id in order:
        rec.add_evidence(batch.evidence.get(doc_id, ()))
    rec.link()
    for _, doc_id in order:
        doc = cache.get_part(batch.keys[doc_id], COLLECTED_TYPES)
        if doc is not None:
            rec.collect(doc)
        del doc
    return rec, rec.result()


class _Pass1:
    """Pass 1: extract (or reuse) every document, keeping its id, source and acronym evidence, not the document."""

    def __init__(self, report: RunReport, cache: DocCache, executor, options: RunOptions, tick) -> None:
        self.report, self.cache, self.executor, self.options, self.tick = report, cache, executor, options, tick
        self.sources: dict[str, str] = {}  # doc_id -> source, for every document extracted or reused
        self.evidence: dict[str, list] = {}  # doc_id -> acronym evidence (reconcile.entities), when there is some
        self.keys: dict[str, str] = {}  # doc_id -> cache key
        self.duplicates: dict[str, list[str]] = defaultdict(list)  # doc_id -> other sources with the same content
        self.manifest: dict[str, str] = {}
        self.pending: list[tuple[Document, str]] = []
        self.in_flight: list[tuple[list, list, Any]] = []  # windows sent to the executor, results not collected yet

    def fail(self, source: str, error: str, action: str = "skipped") -> None:
        self.report.failed.append({"source": safe_id(source), "error": safe_id(error, 2000), "action": action})
        if self.options.strict:
            raise StrictFailure(f"{safe_id(source)}: {safe_id(error, 2000)}")

    def add(self, item: Document | InputError, fingerprint: str) -> None:
        if isinstance(item, InputError):
            self.fail(item.source, item.problem, item.action)
            return
        if item.doc_id in self.keys:  # same content under two paths: one document, both sources recorded
            self.duplicates[item.doc_id].append(item.source)
            self.report.duplicates += 1
            return
        key = document_key(item, fingerprint)
        previous = self.cache.previous.get(item.source)
        self.manifest[item.source] = key
        self.keys[item.doc_id] = key
        cached = self.cache.get(key) if self.options.use_cache else None
        if cached is not None:
            self.report.cache.reused += 1
            self.keep(cached)
            if self.tick:
                self.tick()
            return
        if previous is None:
            self.report.cache.new += 1
        else:
            self.report.cache.changed += 1
        self.pending.append((item, key))
        if len(self.pending) >= self.options.window:
            self.flush()

    def run(self, items, fingerprint: str) -> None:
        """Every item through ``add``; a function of its own so that no document outlives the pass (a loop
        variable in the caller would keep the last one, stages and all, alive until the run ends)."""
        for item in items:
            self.add(item, fingerprint)
        self.flush()
        self.drain(0)

    def keep(self, doc: Document | Shipped) -> None:
        """What reconciliation needs before reading the document back: its source and acronym evidence."""
        self.sources[doc.doc_id] = doc.source
        evidence = doc.evidence if isinstance(doc, Shipped) else acronym_evidence(doc)
        if evidence:
            self.evidence[doc.doc_id] = evidence

    def flush(self) -> None:
        """Send the pending window to the executor. An executor that submits eagerly (``overlaps``) keeps working
        on it while this pass reads the next window; the previous one is collected first, so results are
        still taken in input order and at most two windows are in flight."""
        pending, self.pending = self.pending, []
        if pending:
            docs: list = [d for d, _ in pending]
            self.in_flight.append((pending, docs, self.executor.map(docs)))
        self.drain(1 if getattr(self.executor, "overlaps", False) else 0)

    def drain(self, keep_in_flight: int) -> None:
        """Collect windows in flight, oldest first, until ``keep_in_flight`` are left."""
        while len(self.in_flight) > keep_in_flight:
            self.collect(*self.in_flight.pop(0))

    def collect(self, pending: list, docs: list, results) -> None:
        for n, (done, error) in enumerate(results):
            doc, key = pending[n]
            # executors read their input in order: once result n is out, document n is released here (the
            # serial executor extracts in place, so it is the whole extracted document)
            pending[n] = docs[n] = None
            if done is None:
                self.sources.pop(doc.doc_id, None)
                self.evidence.pop(doc.doc_id, None)
                self.fail(doc.source, error or "extraction failed")
                continue
            if isinstance(done, Shipped):
                self.cache.put_entry(key, done.entry)
            else:
                self.cache.put(key, done)
            self.report.cache.extracted += 1
            self.keep(done)
            if self.tick:
                self.tick()


def _pass2(out: Path, config: Config, report: RunReport, cache: DocCache, order: list[tuple[str, str]], batch: _Pass1,
           reconciled: tuple[Reconciler, CorpusResult], t0: float, jobs: int = 1) -> None:
    """Pass 2: stream every document back from the cache into the datasets, committed as one unit."""
    t3 = time.perf_counter()
    counts = Counts()
    reconciler, corpus = reconciled
    writer = DatasetWriter(out)
    writer.remove_stale()
    parallel = jobs > 1 and can_fork() and len(order) > EXPORT_BATCH
    exports = _parallel_exports(order, cache, batch, reconciler, jobs) if parallel else _serial_exports(order, cache, batch, reconciler)
    try:
        for source, lines in exports:
            if lines is None:  # the cache entry vanished mid-run: fail this document, keep the rest
                report.failed.append({"source": safe_id(source), "error": "cached result missing", "action": "skipped"})
                continue
            report.notes.extend({"source": safe_id(lines.source), "note": n} for n in lines.notes)
            if isinstance(lines, Rendered):
                _write_rendered(writer, counts, lines)
            else:
                _write_document(writer, counts, lines)
            del lines  # the next document is read only once this one is released
        writer.write_all("entities", [versioned(r) for r in sorted(corpus.entities, key=lambda r: r["entity_id"])])
        writer.write_all("agreements", [versioned(r) for r in sorted(corpus.agreements, key=lambda r: r["agreement_id"])])
        for name in ("documents", "mentions", "events"):
            if f"{name}.jsonl" not in writer.writers:
                writer.write_bytes(f"{name}.jsonl", b"")
        report.documents = counts.documents
        report.counts = counts.as_dict(len(corpus.entities), len(corpus.agreements))
        report.timings["export"] = time.perf_counter() - t3
        report.timings["total"] = time.perf_counter() - t0
        writer.write_bytes("run.json", orjson.dumps(run_info(config, report), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
        writer.commit()
    finally:
        exports.close()
        writer.abort()


@dataclass
class Exported:
    """One document's dataset lines and notes, after its final ids: records built as they are written (this
    process), or all at once by a worker process (``--jobs``: pass 2's reading, checking, id assignment and
    record building run in parallel; only the writing stays in the parent)."""

    source: str
    notes: list[str]
    document: dict[str, Any]
    mentions: Iterable[dict[str, Any]]
    events: Iterable[dict[str, Any]]


EXPORT_BATCH = 8  # documents per pass-2 task of a worker process
_EXPORT_RUN: dict[str, Any] = {}  # what pass-2 workers read: set by the parent just before it forks them


def exported(full: Document, reconciler: Reconciler, duplicates: list[str] | None, lazy: bool) -> Exported:
    """The document's final ids (``Reconciler.finalise``, which reads only this document and the corpus tables),
    then its records: generators when ``lazy`` (a long document never has them all at once), else lists."""
    reconciler.finalise(full)
    if duplicates:
        full.meta["duplicate_sources"] = [full.source, *duplicates]
    mentions, events = mention_records(full), event_records(full)
    if not lazy:
        mentions, events = list(mentions), list(events)
    return Exported(full.source, list(full.notes), document_record(full), mentions, events)


def _serial_exports(order: list[tuple[str, str]], cache: DocCache, batch: _Pass1, reconciler: Reconciler):
    """(source, Exported or None if its cache entry vanished) in order, one document in memory at a time."""
    for source, doc_id in order:
        full = cache.get(batch.keys[doc_id])
        yield source, None if full is None else exported(full, reconciler, batch.duplicates.get(doc_id), lazy=True)
        full = None  # released before the next document is read


@dataclass
class Rendered:
    """``Exported`` as a pass-2 worker sends it back: each dataset's lines already encoded, and what the run's
    counts read of them. Why: unpickling every record as a dict in the parent and encoding it there again was the
    parent's largest share of pass 2, and the parent is the one process ``--jobs`` does not multiply."""

    source: str
    notes: list[str]
    lines: dict[str, bytes]  # dataset -> its lines for this document (datasets without any are left out)
    document: dict[str, Any]  # the document's record without its text: ``Counts.add_document`` reads it
    mention_kinds: Counter  # (lang, type) -> mentions
    events: int


def rendered(doc: Exported) -> Rendered:
    """``doc``'s lines, encoded exactly as ``DatasetWriter.write`` encodes them."""
    lines = {"documents": orjson.dumps(doc.document, option=orjson.OPT_APPEND_NEWLINE)}
    mentions, events = list(doc.mentions), list(doc.events)
    if mentions:
        lines["mentions"] = b"".join(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in mentions)
    if events:
        lines["events"] = b"".join(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in events)
    head = {"source": doc.document["source"], "lang": doc.document["lang"]}
    return Rendered(doc.source, doc.notes, lines, head, Counter((m["lang"], m["type"]) for m in mentions), len(events))


def export_batch(items: list[tuple[str, str]]) -> list[Rendered | None]:
    """Run in a pass-2 worker: ``exported`` for each document of the batch, from the state the parent forked,
    rendered to bytes here (``Rendered``)."""
    cache, reconciler, keys, duplicates = _EXPORT_RUN["run"]
    out: list[Rendered | None] = []
    for _, doc_id in items:
        full = cache.get(keys[doc_id])
        out.append(None if full is None else rendered(exported(full, reconciler, duplicates.get(doc_id), lazy=False)))
    return out


def _parallel_exports(order: list[tuple[str, str]], cache: DocCache, batch: _Pass1, reconciler: Reconciler, jobs: int):
    """``_serial_exports`` from ``jobs`` forked workers that inherit the reconciled corpus; results in order, with
    a bounded number of batches in flight."""
    _EXPORT_RUN["run"] = (cache, reconciler, batch.keys, batch.duplicates)
    pool = process_pool(jobs)
    in_flight: deque = deque()
    try:
        for k in range(0, len(order), EXPORT_BATCH):
            items = order[k : k + EXPORT_BATCH]
            in_flight.append((items, pool.submit(export_batch, items)))
            if len(in_flight) >= jobs * 4:
                items, fut = in_flight.popleft()
                yield from zip((source for source, _ in items), fut.result())
        while in_flight:
            items, fut = in_flight.popleft()
            yield from zip((source for source, _ in items), fut.result())
    finally:
        pool.shutdown(cancel_futures=True)
        _EXPORT_RUN.clear()


def _write_document(writer: DatasetWriter, counts: "Counts", doc: Exported) -> None:
    """A document's lines, in the order of their records (built as they are written when they are generators)."""
    drec = doc.document
    writer.write("documents", drec)
    counts.add_document(drec)
    for r in doc.mentions:
        writer.write("mentions", r)
        counts.add_mention(drec, r)
    for r in doc.events:
        writer.write("events", r)
        counts.events += 1


def _write_rendered(writer: DatasetWriter, counts: "Counts", doc: Rendered) -> None:
    """A worker-rendered document's lines, written as they came (``_write_document``'s bytes and counts)."""
    for dataset, data in doc.lines.items():
        writer.write_encoded(dataset, data)
    counts.add_document(doc.document)
    for (lang, kind), n in doc.mention_kinds.items():
        counts.add_mentions(doc.document, lang, kind, n)
    counts.events += doc.events


class Counts:
    def __init__(self) -> None:
        self.documents = 0
        self.mentions = 0
        self.events = 0
        self.per_type: Counter[str] = Counter()
        self.per_lang: dict[str, Counter[str]] = defaultdict(Counter)
        self.per_source: dict[str, Counter[str]] = defaultdict(Counter)
        self.docs_per_lang: Counter[str] = Counter()

    def add_document(self, drec: dict) -> None:
        self.documents += 1
        self.docs_per_lang[drec["lang"] or "und"] += 1

    def add_mention(self, drec: dict, m: dict) -> None:
        self.add_mentions(drec, m["lang"], m["type"], 1)

    def add_mentions(self, drec: dict, lang: str | None, kind: str, n: int) -> None:
        """``n`` mentions of type ``kind`` in language ``lang`` of the document ``drec``."""
        self.mentions += n
        self.per_type[kind] += n
        self.per_lang[lang or "und"][kind] += n
        self.per_source[drec["source"]][kind] += n

    def as_dict(self, entities: int, agreements: int) -> dict[str, Any]:
        return {
            "datasets": {"documents": self.documents, "mentions": self.mentions, "entities": entities,
                         "events": self.events, "agreements": agreements},
            "mentions_per_type": dict(sorted(self.per_type.items())),
            "mentions_per_language": {k: dict(sorted(v.items())) for k, v in sorted(self.per_lang.items())},
            "documents_per_language": dict(sorted(self.docs_per_lang.items())),
            "mentions_per_file": {k: dict(sorted(v.items())) for k, v in sorted(self.per_source.items())},
        }


def run_info(config: Config, report: RunReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "package_version": __version__,
        "config_hash": config.hash,
        "stages": config.stages,
        "documents": report.documents,
        "duplicates": report.duplicates,
        "cache": report.cache.as_dict(),
        "failed": sorted(report.failed, key=lambda f: f["source"]),
        "notes": report.notes,
        "counts": report.counts,
        "timings_seconds": {k: round(v, 4) for k, v in sorted(report.timings.items())},
    }
