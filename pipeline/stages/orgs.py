"""Organisations: knowledge-base names and acronyms, head-word phrases, in-text acronyms, short forms.

Matching runs over word tokens of each content sentence with a longest-match trie built once per process
from every language's names (pages mix languages: English acronyms in Arabic text). Names are folded for
lookup (case; Arabic hamza/ta marbuta/alif maqsura, tatweel, harakat) and Arabic attached clitics are
stripped from the first token, so a mention's offsets cover the name only. Acronyms match case-sensitively.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from itertools import compress, count
from typing import Any

from pipeline.document import ORG, Document, Mention
from pipeline.knowledge.kb import ENTITY_PREFIX, KnowledgeBase
from pipeline.registry import register
from pipeline.knowledge.resources import Resources
from pipeline.text.matching import TOKEN, Trie, fold_token, gap_ok, tokens
from pipeline.text.spans import Intervals, LastBefore
from pipeline.text.tokens import SentenceView, exact_matches_in, make_view, matches_in, shared_tokens, starts_in
from pipeline.text.acronyms import long_form_start
from pipeline.text.grammar import Grammar, arabic_folder, load_grammars
from pipeline.text.normalise import ArabicFolder, fold_latin, is_arabic

# What may stand between two words of a capitalised name: spaces, hyphens, apostrophes, "&" (not a comma,
# not a line break: "the Islamic Development Bank, the League of Arab States" is two names).
NAME_GAP = re.compile(r"^[ \t\u00a0\-–'’&]*$")
SPACED_DASH = re.compile(r"\s[-–—]\s")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
VENUE = "orgs:venue"  # a building named like a body: blocks the names inside it, never a mention
ROMAN = re.compile(r"^[IVXLCDM]+$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9](?:-[A-Z0-9]+)?$")
# Arabic writes an acronym as one word of Arabic letters ("برنامج الخليج العربي للتنمية (أجفند)", "(اليونيدو)")
ARABIC_WORD = r"[\u0621-\u064A]{3,14}"
ARABIC_ACRONYM = re.compile(rf"^{ARABIC_WORD}$")
# "Name (ACR)": a Latin acronym or one Arabic word in parentheses right after a name
PAREN_ACRONYM = re.compile(rf"\s*\(\s*([A-Z][A-Za-z0-9-]{{1,11}}|{ARABIC_WORD})\s*\)")
# an Arabic clitic (و, ف, ب, ل, ك, or two) glued before an acronym used again: "وأجفند", "لجويك"
CLITIC_BEFORE = r"(?:[\u0648\u0641][\u0628\u0644\u0643]?|[\u0628\u0644\u0643])?"
CHAIN_INDEFINITE = 2  # indefinite nouns between an Arabic chain head and its definite words
CHAIN_MAX = 5  # words of a construct-chain name after its head
CHAIN = "orgs:heads-chain"  # extractor of construct-chain names (rule d of _heads_arabic)


@dataclass
class OrgParams:
    # Parenthesised all-capital tokens that are not organisations.
    non_org_acronyms: list[str] = field(default_factory=lambda: [
        "SDG", "SDGs", "MDG", "MDGs", "HIV", "AIDS", "GDP", "COVID", "ICT", "CEO", "USD", "EUR", "UNCLOS", "MOU", "MoU",
        "PDF", "NGO", "NGOs", "SME", "SMEs", "LDC", "LDCs", "SIDS", "FTA", "TAC", "CBD", "CEDAW", "CRC", "AURED"])
    head_detector: bool = True
    unknown_acronyms: bool = True


TATWEEL = "\u0640"  # the stretching stroke of "الـ150"
CAPITALS_WORD_CHARS = 24  # how far back the capitalised word before an acronym is read
CAPITALS_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_a-z]{2,}) $")  # a capitalised word, one space, then the acronym
JOINT_WORDS = 2  # "لجنة تنسيق مشتركة", "فريق العمل المشترك": words between a body head and its "joint" adjective
BODY_ADJECTIVES = 3  # "اللجنة التوجيهية المشتركة": at most this many adjectives name an organ by its function
SHORT_FORM_ADJECTIVES = 2  # "المنظمة العربية": at most this many adjectives after a short form's head
PREFIX_KEY = "="  # index key of the first words of a name, beside its head word (_head_anaphors)


@dataclass
class _AnaphorSpec:
    """Arabic-script grammars give folded anaphors (article + head -> head); the others articles, head phrases
    (folded token tuples, longest first) and where a head written without an article may refer back."""

    anaphors: dict[str, str] | None = None
    articles: set[str] = field(default_factory=set)
    heads: set[str] | None = None
    connectors: set[str] | None = None
    phrases: tuple[tuple[str, ...], ...] = ()
    bare: str = "none"  # none | anywhere | not_first (models/<lang>/org_matching.yaml: bare_anaphors)
    not_name: set[str] = field(default_factory=set)
    stop: set[str] = field(default_factory=set)  # Arabic stop words (some start with the article: "التي")
    feminine: str = ""  # grammar.yaml feminine_suffix: a definite adjective agrees with its head in gender
    purpose: str = ""  # grammar.yaml purpose_prefix: "ل" of the organisation an organ belongs to
    lang: str = ""  # its grammar's language (the adjective forms after a masculine head)
    # words that end a name (org_heads.yaml stop_words, org_matching.yaml stop_verbs): where a language has them, a
    # bare head must be followed by one, or by punctuation ("của Chương trình, ..."; "Chương trình khung hợp
    # tác ..." is the first word of a programme's name)
    enders: set[str] = field(default_factory=set)
    # phrases by their first word, longest first as in ``phrases``: a token is tried only against its own
    firsts: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        firsts: dict[str, list[tuple[str, ...]]] = {}
        for h in self.phrases:
            firsts.setdefault(h[0], []).append(h)
        self.firsts = {k: tuple(v) for k, v in firsts.items()}
        self.first_words = frozenset(self.articles) | frozenset(self.firsts)

    def starts(self, view: SentenceView) -> list[int]:
        """Indexes of the tokens an anaphor may start at (what ``_anaphor_at`` tests first: any reading an anaphor
        form, or the folded form an article or a head's first word), so it is called for a few tokens only."""
        if self.anaphors is not None:
            return starts_in(self.anaphors, view)
        return starts_in(self.first_words, view, every=False)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    entity_id: str
    extractor: str
    confidence: float
    attrs: tuple = ()


@dataclass
class OrgMatcher:
    """Everything derived from the KB and models/<lang>/org_heads.yaml, built once per process."""

    names: Trie
    acronyms: Trie
    short_forms: Trie
    arabic: ArabicFolder
    heads: dict[str, dict[str, Any]]
    matching: dict[str, dict[str, Any]] = field(default_factory=dict)  # models/<lang>/org_matching.yaml
    # organ words around a parent's name, learned from the KB's child records ("أمانة" + الآسيان = ASEAN
    # Secretariat): (position, folded organ tokens) -> {parent entity id: child entity id}
    organs: dict[tuple[str, tuple[str, ...]], dict[str, str]] = field(default_factory=dict)
    # parent entity id -> (organ lengths before, organ lengths after), to try only what can match
    organ_spans: dict[str, tuple[set, set]] = field(default_factory=dict)
    grammars: dict[str, Grammar] = field(default_factory=dict)  # models/<lang>/grammar.yaml
    any_heads: frozenset = frozenset()  # folded single-word org heads of every language (pages mix languages)
    head_phrases: frozenset = frozenset()  # folded head phrases (tuples) of every language

    def __post_init__(self) -> None:
        for (where, words), parents in self.organs.items():
            for parent in parents:
                self.organ_spans.setdefault(parent, (set(), set()))[where == "after"].add(len(words))

    @classmethod
    def build(cls, resources: Resources) -> "OrgMatcher":
        def make() -> "OrgMatcher":
            kb = KnowledgeBase.load(resources)
            grammars = load_grammars(resources.per_language("grammar.yaml"))
            arabic = arabic_folder(resources, grammars)
            matching = {lang: dict(data or {}) for lang, data in resources.per_language("org_matching.yaml").items()}
            # a mention never includes a leading article, so a name written with one ("La Francophonie") is
            # matched without it
            articles = {a.casefold() for spec in matching.values() for a in spec.get("articles", [])}
            names, acronyms, short = Trie(), Trie(), Trie()
            for rec in sorted(kb.records.values(), key=lambda r: r.id):
                for lang, forms in rec.names.items():
                    for form in forms:
                        key = tuple(fold_token(t, arabic) for t in TOKEN.findall(form))
                        if len(key) > 1 and key[0] in articles and form[:1].isupper():
                            key = key[1:]
                        if key:
                            names.add(key, rec.entity_id)
                for acr in rec.acronyms:
                    key = tuple(TOKEN.findall(acr))
                    if key:
                        acronyms.add(key, rec.entity_id)
                for lang, forms in rec.short_forms.items():
                    for form in forms:
                        key = tuple(fold_token(t, arabic) for t in TOKEN.findall(form))
                        if key:
                            short.add(key, rec.entity_id)
            heads = {}
            for lang, data in resources.per_language("org_heads.yaml").items():
                spec = dict(data)
                spec["_lang"] = lang
                spec["_heads"] = sorted({tuple(fold_token(t, arabic) for t in TOKEN.findall(h)) for h in data.get("heads", [])},
                                        key=lambda k: -len(k))
                spec["_lowercase_names"] = _lowercase_spec(data.get("lowercase_names"))
                heads[lang] = spec
            any_heads = frozenset(h[0] for spec in heads.values() for h in spec["_heads"])
            phrases = frozenset(h for spec in heads.values() for h in spec["_heads"])
            return cls(names, acronyms, short, arabic, heads, matching, _learn_organs(kb, arabic, articles),
                       grammars=grammars, any_heads=any_heads, head_phrases=phrases)

        return resources.memo(("orgs", "matcher"), make)


def _learn_organs(kb: KnowledgeBase, arabic: ArabicFolder, articles: set) -> dict:
    """Organ words of child records around one of their parent's names: "أمانة الآسيان" -> before ("امانه",),
    "الأمانة العامة لمنظمة التعاون الإسلامي" -> before ("الامانه", "العامه") (the parent's first token may carry a
    clitic), "Secretariat of the Association of ..." -> before ("secretariat", "of", "the"), "ASEAN Secretariat" ->
    after ("secretariat",). Applied only to the parent the child belongs to: nothing is invented."""
    organs: dict[tuple[str, tuple[str, ...]], dict[str, str]] = {}
    for child in kb.records.values():
        parent = kb.records.get(child.parent or "")
        if parent is None:
            continue
        forms = {tuple(fold_token(t, arabic) for t in TOKEN.findall(f)) for fs in parent.names.values() for f in fs}
        forms |= {tuple(TOKEN.findall(a)) for a in parent.acronyms}
        forms |= {tuple(t.casefold() for t in TOKEN.findall(a)) for a in parent.acronyms}
        forms = {f[1:] if len(f) > 1 and f[0] in articles else f for f in forms if f}
        for names in child.names.values():
            for name in names:
                raw = TOKEN.findall(name)
                toks = [fold_token(t, arabic) for t in raw]
                for k in range(1, len(toks)):
                    tail = toks[k:]
                    firsts = {tail[0]} | ({f for _, f in arabic.clitic_variants(raw[k])} if is_arabic(raw[k]) else set())
                    if any((first,) + tuple(tail[1:]) in forms for first in firsts):
                        organs.setdefault(("before", tuple(toks[:k])), {}).setdefault(parent.entity_id, child.entity_id)
                    if tuple(toks[:k]) in forms:
                        organs.setdefault(("after", tuple(toks[k:])), {}).setdefault(parent.entity_id, child.entity_id)
    return organs


def slug(text: str) -> str:
    folded = fold_latin(text)
    s = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not s or not s.isascii() or len(s) < len(folded) // 3:
        return hashlib.sha256(text.encode()).hexdigest()[:12]
    return s[:60]


@register("orgs", params=OrgParams, requires=("sentences",), provides=("orgs",))
class OrgStage:
    def __init__(self, resources: Resources, params: OrgParams) -> None:
        self.params = params
        self.m = OrgMatcher.build(resources)
        self.kb = KnowledgeBase.load(resources)
        self.non_org = set(params.non_org_acronyms)
        self.coordinators = {c for g in self.m.grammars.values() for c in g.coordinators}
        self.articles = {a for g in self.m.grammars.values() for a in g.articles}
        self.instrument_words = {w for spec in self.m.heads.values() for w in spec.get("instrument_words", [])}
        self._heads: dict[tuple[str, str], str | None] = {}  # (lang, name) -> its head: names recur in every document
        self._anaphor_specs: dict[str, _AnaphorSpec | None] = {}  # lang -> what makes a head anaphor in it
        self._adjectives: dict[str, tuple] = {}  # lang -> folded masculine adjective forms (words, suffixes, prefixes)
        self.kb_acronyms = {a for rec in self.kb.records.values() for a in rec.acronyms}

    # -- per document -------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        text = doc.text
        chosen: list[Candidate] = []
        chains: list[Candidate] = []  # construct-chain names: the last resort, where no other name was found
        words = shared_tokens(doc)
        for si, sent in doc.content_sentences():
            view = words.view(si, self.m.arabic)
            toks = view.toks
            cands = self._kb_candidates(view) + self._kb_candidates_around_parentheses(text, sent.start, sent.end)
            cands = [c for c in cands if not self._word_of_a_capitals_line(text, c)]
            if self.m.matching.get(doc.lang or "", {}).get("names_capitalised"):
                # "cán bộ y tế" (health workers) holds "bộ y tế" but names no ministry: names are written capitalised
                cands = [c for c in cands if c.extractor != "orgs:kb" or not text[c.start : c.start + 1].islower()]
            cands += self._acronym_long_forms(text, sent.start, sent.end, doc.lang)
            if self.params.head_detector:
                for h in self._kb_wins(text, view, cands, self._head_candidates(text, toks, doc.lang)):
                    (chains if h.extractor == CHAIN else cands).append(h)
            chosen.extend(c for c in _resolve(cands) if c.extractor != VENUE)
        chosen.sort(key=lambda c: c.start)
        chosen = self._acronyms_in_text(text, doc, chosen)
        chosen = self._repeated_long_forms(text, doc, chosen)
        # a head anaphor ("المنظمة", "the Forum") refers to the most recent organisation with that head, which
        # may be another than the one whose knowledge-base short form it also is
        chosen = self._head_anaphors(text, doc, chosen)
        chosen = self._short_forms(text, doc, chosen)
        chosen = self._organs(text, doc, chosen)
        chosen = self._organ_compositions(text, doc, chosen)
        chosen = _add_free(chosen, _resolve(chains))
        # an organ just composed ("مجلس وزراء منظمة ...") is the antecedent of later head anaphors ("المجلس")
        chosen = self._head_anaphors(text, doc, chosen)
        # an unknown organisation's acronym defined in this document goes on every mention of it, so that
        # reconcile can link the acronym used alone in another document (reconcile.build_entities)
        defined = {}
        for c in chosen:
            acr = dict(c.attrs).get("entity_acronym")
            if acr and c.entity_id.startswith(ENTITY_PREFIX + "x-"):
                defined.setdefault(c.entity_id, acr)
        for c in sorted(chosen, key=lambda c: (c.start, c.end)):
            attrs = dict(c.attrs)
            if c.entity_id in defined and not attrs.get("entity_acronym"):
                attrs["entity_acronym"] = defined[c.entity_id]
            doc.add_mention(Mention(ORG, c.start, c.end, text[c.start : c.end], c.extractor, c.confidence,
                                    entity_id=c.entity_id, attrs=attrs))
        return doc

    def _kb_candidates(self, view: SentenceView) -> list[Candidate]:
        """Names and acronyms of the knowledge base, tried only at the tokens that start one (a word of the tries'
        first level), in token order, a name's matches before an acronym's at the same token."""
        out = []
        toks, names, acronyms = view.toks, self.m.names.root, self.m.acronyms.root
        starts = set(starts_in(names, view))
        words = view.words if view.words is not None else [t[2] for t in toks]
        acronym_starts = set(compress(count(), map(acronyms.__contains__, words)))
        for i in sorted(starts | acronym_starts):
            s = toks[i][0]
            for strip, end_i, ids in (matches_in(names, view, i) if i in starts else ()):
                out.append(Candidate(s + strip, toks[end_i][1], ids[0], "orgs:kb", 1.0 if strip == 0 else 0.98))
            # acronyms: exact case, whole tokens only
            for end_i, ids in (exact_matches_in(acronyms, view, i) if i in acronym_starts else ()):
                out.append(Candidate(s, toks[end_i][1], ids[0], "orgs:kb-acronym", 0.97))
        return out

    def _kb_candidates_around_parentheses(self, text: str, start: int, end: int) -> list[Candidate]:
        """Names written with an alias in parentheses inside them ("معهد رابطة أمم جنوب شرق آسيا (الآسيان) للسلام
        والمصالحة"): the name is matched with the short parenthesised group blanked out (same offsets)."""
        sub = text[start:end]
        if "(" not in sub:
            return []
        groups = [m.span() for m in re.finditer(r"\([^()\n]{1,40}\)", sub) if len(TOKEN.findall(m.group())) <= 3]
        if not groups:
            return []
        masked = list(sub)
        for a, b in groups:
            masked[a:b] = " " * (b - a)
        masked_text = "".join(masked)
        view = make_view(masked_text, tokens(masked_text, 0, len(masked_text)), self.m.arabic)
        toks = view.toks
        out = []
        for i in starts_in(self.m.names.root, view):
            s = toks[i][0]
            for strip, end_i, ids in matches_in(self.m.names.root, view, i):
                a, b = s + strip, toks[end_i][1]
                if any(a < ga and gb < b for ga, gb in groups):
                    out.append(Candidate(start + a, start + b, ids[0], "orgs:kb", 1.0 if strip == 0 else 0.98))
        return out

    def _kb_wins(self, text: str, view: SentenceView, kb: list[Candidate], heads: list[Candidate]) -> list[Candidate]:
        """A head-word phrase that only extends a knowledge-base name with uncapitalised words ("Ngân hàng Phát
        triển châu Á tham dự", any Arabic extension), or coordinates something with it ("Ngân hàng Thế giới và
        Việt Nam"), is the knowledge-base name: drop the phrase. A phrase that stops inside a knowledge-base name
        it governs ("Comité consultatif permanent des Nations [unies]") ends where that name ends."""
        kb_ends: dict[int, int] = {}
        for c in kb:
            if c.extractor == "orgs:kb":
                kb_ends[c.start] = max(kb_ends.get(c.start, 0), c.end)
        known = Intervals([(c.start, c.end) for c in kb])
        spans = sorted(kb_ends.items())
        heads = [x for h in heads if (x := _extended_to_known(text, h, spans)) is not None]
        out = []
        for h in heads:
            if h.extractor == CHAIN and known.overlaps(h.start, h.end):
                continue  # a known name inside ("مجلس محافظي البنك الإسلامي للتنمية"): organ composition decides
            end = kb_ends.get(h.start)
            if end is not None and end < h.end:
                extra = [t for s, e, t in view.between(end, h.end)]
                if not any(t[:1].isupper() for t in extra) or extra[0].casefold() in self.coordinators:
                    continue
            out.append(h)
        return out

    def _head_candidates(self, text: str, toks: list, lang: str | None) -> list[Candidate]:
        spec = self.m.heads.get(lang or "")
        if not spec:
            return []
        kind = self.grammar(lang).script
        if kind not in ("arabic", "syllabic", "latin"):
            return []
        return getattr(self, f"_heads_{kind}")(text, toks, spec)

    def grammar(self, lang: str | None) -> Grammar:
        return self.m.grammars.get(lang or "") or Grammar(lang or "")

    def _heads_latin(self, text: str, toks: list, spec: dict) -> list[Candidate]:
        if "_latin" not in spec:  # the word classes, once per process and language
            spec["_latin"] = self._latin_sets(spec)
        w = spec["_latin"]
        out = []
        n = len(toks)
        for i, (s, e, t) in enumerate(toks):
            if t.casefold() not in w.heads or not t[:1].isupper():
                continue
            # left: capitalised words directly before the head; a connector or article is capitalised only in an
            # all-caps heading ("PROCÈS-VERBAL DE LA TROISIÈME RÉUNION DU COMITÉ ..."), where it ends the name
            a = i
            while a - 1 >= 0 and _cap(toks[a - 1][2]) and toks[a - 1][2] not in w.not_name and _name_gap(text, toks[a - 1], toks[a]) \
                    and toks[a - 1][2].casefold() not in w.connectors and toks[a - 1][2].casefold() not in w.articles:
                a -= 1
            b = _latin_right(text, toks, i, a, w)
            if w.title:
                b = _trim_to_head(toks, i, b, w.heads, w.connectors)
            elif all(toks[x][2].casefold() in w.generic for x in range(i + 1, b + 1)):
                b = i  # "en Commission régionale": a head with generic adjectives only is a common noun
            if b == a:
                continue  # a lone head word ("Commission") is not a name
            if any(toks[x][2] in w.instrument for x in range(i + 1, min(n, b + 2))):
                continue  # "ASEAN Community Vision 2025" is an instrument, not an organisation
            phrase = text[toks[a][0] : toks[b][1]]
            if a == i and self._programme([x[2] for x in toks[a : b + 1]], spec.get("_lang")):
                continue  # "Programme régional d'appui ...": a programme of work, an instrument
            # "Regional Agency for Agriculture and Food" is a name; a sentence- or heading-initial capital on a
            # generic word ("Regional Forum opens", "Several Commission members") is not one
            if a == 0 and toks[a][2].casefold() in w.generic:
                continue
            out.append(Candidate(toks[a][0], toks[b][1], ENTITY_PREFIX + "x-" + slug(phrase), "orgs:heads", 0.7,
                                 (("entity_name", phrase),)))
        return out

    def _latin_sets(self, spec: dict) -> "_LatinWords":
        lang = spec.get("_lang", "")
        return _LatinWords(
            heads={h[0] for h in spec["_heads"] if len(h) == 1},
            connectors={c.casefold() for c in spec.get("connectors", [])},
            coord_after={c.casefold() for c in spec.get("coordination_after", [])},
            coordinators={c for g in self.m.grammars.values() for c in g.coordinators},
            not_name=set(spec.get("not_name_words", [])), instrument=set(spec.get("instrument_words", [])),
            generic={g.casefold() for g in spec.get("generic_modifiers", [])},
            locative={c.casefold() for c in spec.get("locative_connectors", [])},
            articles={x.casefold() for x in self.m.matching.get(lang, {}).get("articles", [])},
            lower=spec.get("_lowercase_names"), title=self.grammar(lang).casing == "title")

    def _heads_syllabic(self, text: str, toks: list, spec: dict) -> list[Candidate]:
        w = spec.get("_syllabic")
        if w is None:  # the word classes, once per process and language
            w = spec["_syllabic"] = self._syllabic_sets(spec)
        out = []
        n = len(toks)
        low = [t[2].casefold() for t in toks]  # noqa: E741
        for i in range(n):
            if low[i] not in w.firsts or not toks[i][2][:1].isupper():
                continue
            for head in spec["_heads"]:
                if i + len(head) > n or tuple(low[i : i + len(head)]) != head:
                    continue
                j = i + len(head)
                if j >= n or not _cap(toks[j][2]) or not _gap(text, toks[j - 1], toks[j]):
                    continue
                if _person_at(toks, low, j, w.surnames):  # "Chủ tịch Quốc hội Vương Đình Huệ": the head alone names
                    bare = text[toks[i][0] : toks[j - 1][1]]
                    out.append(Candidate(toks[i][0], toks[j - 1][1], ENTITY_PREFIX + "x-" + slug(bare), "orgs:heads",
                                         0.65, (("entity_name", bare),)))
                    break
                # "Trung tâm Hội nghị quốc gia" is a building where meetings are held: read to its end, then kept
                # only to block the names inside it ("Trung tâm Hội nghị Liên Hợp Quốc"), never emitted
                venue = any(tuple(low[j : j + len(v)]) == v for v in w.venues)
                b = _syllabic_end(text, toks, low, i, j, w, w.located_bridges if head in w.located else w.bridges)
                if b is None:
                    break  # "Đại hội đồng IPU lần thứ 147": a numbered session is an event
                phrase = text[toks[i][0] : toks[b][1]]
                out.append(Candidate(toks[i][0], toks[b][1], ENTITY_PREFIX + "x-" + slug(phrase),
                                     VENUE if venue else "orgs:heads", 0.65, (("entity_name", phrase),)))
                break
        return out

    def _syllabic_sets(self, spec: dict) -> "_SyllabicWords":
        matching = self.m.matching.get(spec.get("_lang", ""), {})
        folded = lambda key, src=matching: frozenset(x.casefold() for x in src.get(key, []))  # noqa: E731
        phrases = lambda key, src=spec: frozenset(tuple(x.casefold().split()) for x in src.get(key, []))  # noqa: E731
        bridges = (folded("bridge_words"), folded("coordinating_bridges"), folded("coordination_stops"))
        verbs = frozenset(tuple(v.split()) for v in matching.get("stop_verbs", []))
        return _SyllabicWords(
            stop=folded("stop_words", spec), bridges=bridges,
            # an office, a mission or a university names its seat: "Văn phòng WHO tại Việt Nam"
            located=phrases("located_heads", matching), located_bridges=(bridges[0] | folded("located_bridges"),) + bridges[1:],
            max_len=int(matching.get("max_syllables", spec.get("max_syllables", 10))), verbs=verbs,
            verb_firsts=frozenset(v[0] for v in verbs), venues=phrases("venue_words"), sessions=phrases("session_markers"),
            surnames=folded("person_surnames", spec), firsts=frozenset(h[0] for h in spec["_heads"]))

    def _heads_arabic(self, text: str, toks: list, spec: dict) -> list[Candidate]:
        fold = lambda x: self.m.arabic.fold(x)  # noqa: E731
        if "_nisba" not in spec:  # folded once per process, not per sentence
            self._fold_arabic_heads(spec, fold)
        heads, nisba, stop = spec["_single_heads"], spec["_nisba"], self._arabic_stop(spec["_lang"])
        article, purpose = fold(self.m.arabic.article), self.grammar(spec.get("_lang")).purpose_prefix
        out = []
        n = len(toks)
        for i, (s, e, t) in enumerate(toks):
            owned = self._possessed_body(text, toks, i, spec, stop)
            if owned is not None:  # (f) "منظمتنا", "مكتبها الإقليمي", "أمانته العامة": a body named with its owner
                out.append(owned)
                continue
            for strip, first in self.m.arabic.clitic_variants(t):
                if first not in heads:
                    continue
                b = i
                k = i + 1
                while k < n and k - i <= 6 and fold(toks[k][2]) not in stop and _gap(text, toks[k - 1], toks[k]):
                    b = k
                    k += 1
                if b == i:
                    continue
                # (a) a Latin acronym in parentheses right after the phrase
                m = PAREN_ACRONYM.match(text, toks[b][1], toks[b][1] + 20)
                ok = bool(m) and m.group(1) not in self.non_org
                # (b) definite head + nisba adjective + purpose complement
                if not ok and purpose and first.startswith(article) and i + 2 < n and fold(toks[i + 1][2]) in nisba \
                        and toks[i + 2][2].startswith(purpose) and not self._heads_organisation(toks[i + 2][2], heads):
                    ok = True
                    b = min(b, i + 3) if i + 3 < n and fold(toks[i + 3][2]) not in stop and \
                        toks[i + 3][2].startswith(self.m.arabic.article) else i + 2
                how = "orgs:heads"
                body = self._body_end(text, toks, i, stop, spec) if not ok and first in spec["_bodies"] else None
                if body is not None:  # (c) a definite body head + agreeing definite adjectives
                    ok, m, b = True, None, body
                joint = self._joint_end(text, toks, i, spec, fold) if not ok and first in spec["_joint_heads"] else None
                if joint is not None:  # (e) a joint body: "لجنة توجيهية مشتركة", "فريق العمل المشترك"
                    ok, m, b = True, None, joint
                chain = _chain_end(text, toks, i, stop, article, fold) if not ok and first in spec["_chains"] else None
                if chain is not None:  # (d) an indefinite head opening a construct chain: "مجلس وزراء الخارجية"
                    ok, m, b, how = True, None, chain, CHAIN
                if ok:
                    end = toks[b][1]
                    if how == CHAIN and fold(toks[b][2]) in nisba:  # "مكتب التربية العربي لدول الخليج"
                        end = self._purpose_complement(text, toks, b, self.grammar(spec.get("_lang")), stop)
                    phrase = text[s + strip : end]
                    # an Arabic name has no Latin slug: its acronym gives the id, else a hash of the folded name
                    key = slug(m.group(1)) if m else slug(self.m.arabic.fold(phrase))
                    out.append(Candidate(s + strip, end, ENTITY_PREFIX + "x-" + key, how, 0.65,
                                         (("entity_name", phrase), ("entity_acronym", m.group(1) if m else None))))
                break
        return out

    def _fold_arabic_heads(self, spec: dict, fold) -> None:
        """The word sets of models/ar/org_heads.yaml, folded once per process."""
        spec["_single_heads"] = {h[0] for h in spec["_heads"] if len(h) == 1}
        fem = self.grammar(spec.get("_lang")).feminine_suffix
        # nisba adjectives are listed feminine; the masculine drops the ending ("الدولية" -> "الدولي")
        spec["_nisba"] = {fold(v) for w in spec.get("nisba", []) for v in (w, w[: -len(fem)] if fem and w.endswith(fem) else w)}
        spec["_bodies"] = {fold(self.m.arabic.article + w) for w in spec.get("body_heads", [])}
        spec["_chains"] = {fold(w) for w in spec.get("chain_heads", [])}
        spec["_joint_heads"] = {fold(w) for w in spec.get("joint_heads", [])}
        spec["_joint"] = {fold(v) for w in spec.get("joint_adjectives", []) for v in (w, self.m.arabic.article + w)}
        spec["_possessive"] = _possessive_forms(spec, fem, fold)
        spec["_instrument_constructs"] = {" ".join(fold(t) for t in w.split()) for w in spec.get("instrument_constructs", [])}
        spec["_bridges"] = {fold(w) for w in spec.get("organ_bridges", [])}
        spec["_regions"] = {fold(w) for w in spec.get("region_words", [])}

    def _arabic_sets(self, lang: str) -> dict:
        """A language's org_heads.yaml with its Arabic word sets folded (once per process)."""
        spec = self.m.heads.setdefault(lang, {})
        if "_nisba" not in spec and "_heads" in spec:
            self._fold_arabic_heads(spec, self.m.arabic.fold)
        return spec

    def _possessed_body(self, text: str, toks: list, i: int, spec: dict, stop: set) -> Candidate | None:
        """An organisation head with a possessive suffix (``possessive_heads``, ``possessive_suffixes``): with its
        agreeing definite adjectives ("مكتبها الإقليمي", "أمانته العامة", "مجلسكم الحاكم"), or alone when the owner is
        the speaker or the addressee ("منظمتنا", "اتحادنا"): "its office" alone may be anyone's."""
        forms = spec["_possessive"]
        hit = next(((st, forms[f]) for st, f in self.m.arabic.clitic_variants(toks[i][2]) if f in forms), None)
        if hit is None:
            return None
        (strip, (head, alone_ok)), grammar = hit, self.grammar(spec.get("_lang"))
        joined = lambda x: _gap(text, toks[x], toks[x + 1])  # noqa: E731
        k = self._adjectives_end(toks, i, BODY_ADJECTIVES, joined, stop, grammar.feminine_suffix, head)
        k = i + self._adjective_forms(toks[i + 1 : k + 1], head, grammar)
        if k == i and not alone_ok:
            return None
        end = toks[k][1]
        if k > i and _purpose_follows(toks, k, joined, grammar.purpose_prefix):
            end = self._purpose_complement(text, toks, k, grammar, stop)
        phrase = text[toks[i][0] + strip : end]
        return Candidate(toks[i][0] + strip, end, ENTITY_PREFIX + "x-" + slug(self.m.arabic.fold(phrase)), "orgs:possessed",
                         0.6, (("entity_name", phrase), ("entity_acronym", None)))

    def _heads_organisation(self, token: str, heads: set) -> bool:
        """"لمنظمة الصحة العالمية", "لبرنامج الأمم المتحدة": a purpose complement that opens with an organisation's
        head names the organisation an organ belongs to ("المكتب الإقليمي لمنظمة ..."), not the organ's purpose."""
        return any(f in heads for _, f in self.m.arabic.clitic_variants(token)[1:])

    def _joint_end(self, text: str, toks: list, i: int, spec: dict, fold) -> int | None:
        """Index of the "joint" adjective (``joint_adjectives``) closing a body set up by two parties, at most
        JOINT_WORDS words after an indefinite head of ``joint_heads`` and agreeing with it: "لجنة توجيهية مشتركة", "فريق فني
        مشترك", "فريق العمل المشترك" (the head and its adjective in the text's words, no punctuation between)."""
        fem = self.grammar(spec.get("_lang")).feminine_suffix
        for k in range(i + 1, min(len(toks), i + 2 + JOINT_WORDS)):
            if not _gap(text, toks[k - 1], toks[k]):
                return None
            if fold(toks[k][2]) in spec["_joint"]:
                return k if _agrees(toks[i][2], toks[k][2], fem) else None
        return None

    def _body_end(self, text: str, toks: list, i: int, stop: set, spec: dict) -> int | None:
        """Index of the last definite adjective agreeing with the definite body head at token i ("الأمانة العامة",
        "الهيئة القضائية", "اللجنة التوجيهية المشتركة": an organ named by its function), or None without one."""
        grammar = self.grammar(spec.get("_lang"))
        joined = lambda x: _gap(text, toks[x], toks[x + 1])  # noqa: E731
        k = self._adjectives_end(toks, i, BODY_ADJECTIVES, joined, stop, grammar.feminine_suffix)
        k = i + self._adjective_forms(toks[i + 1 : k + 1], toks[i][2], grammar)
        if k == i or _purpose_follows(toks, k, joined, grammar.purpose_prefix):
            return None  # "الأمانة العامة للمنظمة": an organ of the organisation after it (_organ_compositions)
        return k

    def _adjective_forms(self, words: list, head: str, grammar) -> int:
        """How many of the definite words after a masculine head have an adjective's form (``masculine_adjectives``
        in grammar.yaml: a nisba ending, a participle's prefix, a few others): "المجلس التنفيذي", not "أصدر المجلس
        القرارات" (the verb's object) nor "دول المجلس الست" (a number). A feminine head's agreement is enough."""
        forms = grammar.extra.get("masculine_adjectives")
        fem = grammar.feminine_suffix
        if not forms or (fem and head.endswith(fem)):
            return len(words)
        fold = self.m.arabic.fold
        if grammar.lang not in self._adjectives:  # folded once per process
            self._adjectives[grammar.lang] = ({fold(w) for w in forms.get("words", [])},
                                              tuple(fold(x) for x in forms.get("suffixes", [])),
                                              tuple(fold(x) for x in forms.get("prefixes", [])),
                                              [re.compile(p) for p in forms.get("patterns", [])])
        listed, suffixes, prefixes, patterns = self._adjectives[grammar.lang]
        n = 0
        for _, _, w in words:
            f = fold(w)
            if not (f in listed or f.endswith(suffixes) or f.startswith(prefixes) or any(p.match(f) for p in patterns)):
                break
            n += 1
        return n

    def _adjectives_end(self, toks: list, i: int, limit: int, joined, stop: set, feminine: str, head: str = "") -> int:
        """Index of the last of at most ``limit`` definite adjectives agreeing with the head at token i (i without
        one): not a stop word that starts with the article ("التي"), not a word of the other gender. ``head``: the
        head as written when its token hides its gender ("منظمتنا" is "منظمة")."""
        ar = self.m.arabic
        head, k = head or toks[i][2], i
        while k + 1 < len(toks) and k - i < limit and joined(k) and toks[k + 1][2].startswith(ar.article) \
                and ar.fold(toks[k + 1][2]) not in stop and _agrees(head, toks[k + 1][2], feminine):
            k += 1
        return k

    def _acronym_long_forms(self, text: str, start: int, end: int, lang: str | None) -> list[Candidate]:
        """``Réseau de prévention des crises alimentaires (RPCA)``: the words whose initials spell the acronym
        (pipeline/text/acronyms.py) are the organisation's name when they hold an organisation head word and
        start with a capital. Finds names the knowledge base lacks in any capitalised script, whatever their case."""
        if not self.grammar(lang).capitalised or "(" not in text[start:end]:
            return []
        out = []
        for m in re.finditer(r"\(\s*([A-Z][A-Za-z0-9-]{1,11})\s*\)", text[start:end]):
            acr, paren = m.group(1), start + m.start()
            stop = paren
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if acr in self.non_org or not ACRONYM.match(acr) or stop == start:
                continue
            a = long_form_start(acr, text, start, stop)
            if a is None or not text[a].isupper():
                continue
            words = TOKEN.findall(text[a:stop])
            # a comma or "and the" inside joins two names ("... Forum Secretariat and the Pacific Community (SPC)")
            if "," in text[a:stop] or any(words[x].casefold() in self.coordinators and words[x + 1].casefold() in
                                          self.articles for x in range(len(words) - 1)):
                continue
            if any(w in self.instrument_words for w in words) or self._programme(words, lang):
                continue
            if not any(w.casefold() in self.m.any_heads for w in words) and not self._sub_body_of_known(acr, words):
                continue
            phrase = text[a:stop]
            known = _walk_ids(self.m.acronyms.root, acr)
            eid = known[0] if known else ENTITY_PREFIX + "x-" + slug(phrase)
            attrs = () if known else (("entity_name", phrase), ("entity_acronym", acr))
            out.append(Candidate(a, stop, eid, "orgs:acronym-long-form", 0.9, attrs))
        return out

    def _programme(self, words: list[str], lang: str | None) -> bool:
        """"Programme régional de sécurité alimentaire et nutritionnelle (PRESAN)": where the language says so
        (``programme_heads``), a name headed by a programme word and holding no other organisation head is a
        programme of work, an instrument; bodies so named are in the knowledge base ("Programme alimentaire
        mondial")."""
        spec = self.m.heads.get(lang or "", {})
        if not words or words[0] not in spec.get("programme_heads", ()):
            return False
        heads = spec.get("_one_word_heads")
        if heads is None:  # once per process and language
            heads = spec["_one_word_heads"] = frozenset(h[0] for h in spec["_heads"] if len(h) == 1)
        return not any(fold_token(w, self.m.arabic) in heads for w in words[1:])

    def _sub_body_of_known(self, acr: str, words: list[str]) -> bool:
        """``IGAD Regional Consultative Process on Migration (IGAD-RCP)``: a compound acronym that opens with a
        known organisation's acronym, defined by a long form opening with that same acronym, names a body of that
        organisation even without a head word."""
        parent = acr.split("-", 1)[0]
        return bool(re.search(r"-[A-Z]", acr)) and bool(words) and words[0] == parent and _walk_exact(self.m.acronyms.root, parent)

    def _word_of_a_capitals_line(self, text: str, c: Candidate) -> bool:
        """"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TUYÊN BỐ CHUNG VIỆT NAM - LÀO": a knowledge-base acronym ("NAM")
        right after a capitalised word with letters beyond ASCII that is no acronym is a word of a heading in
        capitals ("THE UN" in an English heading stays the UN)."""
        if c.extractor != "orgs:kb-acronym" or text[c.start : c.end] not in self.kb_acronyms:
            return False
        m = CAPITALS_BEFORE.search(text, max(0, c.start - CAPITALS_WORD_CHARS), c.start)
        return m is not None and m.group(1) not in self.kb_acronyms and not m.group(1).isascii()

    def _organ_compositions(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """An organ head governing an organisation's mention is one name, an organisation of its own: "Conseil
        des ministres de la COI", "Conférence générale de l'UNESCO", "مجلس محافظي البنك الإسلامي للتنمية",
        "المكتب الإقليمي الفرعي للفاو لشمال أفريقيا". The grammar (models/<lang>/grammar.yaml) says how the organ
        joins its organisation: connector words, or the Arabic construct state and a ل complement."""
        grammar = self.grammar(doc.lang)
        if not chosen or grammar.script == "syllabic" or (grammar.capitalised and not grammar.organ_connectors):
            return chosen
        index = _SentenceTokens(doc, self.m.arabic)
        out: list[Candidate] = []
        prev_end = -1
        for n, c in enumerate(chosen):
            nxt = chosen[n + 1].start if n + 1 < len(chosen) else len(text)
            new = self._compose(text, index, c, grammar, prev_end, nxt)
            out.append(new or c)
            prev_end = (new or c).end
        return out

    def _compose(self, text: str, index: "_SentenceTokens", c: Candidate, grammar: Grammar, prev_end: int,
                 next_start: int) -> Candidate | None:
        toks, k = index.at(c.start)
        if k is None or k == 0:
            return None
        if grammar.script == "arabic":
            found = self._arabic_organ(text, toks, k, c, grammar)
        else:
            found = self._latin_organ(text, toks, k, c, grammar)
            if found is not None:
                found = (found[0], _latin_purpose(text, toks, index_of_end(toks, k, c.end), grammar, self.m.any_heads)
                         or found[1], found[2])
        if found is None:
            return None
        a, b, key = found
        if a < prev_end or b > next_start:
            return None  # another mention stands in between: the organ belongs to that one, or to none
        if self._meeting_on_topic(text, toks, k, a, b, c, grammar):
            return None
        phrase = text[a:b]
        eid = ENTITY_PREFIX + "x-" + (slug(phrase) if grammar.capitalised else hashlib.sha256(key.encode()).hexdigest()[:12])
        return Candidate(a, b, eid, "orgs:organ-of", min(c.confidence, 0.8), (("entity_name", phrase),))

    def _meeting_on_topic(self, text: str, toks: list, k: int, a: int, b: int, c: Candidate, grammar: Grammar) -> bool:
        """``Conférence des Nations Unies sur l'eau``, ``مؤتمر الأمم المتحدة لتغير المناخ``: a meeting head over an
        organisation, then a topic, is a meeting (an event), not an organ of that organisation."""
        heads = grammar.extra.get("meeting_heads") or []
        if not heads:
            return False
        first = text[a:b].split()[0].casefold()
        if grammar.script == "arabic":
            return self.m.arabic.fold(first) in {self.m.arabic.fold(h) for h in heads} and b > c.end
        if first not in {h.casefold() for h in heads}:
            return False
        end = index_of_end(toks, k, c.end)
        topics = {t.casefold() for t in grammar.extra.get("topic_connectors") or []}
        return end is not None and end + 1 < len(toks) and toks[end + 1][2].casefold() in topics \
            and _gap(text, toks[end], toks[end + 1])

    def _latin_organ(self, text: str, toks: list, k: int, c: Candidate, grammar: Grammar) -> tuple | None:
        if toks[k][0] != c.start:
            return None
        def low(a: int, b: int) -> tuple[str, ...]:  # casefolded words a..b: only the window, never the sentence
            return tuple(t[2].casefold() for t in toks[max(a, 0) : b])

        conn = next((p for p in grammar.organ_connectors if k - len(p) >= 0 and low(k - len(p), k) == p), None)
        if conn is None or not all(_gap(text, toks[x], toks[x + 1]) for x in range(k - len(conn), k)):
            return None
        inner = {w for p in grammar.organ_connectors for w in p} | grammar.articles | grammar.coordinators
        kinds = {g.casefold() for g in self.m.heads.get(grammar.lang, {}).get("kind_modifiers", [])}
        x, content = k - len(conn) - 1, 0
        while content <= grammar.organ_max_modifiers and x >= k - len(conn) - 12:  # modifiers, not their connectors
            if x < 0 or not _gap(text, toks[x], toks[x + 1]):
                return None
            word = toks[x][2]
            glued = x > 0 and toks[x - 1][1] == toks[x][0] - 1 and text[toks[x][0] - 1] in "-‐"
            organ = any(low(x, x + len(h)) == h for h in grammar.organ_heads)
            lx = word.casefold()
            if word[:1].isupper() and not glued and (lx in self.m.any_heads or organ):
                return toks[x][0], c.end, ""
            if lx in kinds:
                return None  # "institution spécialisée des Nations Unies": a kind of body, not a named organ
            capital_ok = grammar.casing == "title" or lx in grammar.organ_inner_capitals
            if not (lx in inner or (word[:1].isupper() if capital_ok else word.islower())):
                return None
            content += lx not in inner
            x -= 1
        return None

    def _arabic_organ(self, text: str, toks: list, k: int, c: Candidate, grammar: Grammar) -> tuple | None:
        prefix = text[toks[k][0] : c.start]
        if prefix not in ("", grammar.purpose_prefix):
            return None  # "والبنك": a coordinated name, not a genitive
        ar = self.m.arabic
        bridge = self._organ_bridge(text, toks, k, grammar) if not prefix else None
        if bridge is not None:  # "مجلس الصحة لدول مجلس التعاون": the organ of the States of the organisation
            k, prefix = bridge
        heads = {h[0] for h in self.m.heads.get(grammar.lang, {}).get("_heads", []) if len(h) == 1}
        heads |= {ar.fold(h[0]) for h in grammar.organ_heads}
        stop = self._arabic_stop(grammar.lang)
        for x in range(k - 1, max(-1, k - 2 - grammar.organ_max_modifiers), -1):
            if not _gap(text, toks[x], toks[x + 1]) or ar.fold(toks[x][2]) in stop:
                return None
            art = ar.fold(ar.article)
            hit = next(((st, f) for st, f in ar.clitic_variants(toks[x][2])
                        if f in heads or (f.startswith(art) and f[len(art):] in heads)), None)
            if hit is None:
                continue
            if hit[1].startswith(art) and prefix != grammar.purpose_prefix:
                return None  # a definite head governs through ل ("المكتب التنفيذي للمنظمة"), never as a construct
            constructs = self._arabic_sets(grammar.lang).get("_instrument_constructs", ())
            if x + 1 < k and f"{hit[1]} {ar.fold(toks[x + 1][2])}" in constructs:
                return None  # "برنامج عمل منظمة التعاون الإسلامي": the organisation's programme of work, an instrument
            # between the organ head and its organisation: one construct genitive ("مجلس محافظي البنك") and
            # definite adjectives ("المكتب الإقليمي الفرعي للفاو"), nothing else ("المجلس علماً بمشاركة المنظمة")
            first = x + 1 if hit[1].startswith(art) else x + 2  # a definite head has no construct genitive
            if any(not toks[y][2].startswith(ar.article) or not toks[y][2].replace(TATWEEL, "").isalpha() for y in range(first, k)):
                return None  # "الجمعية الـ١٥٢ للاتحاد" is a numbered gathering, not an organ
            if first == x + 1 and not self._modifies(toks[x][2], toks[first:k], grammar):
                return None  # "المنظمة الدورات السنوية لمؤتمر ...": the head's object, not its adjectives
            if x + 1 == k and not hit[1].startswith(art):
                x, hit = self._outer_head(text, toks, x, hit, heads, stop)  # "مجلس إدارة الصندوق": the board
            b = self._purpose_complement(text, toks, index_of_end(toks, k, c.end), grammar, stop)
            key = " ".join([hit[1]] + [ar.fold(t[2]) for t in toks[x + 1 : k]] + [c.entity_id, ar.fold(text[c.end : b])])
            return toks[x][0] + hit[0], b, key
        return None

    def _organ_bridge(self, text: str, toks: list, k: int, grammar: Grammar) -> tuple[int, str] | None:
        """(index, prefix) of a bridge word (``organ_bridges``: "دول", the States of) right before the organisation
        at token k, with its purpose prefix if any ("لدول"); None without one."""
        bridges = self._arabic_sets(grammar.lang).get("_bridges")
        if k == 0 or not bridges or not _gap(text, toks[k - 1], toks[k]):
            return None
        word, p = toks[k - 1][2], grammar.purpose_prefix
        if self.m.arabic.fold(word) in bridges:
            return k - 1, ""
        if p and word.startswith(p) and self.m.arabic.fold(word[len(p):]) in bridges:
            return k - 1, p
        return None

    def _modifies(self, head: str, words: list, grammar: Grammar) -> bool:
        """Whether the definite words after a definite head are all its adjectives: agreeing in gender and, after a
        masculine head, of an adjective's form."""
        return all(_agrees(head, w, grammar.feminine_suffix) for _, _, w in words) \
            and self._adjective_forms(words, head, grammar) == len(words)

    def _outer_head(self, text: str, toks: list, x: int, hit: tuple, heads: set, stop: set) -> tuple[int, tuple]:
        """An indefinite organ head governed by another one is the genitive of the outer organ: "مجلس إدارة
        صندوق النقد العربي" is the Board of Directors, not the management, of the Fund. Returns (index, hit)
        of the outer head, or the inner one unchanged."""
        ar = self.m.arabic
        if x == 0 or not _gap(text, toks[x - 1], toks[x]) or ar.fold(toks[x - 1][2]) in stop:
            return x, hit
        outer = next(((st, f) for st, f in ar.clitic_variants(toks[x - 1][2]) if f in heads), None)
        return (x - 1, outer) if outer is not None else (x, hit)

    def _purpose_complement(self, text: str, toks: list, j: int | None, grammar: Grammar, stop: set) -> int:
        """End of a ل complement after the organisation ("للمغرب العربي", "لشمال أفريقيا"), else of the name."""
        if j is None:
            return toks[-1][1]
        end = toks[j][1]
        p, art = grammar.purpose_prefix, self.m.arabic.article
        x = j + 1
        if not p or x >= len(toks) or not toks[x][2].startswith(p) or self.m.arabic.fold(toks[x][2]) in stop \
                or not _gap(text, toks[j], toks[x]) or len(toks[x][2]) < 3:
            return end
        end = toks[x][1]
        definite = toks[x][2].startswith(self.m.arabic.lam_article)
        x += 1
        if not definite and x < len(toks) and _gap(text, toks[x - 1], toks[x]) and self.m.arabic.fold(toks[x][2]) not in stop:
            end, x = toks[x][1], x + 1  # the construct's genitive ("لشمال أفريقيا")
            if not toks[x - 1][2].startswith(art):
                return end  # an indefinite genitive (a proper name) takes no definite adjective after it
        while x < len(toks) and toks[x][2].startswith(art) and _gap(text, toks[x - 1], toks[x]) and x < j + 5 \
                and self.m.arabic.fold(toks[x][2]) not in stop:
            end, x = toks[x][1], x + 1
        regions = self._arabic_sets(grammar.lang).get("_regions", ())
        if x + 1 < len(toks) and toks[x][2][:1] == "و" and self.m.arabic.fold(toks[x][2][1:]) in regions \
                and _gap(text, toks[x - 1], toks[x]) and _gap(text, toks[x], toks[x + 1]):
            end = toks[x + 1][1]  # "للشرق الأوسط وشمال أفريقيا": a second region coordinated with the first
        return end

    def _arabic_stop(self, lang: str) -> set:
        spec = self.m.heads.get(lang, {})
        if "_stop" not in spec:
            spec["_stop"] = {self.m.arabic.fold(w) for w in spec.get("stop_words", [])}
        return spec["_stop"]

    def _acronyms_in_text(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """``Name (ACR)``: ACR is an alias of Name's entity in this document; unknown ACRs become entities."""
        aliases: dict[str, tuple[str, tuple]] = {}
        taken = Intervals((c.start, c.end) for c in chosen)
        new: list[Candidate] = []
        for c in chosen:
            m = PAREN_ACRONYM.match(text, c.end, c.end + 20)
            # an acronym right after another acronym ("ASEAN-UNDP (AUPF)") names something else
            if m and c.extractor != "orgs:kb-acronym" and _acronym_form(m.group(1)) and m.group(1) not in self.non_org:
                attrs = c.attrs
                if c.entity_id.startswith(ENTITY_PREFIX + "x-"):
                    attrs = tuple((k, v) for k, v in attrs if k != "entity_acronym") + (("entity_acronym", m.group(1)),)
                aliases.setdefault(m.group(1), (c.entity_id, attrs))
        if self.params.unknown_acronyms:
            words = shared_tokens(doc)
            for si, sent in doc.content_sentences():
                for m in PAREN_ACRONYM.finditer(text[sent.start : sent.end]):
                    acr = m.group(1)
                    if acr in aliases or acr in self.non_org or not _acronym_form(acr) or ROMAN.match(acr):
                        continue  # a Roman numeral is a session number ("résolution 3346 (XXIX)")
                    if _walk_exact(self.m.acronyms.root, acr):
                        continue
                    # what the acronym abbreviates must read as an organisation: a head word among the words
                    # before the parenthesis ("Tiểu ban về Thủ tục Hải quan (SCCP)"), not a meeting, a programme
                    # area or a dateline ("Cuộc họp các quan chức cao cấp (SOM)", "toán học (STEM)", "(TTXVN)")
                    if not self._org_head_before(text, words.view(si, self.m.arabic), sent.start + m.start()):
                        continue
                    aliases[acr] = (ENTITY_PREFIX + "x-" + slug(acr), (("entity_name", acr), ("entity_acronym", acr)))
        if not aliases:
            return chosen
        pattern = re.compile(r"(?<![\w-])" + CLITIC_BEFORE + "(" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")(?![\w])")
        starts = [c.start for c in chosen]
        glued: set[int] = set()  # ids of acronym parts inside a defined compound ("UNESCO" in "IOC-UNESCO")
        for _, sent in doc.content_sentences():
            for m in pattern.finditer(text, sent.start, sent.end):
                a, b = m.start(1), m.end(1)
                # "IOC-UNESCO" replaces the UNESCO inside it; "AIPA-44" (a numbered session) does not
                inner = _glued_parts(chosen, starts, a, b) if re.search(r"-[A-Z]", m.group(1)) else []
                if inner:
                    glued.update(id(c) for c in inner)
                elif taken.overlaps(a, b):
                    continue
                eid, attrs = aliases[m.group(1)]
                new.append(Candidate(a, b, eid, "orgs:acronym-in-text", 0.8, attrs))
                taken.add(a, b)
        return sorted([c for c in chosen if id(c) not in glued] + new, key=lambda c: c.start)

    def _repeated_long_forms(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """A name learnt from its acronym definition ("l'Autorité du bassin du Niger (ABN)") is the same
        organisation wherever the document writes it again, before or after the definition, even where no
        parenthesis follows (one name, one referent per document). One regex pass over the content sentences."""
        names = {text[c.start : c.end]: c for c in chosen
                 if c.extractor == "orgs:acronym-long-form" and c.entity_id.startswith(ENTITY_PREFIX + "x-")}
        if not names:
            return chosen
        taken = Intervals((c.start, c.end) for c in chosen)
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
        new = []
        for _, sent in doc.content_sentences():
            for m in pattern.finditer(text, sent.start, sent.end):
                if taken.overlaps(m.start(), m.end()):
                    continue
                ref = names[m.group(1)]
                new.append(Candidate(m.start(), m.end(), ref.entity_id, "orgs:acronym-long-form", 0.85, ref.attrs))
                taken.add(m.start(), m.end())
        return sorted(chosen + new, key=lambda c: c.start) if new else chosen

    def _org_head_before(self, text: str, view: SentenceView, offset: int, window: int = 16) -> bool:
        """Whether an organisation head word of any language (pages mix languages) stands among the ``window``
        words before ``offset`` in this sentence, after the last comma or semicolon."""
        k = bisect.bisect_left(view.starts, offset)
        lo = max(0, k - window)
        for x in range(k - 1, lo - 1, -1):
            if x + 1 < len(view.toks) and any(ch in ",;:" for ch in text[view.toks[x][1] : view.toks[x + 1][0]]):
                break
            if not view.arabic[x] and not view.toks[x][2][:1].isupper():
                continue  # a lowercase Latin head is a common noun ("le programme sur la sécurité alimentaire")
            if any((f,) in self.m.head_phrases for _, f in view.variants[x]):
                return True
            if any(tuple(view.folded[x : x + n]) in self.m.head_phrases for n in (2, 3) if x + n <= k):
                return True
        return False

    def _short_forms(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """An anaphor (الرابطة, the Association) links to its organisation only after that one was named."""
        if not self.m.short_forms.root:
            return chosen
        taken = Intervals((c.start, c.end) for c in chosen)
        last: LastBefore[Candidate] = LastBefore()
        for c in chosen:
            last.add(c.entity_id, c.start, c.end, c)
        out = list(chosen)
        words = shared_tokens(doc)
        for si, _ in doc.content_sentences():
            view = words.view(si, self.m.arabic)
            for i in starts_in(self.m.short_forms.root, view):
                hits = matches_in(self.m.short_forms.root, view, i)
                if not hits:
                    continue
                strip, end_i, ids = hits[-1]
                toks = view.toks  # built only for a sentence with a short form
                start = toks[i][0] + strip
                if not view.arabic[i]:
                    # Latin short forms are written with their article ("the Association", "l'Union"): the
                    # mention is the noun, which must be capitalised to be a name
                    if end_i == i or not toks[i + 1][2][:1].isupper():
                        continue
                    start = toks[i + 1][0]
                end = toks[end_i][1]
                if taken.overlaps(start, end) or _numbered(toks, end_i, view.gaps, self.m.arabic.article):
                    continue
                if view.arabic[i] and strip == 0 and i > 0 and view.gaps[i - 1] \
                        and self._adjective_slot(toks[i - 1][2], doc.lang or ""):
                    continue  # "الجريمة المنظمة": after a definite noun the word is its adjective (organised crime)
                ref = _latest(last, ids, start)
                if ref is not None:
                    out.append(Candidate(start, end, ref.entity_id, "orgs:short-form", 0.75, ref.attrs))
                    last.add(ref.entity_id, start, end, out[-1])
                    taken.add(start, end)
        return sorted(out, key=lambda c: c.start)

    def _head_anaphors(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """"the Forum", "l'Organisation", "الإدارة": a head word with its article refers back to the most recent
        organisation named earlier in the document whose name has that head (models/<lang>/org_matching.yaml)."""
        lang = doc.lang or ""
        spec = self._anaphor_spec(lang)
        if spec is None:
            return chosen
        head_cache: dict[tuple[int, int], set[str]] = {}

        def heads_of(c: Candidate) -> set[str]:
            key = (c.start, c.end)
            if key not in head_cache:
                forms = [text[c.start : c.end]]
                rec = self.kb.by_entity_id(c.entity_id)
                if rec is not None:
                    forms += list(rec.names.get(lang, ()))
                head_cache[key] = {h for f in forms if (h := self._memo_head(f, lang, spec))}
                if spec.anaphors is not None:  # "المنظمة العربية": a name's head and adjectives begin it
                    head_cache[key] |= {PREFIX_KEY + " ".join(w[:n]) for f in forms
                                        for w in [self.m.arabic.fold(f).split()] for n in (2, 3) if len(w) > n}
            return head_cache[key]

        taken = Intervals((c.start, c.end) for c in chosen)
        starts = {c.start for c in chosen}
        connectors = self.grammar(lang).organ_connectors if spec.anaphors is None else ()
        out = list(chosen)
        index: LastBefore[Candidate] | None = None  # head -> mentions, built at the first anaphor
        words = shared_tokens(doc)
        for si, _ in doc.content_sentences():
            view = words.view(si, self.m.arabic)
            for i in spec.starts(view):
                hit = self._anaphor_at(text, view, i, spec)
                if hit is None or taken.overlaps(hit[0], hit[1]) or _governs(view, hit[1], connectors, starts):
                    continue
                if index is None:
                    index = LastBefore()
                    for c in out:
                        for h in heads_of(c):
                            index.add(h, c.start, c.end, c)
                found = index.get(PREFIX_KEY + self.m.arabic.fold(text[hit[0] : hit[1]]) if hit[3] else hit[2], hit[0])
                if found is not None:
                    ref = found[1]
                    out.append(Candidate(hit[0], hit[1], ref.entity_id, "orgs:head-anaphor", 0.7, ref.attrs))
                    taken.add(hit[0], hit[1])
                    for h in heads_of(out[-1]):
                        index.add(h, hit[0], hit[1], out[-1])
        return sorted(out, key=lambda c: c.start)

    def _memo_head(self, name: str, lang: str, spec: "_AnaphorSpec") -> str | None:
        """``_name_head`` of a name, once per process (it depends on the name and the language's spec only)."""
        key = (lang, name)
        if key not in self._heads:
            if len(self._heads) > 100_000:
                self._heads.clear()
            self._heads[key] = self._name_head(name, lang, spec.heads, spec.connectors)
        return self._heads[key]

    def _anaphor_spec(self, lang: str) -> "_AnaphorSpec | None":
        """``_make_anaphor_spec``, once per language and process: the spec depends on the language's resources
        only, and its word sets are the keys of the shared per-word memo (``text.tokens.starts_in``)."""
        if lang not in self._anaphor_specs:
            self._anaphor_specs[lang] = self._make_anaphor_spec(lang)
        return self._anaphor_specs[lang]

    def _make_anaphor_spec(self, lang: str) -> "_AnaphorSpec | None":
        """What makes a head anaphor in this language (models/<lang>/org_matching.yaml), or None if nothing can."""
        data = self.m.matching.get(lang, {})
        if self.grammar(lang).script == "arabic":
            fold = self.m.arabic.fold
            anaphors = {fold(self.m.arabic.article + h): fold(h) for h in data.get("anaphor_heads", [])}
            return _AnaphorSpec(anaphors=anaphors, stop=self._arabic_stop(lang), lang=lang,
                                feminine=self.grammar(lang).feminine_suffix,
                                purpose=self.grammar(lang).purpose_prefix) if anaphors else None
        articles = {a.casefold() for a in data.get("anaphor_articles", [])}
        spec = self.m.heads.get(lang, {})
        phrases = tuple(spec.get("_heads", []))
        bare = str(data.get("bare_anaphors", "none"))
        if not phrases or (not articles and bare == "none"):
            return None
        connectors = {c.casefold() for c in spec.get("connectors", [])}
        not_name = {w.casefold() for w in spec.get("not_name_words", [])}
        enders = {w.casefold() for w in spec.get("stop_words", [])} | {v.split()[0].casefold() for v in data.get("stop_verbs", [])}
        return _AnaphorSpec(articles=articles, heads={" ".join(h) for h in phrases}, connectors=connectors,
                            phrases=phrases, bare=bare, not_name=not_name, enders=enders)

    def _anaphor_at(self, text: str, view: SentenceView, i: int, spec: "_AnaphorSpec") -> tuple[int, int, str, bool] | None:
        """(start, end, head, with adjectives) of a head anaphor at token i, or None: "the Forum", "l'Organisation",
        and where the language allows it a capitalised head alone ("Forum Leaders met", "của Ủy hội trong"). With
        adjectives ("المنظمة العربية") the phrase must begin the name it refers to (_head_anaphors)."""
        toks = view.toks
        if spec.anaphors is not None:
            hit = next(((strip, spec.anaphors[f]) for strip, f in view.variants[i] if f in spec.anaphors), None)
            if hit is None:
                return None
            if hit[0] == 0 and i > 0 and view.gaps[i - 1] and self._adjective_slot(toks[i - 1][2], spec.lang):
                return None  # "الجريمة المنظمة": after a definite noun the word is its adjective (organised crime)
            # a definite adjective after it makes another noun phrase ("الإدارة الأمريكية"); a relative pronoun
            # or another stop word that happens to start with the article ("البنك التي"), or a definite word of
            # the other gender ("للمنظمة السيد", "للمنظمة المنعقد": it qualifies something else) does not
            # unless the head and its adjectives begin the name it refers to ("المنظمة الإسلامية" for the Islamic
            # Organization for Food Security): _head_anaphors checks that prefix
            joined = lambda x: bool(view.gaps[x])  # noqa: E731
            k = self._adjectives_end(toks, i, SHORT_FORM_ADJECTIVES, joined, spec.stop, spec.feminine)
            k = i + self._adjective_forms(toks[i + 1 : k + 1], toks[i][2], self.grammar(spec.lang))
            if k > i and _purpose_follows(toks, k, joined, spec.purpose):
                return None  # "الأمانة العامة للمنظمة": an organ of the organisation after it (_organ_compositions)
            return toks[i][0] + hit[0], toks[k][1], hit[1], k > i
        if view.folded[i] in spec.articles and view.gaps[i]:
            head = self._head_phrase_at(view, i + 1, spec)
        elif spec.bare != "none" and self._bare_position(text, view, i, spec):
            head = self._head_phrase_at(view, i, spec)
            if head is not None and not self._bare_head_ok(view, head[0], head[1], spec):
                head = None
        else:
            return None
        if head is None:
            return None
        # "the Commission on Human Rights" is another name, not an anaphor: the head detector took it (overlap
        # with a taken span); "the Forum Leaders" is the Forum
        first, n, key = head
        return toks[first][0], toks[first + n - 1][1], key, False

    def _adjective_slot(self, word: str, lang: str) -> bool:
        """A definite Arabic word that is no stop word ("التي", "المعني"): a noun a definite adjective may follow,
        so a definite word right after it qualifies it ("الجريمة المنظمة") rather than names an organisation."""
        ar = self.m.arabic
        return word.startswith(ar.article) and len(word) > len(ar.article) + 1 \
            and ar.fold(word) not in self._arabic_stop(lang)

    def _head_phrase_at(self, view: SentenceView, i: int, spec: "_AnaphorSpec") -> tuple[int, int, str] | None:
        """(index, length, head key) of the longest capitalised head phrase starting at token i."""
        toks, folded, gaps = view.toks, view.folded, view.gaps
        if i >= len(toks) or not toks[i][2][:1].isupper():
            return None
        for h in spec.firsts.get(folded[i], ()):  # longest first
            n = len(h)
            if tuple(folded[i : i + n]) == h and all(gaps[x] for x in range(i, i + n - 1)):
                return i, n, " ".join(h)
        return None

    @staticmethod
    def _bare_position(text: str, view: SentenceView, i: int, spec: "_AnaphorSpec") -> bool:
        """A head without an article names something only where it is not part of a longer capitalised phrase:
        after a lowercase word or punctuation, or at the start of the sentence if the language allows it."""
        if i == 0:
            return spec.bare == "anywhere"
        prev = view.toks[i - 1][2]
        punct = any(ch in ",;:()" for ch in text[view.toks[i - 1][1] : view.toks[i][0]])
        return not view.gaps[i - 1] or punct or not prev[:1].isupper() or prev.casefold() in spec.not_name \
            or (i == 1 and spec.bare == "anywhere")

    @staticmethod
    def _bare_head_ok(view: SentenceView, i: int, length: int, spec: "_AnaphorSpec") -> bool:
        """A bare head is not the plural or the first word of a generic phrase ("Commission's" passes, a head
        followed by a lowercase connector and a name, "Forum of ...", does not: that is a name the KB lacks)."""
        if spec.enders:
            m = i + length
            return m >= len(view.toks) or not view.gaps[m - 1] or view.folded[m] in spec.enders
        n = i + 1
        while n < len(view.toks) and n - i < 4 and view.toks[n][2][:1].isupper() and view.gaps[n - 1]:
            n += 1
        return not (n < len(view.toks) and view.gaps[n - 1] and view.folded[n] in (spec.connectors or set())
                    and n + 1 < len(view.toks) and view.toks[n + 1][2][:1].isupper())

    def _organs(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """An organ word next to a mention of its parent ("أمانة الرابطة", "الأمانة العامة للمنظمة", "وأمانة الآسيان")
        is the child organ the knowledge base lists for that parent (learned from the child's names)."""
        spans = self.m.organ_spans
        if not spans or not chosen:
            return chosen
        words = shared_tokens(doc)
        taken = Intervals((c.start, c.end) for c in chosen)
        out = []
        for c in chosen:
            lens = spans.get(c.entity_id)
            new = None
            if lens is not None:
                view = words.view(doc.sentence_index(c.start), self.m.arabic)
                new = self._organ_of(c, view, lens, taken)
            out.append(new or c)
        return out

    def _organ_of(self, c: Candidate, view: SentenceView, lens: tuple[set, set], taken: Intervals) -> Candidate | None:
        """The child organ around mention ``c`` of its parent: organ words before it, else after it."""
        toks, folded, gaps = view.toks, view.folded, view.gaps
        idx, end_idx = view.index_at(c.start), view.index_at(c.end - 1)
        if idx is None or end_idx is None:
            return None

        def free(a: int, b: int) -> bool:
            return all(span == (c.start, c.end) for span in taken.overlapping(a, b))

        for n in sorted(lens[0], reverse=True):  # organ words before the parent, longest first
            a = idx - n
            if a < 0 or not all(gaps[x] for x in range(a, idx)):
                continue
            rest = tuple(folded[a + 1 : idx])
            for strip, first in view.variants[a]:
                child = self.m.organs.get(("before", (first,) + rest), {}).get(c.entity_id)
                if child and free(toks[a][0] + strip, c.start):
                    return Candidate(toks[a][0] + strip, c.end, child, "orgs:organ", min(c.confidence, 0.9))
        for n in sorted(lens[1], reverse=True):  # after ("ASEAN Secretariat")
            b = end_idx + n
            if b >= len(toks) or not toks[b][2][:1].isupper() or not all(gaps[x] for x in range(end_idx, b)):
                continue
            child = self.m.organs.get(("after", tuple(folded[end_idx + 1 : b + 1])), {}).get(c.entity_id)
            if child and free(c.end, toks[b][1]):
                return Candidate(c.start, toks[b][1], child, "orgs:organ", min(c.confidence, 0.9))
        return None

    def _name_head(self, name: str, lang: str, heads: set | None, connectors: set | None) -> str | None:
        """The head of an organisation's name: Arabic, French and Vietnamese the head phrase it starts with
        (without the article: "Ủy hội sông Mê Công" -> "ủy hội"), English the last head word before the first
        lowercase connector ("Pacific Islands Forum" -> forum, "Department of Political ... Affairs" -> department)."""
        toks = TOKEN.findall(name)
        if not toks:
            return None
        if heads is None:
            first = self.m.arabic.fold(toks[0])
            art = self.m.arabic.fold(self.m.arabic.article)
            return first[len(art):] if first.startswith(art) else first
        grammar = self.grammar(lang)
        if grammar.head_position == "first":
            words = [t.casefold() for t in toks if t.casefold() not in grammar.articles]
            return next((key for n in range(min(4, len(words)), 0, -1) if (key := " ".join(words[:n])) in heads), None)
        head = None
        for t in toks:
            if t.islower() and t.casefold() in (connectors or set()):
                break
            if t.casefold() in heads:
                head = t.casefold()
        return head


def _numbered(toks: list, k: int, gaps: list[bool], article: str) -> bool:
    """A short form followed by a number is a numbered session of that body, not the body: "الجمعية الـ150
    للاتحاد", "الجمعية ١٥١" (the event stage reads it as a gathering)."""
    if k + 1 >= len(toks) or not gaps[k]:
        return False
    word = toks[k + 1][2]
    if article and word.startswith(article):
        word = word[len(article) :].lstrip(TATWEEL)
    return word.isdecimal()


def _purpose_follows(toks: list, k: int, joined, purpose: str) -> bool:
    """A ل complement right after token k: what comes before it is an organ of the organisation it names."""
    return bool(purpose) and k + 1 < len(toks) and joined(k) and toks[k + 1][2].startswith(purpose)


def _chain_end(text: str, toks: list, i: int, stop: set, article: str, fold) -> int | None:
    """Index of the last definite word of the construct chain an indefinite head opens ("وزارة المالية
    الإماراتية", "مجلس محافظي المصارف المركزية", "إدارة الشؤون الإنسانية"), or None.

    Arabic marks a name by definiteness, not capitals: the head itself has no article, at most CHAIN_INDEFINITE
    indefinite nouns follow it ("وزراء"), then one or more definite words (nouns and agreeing adjectives).
    """
    k, n = i + 1, len(toks)
    while k < n and k - i <= CHAIN_INDEFINITE and not fold(toks[k][2]).startswith(article) \
            and fold(toks[k][2]) not in stop and _gap(text, toks[k - 1], toks[k]):
        k += 1
    b = None
    while k < n and k - i <= CHAIN_MAX and fold(toks[k][2]).startswith(article) and fold(toks[k][2]) not in stop \
            and _gap(text, toks[k - 1], toks[k]):
        b, k = k, k + 1
    return b


def _trim_to_head(toks: list, i: int, b: int, heads: set, connectors: set) -> int:
    """Title-case names end at a head word unless a connector follows a head: "Pacific Islands Forum Fisheries
    Agency" and "Office for the Coordination of ..." are whole, "Forum Leaders" and "Security Council Hears
    Briefing on ..." (a heading) end at the head."""
    keep = i
    for x in range(i + 1, b + 1):
        word = toks[x][2].casefold()
        if word in connectors:
            return b if x == keep + 1 else keep
        if word in heads:
            keep = x
    return keep


def _glued_parts(chosen: list[Candidate], starts: list[int], start: int, end: int) -> list[Candidate]:
    """Knowledge-base acronyms strictly inside the compound at [start, end), when they are all it overlaps;
    else [] (the compound then competes like any other alias). ``starts`` are the sorted candidate starts."""
    k = bisect.bisect_left(starts, start)
    if k > 0 and chosen[k - 1].end > start:
        return []
    inner = []
    while k < len(chosen) and chosen[k].start < end:
        c = chosen[k]
        if c.end > end or c.extractor != "orgs:kb-acronym" or (c.start, c.end) == (start, end):
            return []
        inner.append(c)
        k += 1
    return inner


def _person_at(toks: list, low: list, k: int, surnames: set) -> bool:
    """True when token k opens a person's name: a listed family name followed by a capitalised given name
    ("... Quốc hội Vương Đình Huệ"). A name list is knowledge; a lone surname-like word is not enough."""
    return low[k] in surnames and _cap(toks[k][2]) and k + 1 < len(toks) and _cap(toks[k + 1][2])


def _possessive_forms(spec: dict, feminine: str, fold) -> dict[str, tuple[str, bool]]:
    """Folded "head + possessive suffix" -> (the head as written, whether it names a body alone). A feminine head's
    ta marbuta is written ت before a suffix ("منظمة" -> "منظمتنا")."""
    out: dict[str, tuple[str, bool]] = {}
    for head in spec.get("possessive_heads", []):
        stem = head[: -len(feminine)] + "ت" if feminine and head.endswith(feminine) else head
        for suffix, person in (spec.get("possessive_suffixes") or {}).items():
            out[fold(stem + suffix)] = (head, person in ("speaker", "addressee"))
    return out


def _agrees(noun: str, adjective: str, feminine: str) -> bool:
    """Whether two words agree in gender by their ending (always, where the grammar names no feminine ending)."""
    return not feminine or noun.endswith(feminine) == adjective.endswith(feminine)


def _lowercase_spec(data: dict | None) -> dict | None:
    """``lowercase_names`` of a language's org heads, with word lists as sets and suffixes as tuples."""
    if not data:
        return None
    sets = ("stop_words", "prepositions", "verb_objects", "instrument_nouns")
    out: dict = {key: {w.casefold() for w in data[key]} for key in sets}
    out.update({key: tuple(data[key]) for key in ("adjective_suffixes", "never_suffixes", "infinitive_suffixes")})
    out["max_words"] = int(data["max_words"])
    return out


def _bridges(toks: list, low: list, k: int, bridges: tuple[set, set, set], firsts: set) -> bool:
    """Does the stop syllable at k continue the name? A bridge ("về") before a capitalised syllable does; a
    coordinator ("và") only between words that open no other name (no head, no acronym, no person's title:
    ``bridges[2]``) and not after an acronym, which ends a name: "Bộ Giáo dục và Đào tạo", but "Bộ Giáo dục và
    Đào tạo và Bộ Y tế" and "Ban Thư ký MRC và Giám đốc" stop before "và"."""
    nxt = toks[k + 1][2]
    if not nxt[:1].isupper():
        return False
    if low[k] in bridges[0]:
        return True
    prev = toks[k - 1][2]
    return low[k] in bridges[1] and low[k + 1] not in firsts and low[k + 1] not in bridges[2] \
        and not (len(nxt) > 1 and nxt.isupper()) and not (len(prev) > 1 and prev.isupper())


def _lower_name_word(toks: list, head: int, j: int, k: int, w: "_LatinWords") -> bool:
    """In a language that writes names in sentence case, a lower-case word goes on a capitalised head's name:
    an adjective right after a name word ("Secrétariat exécutif", "Comité mixte"), or a noun after a preposition
    or a coordinated one ("Conseil des ministres", "Département des pêches et de l'aquaculture"). Never a verb
    (an "adjective" before its object's determiner: "Comité tient ses"), an infinitive ("Office de continuer"),
    an adverb or a stop word; a plan's noun ("Programme d'action") makes the phrase an instrument, no name; at
    most a few lower-case words (models/<lang>/org_heads.yaml, ``lowercase_names``)."""
    lower = w.lower
    if lower is None or not toks[k][2][:1].islower():
        return False
    word = toks[k][2].casefold()
    if word in lower["stop_words"] or word in w.connectors or word.endswith(lower["never_suffixes"]):
        return False
    if sum(1 for x in range(head + 1, k) if toks[x][2][:1].islower() and toks[x][2].casefold() not in w.connectors) >= lower["max_words"]:
        return False
    if k == j:
        nxt = toks[k + 1][2].casefold() if k + 1 < len(toks) else ""
        return word.endswith(lower["adjective_suffixes"]) and nxt not in lower["verb_objects"]
    if word in lower["instrument_nouns"] or word.endswith(lower["infinitive_suffixes"]):
        return False
    first = toks[j][2].casefold()
    # a coordinated complement goes on only inside a lower-case one: "des pêches et de l'aquaculture", not
    # "de l'OMS pour l'Afrique et des représentants"
    return first in lower["prepositions"] or (first in w.coordinators and k > j + 1 and toks[j - 1][2][:1].islower())


@dataclass(frozen=True)
class _SyllabicWords:
    """Word classes of one syllabic-script language's organisation names (org_heads.yaml, org_matching.yaml)."""

    stop: frozenset
    bridges: tuple
    located: frozenset  # heads that name their seat ("Văn phòng ... tại Việt Nam")
    located_bridges: tuple
    max_len: int
    verbs: frozenset
    verb_firsts: frozenset
    venues: frozenset
    sessions: frozenset
    surnames: frozenset
    firsts: frozenset


def _syllabic_end(text: str, toks: list, low: list, i: int, j: int, w: _SyllabicWords, bridges: tuple) -> int | None:
    """Index of the last token of the name whose head ends before token j; None when a numbered session marker
    follows (the phrase names an event). A comma or a quote, a person, a lower-case predicate verb or a stop word
    that bridges nothing ends the name."""
    gap = lambda x, y: not text[x[1] : y[0]].strip(" -–")  # noqa: E731
    n, b, k = len(toks), j, j + 1
    while k < n and k - i < w.max_len and gap(toks[k - 1], toks[k]):
        word = low[k]
        if any(tuple(low[k : k + len(m)]) == m for m in w.sessions):
            return None
        if _person_at(toks, low, k, w.surnames):
            break
        if word in w.verb_firsts and toks[k][2] == word and any(tuple(low[k : k + len(v)]) == v for v in w.verbs):
            break  # a lowercase predicate verb: the name ended before it
        if word in w.stop and not (k + 1 < n and gap(toks[k], toks[k + 1]) and _bridges(toks, low, k, bridges, w.firsts)):
            break
        b, k = k, k + 1
    return b


@dataclass(frozen=True)
class _LatinWords:
    """Word classes of one Latin-script language's organisation names (models/<lang>/org_heads.yaml)."""

    heads: set
    connectors: set
    coord_after: set
    coordinators: set
    not_name: set
    instrument: set
    generic: set
    locative: set
    articles: set
    lower: dict | None  # sentence-case languages: lower-case words that go on a name (``lowercase_names``)
    title: bool  # names capitalise every content word


def _name_gap(text: str, x: tuple, y: tuple) -> bool:
    """Only spaces, hyphens, apostrophes or "&" between two tokens of a name: no comma inside a name."""
    return bool(NAME_GAP.match(text[x[1] : y[0]]))


def _latin_right(text: str, toks: list, i: int, a: int, w: _LatinWords) -> int:
    """Index of the last token of the name whose head is token i: (connectors* name word)+ to the right."""
    b, j, n = i, i + 1, len(toks)
    while j < n:
        k = j
        seen = {t[2].casefold() for t in toks[a:j]}
        if b == i and toks[j][2].casefold() in w.locative:
            break  # "Commission à Libreville", "Secrétariat en Commission": a place or role, not a complement
        while k < n and toks[k][2].casefold() in w.connectors and _name_gap(text, toks[k - 1], toks[k]):
            if toks[k][2].casefold() in w.coordinators and not (seen & w.coord_after):
                break
            if toks[k - 1][2].casefold() in w.coordinators and toks[k][2].casefold() in w.articles \
                    and (w.lower is None or (k + 1 < n and _cap(toks[k + 1][2]))):
                break  # "... Bank and the League of Arab States": two names
            seen.add(toks[k][2].casefold())
            k += 1
        if k >= n or (k > j and toks[k - 1][2].casefold() in w.coordinators and not (seen & w.coord_after)):
            break
        if k > j and toks[k - 1][2].casefold() in w.articles and _cap(toks[k][2]) and any(
                toks[x][2].casefold() in w.coordinators for x in range(j, k)):
            break  # "... Bank and the League of Arab States": two names ("et de l'aquaculture" goes on)
        if w.lower is not None and SPACED_DASH.search(text, toks[k - 1][1], toks[k][0]):
            break  # "Autorité du bassin du Niger – Extrait du rapport": a spaced dash is punctuation
        if not _name_gap(text, toks[k - 1], toks[k]) or toks[k][2] in w.not_name:
            break
        if k > j and toks[k][2].casefold() in w.heads and not _cap(toks[k][2]):
            break  # "... des affaires et le secrétariat de la Commission": another body's noun phrase
        # "le 23" and "pour 2023" after a name are dates
        date_like = toks[k][2].isdigit() and (toks[k - 1][2].casefold() in w.articles or (k > j and YEAR.fullmatch(toks[k][2])))
        if not ((_cap(toks[k][2]) and not date_like) or _lower_name_word(toks, i, j, k, w)):
            break
        b, j = k, k + 1
    return b


def _extended_to_known(text: str, h: Candidate, spans: list[tuple[int, int]]) -> Candidate | None:
    """The head phrase ``h`` against the knowledge-base names starting inside it (spans: sorted (start, end)):
    one it stops inside ends it ("Comité consultatif permanent des Nations [unies]"); one glued to a clitic that
    ends with it is coordinated with the head ("المصرف ومؤتمر الأمم المتحدة للتجارة والتنمية"): two names, no
    phrase."""
    if h.extractor != "orgs:heads" or not h.entity_id.startswith(ENTITY_PREFIX + "x-"):
        return h
    i = bisect.bisect_right(spans, (h.start, len(text)))
    while i < len(spans) and spans[i][0] < h.end:
        start, end = spans[i]
        glued = is_arabic(text[start - 1])
        if end > h.end and not glued:
            phrase = text[h.start : end]
            return Candidate(h.start, end, ENTITY_PREFIX + "x-" + slug(phrase), h.extractor, h.confidence,
                             (("entity_name", phrase),))
        if end == h.end and glued:
            return None
        i += 1
    return h


def _acronym_form(word: str) -> bool:
    """A Latin acronym ("AGFUND", "IGAD-RCP") or one Arabic word written as an acronym ("أجفند")."""
    return bool(ACRONYM.match(word) or ARABIC_ACRONYM.match(word))


def _cap(token: str) -> bool:
    return token[:1].isupper() or token.isdigit()


_gap = gap_ok


def _governs(view: SentenceView, end: int, connectors: tuple, starts: set) -> bool:
    """Whether the head ending at ``end`` governs the organisation named right after it through an organ
    connector ("la Commission de la CEMAC"): an organ's name for organ composition, not an anaphor."""
    j = view.index_at(end - 1) if connectors else None
    if j is None:
        return False
    for conn in connectors:
        n = j + 1 + len(conn)
        if n < len(view.toks) and tuple(view.folded[j + 1 : n]) == conn and view.toks[n][0] in starts \
                and all(view.gaps[x] for x in range(j, n)):
            return True
    return False


def _latin_purpose(text: str, toks: list, j: int | None, grammar: Grammar, heads: set) -> int | None:
    """End of a purpose complement after an organ's organisation ("Bureau sous-régional de la FAO pour l'Afrique
    de l'Ouest et du Centre"): a purpose connector, articles, then capitalised place words joined by connectors,
    place adjectives ("centrale") and, after a coordinator, anything but another organisation's head ("et de
    l'Agence ..." starts a new name). None when there is none."""
    if j is None or not grammar.purpose_openers:
        return None
    joins, adjectives = grammar.purpose_connectors, grammar.place_adjectives
    x, end, after_coord = j + 1, None, False
    if x >= len(toks) or toks[x][2].casefold() not in grammar.purpose_openers or not _gap(text, toks[j], toks[x]):
        return None
    x += 1
    while x < len(toks) and _gap(text, toks[x - 1], toks[x]):
        low = toks[x][2].casefold()
        if toks[x][2][:1].isupper():
            if after_coord and low in heads and low not in adjectives:
                break
            end, after_coord = toks[x][1], False
        elif low in adjectives and end is not None:
            end = toks[x][1]
        elif low in grammar.coordinators:
            after_coord = True
        elif low not in joins and low not in grammar.articles:
            break
        x += 1
    return end


def _walk_ids(root: dict, acr: str) -> list[str]:
    node = root
    for t in TOKEN.findall(acr):
        node = node.get(t)
        if node is None:
            return []
    return list(node.get("$", []))


def index_of_end(toks: list, k: int, end: int) -> int | None:
    """Index of the token ending at ``end``, walking from token k (a mention's few tokens, not the sentence)."""
    while k < len(toks) and toks[k][1] < end:
        k += 1
    return k if k < len(toks) and toks[k][1] == end else None


class _SentenceTokens:
    """Tokens of the sentence holding an offset, from the document's shared tokens, found by bisect."""

    def __init__(self, doc: Document, arabic: ArabicFolder) -> None:
        self.doc, self.words, self.arabic = doc, shared_tokens(doc), arabic

    def at(self, offset: int) -> tuple[list, int | None]:
        view = self.words.view(self.doc.sentence_index(offset), self.arabic)
        return view.toks, view.index_at(offset)


def _walk_exact(root: dict, acr: str) -> bool:
    toks = TOKEN.findall(acr)
    node = root
    for t in toks:
        node = node.get(t)
        if node is None:
            return False
    return "$" in node


def _add_free(chosen: list[Candidate], extra: list[Candidate]) -> list[Candidate]:
    """``chosen`` plus the ``extra`` candidates that overlap none of them, in text order."""
    taken = Intervals([(c.start, c.end) for c in chosen])
    free = [c for c in extra if not taken.overlaps(c.start, c.end)]
    return sorted(chosen + free, key=lambda c: c.start) if free else chosen


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Longest match wins; among equal spans, the most confident; no overlaps."""
    chosen: list[Candidate] = []
    taken = Intervals()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.confidence, c.start, c.entity_id)):
        if not taken.overlaps(c.start, c.end):
            chosen.append(c)
            taken.add(c.start, c.end)
    return chosen


def _latest(last: "LastBefore[Candidate]", keys: list[str], offset: int) -> Candidate | None:
    """The candidate with the greatest start, among those of any of ``keys`` ending at or before ``offset``."""
    best = None
    for key in keys:
        hit = last.get(key, offset)
        if hit is not None and (best is None or hit[0] > best[0]):
            best = hit
    return best[1] if best else None
