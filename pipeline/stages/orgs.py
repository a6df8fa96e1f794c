"""Organisations: knowledge-base names and acronyms, head-word phrases, in-text acronyms, short forms.

Matching runs over word tokens of each content sentence with a longest-match trie built once per process
from every language's names (pages mix languages: English acronyms in Arabic text). Names are folded for
lookup (case; Arabic hamza/ta marbuta/alif maqsura, tatweel, harakat) and Arabic attached clitics are
stripped from the first token, so a mention's offsets cover the name only. Acronyms match case-sensitively.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.document import ORG, Document, Mention
from pipeline.knowledge.kb import ENTITY_PREFIX, KnowledgeBase
from pipeline.registry import register
from pipeline.knowledge.resources import Resources
from pipeline.text.matching import TOKEN, Trie, fold_token, gap_ok, matches_at, tokens, walk
from pipeline.text.normalise import ArabicFolder, fold_latin, is_arabic

# What may stand between two words of a capitalised name: spaces, hyphens, apostrophes, "&" (not a comma,
# not a line break: "the Islamic Development Bank, the League of Arab States" is two names).
NAME_GAP = re.compile(r"^[ \t\u00a0\-–'’&]*$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9](?:-[A-Z0-9]+)?$")


@dataclass
class OrgParams:
    min_acronym_length: int = 2
    # Parenthesised all-capital tokens that are not organisations.
    non_org_acronyms: list[str] = field(default_factory=lambda: [
        "SDG", "SDGs", "MDG", "MDGs", "HIV", "AIDS", "GDP", "COVID", "ICT", "CEO", "USD", "EUR", "UNCLOS", "MOU", "MoU",
        "PDF", "NGO", "NGOs", "SME", "SMEs", "LDC", "LDCs", "SIDS", "FTA", "TAC", "CBD", "CEDAW", "CRC", "AURED"])
    head_detector: bool = True
    unknown_acronyms: bool = True


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
    short_form_langs_latin: set
    arabic: ArabicFolder
    heads: dict[str, dict[str, Any]]
    matching: dict[str, dict[str, Any]] = field(default_factory=dict)  # models/<lang>/org_matching.yaml
    # organ words around a parent's name, learned from the KB's child records ("أمانة" + الآسيان = ASEAN
    # Secretariat): (position, folded organ tokens) -> {parent entity id: child entity id}
    organs: dict[tuple[str, tuple[str, ...]], dict[str, str]] = field(default_factory=dict)
    # parent entity id -> (organ lengths before, organ lengths after), to try only what can match
    organ_spans: dict[str, tuple[set, set]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for (where, words), parents in self.organs.items():
            for parent in parents:
                self.organ_spans.setdefault(parent, (set(), set()))[where == "after"].add(len(words))

    @classmethod
    def build(cls, resources: Resources) -> "OrgMatcher":
        def make() -> "OrgMatcher":
            kb = KnowledgeBase.load(resources)
            arabic = ArabicFolder(resources.yaml("ar/normalise.yaml"))
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
                heads[lang] = spec
            return cls(names, acronyms, short, set(), arabic, heads, matching, _learn_organs(kb, arabic, articles))

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

    # -- per document -------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        text = doc.text
        chosen: list[Candidate] = []
        for _, sent in doc.content_sentences():
            toks = tokens(text, sent.start, sent.end)
            cands = self._kb_candidates(text, toks) + self._kb_candidates_around_parentheses(text, sent.start, sent.end)
            if self.params.head_detector:
                cands += self._kb_wins(text, toks, cands, self._head_candidates(text, toks, doc.lang))
            chosen.extend(_resolve(cands))
        chosen.sort(key=lambda c: c.start)
        chosen = self._acronyms_in_text(text, doc, chosen)
        chosen = self._short_forms(text, doc, chosen)
        chosen = self._head_anaphors(text, doc, chosen)
        chosen = self._organs(text, doc, chosen)
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

    def _kb_candidates(self, text: str, toks: list) -> list[Candidate]:
        out = []
        for i, (s, e, t) in enumerate(toks):
            for strip, end_i, ids in matches_at(self.m.names, toks, i, text, self.m.arabic):
                out.append(Candidate(s + strip, toks[end_i][1], ids[0], "orgs:kb", 1.0 if strip == 0 else 0.98))
            # acronyms: exact case, whole tokens only
            for end_i, ids in walk(self.m.acronyms.root, t, toks, i, text, lambda x: x):
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
        toks = tokens(masked_text, 0, len(masked_text))
        out = []
        for i, (s, e, t) in enumerate(toks):
            for strip, end_i, ids in matches_at(self.m.names, toks, i, masked_text, self.m.arabic):
                a, b = s + strip, toks[end_i][1]
                if any(a < ga and gb < b for ga, gb in groups):
                    out.append(Candidate(start + a, start + b, ids[0], "orgs:kb", 1.0 if strip == 0 else 0.98))
        return out

    @staticmethod
    def _kb_wins(text: str, toks: list, kb: list[Candidate], heads: list[Candidate]) -> list[Candidate]:
        """A head-word phrase that only extends a knowledge-base name with uncapitalised words ("Ngân hàng Phát
        triển châu Á tham dự", any Arabic extension) is the knowledge-base name: drop the phrase."""
        kb_ends: dict[int, int] = {}
        for c in kb:
            if c.extractor == "orgs:kb":
                kb_ends[c.start] = max(kb_ends.get(c.start, 0), c.end)
        out = []
        for h in heads:
            end = kb_ends.get(h.start)
            if end is not None and end < h.end:
                extra = [t for s, e, t in toks if s >= end and e <= h.end]
                if not any(t[:1].isupper() for t in extra):
                    continue
            out.append(h)
        return out

    def _head_candidates(self, text: str, toks: list, lang: str | None) -> list[Candidate]:
        spec = self.m.heads.get(lang or "")
        if not spec:
            return []
        kind = "arabic" if lang == "ar" else ("syllabic" if "max_syllables" in spec else "latin")
        return getattr(self, f"_heads_{kind}")(text, toks, spec)

    def _heads_latin(self, text: str, toks: list, spec: dict) -> list[Candidate]:
        heads = {h[0] for h in spec["_heads"] if len(h) == 1}
        connectors = {c.casefold() for c in spec.get("connectors", [])}
        coord_after = {c.casefold() for c in spec.get("coordination_after", [])}
        coordinators = {"and", "&", "et", "và", "و"}
        not_name = set(spec.get("not_name_words", []))
        instrument = set(spec.get("instrument_words", []))
        generic = {g.casefold() for g in spec.get("generic_modifiers", [])}
        articles = {x.casefold() for x in self.m.matching.get(spec.get("_lang", ""), {}).get("articles", [])}
        _gap = lambda text, x, y: bool(NAME_GAP.match(text[x[1] : y[0]]))  # noqa: E731  (no comma inside a name)
        out = []
        n = len(toks)
        for i, (s, e, t) in enumerate(toks):
            if t.casefold() not in heads or not t[:1].isupper():
                continue
            # left: capitalised words directly before the head
            a = i
            while a - 1 >= 0 and _cap(toks[a - 1][2]) and toks[a - 1][2] not in not_name and _gap(text, toks[a - 1], toks[a]):
                a -= 1
            # right: (connectors* capitalised)+
            b = i
            j = i + 1
            while j < n:
                k = j
                seen = {t[2].casefold() for t in toks[a : j]}
                while k < n and toks[k][2].casefold() in connectors and _gap(text, toks[k - 1], toks[k]):
                    if toks[k][2].casefold() in coordinators and not (seen & coord_after):
                        break
                    if toks[k - 1][2].casefold() in coordinators and toks[k][2].casefold() in articles:
                        break  # "... Bank and the League of Arab States": two names
                    seen.add(toks[k][2].casefold())
                    k += 1
                if k < n and k > j and toks[k - 1][2].casefold() in coordinators and not (seen & coord_after):
                    break
                if k < n and k > j and toks[k - 1][2].casefold() in articles and any(
                        toks[x][2].casefold() in coordinators for x in range(j, k)):
                    break
                if k < n and _cap(toks[k][2]) and _gap(text, toks[k - 1], toks[k]) and toks[k][2] not in not_name:
                    b = k
                    j = k + 1
                else:
                    break
            if b == a:
                continue  # a lone head word ("Commission") is not a name
            if any(toks[x][2] in instrument for x in range(i + 1, min(n, b + 2))):
                continue  # "ASEAN Community Vision 2025" is an instrument, not an organisation
            phrase = text[toks[a][0] : toks[b][1]]
            # "Regional Agency for Agriculture and Food" is a name; a sentence- or heading-initial capital on a
            # generic word ("Regional Forum opens", "Several Commission members") is not one
            if a == 0 and toks[a][2].casefold() in generic:
                continue
            out.append(Candidate(toks[a][0], toks[b][1], ENTITY_PREFIX + "x-" + slug(phrase), "orgs:heads", 0.7,
                                 (("entity_name", phrase),)))
        return out

    def _heads_syllabic(self, text: str, toks: list, spec: dict) -> list[Candidate]:
        stop = {w.casefold() for w in spec.get("stop_words", [])}
        bridges = {w.casefold() for w in self.m.matching.get(spec.get("_lang", ""), {}).get("bridge_words", [])}
        max_len = int(self.m.matching.get(spec.get("_lang", ""), {}).get("max_syllables", spec.get("max_syllables", 10)))
        gap = lambda x, y: not text[x[1] : y[0]].strip(" -–")  # noqa: E731  (a comma or a quote ends the name)
        verbs = {tuple(v.split()) for v in self.m.matching.get(spec.get("_lang", ""), {}).get("stop_verbs", [])}
        verb_firsts = {v[0] for v in verbs}
        out = []
        n = len(toks)
        low = [t[2].casefold() for t in toks]  # noqa: E741
        firsts = spec.get("_firsts")
        if firsts is None:
            firsts = spec["_firsts"] = {h[0] for h in spec["_heads"]}
        for i in range(n):
            if low[i] not in firsts or not toks[i][2][:1].isupper():
                continue
            for head in spec["_heads"]:
                if i + len(head) > n or tuple(low[i : i + len(head)]) != head:
                    continue
                j = i + len(head)
                if j >= n or not _cap(toks[j][2]) or not _gap(text, toks[j - 1], toks[j]):
                    continue
                b = j
                k = j + 1
                while k < n and k - i < max_len and gap(toks[k - 1], toks[k]):
                    word = low[k]
                    if word in verb_firsts and toks[k][2] == word and any(tuple(low[k : k + len(v)]) == v for v in verbs):
                        break  # a lowercase predicate verb: the name ended before it
                    if word in stop and not (word in bridges and k + 1 < n and toks[k + 1][2][:1].isupper()
                                            and gap(toks[k], toks[k + 1])):
                        break
                    b = k
                    k += 1
                phrase = text[toks[i][0] : toks[b][1]]
                out.append(Candidate(toks[i][0], toks[b][1], ENTITY_PREFIX + "x-" + slug(phrase), "orgs:heads", 0.65,
                                     (("entity_name", phrase),)))
                break
        return out

    def _heads_arabic(self, text: str, toks: list, spec: dict) -> list[Candidate]:
        fold = lambda x: self.m.arabic.fold(x)  # noqa: E731
        heads = {h[0] for h in spec["_heads"] if len(h) == 1}
        stop = {fold(w) for w in spec.get("stop_words", [])}
        nisba = {fold(w) for w in spec.get("nisba", [])}
        out = []
        n = len(toks)
        for i, (s, e, t) in enumerate(toks):
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
                after = text[toks[b][1] : toks[b][1] + 16]
                m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9-]{1,11})\s*\)", after)
                ok = bool(m) and m.group(1) not in self.non_org
                # (b) definite head + nisba adjective + purpose complement
                if not ok and first.startswith("ال") and i + 2 < n and fold(toks[i + 1][2]) in nisba and toks[i + 2][2].startswith("ل"):
                    ok = True
                    b = min(b, i + 3) if i + 3 < n and fold(toks[i + 3][2]) not in stop and toks[i + 3][2].startswith("ال") else i + 2
                if ok:
                    phrase = text[s + strip : toks[b][1]]
                    # an Arabic name has no Latin slug: its acronym gives the id, else a hash of the folded name
                    key = slug(m.group(1)) if m else slug(self.m.arabic.fold(phrase))
                    out.append(Candidate(s + strip, toks[b][1], ENTITY_PREFIX + "x-" + key, "orgs:heads", 0.65,
                                         (("entity_name", phrase), ("entity_acronym", m.group(1) if m else None))))
                break
        return out

    def _acronyms_in_text(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """``Name (ACR)``: ACR is an alias of Name's entity in this document; unknown ACRs become entities."""
        aliases: dict[str, tuple[str, tuple]] = {}
        taken = [(c.start, c.end) for c in chosen]
        new: list[Candidate] = []
        for c in chosen:
            m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9-]{1,11})\s*\)", text[c.end : c.end + 20])
            # an acronym right after another acronym ("ASEAN-UNDP (AUPF)") names something else
            if m and c.extractor != "orgs:kb-acronym" and ACRONYM.match(m.group(1)) and m.group(1) not in self.non_org:
                attrs = c.attrs
                if c.entity_id.startswith(ENTITY_PREFIX + "x-"):
                    attrs = tuple((k, v) for k, v in attrs if k != "entity_acronym") + (("entity_acronym", m.group(1)),)
                aliases.setdefault(m.group(1), (c.entity_id, attrs))
        if self.params.unknown_acronyms:
            for _, sent in doc.content_sentences():
                for m in re.finditer(r"\(\s*([A-Z][A-Za-z0-9-]{1,11})\s*\)", text[sent.start : sent.end]):
                    acr = m.group(1)
                    if acr in aliases or acr in self.non_org or not ACRONYM.match(acr):
                        continue
                    if _walk_exact(self.m.acronyms.root, acr):
                        continue
                    aliases[acr] = (ENTITY_PREFIX + "x-" + slug(acr), (("entity_name", acr), ("entity_acronym", acr)))
        if not aliases:
            return chosen
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")(?![\w])")
        for _, sent in doc.content_sentences():
            for m in pattern.finditer(text, sent.start, sent.end):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                eid, attrs = aliases[m.group(1)]
                new.append(Candidate(m.start(), m.end(), eid, "orgs:acronym-in-text", 0.8, attrs))
                taken.append((m.start(), m.end()))
        return sorted(chosen + new, key=lambda c: c.start)

    def _short_forms(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """An anaphor (الرابطة, the Association) links to its organisation only after that one was named."""
        if not self.m.short_forms.root:
            return chosen
        taken = [(c.start, c.end) for c in chosen]
        out = list(chosen)
        for _, sent in doc.content_sentences():
            toks = tokens(text, sent.start, sent.end)
            for i, (s, e, t) in enumerate(toks):
                hits = matches_at(self.m.short_forms, toks, i, text, self.m.arabic)
                if not hits:
                    continue
                strip, end_i, ids = hits[-1]
                start = s + strip
                if not is_arabic(t):
                    # Latin short forms are written with their article ("the Association", "l'Union"): the
                    # mention is the noun, which must be capitalised to be a name
                    if end_i == i or not toks[i + 1][2][:1].isupper():
                        continue
                    start = toks[i + 1][0]
                end = toks[end_i][1]
                if any(a < end and start < b for a, b in taken):
                    continue
                earlier = [c for c in out if c.end <= start and c.entity_id in ids]
                if earlier:
                    ref = max(earlier, key=lambda c: c.start)
                    out.append(Candidate(start, end, ref.entity_id, "orgs:short-form", 0.75, ref.attrs))
                    taken.append((start, end))
        return sorted(out, key=lambda c: c.start)

    def _head_anaphors(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """"the Forum", "l'Organisation", "الإدارة": a head word with its article refers back to the most recent
        organisation named earlier in the document whose name has that head (models/<lang>/org_matching.yaml)."""
        lang = doc.lang or ""
        data = self.m.matching.get(lang, {})
        arabic = lang == "ar"
        if arabic:
            anaphors = {self.m.arabic.fold(self.m.arabic.article + h): self.m.arabic.fold(h) for h in data.get("anaphor_heads", [])}
        else:
            articles = {a.casefold() for a in data.get("anaphor_articles", [])}
            heads = {h[0] for h in self.m.heads.get(lang, {}).get("_heads", []) if len(h) == 1}
            connectors = {c.casefold() for c in self.m.heads.get(lang, {}).get("connectors", [])}
            if not articles or not heads:
                return chosen
        if not (anaphors if arabic else heads):
            return chosen
        head_cache: dict[tuple[int, int], set[str]] = {}

        def heads_of(c: Candidate) -> set[str]:
            key = (c.start, c.end)
            if key not in head_cache:
                forms = [text[c.start : c.end]]
                rec = self.kb.by_entity_id(c.entity_id)
                if rec is not None:
                    forms += list(rec.names.get(lang, ()))
                head_cache[key] = {h for f in forms if (h := self._name_head(f, lang, heads if not arabic else None, connectors if not arabic else None))}
            return head_cache[key]

        taken = [(c.start, c.end) for c in chosen]
        out = list(chosen)
        for _, sent in doc.content_sentences():
            toks = tokens(text, sent.start, sent.end)
            for i, (s, e, t) in enumerate(toks):
                if arabic:
                    hit = next(((strip, anaphors[f]) for strip, f in self.m.arabic.clitic_variants(t) if f in anaphors), None)
                    if hit is None:
                        continue
                    # a definite adjective after it makes another noun phrase ("الإدارة الأمريكية")
                    if i + 1 < len(toks) and _gap(text, toks[i], toks[i + 1]) and toks[i + 1][2].startswith(self.m.arabic.article):
                        continue
                    start, end, head = s + hit[0], e, hit[1]
                else:
                    if t.casefold() not in articles or i + 1 >= len(toks) or not _gap(text, toks[i], toks[i + 1]):
                        continue
                    nxt = toks[i + 1][2]
                    if not nxt[:1].isupper() or nxt.casefold() not in heads:
                        continue
                    # "the Commission on Human Rights" is another name, not an anaphor
                    if i + 2 < len(toks) and not text[toks[i + 1][1] : toks[i + 2][0]].strip(" -") and (
                            toks[i + 2][2][:1].isupper() or toks[i + 2][2].casefold() in connectors):
                        continue
                    start, end, head = toks[i + 1][0], toks[i + 1][1], nxt.casefold()
                if any(a < end and start < b for a, b in taken):
                    continue
                earlier = [c for c in out if c.end <= start and head in heads_of(c)]
                if earlier:
                    ref = max(earlier, key=lambda c: c.start)
                    out.append(Candidate(start, end, ref.entity_id, "orgs:head-anaphor", 0.7, ref.attrs))
                    taken.append((start, end))
        return sorted(out, key=lambda c: c.start)

    def _organs(self, text: str, doc: Document, chosen: list[Candidate]) -> list[Candidate]:
        """An organ word next to a mention of its parent ("أمانة الرابطة", "الأمانة العامة للمنظمة", "وأمانة الآسيان")
        is the child organ the knowledge base lists for that parent (learned from the child's names)."""
        spans = self.m.organ_spans
        if not spans or not chosen:
            return chosen
        by_sent: dict[int, tuple] = {}
        out = []
        taken = [(c.start, c.end) for c in chosen]

        def free(a: int, b: int, own: Candidate) -> bool:
            return not any(x < b and a < y for x, y in taken if (x, y) != (own.start, own.end))

        for c in chosen:
            lens = spans.get(c.entity_id)
            if lens is None:
                out.append(c)
                continue
            si = doc.sentence_index(c.start)
            if si not in by_sent:
                sent = doc.sentences[si]
                toks = tokens(text, sent.start, sent.end)
                by_sent[si] = (toks, [fold_token(t[2], self.m.arabic) for t in toks],
                               {t[0] + k: i for i, t in enumerate(toks) for k in range(t[1] - t[0])})
            toks, folded, at = by_sent[si]
            idx, end_idx = at.get(c.start), at.get(c.end - 1)
            new = None
            if idx is not None and end_idx is not None:
                for n in sorted(lens[0], reverse=True):  # organ words before the parent, longest first
                    a = idx - n
                    if a < 0 or not all(_gap(text, toks[x], toks[x + 1]) for x in range(a, idx)):
                        continue
                    rest = tuple(folded[a + 1 : idx])
                    variants = self.m.arabic.clitic_variants(toks[a][2]) if is_arabic(toks[a][2]) else [(0, folded[a])]
                    for strip, first in variants:
                        child = self.m.organs.get(("before", (first,) + rest), {}).get(c.entity_id)
                        if child and free(toks[a][0] + strip, c.start, c):
                            new = Candidate(toks[a][0] + strip, c.end, child, "orgs:organ", min(c.confidence, 0.9))
                            break
                    if new:
                        break
                for n in sorted(lens[1], reverse=True) if new is None else ():  # after ("ASEAN Secretariat")
                    b = end_idx + n
                    if b >= len(toks) or not toks[b][2][:1].isupper() or not all(
                            _gap(text, toks[x], toks[x + 1]) for x in range(end_idx, b)):
                        continue
                    child = self.m.organs.get(("after", tuple(folded[end_idx + 1 : b + 1])), {}).get(c.entity_id)
                    if child and free(c.end, toks[b][1], c):
                        new = Candidate(c.start, toks[b][1], child, "orgs:organ", min(c.confidence, 0.9))
                        break
            out.append(new or c)
        return out

    def _name_head(self, name: str, lang: str, heads: set | None, connectors: set | None) -> str | None:
        """The head word of an organisation's name: Arabic and French the first word (without the article), English
        the last head word before the first lowercase connector ("Pacific Islands Forum" -> forum,
        "Department of Political ... Affairs" -> department)."""
        toks = TOKEN.findall(name)
        if not toks:
            return None
        if heads is None:
            first = self.m.arabic.fold(toks[0])
            art = self.m.arabic.fold(self.m.arabic.article)
            return first[len(art):] if first.startswith(art) else first
        if lang == "fr":
            first = [t for t in toks if t.casefold() not in {"l", "la", "le", "les"}][:1]
            return first[0].casefold() if first and first[0].casefold() in heads else None
        head = None
        for t in toks:
            if t.islower() and t.casefold() in (connectors or set()):
                break
            if t.casefold() in heads:
                head = t.casefold()
        return head


def _cap(token: str) -> bool:
    return token[:1].isupper() or token.isdigit()


_gap = gap_ok


def _walk_exact(root: dict, acr: str) -> bool:
    toks = TOKEN.findall(acr)
    node = root
    for t in toks:
        node = node.get(t)
        if node is None:
            return False
    return "$" in node


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Longest match wins; among equal spans, the most confident; no overlaps."""
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.confidence, c.start, c.entity_id)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return chosen


def link_acronyms_across_documents(docs: list[Document], kb: KnowledgeBase) -> dict[str, str]:
    """Corpus level: an unknown organisation's acronym seen alone in one document ("(MRC)" with no name before
    it: entity ``org:x-mrc``) is the organisation defined with a name and that acronym in another document
    ("Mekong River Commission (MRC)"), when exactly one named organisation outside the KB has that acronym.
    Rewrites the entity ids of mentions, event participants and agreement parties; returns the mapping."""
    kb_acronyms = {a for r in kb.records.values() for a in r.acronyms}
    named: dict[str, set[str]] = {}
    bare: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for doc in docs:
        for m in doc.mentions:
            eid = m.entity_id or ""
            acr = m.attrs.get("entity_acronym")
            if m.type != ORG or not eid.startswith(ENTITY_PREFIX + "x-") or not acr or acr in kb_acronyms:
                continue
            name = m.attrs.get("entity_name")
            # the acronym alone, or a name in a non-Latin script (Arabic), is linked to the one Latin-script name
            # with that acronym
            if name in (None, acr) or not fold_latin(name).isascii():
                bare.setdefault(acr, set()).add(eid)
            else:
                named.setdefault(acr, set()).add(eid)
                names.setdefault(eid, m.attrs["entity_name"])
    remap = {}
    for acr, ids in bare.items():
        targets = named.get(acr, set())
        if len(targets) == 1:
            target = next(iter(targets))
            remap.update({i: target for i in ids if i != target and i not in targets})
    if not remap:
        return remap
    for doc in docs:
        for m in doc.mentions:
            if m.type == ORG and m.entity_id in remap:
                m.entity_id = remap[m.entity_id]
                m.attrs = {**m.attrs, "entity_name": names[m.entity_id]}
            parties = m.attrs.get("parties")
            if isinstance(parties, list) and any(p in remap for p in parties):
                m.attrs["parties"] = list(dict.fromkeys(remap.get(p, p) for p in parties))
        for e in doc.events:
            if any(p in remap for p in e.participants):
                e.participants = list(dict.fromkeys(remap.get(p, p) for p in e.participants))
    return remap

