"""The mapping between a run's datasets and the hand-made gold format (``corpus/gold/README.md``).

Annotation tools (Label Studio, brat, spaCy) sit between the two: a run is exported for correction and the
corrected annotations come back as gold. Both directions go through this module, so a run exported and
imported unchanged is gold that scores F1 1.000 against that run.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pipeline.errors import E_BAD_RUN, PipelineError

# Fields a gold record carries beyond doc/type/start/end/text, per type (README of corpus/gold).
GOLD_FIELDS: dict[str, tuple[str, ...]] = {
    "ORG": ("entity",),
    "DATE": ("value", "qualifier", "relative"),
    "AGREEMENT": ("agreement", "kind"),
    "EVENT": ("event_type", "date", "participants", "agreements", "status"),
    "LOC": ("value",),
}
ORG_PREFIX = "org:"


@dataclass
class RunDoc:
    """One document of a run with its mentions and, for EVENT mentions, the event records by trigger span."""

    doc_id: str
    source: str
    lang: str | None
    text: str
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The document's file name, as gold records and the scorer name documents."""
        return Path(self.source.split("#")[0]).name

    @property
    def stem(self) -> str:
        """A file stem unique per document: the file's stem, plus the record id for JSONL-sourced documents."""
        base, _, rec = self.source.partition("#")
        stem = Path(base).stem + (f"__{rec}" if rec else "")
        return "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_run(run_dir: str | Path) -> list[RunDoc]:
    """The documents of a run's output folder, in the datasets' order, each with its mentions and events."""
    run = Path(run_dir)
    if not (run / "documents.jsonl").exists():
        raise PipelineError(E_BAD_RUN.format(path=run, problem="no documents.jsonl"))
    docs = {d["doc_id"]: RunDoc(d["doc_id"], d["source"], d.get("lang"), d["text"])
            for d in _read_jsonl(run / "documents.jsonl")}
    for m in _read_jsonl(run / "mentions.jsonl"):
        if m["doc_id"] in docs:
            docs[m["doc_id"]].mentions.append(m)
    for e in _read_jsonl(run / "events.jsonl"):
        if e["doc_id"] in docs:
            docs[e["doc_id"]].events[(e["trigger"]["start"], e["trigger"]["end"])] = e
    return list(docs.values())


def _strip_org(entity_id: str | None) -> str | None:
    return entity_id[len(ORG_PREFIX):] if entity_id and entity_id.startswith(ORG_PREFIX) else entity_id


def gold_fields(doc: RunDoc, m: dict[str, Any]) -> dict[str, Any]:
    """A predicted mention's gold fields (``entity``, ``value``, ``agreement``, event fields...)."""
    t = m["type"]
    if t == "ORG":
        return {"entity": _strip_org(m.get("entity_id"))} if m.get("entity_id") else {}
    if t == "DATE":
        out = {"value": m.get("value")}
        out.update({k: m[k] for k in ("qualifier", "relative") if m.get(k) is not None})
        return out
    if t == "AGREEMENT":
        return {"agreement": m.get("entity_id"), "kind": m.get("kind")}
    if t == "EVENT":
        e = doc.events.get((m["start"], m["end"]), {})
        return {"event_type": e.get("type", m.get("value")), "date": e.get("date"),
                "participants": [_strip_org(p) for p in e.get("participants", [])],
                "agreements": list(e.get("agreements", [])), "status": e.get("status", "past")}
    return {"value": m.get("value")} if m.get("value") is not None else {}


def gold_record(doc_name: str, type_: str, start: int, end: int, text: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A gold line: the base fields, then the known fields of its type (unknown keys are dropped)."""
    rec: dict[str, Any] = {"doc": doc_name, "type": type_, "start": start, "end": end, "text": text}
    for key in GOLD_FIELDS.get(type_, ()):
        if key in fields:
            rec[key] = fields[key]
    return rec


def run_as_gold(doc: RunDoc) -> list[dict[str, Any]]:
    """A run's document as gold records (what an unchanged round trip must give back)."""
    return [gold_record(doc.name, m["type"], m["start"], m["end"], m["text"], gold_fields(doc, m))
            for m in doc.mentions]


def write_gold(records: Iterable[dict[str, Any]], out_dir: str | Path, texts: dict[str, str] | None = None) -> dict[str, int]:
    """``<out>/<document stem>.jsonl`` per document, records sorted by position. With ``texts`` (document
    name -> text) every record's text is checked against its offsets first. Returns records per file."""
    from pipeline.datasets.export import write_outputs

    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        if texts is not None and r["doc"] in texts and texts[r["doc"]][r["start"] : r["end"]] != r["text"]:
            raise PipelineError(f"[E031] {r['doc']}: {r['type']} {r['text']!r} at {r['start']}:{r['end']} does not "
                                "match the document text; fix the annotation's offsets")
        by_doc[r["doc"]].append(r)
    files = {}
    for name, recs in sorted(by_doc.items()):
        recs.sort(key=lambda r: (r["start"], r["end"], r["type"]))
        files[f"{Path(name).stem}.jsonl"] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")
    write_outputs(out_dir, files)
    return {name: data.count(b"\n") for name, data in files.items()}
