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
from pipeline.kb import ENTITY_PREFIX, KnowledgeBase
from pipeline.registry import register
from pipeline.resources import Resources
from pipeline.matching import TOKEN, Trie, fold_token, gap_ok, matches_at, tokens, walk
from pipeline.textnorm import ArabicFolder, fold_latin, is_arabic

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

    @classmethod
    def build(cls, resources: Resources) -> "OrgMatcher":
        def make() -> "OrgMatcher":
            kb = KnowledgeBase.load(resources)
            arabic = ArabicFolder(resources.yaml("ar/normalise.yaml"))
            names, acronyms, short = Trie(), Trie(), Trie()
            for rec in sorted(kb.records.values(), key=lambda r: r.id):
                for lang, forms in rec.names.items():
                    for form in forms:
                        key = tuple(fold_token(t, arabic) for t in TOKEN.findall(form))
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
                spec["_heads"] = sorted({tuple(fold_token(t, arabic) for t in TOKEN.findall(h)) for h in data.get("heads", [])},
                                        key=lambda k: -len(k))
                heads[lang] = spec
            return cls(names, acronyms, short, set(), arabic, heads)

        return resources.memo(("orgs", "matcher"), make)


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
            cands = self._kb_candidates(text, toks)
            if self.params.head_detector:
                cands += self._head_candidates(text, toks, doc.lang)
            chosen.extend(_resolve(cands))
        chosen.sort(key=lambda c: c.start)
        chosen = self._acronyms_in_text(text, doc, chosen)
        chosen = self._short_forms(text, doc, chosen)
        for c in sorted(chosen, key=lambda c: (c.start, c.end)):
            attrs = dict(c.attrs)
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
                    seen.add(toks[k][2].casefold())
                    k += 1
                if k < n and k > j and toks[k - 1][2].casefold() in coordinators and not (seen & coord_after):
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
            if any(w.casefold() in generic for w in TOKEN.findall(phrase)):
                continue
            out.append(Candidate(toks[a][0], toks[b][1], ENTITY_PREFIX + "x-" + slug(phrase), "orgs:heads", 0.7,
                                 (("entity_name", phrase),)))
        return out

    def _heads_syllabic(self, text: str, toks: list, spec: dict) -> list[Candidate]:
        stop = {w.casefold() for w in spec.get("stop_words", [])}
        max_len = int(spec.get("max_syllables", 10))
        out = []
        n = len(toks)
        for i in range(n):
            for head in spec["_heads"]:
                if i + len(head) > n or tuple(t[2].casefold() for t in toks[i : i + len(head)]) != head:
                    continue
                if not toks[i][2][:1].isupper():
                    continue
                j = i + len(head)
                if j >= n or not _cap(toks[j][2]) or not _gap(text, toks[j - 1], toks[j]):
                    continue
                b = j
                k = j + 1
                while k < n and k - i < max_len and toks[k][2].casefold() not in stop and _gap(text, toks[k - 1], toks[k]):
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
                    out.append(Candidate(s + strip, toks[b][1], ENTITY_PREFIX + "x-" + slug(phrase), "orgs:heads", 0.65,
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
                aliases.setdefault(m.group(1), (c.entity_id, c.attrs))
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
