"""Python API: ``nlp = pipeline.load(); doc = nlp(text)``; ``nlp.pipe(texts)``; ``nlp.reconcile(docs)``.

The command line reads folders and writes datasets; many users instead hold strings in a notebook or a
script. This module gives them the same extraction without files: the stages and language resources are
built once in :func:`load`, so every later call pays only for extraction. Texts are normalised exactly as
ingestion normalises files (NFC, ``\\n`` line endings, zero-width characters removed), so offsets agree
with a ``pipeline run`` over the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from pipeline.config import Config, load_config
from pipeline.document import Document
from pipeline.errors import PipelineError
from pipeline.knowledge.resources import Resources

__all__ = ["Doc", "Pipeline", "load"]


@dataclass
class Doc(Document):
    """A ``Document`` with the corpus-level records it takes part in (filled by reconciliation).

    ``agreements`` and ``entities`` are the records of ``agreements.jsonl`` / ``entities.jsonl`` that this
    document's mentions point to (after :meth:`Pipeline.reconcile`, or after ``nlp(text)`` which reconciles
    the document on its own).
    """

    agreements: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The caller's id when one was given, else the content-hash ``doc_id`` of the datasets."""
        return str(self.meta.get("id", self.doc_id))

    def to_records(self) -> dict[str, Any]:
        """The document's lines of the datasets: ``{"document": ..., "mentions": [...], "events": [...]}``."""
        from pipeline.datasets.export import doc_records

        drec, mrecs, erecs = doc_records(self)
        return {"document": drec, "mentions": mrecs, "events": erecs}


def _as_doc(doc: Document) -> Doc:
    """Stages and worker processes hand back plain ``Document`` records: copy them into a ``Doc``."""
    out = doc if isinstance(doc, Doc) else Doc(**{f.name: getattr(doc, f.name) for f in fields(Document)})
    out.mentions.sort(key=lambda m: (m.start, m.end, m.type))  # text order, as in mentions.jsonl
    return out


def make_doc(item: str | Mapping[str, Any] | Document, lang: str | None = None, doc_id: str | None = None) -> Doc:
    """A ``Doc`` from a string, a JSONL-style record (``id``, ``text``, ``lang``, ``title``, ``published``,
    ``url``) or a ``Document``; the text is normalised like an ingested file's."""
    from pipeline.ingest import normalise_text

    if isinstance(item, Document):
        return _as_doc(item)
    rec: dict[str, Any] = {"text": item} if isinstance(item, str) else dict(item)
    if not isinstance(rec.get("text"), str):
        raise PipelineError("[E030] a document needs a string 'text' (give a str or a record with 'text')")
    ident = doc_id if doc_id is not None else rec.get("id")
    lang = lang or rec.get("lang") or None
    notes: list[str] = []
    return Doc(source=str(ident) if ident is not None else "<text>", text=normalise_text(rec["text"], notes),
               lang=lang, lang_given=bool(lang), title=rec.get("title"), published=rec.get("published"),
               url=rec.get("url"), meta={"id": ident} if ident is not None else {}, notes=notes)


@dataclass
class Corpus:
    """What reconciliation makes of a batch: canonical entity and agreement records (``entities.jsonl`` and
    ``agreements.jsonl`` lines) plus the documents, whose mentions and events now carry the canonical ids."""

    docs: list[Doc]
    entities: list[dict[str, Any]]
    agreements: list[dict[str, Any]]


class Pipeline:
    """The loaded pipeline. Build it with :func:`load`; calling it extracts one text."""

    def __init__(self, config: Config, resources: Resources) -> None:
        from pipeline.runtime.extractor import Extractor

        self.config = config
        self.resources = resources
        self.extractor = Extractor(config, resources)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.extractor.stages]

    def __call__(self, text: str | Mapping[str, Any], lang: str | None = None, doc_id: str | None = None,
                 reconcile: bool = True) -> Doc:
        """Extract one text. With ``reconcile`` (default) the document is reconciled on its own, as a run
        over a one-document corpus would, so agreement and event ids are filled."""
        doc = _as_doc(self.extractor(make_doc(text, lang, doc_id)))
        if reconcile:
            self.reconcile([doc])
        return doc

    def pipe(self, texts_or_records: Iterable[str | Mapping[str, Any] | Document], n_process: int = 1,
             batch_size: int = 64) -> Iterator[Doc]:
        """Extract many texts lazily, yielding documents in input order. ``n_process > 1`` runs the stages
        in worker processes (each loads the resources once). Documents are not reconciled: collect them and
        call :meth:`reconcile` on the batch."""
        if n_process <= 1:
            for item in texts_or_records:
                yield _as_doc(self.extractor(make_doc(item)))
            return
        yield from self._pipe_parallel(texts_or_records, n_process, batch_size)

    def _pipe_parallel(self, items: Iterable[Any], n_process: int, batch_size: int) -> Iterator[Doc]:
        from pipeline.runtime.executors import ProcessExecutor

        executor = ProcessExecutor(self.config, str(self.resources.models_dir), n_process)
        try:
            window: list[Doc] = []
            for item in items:
                window.append(make_doc(item))
                if len(window) >= batch_size * n_process:
                    yield from _checked(window, executor.map(window))
                    window = []
            if window:
                yield from _checked(window, executor.map(window))
        finally:
            executor.close()

    def reconcile(self, docs: Iterable[Document]) -> Corpus:
        """Corpus-level reconciliation over a batch: canonical organisations, agreements and events.
        Mentions and events of ``docs`` get their canonical ids in place; each ``Doc`` also gets the
        agreement and entity records it refers to."""
        from pipeline.reconcile.corpus import reconcile as reconcile_corpus

        batch = [_as_doc(d) for d in docs]
        ordered = sorted(batch, key=lambda d: (d.source, d.doc_id))  # the order a run reconciles in
        result = reconcile_corpus(ordered, self.resources, self.config.section("reconcile"))
        entities = {r["entity_id"]: r for r in result.entities}
        agreements = {r["agreement_id"]: r for r in result.agreements}
        for doc in batch:
            ids = {m.entity_id for m in doc.mentions if m.entity_id}
            doc.entities = [entities[i] for i in sorted(ids) if i in entities]
            doc.agreements = [agreements[i] for i in sorted(ids) if i in agreements]
        return Corpus(batch, result.entities, result.agreements)


def _checked(docs: list[Doc], results: Iterable[tuple[Document | None, str | None]]) -> Iterator[Doc]:
    for doc, (done, error) in zip(docs, results):
        if done is None:
            raise PipelineError(f"{doc.source}: {error}")
        yield _as_doc(done)


def load(config: str | Path | Config | None = None, models: str | Path | Resources | None = None) -> Pipeline:
    """Load the pipeline once: ``config`` is a params.yaml path (default: the installed or checkout one) or
    a loaded ``Config``; ``models`` a models/ folder (default: the installed or checkout one)."""
    cfg = config if isinstance(config, Config) else load_config(config)
    resources = models if isinstance(models, Resources) else Resources(models)
    return Pipeline(cfg, resources)
