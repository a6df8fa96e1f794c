"""JSON Schemas of the datasets: the contract every consumer relies on (checked by the test suite)."""

from __future__ import annotations

from typing import Any

_str_or_null = {"type": ["string", "null"]}
_ids = {"type": "array", "items": {"type": "string"}}
_names = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}

# The version of this contract; every dataset record carries it as `schema_version`. Bump it when a field is
# removed or changes meaning (adding an optional field does not).
SCHEMA_VERSION = 2

# Type-specific mention fields that are part of the contract; anything else a stage keeps in `attrs` is
# internal (for reconciliation) and never exported.
MENTION_ATTRS: dict[str, tuple[str, ...]] = {
    "DATE": ("granularity", "qualifier", "reason", "relative"),
    "AGREEMENT": ("kind", "parties", "date", "period", "number", "symbol", "instrument", "anaphor", "antecedent",
                  "unnamed"),
    "LOC": ("country", "place_type"),
    "ORG": (),
    "EVENT": (),
}

_version = {"const": SCHEMA_VERSION}

SCHEMAS: dict[str, dict[str, Any]] = {
    "documents": {
        "type": "object",
        "required": ["schema_version", "doc_id", "source", "lang", "title", "published", "sha256", "chars", "text"],
        "properties": {
            "schema_version": _version,
            "doc_id": {"type": "string", "pattern": "^doc-[0-9a-f]{16}$"},
            "source": {"type": "string"},
            "sources": _ids,
            "lang": _str_or_null,
            "title": _str_or_null,
            "published": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            "url": _str_or_null,
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "chars": {"type": "integer", "minimum": 0},
            "text": {"type": "string"},
        },
    },
    "mentions": {
        "type": "object",
        "required": ["schema_version", "mention_id", "doc_id", "type", "text", "start", "end", "sentence", "lang", "value",
                     "entity_id", "extractor", "confidence"],
        "properties": {
            "schema_version": _version,
            "mention_id": {"type": "string"},
            "doc_id": {"type": "string"},
            "type": {"enum": ["ORG", "DATE", "AGREEMENT", "EVENT", "LOC"]},
            "text": {"type": "string", "minLength": 1},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 1},
            "sentence": {"type": "integer", "minimum": 0},
            "lang": _str_or_null,
            "entity_id": _str_or_null,
            "extractor": {"type": "string", "minLength": 1},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "value": {},
            **{key: {} for keys in MENTION_ATTRS.values() for key in keys},
        },
        "additionalProperties": False,
    },
    "entities": {
        "type": "object",
        "required": ["schema_version", "entity_id", "type", "name", "acronym", "names", "kb", "mention_count", "doc_ids"],
        "properties": {
            "schema_version": _version,
            "entity_id": {"type": "string"},
            "type": {"const": "ORG"},
            "name": {"type": "string"},
            "acronym": _str_or_null,
            "names": _names,
            "kb": {"type": "object", "additionalProperties": {"type": "string"}},
            "mention_count": {"type": "integer", "minimum": 1},
            "doc_ids": _ids,
        },
    },
    "events": {
        "type": "object",
        "required": ["schema_version", "event_id", "doc_id", "type", "trigger", "date", "participants", "agreements", "location",
                     "sentence", "evidence", "confidence", "status", "plover", "canonical_id"],
        "properties": {
            "schema_version": _version,
            "type": {"enum": ["summit", "meeting", "conference", "dialogue", "workshop", "training", "signing",
                              "adoption", "establishment", "visit", "launch", "other"]},
            "status": {"enum": ["past", "planned"]},
            "trigger": {"type": "object", "required": ["text", "start", "end"]},
            "participants": _ids,
            "agreements": _ids,
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        },
    },
    "agreements": {
        "type": "object",
        "required": ["schema_version", "agreement_id", "kind", "name", "names", "parties", "date", "period", "doc_ids", "mention_count"],
        "properties": {
            "schema_version": _version,
            "agreement_id": {"type": "string"},
            "kind": {"type": "string"},
            "name": {"type": "string"},
            "names": _names,
            "parties": _ids,
            "date": _str_or_null,
            "period": _str_or_null,
            "doc_ids": _ids,
            "mention_count": {"type": "integer", "minimum": 1},
        },
    },
}
