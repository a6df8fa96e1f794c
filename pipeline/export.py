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


def dataset_records(docs: list[Document], entities: list[dict], agreements: list[dict]) -> dict[str, list[dict]]:
    docs = sorted(docs, key=lambda d: (d.source, d.doc_id))
    mentions = [mention_record(d, m) for d in docs for m in d.mentions]
    mentions.sort(key=lambda r: (r["doc_id"], r["start"], r["end"], r["type"], r["mention_id"]))
    events = [event_record(d, e) for d in docs for e in d.events]
    events.sort(key=lambda r: (r["doc_id"], r["trigger"]["start"], r["trigger"]["end"], r["event_id"]))
    return {
        "documents": [document_record(d) for d in docs],
        "mentions": mentions,
        "entities": sorted(entities, key=lambda r: r["entity_id"]),
        "events": events,
        "agreements": sorted(agreements, key=lambda r: r["agreement_id"]),
    }


def render_jsonl(records: Iterable[dict]) -> bytes:
    buf = io.StringIO()
    with jsonlines.Writer(buf, dumps=dumps, flush=False) as writer:
        writer.write_all(records)
    return buf.getvalue().encode("utf-8")


def write_outputs(out_dir: str | Path, files: dict[str, bytes]) -> None:
    """Write every file to a temporary name first, then rename them all into place.

    An interrupted run leaves the previous outputs as they were: nothing is renamed until everything
    has been written and flushed.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            os.fchmod(fd, 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            staged.append((name, Path(tmp)))
        for name, tmp in staged:
            os.replace(tmp, out / name)
    finally:
        for _, tmp in staged:
            if tmp.exists():
                tmp.unlink()


def write_datasets(out_dir: str | Path, datasets: dict[str, list[dict]], run_info: dict[str, Any]) -> None:
    files = {f"{name}.jsonl": render_jsonl(datasets[name]) for name in DATASETS}
    files["run.json"] = orjson.dumps(run_info, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
    write_outputs(out_dir, files)
