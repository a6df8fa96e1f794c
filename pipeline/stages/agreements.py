"""Agreements: instruments found by their kind head, UN document symbols, acronyms and anaphors.

A mention is a kind head of its language (models/<lang>/agreements.yaml: head -> kind) plus its modifiers and
complements, as far as the language's head-phrase grammar (pipeline/grammars, chosen by ``grammar:`` in the
same file) takes it; or a name from the instrument knowledge base (models/agreements/kb.yaml); or a UN
document symbol in any written form (``A/RES/77/12``, ``S/RES/1631 (2005)``, ``resolution 64/288``, lists
"resolutions 37/4, 39/7 and 40/4" -> one mention each). An acronym defined right after a name ("(MoU)") is a
mention of that instrument, and so is every later use of it; a bare head ("the Memorandum", "المذكرة") refers
to the last instrument of its kind. A lower-case head ("a memorandum of understanding") is a mention only
when it is specific: it refers back, or its clause signs/adopts it, dates it or names its parties.

The stage hands reconciliation typed attributes only (``kind``, ``parties``, ``date``, ``period``,
``number``, ``symbol``, ``instrument``, ``anaphor``, ``antecedent``); pipeline/reconcile/agreements.py turns
them into instrument ids. Work per sentence, with mention indexes built by bisection: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field, replace
from typing import Any

from pipeline.document import AGREEMENT, DATE, LOC, ORG, Document, Mention
from pipeline.grammars import Grammar, PhraseContext, grammar_for, index_mentions
from pipeline.knowledge.resources import Resources
from pipeline.registry import register
from pipeline.text.matching import TOKEN, Token, Trie, fold_token, walk
from pipeline.text.normalise import ArabicFolder, is_arabic
from pipeline.text.tokens import shared_tokens

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
D = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
SLASH = r"\s*/\s*"
SYMBOL = (rf"(?:[ASE]{SLASH}RES{SLASH}{D}{{1,4}}(?:{SLASH}{D}{{1,4}})?|S{SLASH}PRST{SLASH}{D}{{4}}{SLASH}{D}{{1,3}}"
          rf"|[ASE]{SLASH}{D}{{1,4}}{SLASH}(?:L\.\s*)?{D}{{1,4}}(?:/(?:Add|Rev|Corr)\.{D}+)?"
          rf"|Res{SLASH}{D}{{1,4}}{SLASH}{D}{{1,4}})(?:\s*\({D}{{4}}\))?")
# the session after a number, in Roman numerals or "د-29": "résolution 3346 (XXIX)", "قرارها 3348 (د-29)"
SESSION = rf"(?:\s*\((?:[IVXLC]{{1,7}}|\w{{1,2}}-{D}{{1,3}})\))?"
NUMBER = rf"(?:{D}{{1,4}}{SLASH}{D}{{1,4}}|{D}{{3,4}}(?:\s*\({D}{{4}}\))?){SESSION}"
BARE_SYMBOL = re.compile(rf"(?<![\w/]){SYMBOL}(?![\w/])")
PERIOD_IN_NAME = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\b")
YEAR_SUFFIX = re.compile(r"[ \t]?\(\s?(?P<year>\d{4})\s?\)")  # "International Health Regulations (2005)": the edition
ACRONYM_DEF = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,}s?)(?:\s+\d{4})?\s*\)")


@dataclass
class AgreementParams:
    date_window_chars: int = 30  # a date this close after a name ("(2021-2025)", "للفترة 2016-2020") belongs to it


@dataclass
class LanguageData:
    """One language's compiled agreement data: heads, grammar and symbol patterns."""

    spec: dict[str, Any]
    heads: Trie
    lower_heads: Trie  # heads written in lower case in the data: the only ones a lower-case word may start
    grammar: Grammar
    worded: re.Pattern | None
    listed: re.Pattern | None
    number_after: re.Pattern | None = None  # a resolution number right after a name ("... 2334 (2016)")


@dataclass
class AgreementResources:
    kb_trie: Trie
    kb: dict[str, dict[str, Any]]
    langs: dict[str, LanguageData]
    arabic: ArabicFolder


def _fold_set(words: Any, arabic: ArabicFolder) -> set[str]:
    return {fold_token(w, arabic).translate(DIGITS) for w in words or [] if " " not in w}


def compile_language(spec: dict[str, Any], arabic: ArabicFolder) -> LanguageData:
    """Per-language data with folded word sets the grammars read (``_connectors``, ``_stops``, ...)."""
    heads, lower_heads = Trie(), Trie()
    for head, kind in spec["heads"].items():
        key = tuple(fold_token(t, arabic) for t in TOKEN.findall(head))
        heads.add(key, kind)
        if head[:1].islower():
            lower_heads.add(key, kind)
    c = dict(spec)
    for key, name in (("connectors", "_connectors"), ("coordinators", "_coordinators"), ("stop_words", "_stops"),
                      ("adjectives", "_adjectives"), ("complement_words", "_complements"), ("articles", "_articles"),
                      ("coordination_after", "_preps"), ("period_cues", "_period_cues"), ("lam_stops", "_lam_stops"),
                      ("specific_cues", "_cues"), ("determiners", "_determiners"), ("venue_preps", "_venue"),
                      ("recipient_preps", "_recipient"), ("needs_determiner", "_needs_det"),
                      ("quantifiers", "_quantifiers"), ("verb_objects", "_verb_objects"), ("region_words", "_regions"),
                      ("head_connectors", "_head_connectors"), ("relative_openers", "_relative_openers"),
                      ("nisba_suffixes", "_nisba_suffixes")):
        c[name] = _fold_set(spec.get(key), arabic)
    c["_families"] = {fold_token(k, arabic): fold_token(v, arabic) for k, v in (spec.get("prep_families") or {}).items()}
    c["_compounds"] = {" ".join(fold_token(t, arabic) for t in TOKEN.findall(w)) for w in spec.get("compounds", [])}
    c["_complement_phrases"] = [tuple(fold_token(t, arabic) for t in TOKEN.findall(w)) for w in spec.get("complement_phrases", [])]
    c["_participle"] = tuple(spec.get("participle_suffixes", ()))
    c["_noun_suffixes"] = tuple(spec.get("noun_suffixes", ()))
    c["_articles_folded"] = c["_articles"]
    c["_period_cue_words"] = {fold_token(t, arabic) for p in spec.get("period_cues", []) for t in TOKEN.findall(p)}
    c["_stop_phrases"] = [w.casefold() for w in spec.get("stop_words", []) if " " in w]
    c["_not_after"] = {fold_token(h, arabic): _fold_set(ws, arabic) for h, ws in (spec.get("not_after") or {}).items()}
    worded = listed = None
    if spec.get("symbol_words"):
        worded = re.compile(rf"(?<!\w)(?:{spec.get('symbol_clitics', '(?!)')})?(?P<body>(?:{spec['symbol_words']})\s*(?P<sym>{SYMBOL}|{NUMBER}))(?![\w/])")
        cues = "|".join(re.escape(w) for w in spec.get("list_date_cues", [])) or "(?!)"
        ands = "|".join(re.escape(w) for w in spec.get("list_words", [])) or "(?!)"
        listed = re.compile(rf"(?:\s+(?:{cues})\s+[^,;()\n،؛]{{1,40}}?)?(?:\s*[,،]\s*(?:(?:{ands})\s*)?|\s+(?:{ands})\s*)(?P<body>{SYMBOL}|{D}{{1,4}}{SLASH}{D}{{1,4}}|{D}{{3,4}}\s*\({D}{{4}}\))(?![\w/])")
    words = "|".join(re.escape(w) for w in spec.get("number_words", [])) or "(?!)"
    number_after = re.compile(rf"[ \t]*(?:(?:{words})[ \t]*)?(?P<sym>{SYMBOL}|{NUMBER})(?![\w/])")
    return LanguageData(c, heads, lower_heads, grammar_for(spec), worded, listed, number_after)


def load_agreement_resources(resources: Resources) -> AgreementResources:
    def build() -> AgreementResources:
        arabic = ArabicFolder(resources.yaml("ar/normalise.yaml"))
        trie = Trie()
        kb = {}
        for rec in resources.yaml("agreements/kb.yaml") or []:
            kb[rec["id"]] = rec
            for forms in rec["names"].values():
                for form in forms:
                    key = tuple(fold_token(t, arabic).translate(DIGITS) for t in TOKEN.findall(form))
                    if key:
                        trie.add(key, rec["id"])
        langs = {lang: compile_language(spec, arabic) for lang, spec in resources.per_language("agreements.yaml").items()}
        return AgreementResources(trie, kb, langs, arabic)

    return resources.memo(("agreements",), build)


@dataclass
class Span:
    start: int
    end: int
    kind: str
    source: str  # kb, symbol, head, acronym
    kb_id: str | None = None
    number: str | None = None
    symbol: str | None = None
    head_only: bool = False
    lower: bool = False  # a lower-case head: a mention only when specific or anaphoric
    head_words: int = 1
    antecedent: Mention | None = None


@dataclass
class DocState:
    """What a document has named so far: the last instrument of each kind and the acronyms it defined."""

    last_by_kind: dict[str, Mention] = field(default_factory=dict)
    acronyms: dict[str, Mention] = field(default_factory=dict)
    emitted: set[tuple[int, int]] = field(default_factory=set)
    edition_years: set[tuple[int, int]] = field(default_factory=set)  # "(2005)" after a name: part of it, no DATE


MEMO_WORDS = 200_000  # words a per-word memo of the stage holds before it starts afresh (memory stays bounded)


def _bounded(memo: dict) -> dict:
    """``memo``, emptied first when it holds ``MEMO_WORDS`` words (a long run meets ever new words)."""
    if len(memo) > MEMO_WORDS:
        memo.clear()
    return memo


@register("agreements", params=AgreementParams, requires=("sentences", "orgs", "dates"), provides=("agreements",))
class AgreementStage:
    def __init__(self, resources: Resources, params: AgreementParams) -> None:
        self.params = params
        self.r = load_agreement_resources(resources)
        # per word, what the name and head scans test at every token; the answer depends on the word and the
        # (never modified) tries alone, and words recur across documents: the readings that start a
        # knowledge-base name, and per language whether a reading starts a head of either case
        self._kb_first_memo: dict[str, tuple[tuple[int, str], ...]] = {}
        self._head_word_memo: dict[str, dict[str, bool]] = {}

    def __call__(self, doc: Document) -> Document:
        data = self.r.langs.get(doc.lang or "")
        layers = {t: doc.mentions_of(t) for t in (ORG, DATE, LOC)}
        starts = {t: [m.start for m in ms] for t, ms in layers.items()}
        state = DocState()
        words = shared_tokens(doc)
        kb_firsts, head_words = _bounded(self._kb_first_memo), _bounded(self._head_word_memo.setdefault(doc.lang or "", {}))
        for si, sent in doc.content_sentences():
            near = {t: ms[bisect_left(starts[t], sent.start) : bisect_left(starts[t], sent.end)] for t, ms in layers.items()}
            near[ORG] = [o for o in near[ORG] if not _claimable(o, state)]
            toks = words.sentence(si)
            if not toks:
                continue
            ctx = self._context(doc.text, toks, data, near)
            spans = self._kb_spans(doc.text, toks, kb_firsts)
            if data is not None:
                spans += self._head_spans(ctx, data, head_words) + self._symbol_spans(ctx, data, sent)
            spans += self._acronym_uses(toks, state)
            for sp in _with_symbols(_resolve(spans, near[ORG]), doc.text):
                self._emit(doc, ctx, sp, near, state, data)
        if state.acronyms:  # acronyms of instruments the organisation stage took for unknown organisations
            doc.mentions = [m for m in doc.mentions if not (m.type == ORG and _claimable(m, state))]
        if state.edition_years:
            doc.mentions = [m for m in doc.mentions if not (m.type == DATE and (m.start, m.end) in state.edition_years)]
        return doc

    def _context(self, text: str, toks: list[Token], data: LanguageData | None, near: dict) -> PhraseContext:
        fold = lambda x: self.r.arabic.readings(x)[0][1].translate(DIGITS)  # noqa: E731  (fold_token, memoised)
        heads = data.heads.root if data else {}
        def is_head(k: int) -> bool:  # with an attached conjunction too ("واستراتيجية")
            return not toks[k][2][:1].islower() and any(
                walk(heads, f.translate(DIGITS), toks, k, text, fold) for _, f in self.r.arabic.readings(toks[k][2]))
        return PhraseContext(text, toks, data.spec if data else {}, fold, is_head,
                             orgs=index_mentions(toks, near[ORG], slack=2), dates=index_mentions(toks, near[DATE]),
                             places=index_mentions(toks, near[LOC], slack=2))

    # -- finding names ------------------------------------------------------------------------------
    def _kb_spans(self, text: str, toks: list[Token], firsts: dict[str, tuple[tuple[int, str], ...]]) -> list[Span]:
        """Knowledge-base names starting at each token. ``firsts`` (the stage's memo) keeps per word its readings
        that start a name: most tokens start none, and are then skipped with one lookup."""
        out = []
        fold = lambda x: self.r.arabic.readings(x)[0][1].translate(DIGITS)  # noqa: E731  (fold_token, memoised)
        root = self.r.kb_trie.root
        for i, (s, _, t) in enumerate(toks):
            keys = firsts.get(t)
            if keys is None:
                keys = firsts[t] = self._kb_firsts(t)
            for strip, key in keys:
                for end_i, ids in walk(root, key, toks, i, text, fold):
                    rec = self.r.kb[ids[0]]
                    out.append(Span(s + strip, toks[end_i][1], rec["kind"], "kb", kb_id=rec["id"]))
        return out

    def _kb_firsts(self, word: str) -> tuple[tuple[int, str], ...]:
        """(characters stripped, digit-folded key) of each reading of ``word`` that starts a knowledge-base name."""
        root = self.r.kb_trie.root
        keys = ((strip, first.translate(DIGITS)) for strip, first in self.r.arabic.readings(word))
        return tuple((strip, key) for strip, key in keys if key in root)

    def _head_spans(self, ctx: PhraseContext, data: LanguageData, head_words: dict[str, bool]) -> list[Span]:
        """Instrument names around a head word. ``head_words`` (the stage's memo for this language) keeps per word
        whether one of its readings starts a head of either case: most tokens do not, one lookup skips them."""
        out, toks, spec = [], ctx.toks, data.spec
        roots = data.heads.root, data.lower_heads.root
        for i, (s, _, t) in enumerate(toks):
            starts = head_words.get(t)
            if starts is None:
                starts = head_words[t] = any(f in roots[0] or f in roots[1] for _, f in self.r.arabic.readings(t))
            if not starts:
                continue  # no head of either case starts with this word (most tokens): nothing to walk
            variants = self.r.arabic.readings(t)
            arabic = is_arabic(t)
            lower = not arabic and not t[:1].isupper()
            if lower and spec.get("lowercase_heads") != "specific":
                continue
            root = roots[1] if lower else roots[0]
            for strip, first in variants:
                hits = walk(root, first, toks, i, ctx.text, ctx.fold)
                if not hits:
                    continue
                head_end, kinds = hits[-1]
                if _idiom(ctx, i, first, spec):
                    break
                start_i = data.grammar.left(ctx, i) if not lower else i
                end = data.grammar.right(ctx, head_end)
                start = toks[start_i][0] if start_i != i else s + strip
                span = Span(start, end, kinds[0], "head", lower=lower, head_words=head_end - i + 1,
                            head_only=(end == toks[head_end][1] and start_i == i))
                out.append(_numbered(ctx.text, span, data) if kinds[0] == "resolution" else span)
                break
        return out

    def _symbol_spans(self, ctx: PhraseContext, data: LanguageData, sent) -> list[Span]:
        """UN document symbols: worded ("resolution 64/288", lists one mention each) and bare ("A/61/630")."""
        out: list[Span] = []
        taken: set[int] = set()
        if data.worded is not None:
            for m in data.worded.finditer(ctx.text, sent.start, sent.end):
                end = m.end("body")
                if data.spec.get("symbol_complements"):
                    end = max(end, self._complement_after(ctx, data, end))
                out.append(_symbol_span(m.start("body"), end, m.group("sym")))
                taken.add(m.start("sym"))
                pos = m.end("body")
                while (nxt := data.listed.match(ctx.text, pos, sent.end)) is not None:
                    out.append(_symbol_span(nxt.start("body"), nxt.end("body"), nxt.group("body")))
                    taken.add(nxt.start("body"))
                    pos = nxt.end("body")
        for m in BARE_SYMBOL.finditer(ctx.text, sent.start, sent.end):
            if m.start() not in taken:
                out.append(_symbol_span(m.start(), m.end(), m.group()))
        return out

    def _complement_after(self, ctx: PhraseContext, data: LanguageData, end: int) -> int:
        """"résolution 2334 du Conseil de sécurité": the grammar's complements after the number."""
        ends = [t[1] for t in ctx.toks]
        k = bisect_left(ends, end)
        if k >= len(ctx.toks) or ends[k] != end:
            return end
        return data.grammar.right(ctx, k)

    def _acronym_uses(self, toks: list[Token], state: DocState) -> list[Span]:
        out = []
        for s, e, t in toks:
            ante = state.acronyms.get(t)
            if ante is not None and s >= ante.end:
                out.append(Span(s, e, ante.attrs["kind"], "acronym", antecedent=ante))
        return out

    # -- mentions -----------------------------------------------------------------------------------
    def _emit(self, doc: Document, ctx: PhraseContext, sp: Span, near: dict, state: DocState, data) -> None:
        if (sp.start, sp.end) in state.emitted:
            return  # already a mention: an acronym defined right after a name, also in the knowledge base
        attrs = self._attributes(doc.text, sp, near, state, data)
        if attrs is None:
            return
        state.emitted.add((sp.start, sp.end))
        edition = YEAR_SUFFIX.match(doc.text, sp.end) if sp.source in ("kb", "head") else None
        if edition is not None:  # "International Health Regulations (2005)": the year names the edition
            state.edition_years.add(edition.span("year"))
            sp = replace(sp, end=edition.end())
        m = Mention(AGREEMENT, sp.start, sp.end, doc.text[sp.start : sp.end], f"agreements:{sp.source}",
                    0.9 if sp.source in ("kb", "symbol") else 0.8, attrs=attrs)
        if doc.add_mention(m) is None:
            return
        state.last_by_kind[attrs["kind"]] = m
        acr = ACRONYM_DEF.match(doc.text, sp.end)
        if acr and sp.source != "acronym" and not any(o.start == acr.start("acr") and not _guessed(o) for o in near[ORG]):
            a = acr.group("acr")
            am = Mention(AGREEMENT, acr.start("acr"), acr.end("acr"), a, "agreements:acronym", 0.8,
                         attrs={**_shared(m), "anaphor": True, "antecedent": [m.start, m.end]})
            if (am.start, am.end) not in state.emitted and doc.add_mention(am) is not None:
                state.acronyms[a] = m
                state.emitted.add((am.start, am.end))

    def _attributes(self, text: str, sp: Span, near: dict, state: DocState, data) -> dict[str, Any] | None:
        ante = sp.antecedent
        parties, date, period = self._arguments(text, sp, near)
        short = sp.source == "head" and not sp.lower and not (parties or date or period) and sp.end - sp.start < 40
        if ante is None and (sp.head_only or sp.lower or short) and sp.source == "head":
            ante = self._antecedent(text, sp, state, data)  # "the Plan of Action", "خطة العمل الأولى"
            if ante is None and (sp.head_only or sp.lower) and not self._specific(text, sp, near, data):
                return None
            if ante is None and (sp.head_only or sp.lower):
                parties, date, period = self._arguments(text, sp, near, unnamed=True)
        if ante is not None:
            return {**_shared(ante), "kind": ante.attrs["kind"], "anaphor": True, "antecedent": [ante.start, ante.end]}
        attrs: dict[str, Any] = {"kind": sp.kind, "parties": parties, "date": date, "period": period}
        for key, value in (("number", sp.number), ("symbol", sp.symbol), ("instrument", sp.kb_id)):
            if value:
                attrs[key] = value
        if sp.lower or sp.head_only:
            attrs["unnamed"] = True
        return attrs

    def _antecedent(self, text: str, sp: Span, state: DocState, data) -> Mention | None:
        """The last instrument of this kind, for a bare head ("the Memorandum") or a definite lower-case one."""
        ante = state.last_by_kind.get(sp.kind)
        for other in (data.spec.get("anaphor_kinds") or {}).get(sp.kind, []) if ante is None else []:
            ante = state.last_by_kind.get(other) or ante
        if ante is None:
            return None
        if sp.lower and not sp.head_only:
            return None
        if sp.lower:
            before = TOKEN.findall(text[max(0, sp.start - 12) : sp.start])
            if not before or before[-1].casefold() not in data.spec["_determiners"]:
                return None
        return ante

    def _specific(self, text: str, sp: Span, near: dict, data) -> bool:
        """An unnamed instrument is specific when its clause signs/adopts it, dates it or names its parties."""
        if data is None or (sp.lower and sp.head_only and sp.head_words < 2):
            return False  # "the agreement", "a declaration": only an anaphor can make these a mention
        window = text[max(0, sp.start - 80) : min(len(text), sp.end + 80)]
        cues = data.spec["_cues"]
        words = [fold_token(w, self.r.arabic) for w in TOKEN.findall(window)]
        return any(any(w.startswith(c) or (w[:1] in "وف" and w[1:].startswith(c)) for c in cues) for w in words)

    def _arguments(self, text: str, sp: Span, near: dict, unnamed: bool = False) -> tuple[list[str], str | None, str | None]:
        """Parties: organisations inside the name (for an unnamed one, of its sentence). Date: inside or right after."""
        parties: list[str] = []
        for o in near[ORG]:
            inside = sp.start <= o.start and o.end <= sp.end
            if (inside or unnamed) and o.entity_id and o.entity_id not in parties:
                parties.append(o.entity_id)
        date = period = None
        for d in near[DATE]:
            inside = sp.start <= d.start and d.end <= sp.end
            close = sp.end <= d.start <= sp.end + self.params.date_window_chars and not re.search(r"[.;؛]", text[sp.end : d.start])
            if (inside or close or (unnamed and d.start >= sp.end)) and d.value:
                if "/" in d.value and "-" not in d.value:
                    period = d.value
                else:
                    date = d.value[:10]
                break
        if period is None and (span_period := PERIOD_IN_NAME.search(text[sp.start : sp.end].translate(DIGITS))):
            period = f"{span_period.group(1)}/{span_period.group(2)}"  # "Plan of Action 2021-2025": no DATE inside a name
        return sorted(parties) if unnamed else parties, date, period


def _guessed(o: Mention) -> bool:
    """An organisation the organisation stage only guessed from an acronym defined in the text."""
    return o.extractor.startswith("orgs:acronym") and not (o.entity_id or "").startswith("org:") or \
        (o.entity_id or "").startswith("org:x-")


def _claimable(o: Mention, state: DocState) -> bool:
    return o.text in state.acronyms and _guessed(o)


def _shared(m: Mention) -> dict[str, Any]:
    keep = ("kind", "parties", "date", "period", "number", "symbol", "instrument")
    return {k: m.attrs[k] for k in keep if k in m.attrs}


def _idiom(ctx: PhraseContext, i: int, first: str, spec: dict) -> bool:
    """A head used in an idiom ("في إطار" = within): listed per head in ``not_after``."""
    words = spec["_not_after"].get(first)
    return bool(words) and i > 0 and ctx.word(i - 1) in words


def _numbered(text: str, sp: Span, data: LanguageData) -> Span:
    """A resolution whose number follows its issuer: "قرار مجلس الأمن 2334 (2016)", "Council Resolution 1325"."""
    m = data.number_after.match(text, sp.end) if data.number_after else None
    if m is None:
        return sp
    num = _symbol_span(sp.start, m.end(), m.group("sym"))
    return Span(sp.start, m.end(), sp.kind, "head", number=num.number, symbol=num.symbol, head_words=sp.head_words)


def _symbol_span(start: int, end: int, sym: str) -> Span:
    s = re.sub(r"\s+", "", sym.translate(DIGITS))
    year = re.search(r"\((\d{4})\)$", s)
    core = s[: year.start()] if year else s
    session = re.search(r"\((?:[IVXLC]+|\w{1,2}-\d+)\)$", core)
    if session:  # "3346 (XXIX)", "3348 (د-29)": a General Assembly resolution of the old numbering
        return Span(start, end, "resolution", "symbol", number="GA/" + core[: session.start()].split("/")[-1])
    if m := re.fullmatch(r"(?:A/RES/|Res/)?(\d+/\d+)", core):
        return Span(start, end, "resolution", "symbol", number=m.group(1))
    if m := re.fullmatch(r"S/RES/(\d+)|(\d{3,4})", core):
        return Span(start, end, "resolution", "symbol", number="S/" + (m.group(1) or m.group(2)))
    if re.fullmatch(r"E/RES/\d+/\d+", core):
        return Span(start, end, "resolution", "symbol", symbol=core)
    return Span(start, end, "document", "symbol", symbol=core)


_RANK = {"kb": 0, "symbol": 1, "head": 2, "acronym": 3}


def _with_symbols(spans: list[Span], text: str) -> list[Span]:
    """"déclaration présidentielle S/PRST/2026/9", "the report A/79/325": a document symbol right after a named
    instrument is part of its name (one mention, the symbol its key)."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.source in ("head", "kb") and sp.source == "symbol" and sp.kind == "document" \
                and not text[prev.end : sp.start].strip() and "\n" not in text[prev.end : sp.start]:
            prev.end, prev.symbol = sp.end, sp.symbol
            continue
        out.append(sp)
    return out


def _resolve(spans: list[Span], orgs: list[Mention]) -> list[Span]:
    """Longest first; the knowledge base and symbols win ties; no span inside an ORG name; no overlaps."""
    org_starts = [o.start for o in orgs]
    chosen_starts: list[int] = []
    by_start: dict[int, Span] = {}
    for sp in sorted(spans, key=lambda s: (-(s.end - s.start), _RANK[s.source], s.start)):
        i = bisect_right(org_starts, sp.start) - 1
        if i >= 0 and orgs[i].start <= sp.start and sp.end <= orgs[i].end:
            continue
        j = bisect_left(chosen_starts, sp.end)
        clash = [by_start[s] for s in chosen_starts[max(0, j - 2) : j] if by_start[s].end > sp.start]
        if not clash:
            insort(chosen_starts, sp.start)
            by_start[sp.start] = sp
        elif sp.number and all(c.number is None and c.kind == "resolution" for c in clash):
            for c in clash:
                c.number = sp.number
    return [by_start[s] for s in chosen_starts]
