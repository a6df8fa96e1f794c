"""brat standoff: a run as ``<stem>.txt`` / ``<stem>.ann`` pairs (plus ``annotation.conf``), and back.

Each mention is a text-bound annotation ``T<n>\\t<TYPE> <start> <end>\\t<text>``; a mention crossing a line
break is written as fragments (``start end;start end``) since brat spans never contain a newline. Its gold
fields (entity, value, agreement, event type/date...) are an ``AnnotatorNotes`` line holding compact JSON,
so they survive a correction in brat and come back with ``pipeline gold --from brat``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.datasets.gold_import import GOLD_FIELDS, RunDoc, gold_fields, gold_record

TYPES = ("ORG", "DATE", "AGREEMENT", "EVENT", "LOC")


def annotation_conf() -> str:
    return "[entities]\n" + "\n".join(TYPES) + "\n\n[relations]\n\n[events]\n\n[attributes]\n"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of a span split at line breaks (brat fragments never hold one)."""
    out, s = [], start
    for i in range(start, end):
        if text[i] == "\n":
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return out


def ann_lines(doc: RunDoc) -> list[str]:
    """The ``.ann`` lines of one document: a T line and, when it has fields, an AnnotatorNotes line."""
    lines = []
    mentions = sorted(doc.mentions, key=lambda m: (m["start"], m["end"], m["type"]))
    for n, m in enumerate(mentions, start=1):
        pieces = fragments(doc.text, m["start"], m["end"])
        where = ";".join(f"{a} {b}" for a, b in pieces)
        shown = " ".join(doc.text[a:b] for a, b in pieces)
        lines.append(f"T{n}\t{m['type']} {where}\t{shown}")
        fields = gold_fields(doc, m)
        if fields:
            note = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            lines.append(f"#{n}\tAnnotatorNotes T{n}\t{note}")
    return lines


def write_brat(docs: list[RunDoc], out_dir: str | Path) -> int:
    """Write the pairs and ``annotation.conf`` into ``out_dir`` atomically; returns the number of documents."""
    from pipeline.datasets.export import write_outputs

    files = {"annotation.conf": annotation_conf().encode("utf-8")}
    for doc in docs:
        files[f"{doc.stem}.txt"] = doc.text.encode("utf-8")
        files[f"{doc.stem}.ann"] = "".join(line + "\n" for line in ann_lines(doc)).encode("utf-8")
    write_outputs(out_dir, files)
    return len(docs)


@dataclass
class TextBound:
    id: str
    type: str
    spans: list[tuple[int, int]]
    text: str
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_NOTE_LINE = re.compile(r"^#\d+\tAnnotatorNotes (T\d+)\t(.*)$")


def parse_ann(text: str) -> list[TextBound]:
    """Text-bound annotations of a ``.ann`` file, with their notes (JSON objects; other notes ignored).
    Relations, events and attributes are skipped."""
    bounds: dict[str, TextBound] = {}
    notes: dict[str, dict[str, Any]] = {}
    for line in text.splitlines():
        if m := _T_LINE.match(line):
            spans = [tuple(int(x) for x in part.split()) for part in m.group(3).split(";")]
            bounds[m.group(1)] = TextBound(m.group(1), m.group(2), spans, m.group(4))  # type: ignore[arg-type]
        elif m := _NOTE_LINE.match(line):
            try:
                value = json.loads(m.group(2))
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                notes[m.group(1)] = value
    for tid, value in notes.items():
        if tid in bounds:
            bounds[tid].notes = value
    return list(bounds.values())


def read_brat(folder: str | Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Gold records from a folder of brat pairs (document name = the ``.txt`` file name), and the texts."""
    records, texts = [], {}
    for ann in sorted(Path(folder).glob("*.ann")):
        txt = ann.with_suffix(".txt")
        text = txt.read_text(encoding="utf-8")
        texts[txt.name] = text
        for tb in parse_ann(ann.read_text(encoding="utf-8")):
            fields = {k: v for k, v in tb.notes.items() if k in GOLD_FIELDS.get(tb.type, ())}
            records.append(gold_record(txt.name, tb.type, tb.start, tb.end, text[tb.start : tb.end], fields))
    return records, texts
