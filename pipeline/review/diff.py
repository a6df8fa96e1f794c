"""What changed between two runs: mentions, entities, agreements and events, by document, type and language.

Mentions are matched by stable id (same document, type and span) and then by span overlap within the same
document, so each change is one of: added, removed, boundary changed, value changed, type changed,
re-linked. Entities and agreements are compared through their mentions (merged, split) and their
attributes; events by id (attributes changed) and by trigger overlap.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from urllib.parse import quote
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from pipeline.errors import E_BAD_REV, E_BAD_RUN, PipelineError

ADDED, REMOVED = "added", "removed"
BOUNDARY, VALUE, TYPE, RELINKED = "boundary changed", "value changed", "type changed", "re-linked"
MERGED, SPLIT, ATTRS = "merged", "split", "attributes changed"
KINDS = (ADDED, REMOVED, BOUNDARY, VALUE, TYPE, RELINKED, MERGED, SPLIT, ATTRS)


@dataclass
class Change:
    kind: str
    type: str  # ORG, DATE, ..., or ENTITY / AGREEMENT_RECORD / EVENT_RECORD for corpus records
    lang: str | None
    doc_id: str | None
    source: str | None
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None
    detail: str = ""
    context: str = ""


@dataclass
class Side:
    documents: dict[str, dict[str, Any]]
    mentions: list[dict[str, Any]]
    entities: dict[str, dict[str, Any]]
    agreements: dict[str, dict[str, Any]]
    events: dict[str, dict[str, Any]]


def _parse_jsonl(text: str, where: str = "dataset") -> list[dict[str, Any]]:
    """Records of a JSONL dataset; a broken line is a coded error naming the file and line (exit 2)."""
    records = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PipelineError(E_BAD_RUN.format(path=f"{where}:{lineno}", problem=f"broken JSON line ({exc.msg})")) from None
        if not isinstance(rec, dict):
            raise PipelineError(E_BAD_RUN.format(path=f"{where}:{lineno}", problem="a line is not a JSON object"))
        records.append(rec)
    return records


# Fields each record needs for the comparison: a run folder without them is not a run folder.
_REQUIRED = {"documents": ("doc_id",), "mentions": ("doc_id", "type", "start", "end", "mention_id"),
             "entities": ("entity_id",), "agreements": ("agreement_id",), "events": ("event_id", "doc_id", "trigger")}


def read_side(reader: Callable[[str], str | None]) -> Side:
    """Both sides of a diff must be finished runs: documents.jsonl is required, the other datasets may be empty."""
    def load(name: str) -> list[dict[str, Any]]:
        text = reader(f"{name}.jsonl")
        if text is None and name == "documents":
            raise PipelineError(E_BAD_RUN.format(path=getattr(reader, "where", "run folder"), problem="no documents.jsonl"))
        records = _parse_jsonl(text, f"{getattr(reader, 'where', '')}/{name}.jsonl".lstrip("/")) if text else []
        for rec in records:
            missing = [k for k in _REQUIRED[name] if k not in rec]
            if missing:
                raise PipelineError(E_BAD_RUN.format(path=f"{name}.jsonl", problem=f"a record lacks {missing}"))
        return records

    return Side(
        documents={d["doc_id"]: d for d in load("documents")},
        mentions=load("mentions"),
        entities={e["entity_id"]: e for e in load("entities")},
        agreements={a["agreement_id"]: a for a in load("agreements")},
        events={e["event_id"]: e for e in load("events")},
    )


def dir_reader(path: str | Path) -> Callable[[str], str | None]:
    root = Path(path)
    if not root.is_dir():
        raise PipelineError(E_BAD_RUN.format(path=root, problem="is not a folder"))

    def read(name: str) -> str | None:
        p = root / name
        try:
            return p.read_text(encoding="utf-8") if p.exists() else None
        except (OSError, UnicodeDecodeError) as exc:
            raise PipelineError(E_BAD_RUN.format(path=p, problem=f"unreadable ({exc})")) from None

    read.where = str(root)  # type: ignore[attr-defined]
    return read


# What a revision may look like before it reaches git: names, hashes, ~ ^ @{...}; never an option or a range.
_REV = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./~^@{}+-]{0,199}$")


def resolve_rev(rev: str, repo: str | Path = ".") -> str:
    """The commit hash of ``rev``, or a coded error: unknown, malformed, or looking like an option."""
    if not _REV.match(rev) or ".." in rev or rev.endswith((".", "/", ".lock")):
        raise PipelineError(E_BAD_REV.format(rev=rev, problem="not a revision name"))
    res = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
                         cwd=repo, capture_output=True, text=True)
    sha = res.stdout.strip()
    if res.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40,64}", sha):
        raise PipelineError(E_BAD_REV.format(rev=rev, problem="unknown to git"))
    return sha


def rev_reader(rev: str, out_dir: str = "output", repo: str | Path = ".") -> Callable[[str], str | None]:
    """Datasets as committed at a git revision: through DVC's API when DVC tracks them, else git itself.

    The revision is resolved to a commit hash first, so only a validated hash ever reaches git or DVC."""
    rev = resolve_rev(rev, repo)

    def read(name: str) -> str | None:
        rel = f"{out_dir}/{name}"
        try:
            import dvc.api

            return dvc.api.read(rel, repo=str(repo), rev=rev, encoding="utf-8")
        except Exception:  # not DVC-tracked at that revision, or DVC not installed: outputs are in git
            res = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=repo, capture_output=True)
            return res.stdout.decode("utf-8", "replace") if res.returncode == 0 else None

    read.where = f"{rev[:12]}:{out_dir}"  # type: ignore[attr-defined]
    return read


@dataclass
class DiffResult:
    changes: list[Change] = field(default_factory=list)

    def summary(self) -> dict[str, dict[str, dict[str, int]]]:
        """kind -> type -> lang -> count."""
        out: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        for c in self.changes:
            out[c.kind][c.type][c.lang or "-"] += 1
        return {k: {t: dict(sorted(v.items())) for t, v in sorted(d.items())} for k, d in sorted(out.items())}

    def filtered(self, types=(), langs=(), docs=(), kinds=()) -> "DiffResult":
        def keep(c: Change) -> bool:
            return ((not types or c.type in types) and (not langs or c.lang in langs)
                    and (not docs or c.doc_id in docs or c.source in docs) and (not kinds or c.kind in kinds))

        return DiffResult([c for c in self.changes if keep(c)])

    def as_json(self) -> dict[str, Any]:
        return {"summary": self.summary(), "changes": [asdict(c) for c in self.changes]}


def _context(doc: dict[str, Any] | None, start: int, end: int, width: int = 40) -> str:
    if not doc:
        return ""
    text = doc["text"]
    a, b = max(0, start - width), min(len(text), end + width)
    return (("…" if a else "") + text[a:start] + "[" + text[start:end] + "]" + text[end:b] + ("…" if b < len(text) else "")).replace("\n", " ")


def diff_sides(old: Side, new: Side) -> DiffResult:
    result = DiffResult()
    pairs = _diff_mentions(old, new, result)
    _diff_clusters(old, new, pairs, result, "ORG", old.entities, new.entities, "ENTITY", ("name", "acronym", "names", "kb"))
    _diff_clusters(old, new, pairs, result, "AGREEMENT", old.agreements, new.agreements, "AGREEMENT_RECORD",
                   ("kind", "name", "parties", "date", "period"))
    _diff_events(old, new, result)
    result.changes.sort(key=lambda c: (c.source or "", c.type, KINDS.index(c.kind),
                                       (c.new or c.old or {}).get("start", 0) if isinstance(c.new or c.old, dict) else 0))
    return result


def _by_doc(mentions: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list] = defaultdict(list)
    for m in mentions:
        out[m["doc_id"]].append(m)
    return out


def _diff_mentions(old: Side, new: Side, result: DiffResult) -> list[tuple[dict, dict]]:
    """Match mentions (id first, then largest overlap) and record per-mention changes; returns the pairs."""
    old_by, new_by = _by_doc(old.mentions), _by_doc(new.mentions)
    pairs: list[tuple[dict, dict]] = []
    for doc_id in sorted(set(old_by) | set(new_by)):
        doc = new.documents.get(doc_id) or old.documents.get(doc_id)
        source = doc.get("source") if doc else None
        olds, news = old_by.get(doc_id, []), new_by.get(doc_id, [])
        new_by_id = {m["mention_id"]: m for m in news}
        matched_old, matched_new = set(), set()
        for i, m in enumerate(olds):
            n = new_by_id.get(m["mention_id"])
            if n is not None and n["type"] == m["type"]:
                pairs.append((m, n))
                matched_old.add(i)
                matched_new.add(id(n))
        cands = []
        for i, m in enumerate(olds):
            if i in matched_old:
                continue
            for n in news:
                if id(n) in matched_new:
                    continue
                ov = min(m["end"], n["end"]) - max(m["start"], n["start"])
                if ov > 0:
                    cands.append((-ov, -(m["type"] == n["type"]), m["start"], n["start"], i, n))
        cands.sort(key=lambda c: c[:4])
        for _, _, _, _, i, n in cands:
            if i in matched_old or id(n) in matched_new:
                continue
            matched_old.add(i)
            matched_new.add(id(n))
            pairs.append((olds[i], n))
        for i, m in enumerate(olds):
            if i not in matched_old:
                result.changes.append(Change(REMOVED, m["type"], m.get("lang"), doc_id, source, old=m,
                                             context=_context(old.documents.get(doc_id), m["start"], m["end"])))
        for n in news:
            if id(n) not in matched_new:
                result.changes.append(Change(ADDED, n["type"], n.get("lang"), doc_id, source, new=n,
                                             context=_context(doc, n["start"], n["end"])))
    for m, n in pairs:
        doc = new.documents.get(n["doc_id"])
        source = doc.get("source") if doc else None
        ctx = _context(doc, n["start"], n["end"])
        if m["type"] != n["type"]:
            result.changes.append(Change(TYPE, n["type"], n.get("lang"), n["doc_id"], source, m, n, f"{m['type']} -> {n['type']}", ctx))
            continue
        if (m["start"], m["end"]) != (n["start"], n["end"]):
            result.changes.append(Change(BOUNDARY, n["type"], n.get("lang"), n["doc_id"], source, m, n,
                                         f"{m['text']!r} -> {n['text']!r}", ctx))
        if m.get("value") != n.get("value"):
            result.changes.append(Change(VALUE, n["type"], n.get("lang"), n["doc_id"], source, m, n,
                                         f"{m.get('value')!r} -> {n.get('value')!r}", ctx))
        if m.get("entity_id") != n.get("entity_id"):
            result.changes.append(Change(RELINKED, n["type"], n.get("lang"), n["doc_id"], source, m, n,
                                         f"{m.get('entity_id')} -> {n.get('entity_id')}", ctx))
    return pairs


def _diff_clusters(old: Side, new: Side, pairs, result: DiffResult, mtype: str, old_recs: dict, new_recs: dict,
                   rtype: str, attrs: tuple[str, ...]) -> None:
    """Merged / split canonical records, seen through their matched mentions; attribute changes by id."""
    old_to_new: dict[str, set] = defaultdict(set)
    new_to_old: dict[str, set] = defaultdict(set)
    for m, n in pairs:
        if m["type"] == n["type"] == mtype and m.get("entity_id") and n.get("entity_id"):
            old_to_new[m["entity_id"]].add(n["entity_id"])
            new_to_old[n["entity_id"]].add(m["entity_id"])
    for new_id, olds in sorted(new_to_old.items()):
        if len(olds) > 1:
            rec = new_recs.get(new_id, {"id": new_id})
            result.changes.append(Change(MERGED, rtype, None, None, None, {"ids": sorted(olds)}, rec,
                                         f"{', '.join(sorted(olds))} -> {new_id}"))
    for old_id, news in sorted(old_to_new.items()):
        if len(news) > 1:
            rec = old_recs.get(old_id, {"id": old_id})
            result.changes.append(Change(SPLIT, rtype, None, None, None, rec, {"ids": sorted(news)},
                                         f"{old_id} -> {', '.join(sorted(news))}"))
    for rid in sorted(set(old_recs) & set(new_recs)):
        diffs = [a for a in attrs if old_recs[rid].get(a) != new_recs[rid].get(a)]
        if diffs:
            result.changes.append(Change(ATTRS, rtype, None, None, None, old_recs[rid], new_recs[rid],
                                         f"{rid}: {', '.join(diffs)}"))
    for rid in sorted(set(new_recs) - set(old_recs)):
        if rid not in new_to_old:
            result.changes.append(Change(ADDED, rtype, None, None, None, None, new_recs[rid], rid))
    for rid in sorted(set(old_recs) - set(new_recs)):
        if rid not in old_to_new:
            result.changes.append(Change(REMOVED, rtype, None, None, None, old_recs[rid], None, rid))


def _diff_events(old: Side, new: Side, result: DiffResult) -> None:
    attrs = ("type", "status", "date", "participants", "agreements", "location", "plover")
    for eid in sorted(set(old.events) | set(new.events)):
        o, n = old.events.get(eid), new.events.get(eid)
        rec = n or o
        doc = new.documents.get(rec["doc_id"]) or old.documents.get(rec["doc_id"])
        source = doc.get("source") if doc else None
        ctx = _context(doc, rec["trigger"]["start"], rec["trigger"]["end"])
        if o and n:
            diffs = [a for a in attrs if o.get(a) != n.get(a)]
            if diffs:
                result.changes.append(Change(ATTRS, "EVENT_RECORD", n.get("lang"), n["doc_id"], source, o, n, ", ".join(diffs), ctx))
        elif n:
            result.changes.append(Change(ADDED, "EVENT_RECORD", n.get("lang"), n["doc_id"], source, None, n, n["type"], ctx))
        else:
            result.changes.append(Change(REMOVED, "EVENT_RECORD", o.get("lang"), o["doc_id"], source, o, None, o["type"], ctx))


def render_terminal(result: DiffResult, limit: int = 200) -> None:
    """A summary table and the first changes. Values from the data are plain ``Text``: never read as markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    summary = result.summary()
    table = Table(title=f"{len(result.changes)} changes")
    table.add_column("change")
    table.add_column("type")
    table.add_column("counts by language")
    for kind, per_type in summary.items():
        for t, per_lang in per_type.items():
            table.add_row(Text(kind), Text(t), Text(", ".join(f"{l}: {n}" for l, n in per_lang.items())))
    console.print(table)
    for c in result.changes[:limit]:
        where = c.source or "corpus"
        line = Text.assemble((c.kind, "bold"), f" {c.type} [{c.lang or '-'}] {where}: {c.detail or ''}")
        console.print(line, highlight=False)
        if c.context:
            console.print(Text(f"    {c.context}"), highlight=False)
    if len(result.changes) > limit:
        console.print(f"... {len(result.changes) - limit} more (use --json or --html for all)")


RTL = {"ar", "fa", "he", "ur"}


def render_html(result: DiffResult, old: Side, new: Side) -> str:
    """A self-contained review page: per-document old/new texts with marks side by side, and filters."""
    docs_changed = sorted({c.doc_id for c in result.changes if c.doc_id}, key=lambda d: (new.documents.get(d) or old.documents.get(d) or {}).get("source", d))
    parts = [_HTML_HEAD]
    kinds = sorted({c.kind for c in result.changes})
    types = sorted({c.type for c in result.changes})
    langs = sorted({c.lang for c in result.changes if c.lang})
    parts.append('<div id="filters">')
    for name, values in (("kind", kinds), ("type", types), ("lang", langs)):
        parts.append(f'<label>{name} <select data-filter="{name}"><option value="">all</option>'
                     + "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values) + "</select></label> ")
    parts.append('<label>document <select data-filter="doc"><option value="">all</option>'
                 + "".join(f'<option value="{html.escape(d)}">{html.escape(str((new.documents.get(d) or old.documents.get(d) or {}).get("source", d)))}</option>' for d in docs_changed)
                 + "</select></label></div>")
    parts.append('<nav id="docnav">' + " ".join(
        f'<a href="#{html.escape(quote(d, safe=""))}">{html.escape(str((new.documents.get(d) or old.documents.get(d) or {}).get("source", d)))}</a>' for d in docs_changed) + "</nav>")
    parts.append("<h2>Summary</h2><table class='summary'><tr><th>change</th><th>type</th><th>by language</th></tr>")
    for kind, per_type in result.summary().items():
        for t, per_lang in per_type.items():
            parts.append(f"<tr><td>{html.escape(kind)}</td><td>{html.escape(t)}</td><td>{html.escape(', '.join(f'{l}: {n}' for l, n in per_lang.items()))}</td></tr>")
    parts.append("</table>")
    by_doc: dict[str, list[Change]] = defaultdict(list)
    for c in result.changes:
        if c.doc_id:
            by_doc[c.doc_id].append(c)
    for doc_id in docs_changed:
        nd, od = new.documents.get(doc_id), old.documents.get(doc_id)
        doc = nd or od
        lang = str(doc.get("lang") or "")
        direction = "rtl" if lang in RTL else "ltr"
        parts.append(f'<section class="doc" id="{html.escape(quote(doc_id, safe=""))}" data-doc="{html.escape(doc_id)}" data-lang="{html.escape(lang)}">')
        parts.append(f"<h2>{html.escape(str(doc.get('source', doc_id)))} <small>({html.escape(lang)})</small></h2>")
        parts.append('<div class="sides">')
        for label, side_doc, key in (("old", od, "old"), ("new", nd, "new")):
            spans = [(c.old if key == "old" else c.new, c) for c in by_doc[doc_id]]
            spans = [(s, c) for s, c in spans if isinstance(s, dict) and "start" in s and "end" in s and s.get("start") is not None]
            text = side_doc["text"] if side_doc else ""
            parts.append(f'<div class="side {key}"><h3>{label}</h3><div class="text" dir="{direction}" lang="{html.escape(lang)}">'
                         + _marked(text, spans) + "</div></div>")
        parts.append("</div><ul class='changes'>")
        for c in by_doc[doc_id]:
            parts.append(f'<li class="change" data-kind="{html.escape(c.kind)}" data-type="{html.escape(c.type)}" data-lang="{html.escape(c.lang or "")}" data-doc="{html.escape(doc_id)}">'
                         f"<b>{html.escape(c.kind)}</b> {html.escape(c.type)} {html.escape(c.detail)} "
                         f'<span class="ctx" dir="auto">{html.escape(c.context)}</span></li>')
        parts.append("</ul></section>")
    corpus_changes = [c for c in result.changes if not c.doc_id]
    if corpus_changes:
        parts.append('<section class="doc" data-doc="" data-lang=""><h2>Entities, agreements</h2><ul class="changes">')
        for c in corpus_changes:
            parts.append(f'<li class="change" data-kind="{html.escape(c.kind)}" data-type="{html.escape(c.type)}" data-lang="" data-doc="">'
                         f"<b>{html.escape(c.kind)}</b> {html.escape(c.type)} {html.escape(c.detail)}</li>")
        parts.append("</ul></section>")
    parts.append(_HTML_TAIL)
    return "".join(parts)


def _marked(text: str, spans: list[tuple[dict, Change]]) -> str:
    """displaCy-style marks over the text; overlapping spans are skipped after the first."""
    out, pos = [], 0
    for span, change in sorted(spans, key=lambda sc: (sc[0]["start"], -sc[0]["end"])):
        s, e = span["start"], span["end"]
        if s < pos or e > len(text):
            continue
        out.append(html.escape(text[pos:s]))
        label = span.get("type", change.type)
        out.append(f'<mark class="entity k-{change.kind.replace(" ", "-")}" data-kind="{html.escape(change.kind)}" '
                   f'data-type="{html.escape(change.type)}" title="{html.escape(change.kind + ": " + change.detail)}">'
                   f'{html.escape(text[s:e])}<span class="label">{html.escape(str(label))}</span></mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


_HTML_HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Extraction diff</title><style>
body{font-family:sans-serif;margin:1em}
.sides{display:flex;gap:1em}.side{flex:1;min-width:0;border:1px solid #ccc;padding:.5em}
.text{white-space:pre-wrap;line-height:2.2}
mark.entity{padding:.1em .3em;border-radius:.3em;margin:0 .1em}
mark .label{font-size:.6em;font-weight:bold;margin-inline-start:.4em;text-transform:uppercase}
.k-added{background:#c8f7c5}.k-removed{background:#f7c5c5}.k-boundary-changed{background:#f7e8c5}
.k-value-changed{background:#c5dcf7}.k-type-changed{background:#e5c5f7}.k-re-linked{background:#f7c5ec}
.k-attributes-changed{background:#eee}
#docnav a{margin-right:1em}.hidden{display:none}mark.dim{background:none}mark.dim .label{display:none}table.summary td,table.summary th{padding:.2em .6em;border-bottom:1px solid #ddd}
</style></head><body><h1>Extraction diff</h1>"""

_HTML_TAIL = """<script>
function apply(){
  const f={};document.querySelectorAll('[data-filter]').forEach(s=>f[s.dataset.filter]=s.value);
  document.querySelectorAll('li.change').forEach(li=>{
    const ok=(!f.kind||li.dataset.kind===f.kind)&&(!f.type||li.dataset.type===f.type)&&(!f.lang||li.dataset.lang===f.lang)&&(!f.doc||li.dataset.doc===f.doc);
    li.classList.toggle('hidden',!ok);});
  document.querySelectorAll('mark.entity').forEach(m=>{
    const ok=(!f.kind||m.dataset.kind===f.kind)&&(!f.type||m.dataset.type===f.type);m.classList.toggle('dim',!ok);});
  document.querySelectorAll('section.doc').forEach(s=>{
    const ok=(!f.doc||s.dataset.doc===f.doc)&&(!f.lang||s.dataset.lang===f.lang);s.classList.toggle('hidden',!ok);});
}
document.querySelectorAll('[data-filter]').forEach(s=>s.addEventListener('change',apply));
</script></body></html>"""
