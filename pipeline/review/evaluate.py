"""Scoring predictions (an output directory) against hand-made gold (``<root>/gold/*.jsonl``).

Mentions: precision, recall and F1 per type x language, with exact spans and with overlapping spans
(one-to-one, greedy by overlap). DATE value accuracy over overlap-matched pairs. Linking (ORG) and
canonicalisation (AGREEMENT): each gold cluster is mapped to the predicted id most of its matched mentions
carry; accuracy is the share of matched mentions carrying their cluster's id, and split / merged count gold
clusters spread over several ids and ids covering several gold clusters (across documents). Events:
type + date F1, an event matching when its trigger overlaps the gold trigger in the same document.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

TYPES = ("ORG", "DATE", "AGREEMENT", "EVENT")


@dataclass
class Prf:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Prf") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return round(self.hit / self.total, 4) if self.total else None


@dataclass
class Span:
    doc: str
    start: int
    end: int
    rec: dict[str, Any] = field(default_factory=dict)


class GoldError(ValueError):
    pass


def load_gold(gold_dir: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Gold records by document file name."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(Path(gold_dir).glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{lineno}: malformed JSON: {exc}") from None
            for key in ("doc", "type", "start", "end", "text"):
                if key not in rec:
                    raise GoldError(f"{path}:{lineno}: missing field {key!r}")
            by_doc[rec["doc"]].append(rec)
    if not by_doc:
        raise GoldError(f"no gold records under {gold_dir}")
    return by_doc


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Predictions:
    docs: dict[str, dict[str, Any]]  # by file name
    mentions: dict[str, list[dict[str, Any]]]  # by file name
    events: dict[str, list[dict[str, Any]]]


def load_predictions(pred_dir: str | Path) -> Predictions:
    pred = Path(pred_dir)
    documents = _read_jsonl(pred / "documents.jsonl")
    name_of = {d["doc_id"]: Path(d["source"].split("#")[0]).name for d in documents}
    mentions: dict[str, list] = defaultdict(list)
    for m in _read_jsonl(pred / "mentions.jsonl"):
        mentions[name_of.get(m["doc_id"], m["doc_id"])].append(m)
    events: dict[str, list] = defaultdict(list)
    for e in _read_jsonl(pred / "events.jsonl"):
        events[name_of.get(e["doc_id"], e["doc_id"])].append(e)
    return Predictions({name_of[d["doc_id"]]: d for d in documents}, mentions, events)


def match_overlap(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one matching of overlapping spans, largest overlap first (ties: earliest)."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                cands.append((-ov, g.start, p.start, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def cluster_scores(pairs: Iterable[tuple[str, str | None]]) -> dict[str, Any]:
    """Linking accuracy, split and merged clusters for (gold cluster, predicted id) pairs."""
    pairs = list(pairs)
    by_gold: dict[str, Counter] = defaultdict(Counter)
    for g, p in pairs:
        by_gold[g][p] += 1
    mapping = {g: sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0] for g, c in by_gold.items()}
    hit = sum(1 for g, p in pairs if p is not None and p == mapping[g])
    split = sorted(g for g, c in by_gold.items() if len([p for p in c if p is not None]) > 1)
    golds_of_pred: dict[str, set] = defaultdict(set)
    for g, p in pairs:
        if p is not None:
            golds_of_pred[p].add(g)
    merged = sorted(p for p, gs in golds_of_pred.items() if len(gs) > 1)
    return {
        "accuracy": round(hit / len(pairs), 4) if pairs else None,
        "mentions": len(pairs),
        "gold_clusters": len(by_gold),
        "split": split,
        "merged": {p: sorted(golds_of_pred[p]) for p in merged},
    }


@dataclass
class _Tally:
    """Counts accumulated over the documents of one evaluation."""

    exact: dict[tuple[str, str], Prf] = field(default_factory=lambda: defaultdict(Prf))
    overlap: dict[tuple[str, str], Prf] = field(default_factory=lambda: defaultdict(Prf))
    date_value: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    event_prf: dict[str, Prf] = field(default_factory=lambda: defaultdict(Prf))
    event_type_prf: dict[str, Prf] = field(default_factory=lambda: defaultdict(Prf))
    org_pairs: list[tuple[str, str | None]] = field(default_factory=list)
    agr_pairs: list[tuple[str, str | None]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    langs: dict[str, str] = field(default_factory=dict)


def evaluate(gold_dir: str | Path, pred_dir: str | Path, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Scores of ``pred_dir`` against ``gold_dir``; every miss, false alarm, boundary and value error is
    appended to ``errors`` when a list is given (see :func:`mention_errors`)."""
    gold = load_gold(gold_dir)
    pred = load_predictions(pred_dir)
    tally = _Tally()
    for doc_name in sorted(gold):
        _score_document(tally, doc_name, gold[doc_name], pred, errors)
    return _result(tally, len(gold))


def _score_document(tally: _Tally, doc_name: str, records: list[dict[str, Any]], pred: Predictions,
                    errors: list[dict[str, Any]] | None) -> None:
    pdoc = pred.docs.get(doc_name)
    lang = (pdoc or {}).get("lang") or records[0].get("lang") or "und"
    tally.langs[doc_name] = lang
    text = (pdoc or {}).get("text")
    if pdoc is None:
        tally.problems.append(f"{doc_name}: no prediction for this document")
    for r in records:
        if text is not None and text[r["start"] : r["end"]] != r["text"]:
            tally.problems.append(f"{doc_name}: gold {r['type']} {r['text']!r} at {r['start']}:{r['end']} does not match the text")
    for t in TYPES:
        gspans = [Span(doc_name, r["start"], r["end"], r) for r in records if r["type"] == t]
        pspans = [Span(doc_name, m["start"], m["end"], m) for m in pred.mentions.get(doc_name, []) if m["type"] == t]
        gset = {(s.start, s.end) for s in gspans}
        pset = {(s.start, s.end) for s in pspans}
        tp = len(gset & pset)
        tally.exact[(t, lang)].add(Prf(tp, len(pset) - tp, len(gset) - tp))
        pairs = match_overlap(gspans, pspans)
        tally.overlap[(t, lang)].add(Prf(len(pairs), len(pspans) - len(pairs), len(gspans) - len(pairs)))
        if errors is not None:
            errors.extend(mention_errors(t, text, gspans, pspans, pairs))
        for g, p in pairs:
            if t == "DATE":
                tally.date_value[lang].total += 1
                tally.date_value[lang].hit += int(g.rec.get("value") == p.rec.get("value"))
            elif t == "ORG" and g.rec.get("entity"):
                tally.org_pairs.append((g.rec["entity"], p.rec.get("entity_id")))
            elif t == "AGREEMENT" and g.rec.get("agreement"):
                tally.agr_pairs.append((g.rec["agreement"], p.rec.get("entity_id")))
    gev = [Span(doc_name, r["start"], r["end"], r) for r in records if r["type"] == "EVENT"]
    pev = [Span(doc_name, e["trigger"]["start"], e["trigger"]["end"], e) for e in pred.events.get(doc_name, [])]
    for prf, same in ((tally.event_prf[lang], _same_type_and_date), (tally.event_type_prf[lang], _same_type)):
        pairs = [(g, p) for g, p in _match_events(gev, pev, same)]
        prf.add(Prf(len(pairs), len(pev) - len(pairs), len(gev) - len(pairs)))


def _result(tally: _Tally, documents: int) -> dict[str, Any]:
    all_langs = sorted(set(tally.langs.values()))
    result: dict[str, Any] = {"documents": documents, "languages": all_langs, "mentions": {}, "mentions_overlap": {}}
    for t in TYPES:
        for key, prfs in (("mentions", tally.exact), ("mentions_overlap", tally.overlap)):
            result[key][t] = {l: prfs[(t, l)].as_dict() for l in all_langs}
            result[key][t]["all"] = _total(prfs[(t, l)] for l in all_langs).as_dict()
    dv = tally.date_value
    result["date_value_accuracy"] = {l: dv[l].value for l in all_langs}
    result["date_value_accuracy"]["all"] = Ratio(sum(r.hit for r in dv.values()), sum(r.total for r in dv.values())).value
    for key, prfs in (("events_type_date", tally.event_prf), ("events_type", tally.event_type_prf)):
        result[key] = {l: prfs[l].as_dict() for l in all_langs}
        result[key]["all"] = _total(prfs.values()).as_dict()
    result["org_linking"] = cluster_scores(tally.org_pairs)
    result["agreement_canonicalisation"] = cluster_scores(tally.agr_pairs)
    result["problems"] = tally.problems
    return result


def _total(prfs: Iterable[Prf]) -> Prf:
    total = Prf()
    for p in prfs:
        total.add(p)
    return total


def _same_type(g: Span, p: Span) -> bool:
    return g.rec.get("event_type") == p.rec.get("type")


def _same_type_and_date(g: Span, p: Span) -> bool:
    return _same_type(g, p) and g.rec.get("date") == p.rec.get("date")


def _match_events(gold: list[Span], pred: list[Span], same) -> list[tuple[Span, Span]]:
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0 and same(g, p):
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def plot_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for the DVC plot of F1 by type x language (``dvc plots diff`` compares revisions)."""
    rows = []
    for t in TYPES:
        for lang, prf in result["mentions"][t].items():
            rows.append({"type_lang": f"{t}/{lang}", "type": t, "lang": lang, "f1": prf["f1"]})
    for lang, prf in result["events_type_date"].items():
        rows.append({"type_lang": f"EVENT(type+date)/{lang}", "type": "EVENT(type+date)", "lang": lang, "f1": prf["f1"]})
    return rows


def render_table(result: dict[str, Any], title: str = "") -> str:
    """A plain-text table (printed with rich when available)."""
    langs = result["languages"] + ["all"]
    lines = [f"{title}  ({result['documents']} documents)".strip()]
    head = f"{'metric':<34}" + "".join(f"{l:>9}" for l in langs)
    lines += [head, "-" * len(head)]

    def row(name: str, values: list[Any]) -> None:
        lines.append(f"{name:<34}" + "".join(f"{'-' if v is None else format(v, '.3f'):>9}" for v in values))

    for t in TYPES:
        row(f"{t} F1 exact", [result["mentions"][t][l]["f1"] if result["mentions"][t][l]["tp"] + result["mentions"][t][l]["fn"] + result["mentions"][t][l]["fp"] else None for l in langs])
        row(f"{t} F1 overlap", [result["mentions_overlap"][t][l]["f1"] if result["mentions_overlap"][t][l]["tp"] + result["mentions_overlap"][t][l]["fn"] + result["mentions_overlap"][t][l]["fp"] else None for l in langs])
    row("DATE value accuracy", [result["date_value_accuracy"].get(l) for l in langs])
    row("EVENT type+date F1", [result["events_type_date"][l]["f1"] for l in langs])
    row("EVENT type F1", [result["events_type"][l]["f1"] for l in langs])
    ol, ag = result["org_linking"], result["agreement_canonicalisation"]
    lines.append(f"ORG linking accuracy {ol['accuracy']} over {ol['mentions']} matched mentions; "
                 f"split gold entities {len(ol['split'])}, merged predicted entities {len(ol['merged'])}")
    lines.append(f"AGREEMENT canonicalisation accuracy {ag['accuracy']} over {ag['mentions']} matched mentions; "
                 f"split {len(ag['split'])}, merged {len(ag['merged'])}")
    for p in result["problems"][:20]:
        lines.append(f"problem: {p}")
    return "\n".join(lines)


# --- Errors for review: every miss, false alarm, boundary error and wrong DATE value, with context ----------

CONTEXT_CHARS = 40


def context(text: str | None, start: int, end: int, width: int = CONTEXT_CHARS) -> str | None:
    """The span with ``width`` characters either side, the span itself between ⟦ ⟧, on one line."""
    if text is None:
        return None
    left, mid, right = text[max(0, start - width) : start], text[start:end], text[end : end + width]
    return f"{left}⟦{mid}⟧{right}".replace("\n", " ")


def mention_errors(type_: str, text: str | None, gold: list[Span], pred: list[Span],
                   pairs: list[tuple[Span, Span]]) -> list[dict[str, Any]]:
    """What a reviewer fixes gold or lexicons from, for one document and type. ``kind`` is ``miss`` (gold span
    no prediction overlaps), ``false alarm`` (predicted span overlapping no gold), ``boundary`` (overlapping,
    not exact) or ``value`` (DATE spans matched, values differ)."""
    out: list[dict[str, Any]] = []
    matched_g, matched_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}

    def record(kind: str, span: Span, other: Span | None = None) -> dict[str, Any]:
        rec = {"doc": span.doc, "type": type_, "kind": kind, "start": span.start, "end": span.end,
               "text": span.rec.get("text"), "context": context(text, span.start, span.end)}
        if other is not None:
            rec["predicted"] = {"start": other.start, "end": other.end, "text": other.rec.get("text"),
                                "value": other.rec.get("value")}
            rec["value"] = span.rec.get("value")
        return rec

    out += [record("miss", g) for g in gold if id(g) not in matched_g]
    out += [record("false alarm", p) for p in pred if id(p) not in matched_p]
    for g, p in pairs:
        if (g.start, g.end) != (p.start, p.end):
            out.append(record("boundary", g, p))
        elif type_ == "DATE" and g.rec.get("value") != p.rec.get("value"):
            out.append(record("value", g, p))
    return out


def sort_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(errors, key=lambda e: (e["doc"], e["start"], e["end"], e["type"], e["kind"]))


def render_errors(errors: list[dict[str, Any]]) -> str:
    """One readable line per error (``--errors FILE`` with any suffix but .jsonl), grouped by document."""
    lines: list[str] = []
    doc = None
    for e in sort_errors(errors):
        if e["doc"] != doc:
            doc = e["doc"]
            lines.append(f"== {doc}")
        line = f"{e['kind']:<11} {e['type']:<9} {e['start']}:{e['end']} {e['text']!r}"
        if "predicted" in e:
            p = e["predicted"]
            line += f" -> predicted {p['start']}:{p['end']} {p['text']!r}"
            if e["type"] == "DATE":
                line += f" value {e['value']!r} -> {p['value']!r}"
        lines.append(line)
        if e["context"] is not None:
            lines.append(f"            {e['context']}")
    counts = Counter(e["kind"] for e in errors)
    lines.append("total: " + ", ".join(f"{counts[k]} {k}" for k in ("miss", "false alarm", "boundary", "value")))
    return "\n".join(lines) + "\n"


# --- DVC: small metric files (one per language, F1 per type) and an offline chart -----------------------

SUMMARY = ("ORG", "DATE", "AGREEMENT", "EVENT")


def _scored(prf: dict[str, Any]) -> bool:
    return bool(prf["tp"] + prf["fp"] + prf["fn"])


def summary_metrics(result: dict[str, Any]) -> dict[str, dict[str, float]]:
    """``{lang: {type: F1 exact, ..., EVENT_type_date, DATE_value}}`` incl. ``all``: what ``dvc metrics show``
    prints, one row per language, so its width does not grow with the number of languages. A type neither
    annotated nor predicted in a language is left out (DVC prints ``-``), not reported as 0."""
    out: dict[str, dict[str, float]] = {}
    for lang in [*result["languages"], "all"]:
        row = {t: result["mentions"][t][lang]["f1"] for t in SUMMARY if _scored(result["mentions"][t][lang])}
        if _scored(result["events_type_date"][lang]):
            row["EVENT_type_date"] = result["events_type_date"][lang]["f1"]
        if result["date_value_accuracy"].get(lang) is not None:
            row["DATE_value"] = result["date_value_accuracy"][lang]
        out[lang] = row
    return out


def metric_files(result: dict[str, Any]) -> dict[str, bytes]:
    """``<lang>.json`` files for a ``--metrics`` folder (a DVC metrics directory)."""
    return {f"{lang}.json": (json.dumps(row, sort_keys=True, indent=1) + "\n").encode("utf-8")
            for lang, row in summary_metrics(result).items()}


def render_svg(result: dict[str, Any], title: str = "") -> str:
    """F1 by type x language as a horizontal bar chart in plain SVG: DVC shows an image plot as is, so the
    chart renders offline (no chart library, no script, nothing fetched)."""
    from xml.sax.saxutils import escape

    rows = [(f"{r['type']} {r['lang']}", r["f1"]) for r in plot_rows(result)]
    label_w, bar_w, row_h, top = 190, 320, 18, 34
    width, height = label_w + bar_w + 60, top + row_h * len(rows) + 24
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="8" y="20" font-size="14" font-weight="bold">{escape(title or "F1")} '
             f'(F1 exact by type x language)</text>']
    for frac in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + bar_w * frac
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 20}" stroke="#dddddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" fill="#555555">{frac:g}</text>')
    for i, (label, f1) in enumerate(rows):
        y = top + i * row_h
        colour = "#2b6cb0" if not label.startswith("EVENT(") else "#805ad5"
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w * f1:.1f}" height="{row_h - 6}" fill="{colour}"/>')
        parts.append(f'<text x="{label_w + bar_w * f1 + 4:.1f}" y="{y + 13}">{f1:.3f}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
