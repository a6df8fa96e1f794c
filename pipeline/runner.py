"""A run: ingest, per-document stages, corpus reconciliation, datasets. Bad documents never stop a batch."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from pipeline import SCHEMA_VERSION, __version__
from pipeline.config import Config
from pipeline.document import Document
from pipeline.errors import InputError
from pipeline.export import dataset_records, write_datasets
from pipeline.ingest import iter_documents
from pipeline.reconcile import reconcile
from pipeline.registry import REGISTRY, Stage
from pipeline.resources import Resources


@dataclass
class RunReport:
    documents: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    duplicates: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    counts: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


class Extractor:
    """The per-document half of the pipeline: the configured stages, built once."""

    def __init__(self, config: Config, resources: Resources | None = None) -> None:
        self.config = config
        self.resources = resources or Resources()
        self.stages: list[Stage] = REGISTRY.build(config.stages, config.stage_params, self.resources)
        self.timings: Counter[str] = Counter()

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            t0 = time.perf_counter()
            doc = stage(doc)
            self.timings[stage.name] += time.perf_counter() - t0
        doc.tokens = None  # spaCy Docs are not kept past the stages: memory stays flat over a corpus
        return doc


def extract_all(
    items: Iterable[Document | InputError], extractor: Extractor, report: RunReport, tick: Callable[[], None] | None = None
) -> list[Document]:
    by_id: dict[str, Document] = {}
    for item in items:
        if isinstance(item, InputError):
            report.failed.append({"source": item.source, "error": item.problem, "action": item.action})
            continue
        if item.doc_id in by_id:  # same content under two paths: one document, both sources recorded
            first = by_id[item.doc_id]
            first.meta.setdefault("duplicate_sources", [first.source]).append(item.source)
            report.duplicates += 1
            continue
        try:
            doc = extractor(item)
        except Exception as exc:  # one document's failure must not cost the batch
            report.failed.append({"source": item.source, "error": f"extraction failed: {type(exc).__name__}: {exc}", "action": "skipped"})
            continue
        by_id[doc.doc_id] = doc
        if tick:
            tick()
    return list(by_id.values())


def run(
    paths: list[str | Path],
    out_dir: str | Path,
    config: Config,
    resources: Resources | None = None,
    progress: Callable[[int], Callable[[], None]] | None = None,
) -> RunReport:
    report = RunReport()
    t0 = time.perf_counter()
    extractor = Extractor(config, resources)
    report.timings["load"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    items = list(iter_documents(paths, config.ingest))
    report.timings["ingest"] = time.perf_counter() - t1
    tick = progress(sum(1 for i in items if isinstance(i, Document))) if progress else None
    t2 = time.perf_counter()
    docs = extract_all(items, extractor, report, tick)
    report.timings["extract"] = time.perf_counter() - t2
    t3 = time.perf_counter()
    corpus = reconcile(docs, extractor.resources, config.section("reconcile"))
    report.timings["reconcile"] = time.perf_counter() - t3
    datasets = dataset_records(docs, corpus.entities, corpus.agreements)
    report.documents = len(docs)
    report.counts = count_records(datasets)
    report.timings.update({f"stage:{k}": v for k, v in sorted(extractor.timings.items())})
    report.timings["total"] = time.perf_counter() - t0
    write_datasets(out_dir, datasets, run_info(config, report))
    return report


def count_records(datasets: dict[str, list[dict]]) -> dict[str, Any]:
    per_type: Counter[str] = Counter()
    per_lang: dict[str, Counter[str]] = defaultdict(Counter)
    per_source: dict[str, Counter[str]] = defaultdict(Counter)
    source_of = {d["doc_id"]: d["source"] for d in datasets["documents"]}
    for m in datasets["mentions"]:
        per_type[m["type"]] += 1
        per_lang[m["lang"] or "und"][m["type"]] += 1
        per_source[source_of[m["doc_id"]]][m["type"]] += 1
    docs_per_lang = Counter(d["lang"] or "und" for d in datasets["documents"])
    return {
        "datasets": {name: len(recs) for name, recs in datasets.items()},
        "mentions_per_type": dict(sorted(per_type.items())),
        "mentions_per_language": {k: dict(sorted(v.items())) for k, v in sorted(per_lang.items())},
        "documents_per_language": dict(sorted(docs_per_lang.items())),
        "mentions_per_file": {k: dict(sorted(v.items())) for k, v in sorted(per_source.items())},
    }


def run_info(config: Config, report: RunReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "package_version": __version__,
        "config_hash": config.hash,
        "stages": config.stages,
        "documents": report.documents,
        "duplicates": report.duplicates,
        "failed": sorted(report.failed, key=lambda f: f["source"]),
        "counts": report.counts,
        "timings_seconds": {k: round(v, 4) for k, v in sorted(report.timings.items())},
    }
