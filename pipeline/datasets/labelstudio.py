"""Label Studio round trip: a run becomes tasks to correct; a corrected project export becomes gold.

Export: one task per document (``data.text`` and the document's ids), the run's mentions as a prediction of
labelled character spans (``labels`` results on ``from_name="label"``, ``to_name="text"``); each region's
``meta`` carries the gold fields (entity, value, agreement, event type/date/participants...) and the run's
ids. Import: each task's most recent submitted annotation (else its prediction) gives the spans; a region's
fields come from its own ``meta``, then from ``textarea`` results naming a field (``from_name="value"``)
attached to the region, then from the predicted region with the same span and label, so a region the
annotator only moved keeps nothing stale and a region left alone keeps its fields.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.datasets.gold_import import GOLD_FIELDS, RunDoc, gold_fields, gold_record
from pipeline.errors import PipelineError

LABELS = ("ORG", "DATE", "AGREEMENT", "EVENT", "LOC")
COLOURS = {"ORG": "#2b6cb0", "DATE": "#2f855a", "AGREEMENT": "#b7791f", "EVENT": "#c53030", "LOC": "#6b46c1"}


def label_config() -> str:
    """The labelling interface to paste into the project's settings (spans on the text, one label each)."""
    labels = "\n".join(f'    <Label value="{t}" background="{COLOURS[t]}"/>' for t in LABELS)
    return (f'<View>\n  <Labels name="label" toName="text">\n{labels}\n  </Labels>\n'
            f'  <Text name="text" value="$text" granularity="symbol"/>\n'
            f'  <TextArea name="value" toName="text" perRegion="true" editable="true" '
            f'placeholder="DATE value / ORG entity (optional)"/>\n</View>\n')


def _region(doc: RunDoc, m: dict[str, Any]) -> dict[str, Any]:
    meta = {"mention_id": m.get("mention_id"), "entity_id": m.get("entity_id"), **gold_fields(doc, m)}
    return {"id": (m.get("mention_id") or f"{m['start']}-{m['end']}").removeprefix("m-")[:10],
            "from_name": "label", "to_name": "text", "type": "labels", "origin": "prediction",
            "value": {"start": m["start"], "end": m["end"], "text": m["text"], "labels": [m["type"]]},
            "score": m.get("confidence"), "meta": meta}


def tasks(docs: list[RunDoc], model_version: str) -> list[dict[str, Any]]:
    """Label Studio tasks (JSON import format), one per document, in the datasets' order."""
    out = []
    for i, doc in enumerate(docs, start=1):
        regions = [_region(doc, m) for m in doc.mentions if m["type"] in LABELS]
        out.append({"id": i,
                    "data": {"text": doc.text, "doc": doc.name, "doc_id": doc.doc_id, "source": doc.source,
                             "lang": doc.lang},
                    "predictions": [{"model_version": model_version, "result": regions}]})
    return out


def _chosen_result(task: dict[str, Any]) -> list[dict[str, Any]]:
    """The latest annotation that was not skipped; a task nobody annotated keeps its prediction."""
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if annotations:
        latest = sorted(annotations, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))
        return latest[-1].get("result") or []
    predictions = task.get("predictions") or []
    return (predictions[0].get("result") or []) if predictions else []


def _predicted_fields(task: dict[str, Any]) -> dict[tuple[int, int, str], dict[str, Any]]:
    found = {}
    for p in task.get("predictions") or []:
        for r in p.get("result") or []:
            v = r.get("value") or {}
            if r.get("type") == "labels" and v.get("labels") and isinstance(r.get("meta"), dict):
                found[(v["start"], v["end"], v["labels"][0])] = r["meta"]
    return found


def _textarea_fields(result: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``textarea`` results attached to a region (same id): ``from_name`` names the gold field."""
    fields: dict[str, dict[str, Any]] = {}
    for r in result:
        texts = (r.get("value") or {}).get("text")
        if r.get("type") == "textarea" and texts and r.get("id"):
            fields.setdefault(r["id"], {})[r.get("from_name", "value")] = texts[0] if len(texts) == 1 else texts
    return fields


def task_gold(task: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold records for one task of a Label Studio JSON export."""
    data = task.get("data") or {}
    doc_name, text = data.get("doc"), data.get("text")
    if not doc_name or not isinstance(text, str):
        raise PipelineError(f"[E032] Label Studio task {task.get('id')}: needs data.doc and data.text "
                            "(export tasks with `pipeline export --format label-studio`)")
    result = _chosen_result(task)
    predicted, typed = _predicted_fields(task), _textarea_fields(result)
    records = []
    for r in result:
        v = r.get("value") or {}
        if r.get("type") != "labels" or not v.get("labels"):
            continue
        label, start, end = v["labels"][0], v["start"], v["end"]
        meta = r.get("meta") if isinstance(r.get("meta"), dict) else predicted.get((start, end, label), {})
        fields = {k: meta[k] for k in GOLD_FIELDS.get(label, ()) if k in meta}
        fields.update({k: val for k, val in typed.get(r.get("id"), {}).items() if k in GOLD_FIELDS.get(label, ())})
        if "value" in typed.get(r.get("id"), {}) and label == "ORG":  # the one free box names the entity of an ORG
            fields["entity"] = typed[r["id"]]["value"]
        records.append(gold_record(doc_name, label, start, end, text[start:end], fields))
    return records


def read_export(path: str | Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Gold records of a Label Studio JSON export (a list of tasks), and each document's text by name."""
    try:
        export = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PipelineError(f"[E032] {path}: not a Label Studio JSON export ({exc})") from None
    if not isinstance(export, list):
        raise PipelineError(f"[E032] {path}: a Label Studio JSON export is a list of tasks")
    records, texts = [], {}
    for task in export:
        records += task_gold(task)
        texts[task["data"]["doc"]] = task["data"]["text"]
    return records, texts
