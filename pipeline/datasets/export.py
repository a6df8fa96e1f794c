"""The JSONL datasets: records built from documents, sorted, and written atomically.

Same input and config give byte-identical files: records are sorted, ids come from content, and nothing
here reads the clock, the environment or absolute paths.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

import jsonlines
import orjson

from pipeline.document import Document, Event, Mention, short_hash

DATASETS = ("documents", "mentions", "entities", "events", "agreements")


def dumps(obj: Any) -> str:
    return orjson.dumps(obj).decode("utf-8")


def mention_id(doc_id: str, m: Mention) -> str:
    return "m-" + short_hash(doc_id, m.type, m.start, m.end)


def event_id(doc_id: str, e: Event) -> str:
    return "ev-" + short_hash(doc_id, e.type, e.trigger.start, e.trigger.end)


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "sources": sorted(doc.meta.get("duplicate_sources", [])) or [doc.source],
        "lang": doc.lang,
        "title": doc.title,
        "published": doc.published,
        "url": doc.url,
        "sha256": doc.sha256,
        "chars": len(doc.text),
        "text": doc.text,
    }


_MENTION_FIELDS = ("mention_id", "doc_id", "type", "text", "start", "end", "sentence", "lang", "value",
                   "entity_id", "extractor", "confidence")


def mention_record(doc: Document, m: Mention) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "mention_id": mention_id(doc.doc_id, m),
        "doc_id": doc.doc_id,
        "type": m.type,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "lang": m.lang,
        "value": m.value,
        "entity_id": m.entity_id,
        "extractor": m.extractor,
        "confidence": round(float(m.confidence), 4),
    }
    for key in sorted(m.attrs):
        if key not in _MENTION_FIELDS and not key.startswith("_"):
            rec[key] = m.attrs[key]
    return rec


def event_record(doc: Document, e: Event) -> dict[str, Any]:
    sent = doc.sentences[e.trigger.sentence] if 0 <= e.trigger.sentence < len(doc.sentences) else None
    rec = {
        "event_id": event_id(doc.doc_id, e),
        "canonical_id": e.canonical_id,
        "doc_id": doc.doc_id,
        "type": e.type,
        "status": e.status,
        "plover": e.plover,
        "trigger": {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end},
        "date": e.date,
        "participants": list(e.participants),
        "agreements": list(e.agreements),
        "location": e.location,
        "sentence": e.trigger.sentence,
        "evidence": doc.text[sent.start : sent.end] if sent else None,
        "lang": doc.lang,
        "confidence": round(float(e.confidence), 4),
    }
    for key in sorted(e.attrs):
        if key not in rec and not key.startswith("_"):
            rec[key] = e.attrs[key]
    return rec


def doc_records(doc: Document) -> tuple[dict, list[dict], list[dict]]:
    """The document's line and its mention and event lines, each sorted by position."""
    mentions = sorted((mention_record(doc, m) for m in doc.mentions),
                      key=lambda r: (r["start"], r["end"], r["type"], r["mention_id"]))
    events = sorted((event_record(doc, e) for e in doc.events),
                    key=lambda r: (r["trigger"]["start"], r["trigger"]["end"], r["event_id"]))
    return document_record(doc), mentions, events


class DatasetWriter:
    """Streams records into temporary files next to the outputs; ``commit`` renames them all into place.

    Until ``commit``, the previous outputs are untouched, so an interrupted run (Ctrl-C, SIGTERM, a crash)
    leaves them as they were.
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.staged: dict[str, Path] = {}
        self.writers: dict[str, tuple[Any, Any]] = {}

    def remove_stale(self) -> None:
        """Temporary files a killed run (SIGKILL, power loss) could not clean up."""
        for p in self.out.glob(".*.tmp"):
            p.unlink(missing_ok=True)

    def _tmp(self, name: str) -> tuple[int, Path]:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.out)
        os.fchmod(fd, 0o644)
        self.staged[name] = Path(tmp)
        return fd, Path(tmp)

    def write(self, dataset: str, record: dict) -> None:
        name = f"{dataset}.jsonl"
        if name not in self.writers:
            fd, _ = self._tmp(name)
            fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
            self.writers[name] = (fh, jsonlines.Writer(fh, dumps=dumps, flush=False))
        self.writers[name][1].write(record)

    def write_all(self, dataset: str, records: Iterable[dict]) -> None:
        for r in records:
            self.write(dataset, r)
        if f"{dataset}.jsonl" not in self.writers:  # an empty dataset is still a file
            self.write_bytes(f"{dataset}.jsonl", b"")

    def write_bytes(self, name: str, data: bytes) -> None:
        fd, _ = self._tmp(name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    def commit(self) -> None:
        for fh, writer in self.writers.values():
            writer.close()
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        self.writers.clear()
        for name, tmp in sorted(self.staged.items()):
            os.replace(tmp, self.out / name)
        self.staged.clear()

    def abort(self) -> None:
        for fh, _ in self.writers.values():
            fh.close()
        self.writers.clear()
        for tmp in self.staged.values():
            if tmp.exists():
                tmp.unlink()
        self.staged.clear()


def render_jsonl(records: Iterable[dict]) -> bytes:
    buf = io.StringIO()
    with jsonlines.Writer(buf, dumps=dumps, flush=False) as writer:
        writer.write_all(records)
    return buf.getvalue().encode("utf-8")


def write_outputs(out_dir: str | Path, files: dict[str, bytes]) -> None:
    """Write whole files atomically (all renamed into place only once all are written)."""
    writer = DatasetWriter(out_dir)
    try:
        for name, data in files.items():
            writer.write_bytes(name, data)
        writer.commit()
    finally:
        writer.abort()
