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


def evaluate(gold_dir: str | Path, pred_dir: str | Path) -> dict[str, Any]:
    gold = load_gold(gold_dir)
    pred = load_predictions(pred_dir)
    exact: dict[tuple[str, str], Prf] = defaultdict(Prf)
    overlap: dict[tuple[str, str], Prf] = defaultdict(Prf)
    date_value: dict[str, Ratio] = defaultdict(Ratio)
    event_prf: dict[str, Prf] = defaultdict(Prf)
    event_type_prf: dict[str, Prf] = defaultdict(Prf)
    org_pairs: list[tuple[str, str | None]] = []
    agr_pairs: list[tuple[str, str | None]] = []
    problems: list[str] = []
    langs: dict[str, str] = {}

    for doc_name in sorted(gold):
        records = gold[doc_name]
        pdoc = pred.docs.get(doc_name)
        lang = (pdoc or {}).get("lang") or records[0].get("lang") or "und"
        langs[doc_name] = lang
        text = (pdoc or {}).get("text")
        if pdoc is None:
            problems.append(f"{doc_name}: no prediction for this document")
        for r in records:
            if text is not None and text[r["start"] : r["end"]] != r["text"]:
                problems.append(f"{doc_name}: gold {r['type']} {r['text']!r} at {r['start']}:{r['end']} does not match the text")
        for t in TYPES:
            gspans = [Span(doc_name, r["start"], r["end"], r) for r in records if r["type"] == t]
            pspans = [Span(doc_name, m["start"], m["end"], m) for m in pred.mentions.get(doc_name, []) if m["type"] == t]
            gset = {(s.start, s.end) for s in gspans}
            pset = {(s.start, s.end) for s in pspans}
            tp = len(gset & pset)
            exact[(t, lang)].add(Prf(tp, len(pset) - tp, len(gset) - tp))
            pairs = match_overlap(gspans, pspans)
            overlap[(t, lang)].add(Prf(len(pairs), len(pspans) - len(pairs), len(gspans) - len(pairs)))
            for g, p in pairs:
                if t == "DATE":
                    date_value[lang].total += 1
                    date_value[lang].hit += int(g.rec.get("value") == p.rec.get("value"))
                elif t == "ORG" and g.rec.get("entity"):
                    org_pairs.append((g.rec["entity"], p.rec.get("entity_id")))
                elif t == "AGREEMENT" and g.rec.get("agreement"):
                    agr_pairs.append((g.rec["agreement"], p.rec.get("entity_id")))
        gev = [Span(doc_name, r["start"], r["end"], r) for r in records if r["type"] == "EVENT"]
        pev = [Span(doc_name, e["trigger"]["start"], e["trigger"]["end"], e) for e in pred.events.get(doc_name, [])]
        for prf, same in ((event_prf[lang], _same_type_and_date), (event_type_prf[lang], _same_type)):
            pairs = [(g, p) for g, p in _match_events(gev, pev, same)]
            prf.add(Prf(len(pairs), len(pev) - len(pairs), len(gev) - len(pairs)))

    all_langs = sorted(set(langs.values()))
    result: dict[str, Any] = {"documents": len(gold), "languages": all_langs, "mentions": {}, "mentions_overlap": {}}
    for t in TYPES:
        result["mentions"][t] = {l: exact[(t, l)].as_dict() for l in all_langs}
        result["mentions"][t]["all"] = _total(exact[(t, l)] for l in all_langs).as_dict()
        result["mentions_overlap"][t] = {l: overlap[(t, l)].as_dict() for l in all_langs}
        result["mentions_overlap"][t]["all"] = _total(overlap[(t, l)] for l in all_langs).as_dict()
    result["date_value_accuracy"] = {l: date_value[l].value for l in all_langs}
    result["date_value_accuracy"]["all"] = Ratio(sum(r.hit for r in date_value.values()), sum(r.total for r in date_value.values())).value
    result["events_type_date"] = {l: event_prf[l].as_dict() for l in all_langs}
    result["events_type_date"]["all"] = _total(event_prf.values()).as_dict()
    result["events_type"] = {l: event_type_prf[l].as_dict() for l in all_langs}
    result["events_type"]["all"] = _total(event_type_prf.values()).as_dict()
    result["org_linking"] = cluster_scores(org_pairs)
    result["agreement_canonicalisation"] = cluster_scores(agr_pairs)
    result["problems"] = problems
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
