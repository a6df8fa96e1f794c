"""Events as PLOVER 2.0 records (Open Event Data Alliance), for users of event-data tooling.

Each record keeps the original-language evidence with character offsets into the stored document text;
actors carry the canonical entity id and, where the knowledge base is certain of it, the Wikidata id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PLOVER_VERSION = "2.0"


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _actor(entity_id: str | None, entities: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if not entity_id:
        return None
    ent = entities.get(entity_id, {})
    return {"entity_id": entity_id, "name": ent.get("name"), "acronym": ent.get("acronym"),
            "wikidata": (ent.get("kb") or {}).get("wikidata"), "type": "IGO"}


def plover_records(datasets_dir: str | Path) -> list[dict[str, Any]]:
    root = Path(datasets_dir)
    entities = {e["entity_id"]: e for e in _read(root / "entities.jsonl")}
    documents = {d["doc_id"]: d for d in _read(root / "documents.jsonl")}
    records = []
    for ev in _read(root / "events.jsonl"):
        parts = ev.get("participants") or []
        doc = documents.get(ev["doc_id"], {})
        plover = ev.get("plover") or {}
        records.append({
            "id": ev["event_id"],
            "canonical_id": ev.get("canonical_id"),
            "plover_version": PLOVER_VERSION,
            "date": ev.get("date"),
            "actor": _actor(parts[0] if parts else None, entities),
            "recipient": _actor(parts[1] if len(parts) > 1 else None, entities),
            "other_participants": [_actor(p, entities) for p in parts[2:]],
            "event": plover.get("event"),
            "mode": plover.get("mode"),
            "context": ["diplomatic", ev["type"]],
            "status": ev.get("status"),
            "location": ev.get("location"),
            "agreements": ev.get("agreements") or [],
            "event_text": ev.get("evidence"),
            "text_info": {"doc_id": ev["doc_id"], "source": doc.get("source"), "lang": ev.get("lang"),
                          "trigger": ev["trigger"], "sentence": ev.get("sentence")},
        })
    return records
