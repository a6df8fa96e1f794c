"""Events: typed by trigger lexicons per language, with date, participants, place and instruments.

One event per type per clause (a sentence split at ``;`` and ``:``), so a sentence that names a summit
three times is one summit, and a list of four summits with their dates is four. An event needs an anchor
in its clause (a date, an ordinal, a place, an instrument, or a cue that it is planned): a bare noun such
as "dialogue and cooperation" is not an event. Triggers inside an organisation's name
("United Nations Conference on Trade and Development") and counted triggers ("4 summits") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.document import AGREEMENT, DATE, EVENT, LOC, ORG, Document, Event, Mention, short_hash
from pipeline.text.matching import TOKEN, Trie, fold_token, phrase_key, tokens, walk
from pipeline.registry import register
from pipeline.knowledge.resources import Resources
from pipeline.text.normalise import ArabicFolder, is_arabic

CLAUSE_BREAK = re.compile(r"[;:؛]")


@dataclass
class EventParams:
    require_anchor: bool = True


def load_event_resources(resources: Resources):
    def build():
        arabic = ArabicFolder(resources.yaml("ar/normalise.yaml"))
        neutral = resources.yaml("events.yaml")
        langs = {}
        for lang, spec in resources.per_language("events.yaml").items():
            trie = Trie()
            for etype, words in spec["triggers"].items():
                for w in words:
                    trie.add(phrase_key(w, arabic), etype)
            exclusions = Trie()
            for w in spec.get("exclusions", []):
                exclusions.add(phrase_key(w, arabic), "x")
            langs[lang] = {
                "trie": trie,
                "exclusions": exclusions,
                "planned": re.compile("|".join(rf"(?<!\w)[وف]?{re.escape(c)}(?!\w)" for c in spec.get("planned_cues", [])), re.IGNORECASE) if spec.get("planned_cues") else None,
                "ordinal": re.compile(spec["ordinal_regex"], re.IGNORECASE) if spec.get("ordinal_regex") else None,
                "since": re.compile("(?:" + "|".join(re.escape(c) for c in spec.get("since_cues", [])) + r")\s*$", re.IGNORECASE)
                if spec.get("since_cues") else None,
            }
        return arabic, neutral, langs

    return resources.memo(("events",), build)


@register("events", params=EventParams, requires=("sentences", "orgs", "dates", "agreements"), provides=("events",))
class EventStage:
    def __init__(self, resources: Resources, params: EventParams) -> None:
        self.params = params
        self.arabic, self.neutral, self.langs = load_event_resources(resources)

    def __call__(self, doc: Document) -> Document:
        spec = self.langs.get(doc.lang or "")
        if not spec:
            return doc
        text = doc.text
        by_type = {t: doc.mentions_of(t) for t in (ORG, DATE, LOC, AGREEMENT)}
        seen_ordinals: dict = {}
        for _, sent in doc.content_sentences():
            for c_start, c_end in _clauses(text, sent.start, sent.end):
                self._clause(doc, spec, c_start, c_end, by_type, seen_ordinals)
        return doc

    def _clause(self, doc: Document, spec: dict, start: int, end: int, by_type: dict[str, list[Mention]],
                seen_ordinals: dict) -> None:
        text = doc.text
        toks = tokens(text, start, end)
        inside = lambda ms: [m for m in ms if start <= m.start and m.end <= end]  # noqa: E731
        orgs, dates, locs, agrs = (inside(by_type[t]) for t in (ORG, DATE, LOC, AGREEMENT))
        fold = lambda x: fold_token(x, self.arabic)  # noqa: E731
        excluded: set[int] = set()
        for i, (s, e, t) in enumerate(toks):
            for end_i, _ in walk(spec["exclusions"].root, fold(t), toks, i, text, fold):
                excluded.update(range(i, end_i + 1))
        triggers = []
        i = 0
        while i < len(toks):
            s, e, t = toks[i]
            variants = self.arabic.clitic_variants(t) if is_arabic(t) else [(0, t.casefold())]
            best = None
            for strip, first in variants:
                hits = walk(spec["trie"].root, first, toks, i, text, fold)
                if hits and (best is None or hits[-1][0] > best[1]):
                    best = (strip, hits[-1][0], hits[-1][1][0])
            if best is None or i in excluded:
                i += 1
                continue
            strip, end_i, etype = best
            t_start, t_end = s + strip, toks[end_i][1]
            if not _counted(text, toks, i, spec["ordinal"]) and not any(o.start <= t_start and t_end <= o.end for o in orgs):
                triggers.append((t_start, t_end, etype))
            i = end_i + 1
        used: set[tuple] = set()
        clause_dates: list = []
        first_event = len(doc.events)
        claimed: set[int] = set()  # dates already taken by an earlier event of this clause
        for n, (t_start, t_end, etype) in enumerate(triggers):
            nxt = triggers[n + 1][0] if n + 1 < len(triggers) else end
            prev = triggers[n - 1][1] if n else start
            instruments = []
            if etype in self.neutral["instrument_events"]:
                after = [a for a in agrs if t_end <= a.start < nxt]
                before = [a for a in agrs if prev <= a.end <= t_start]
                pick = after[:1] or before[-1:]
                instruments = pick
            ident = (etype, tuple((a.start, a.end) for a in instruments)) if instruments else (etype,)
            if ident in used or (etype,) in used:
                continue
            ordinal = spec["ordinal"].search(text, t_end, min(nxt, t_end + 60)) if spec["ordinal"] else None
            ordinal = ordinal or (spec["ordinal"].search(text, max(prev, t_start - 25), t_start) if spec["ordinal"] else None)
            planned = bool(spec["planned"] and spec["planned"].search(text, start, end))
            point_dates = [d for d in dates if (d.value is None or "/" not in d.value)
                           and not (spec["since"] and spec["since"].search(text[max(start, d.start - 12) : d.start]))]
            # the first date after the trigger (before the next one), else a date opening the clause
            date = next((d for d in point_dates if t_end <= d.start < nxt), None)
            if date is None:
                # a date opening the clause ("Ngày 27/9/2007, ...") holds for every event in it
                opening = [d for d in point_dates if d.end <= t_start
                           and ((d.start not in claimed and d.start >= prev) or len(TOKEN.findall(text[start : d.start])) <= 2)]
                date = opening[-1] if opening else None
            locs_here = [l for l in locs if prev <= l.start and l.end <= nxt] or locs
            started = any(d.start >= t_end or d.end <= t_start for d in dates if d not in point_dates and d.value and "/" not in d.value)
            if self.params.require_anchor and not (date or started or ordinal or planned or instruments or locs_here):
                continue
            if ordinal and (etype, ordinal.group(0)) in seen_ordinals:
                # "the 4th Summit" named again later in the document is the same summit; its date still
                # dates what happened at it in this clause ("the 4th Summit adopted the Declaration")
                clause_dates.append(seen_ordinals[(etype, ordinal.group(0))])
                continue
            if ordinal:
                seen_ordinals[(etype, ordinal.group(0))] = date.value if date else None
            used.add(ident)
            if date is not None:
                claimed.add(date.start)
            status = "planned" if planned else "past"
            trigger = doc.add_mention(Mention(EVENT, t_start, t_end, text[t_start:t_end], "events:trigger", 0.8, value=etype))
            if trigger is None:
                continue
            attrs: dict[str, Any] = {"_agreement_spans": [[a.start, a.end] for a in instruments]}
            if ordinal:
                attrs["ordinal"] = ordinal.group(0)
            participants: list[str] = []
            for o in orgs:
                if o.entity_id and o.entity_id not in participants:
                    participants.append(o.entity_id)
            doc.events.append(Event(
                type=etype, trigger=trigger, date=date.value if date else None, participants=participants,
                location=locs_here[0].value if locs_here else None, status=status,
                plover=dict(self.neutral["plover"].get(etype, self.neutral["plover"]["other"])[status]),
                confidence=0.8 if date else 0.6, attrs=attrs,
            ))
        # Events of one clause happen together ("on the sidelines of the 1st Summit", "the 4th Summit adopted"):
        # an undated one takes the date of the other kind of event the clause dates, when there is exactly one.
        clause_events = doc.events[first_event:]
        for e in clause_events:
            if e.date is not None or _has_malformed_date(e, dates, text):
                continue
            # the date of another kind of event in the clause (two adoptions of one clause have their own dates)
            others = {o.date for o in clause_events if o.date and o.type != e.type} | {d for d in clause_dates if d}
            if len(others) == 1:
                e.date = others.pop()
                e.attrs["date_from"] = "clause"


def _has_malformed_date(event: Event, dates: list[Mention], text: str) -> bool:
    """A date the text gives but that has no value ("2021 ... 202") must not be replaced by a guess."""
    return any(d.value is None and d.start >= event.trigger.end for d in dates)


def _clauses(text: str, start: int, end: int):
    pos = start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if text[m.start() - 1 : m.start()].isdigit() and text[m.end() : m.end() + 1].isdigit():
            continue  # a time such as 11:57
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _counted(text: str, toks: list, i: int, ordinal: re.Pattern | None) -> bool:
    """"4 Hội nghị Cấp cao": a count of events, not an event (but "lần thứ 4 đã thông qua" is an ordinal)."""
    if i == 0 or not toks[i - 1][2].isdigit() or len(toks[i - 1][2]) >= 4:
        return False
    if ordinal is not None:
        for m in ordinal.finditer(text, max(0, toks[i - 1][0] - 12), toks[i - 1][1]):
            if m.end() == toks[i - 1][1]:
                return False
    return True


def reconcile_events(docs: list[Document], resources: Resources, settings: dict[str, Any]) -> None:
    """Instruments get their final ids; the same event reported twice gets one canonical id."""
    for doc in docs:
        agreement_at = {(m.start, m.end): m.entity_id for m in doc.mentions if m.type == AGREEMENT}
        for e in doc.events:
            e.agreements = []
            for start, end in e.attrs.get("_agreement_spans", []):
                aid = agreement_at.get((start, end))
                if aid and aid not in e.agreements:
                    e.agreements.append(aid)
            if e.date and e.participants:
                key = (e.type, tuple(sorted(e.participants)), e.date)
            else:
                key = (e.type, doc.doc_id, e.trigger.start)
            e.canonical_id = "cev-" + short_hash(*key)
