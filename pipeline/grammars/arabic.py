"""Arabic head phrases: construct chains, adjectives and prepositional complements after the head.

After the head the name takes: an organisation (a party in construct state or inside a complement), a
place name ("إعلان طشقند"), adjectives (listed, or nisba adjectives ending in ي/ية that agree in
definiteness), one definite noun in construct state after an indefinite head ("بيان الرئيس"), complements
opened by a listed word or phrase ("بشأن/حول/بين ... و...", "المتعلق", "في مجال") with their definite nouns, a
ل-complement ("لقانون البحار") unless it governs another instrument ("لتنفيذ المذكرة"), followed by its
parties ("للتعاون بين ... و...") or its period, and a bare period written as digits. It stops at punctuation, a listed stop word and anything else. Arabic names have nothing before the
head.
"""

from __future__ import annotations

import re

from pipeline.grammars import PUNCT_STOP, PhraseContext, date_ends_name, grammar

YEAR = re.compile(r"(?:1[89]|20|21)\d\d|[١٢][٠-٩]{3}")


@grammar("arabic")
class ArabicGrammar:
    def right(self, ctx: PhraseContext, head_end: int) -> int:
        s, toks, n = ctx.spec, ctx.toks, len(ctx.toks)
        end, k = toks[head_end][1], head_end + 1
        state = {"definite": _head_definite(ctx.word(head_end)), "construct": False, "complement": False,
                 "party": False, "grown": False}
        while k < n:
            if PUNCT_STOP.search(ctx.gap(k)) or "\n" in ctx.gap(k):
                break
            spot = ctx.orgs.get(k) or ctx.places.get(k)
            # a party or a place: "مذكرة تفاهم بين البنك ...", "إعلان جدة"; after a definite head only in a
            # complement, after another party or with ل ("المذكرة لجنة ..." is a new clause)
            if spot is not None and (not state["definite"] or state["complement"] or state["party"]
                                     or ctx.text[toks[k][0] : spot.start].startswith("ل")):
                end, k, state["construct"], state["party"] = spot.end, spot.end_i + 1, True, True
                continue
            if k in ctx.dates:
                stop = date_ends_name(ctx, k, False)
                return stop if stop is not None else end
            if _year_range(ctx, k):
                return ctx.toks[k + 1][1]  # a bare period the date stage left to the name: "للفاو 2022-2031"
            step = self._word(ctx, k, state)
            if step is None:
                break
            end, k = step
            state["grown"] = True
        return end

    def left(self, ctx: PhraseContext, head_start: int) -> int:
        return head_start

    def _word(self, ctx: PhraseContext, k: int, state: dict) -> tuple[int, int] | None:
        """(new end, next token) when token k continues the name, else None."""
        s, toks, n = ctx.spec, ctx.toks, len(ctx.toks)
        w = ctx.word(k)
        bare = w[1:] if w[:1] == "و" and len(w) > 3 else w
        if (state["grown"] or not state["definite"]) and (phrase_end := _complement_phrase(ctx, k)) is not None:
            state["complement"] = True  # "اتفاقية تعاون في مجال الصحة": a topic complement of the name
            return toks[phrase_end][1], phrase_end + 1
        if w in s["_stops"] or bare in s["_stops"]:
            return None
        # a construct noun makes the phrase definite: "ميثاق الوحدة الثقافية العربية"
        if w in s["_adjectives"] or bare in s["_adjectives"] or _nisba(w, state["definite"] or state["construct"], s):
            return toks[k][1], k + 1
        if w in s["_complements"]:
            state["complement"] = True
            return toks[k][1], k + 1
        if state["complement"] and bare.startswith("ال") and not ctx.is_head(k):
            return toks[k][1], k + 1
        if state["complement"] and k + 1 < n and ctx.plain(k + 1) and _definite(ctx.word(k + 1)) \
                and ctx.word(k + 1) not in s["_stops"] and not ctx.is_head(k + 1):
            return toks[k][1], k + 1  # a construct chain inside the complement: "في مجالات حماية البيئة"
        own = ctx.orgs.get(k)
        if w.startswith("ل") and k + 1 <= n and not (own is not None and own.start == toks[k][0]):
            return _lam_complement(ctx, k)  # (an organisation whose own name starts with ل, "لجنة ...", is no complement)
        if not state["definite"] and not state["construct"] and w.startswith("ال") and not ctx.is_head(k):
            state["construct"] = True  # construct state: "بيان الرئيس", "برنامج التعاون"
            return toks[k][1], k + 1
        if not state["definite"] and not state["construct"] and not w.startswith("ال") and _name_slot(ctx, k):
            state["construct"] = True  # a proper name in construct state: "إعلان طشقند", "معاهدة إزمير"
            return toks[k][1], k + 1
        if not state["construct"] and k + 1 < n and k + 1 in ctx.orgs and not w.startswith("ال"):
            state["construct"] = True  # "معاهدة إنشاء اتحاد المغرب العربي": a verbal noun, then the party
            return toks[k][1], k + 1
        return None


def _year_range(ctx: PhraseContext, k: int) -> bool:
    toks = ctx.toks
    return (k + 1 < len(toks) and YEAR.fullmatch(toks[k][2]) is not None and YEAR.fullmatch(toks[k + 1][2]) is not None
            and ctx.gap(k + 1).strip() in ("-", "–"))


def _name_slot(ctx: PhraseContext, k: int) -> bool:
    """Token k right after an indefinite head is a name when the phrase ends after it (punctuation, a
    stop word, a complement word or a relative pronoun)."""
    n, s = len(ctx.toks), ctx.spec
    if k + 1 >= n or PUNCT_STOP.search(ctx.gap(k + 1)):
        return True
    nxt = ctx.word(k + 1)
    # "إعلان تيانجين واستراتيجية ...": a coordinated noun after it starts the next instrument
    return nxt in s["_stops"] or nxt in s["_complements"] or (nxt[:1] == "و" and len(nxt) > 3 and ctx.is_head(k + 1))


def _nisba(w: str, definite: bool, spec: dict) -> bool:
    """A relational adjective agreeing with the head: "الاستراتيجي", "المغاربي" after a definite head."""
    if len(w) < 5 or w.startswith("لل"):
        return False
    if definite != w.startswith("ال"):
        return False
    return any(w.endswith(suf) for suf in spec.get("_nisba_suffixes", ()))  # folded like the words: "ية" -> "يه"


def _definite(w: str) -> bool:
    return w.startswith("ال") or (w.startswith("وال") and len(w) > 4)


def _lam_complement(ctx: PhraseContext, k: int) -> tuple[int, int] | None:
    """"لقانون البحار", "للفاو": the ل-word and the definite nouns after it, unless they name an instrument."""
    s, toks, n = ctx.spec, ctx.toks, len(ctx.toks)
    if k in ctx.orgs:
        return ctx.orgs[k].end, ctx.orgs[k].end_i + 1
    if ctx.word(k) in s["_lam_stops"]:
        return None
    end, j = toks[k][1], k + 1
    while j < n and _definite(ctx.word(j)) and ctx.word(j) not in s["_stops"] and not PUNCT_STOP.search(ctx.gap(j)):
        if ctx.is_head(j):
            return None  # "خطة عمل مشتركة لتنفيذ المذكرة": the complement governs another instrument
        end, j = toks[j][1], j + 1
    if j < n and j in ctx.dates and not PUNCT_STOP.search(ctx.gap(j)):
        stop = date_ends_name(ctx, j, False)
        if stop is not None:
            end = stop
    elif j < n and _year_range(ctx, j) and not PUNCT_STOP.search(ctx.gap(j)):
        end = toks[j + 1][1]  # "الإطار الاستراتيجي للتعاون العربي 2023-2027": the bare period
    elif j < n and ctx.word(j) in s["_complements"] and not PUNCT_STOP.search(ctx.gap(j)):
        return end, j  # "الخطة الخمسية للتعاون بين المنظمة والبنك": the parties follow
    return end, n  # otherwise the name ends after a ل-complement


def _complement_phrase(ctx: PhraseContext, k: int) -> int | None:
    """Index of the last token of a listed complement phrase starting at token k ("في مجال"), else None."""
    for phrase in ctx.spec["_complement_phrases"]:
        last = k + len(phrase) - 1
        if last < len(ctx.toks) and all(ctx.word(k + i) == w for i, w in enumerate(phrase)) \
                and all(not PUNCT_STOP.search(ctx.gap(k + i)) for i in range(1, len(phrase))):
            return last
    return None


def _head_definite(w: str) -> bool:
    """The head carries the article, after any proclitics: "الإطار", "والبرنامج", "بالاتفاقية", "للخطة"."""
    return bool(re.match(r"^(?:[وف]?[بلك]?ال|[وف]?لل)", w))
