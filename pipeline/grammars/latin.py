"""Latin-script head phrases (English, French): capitalised modifiers before the head, complements after it.

Right of the head the name takes words joined by connectors (of/on/between/for/to, de/sur/entre/relatif à)
while they are capitalised, numbers, ordinals or organisation names; languages that write names in lower
case (``lowercase_complements: true``, French) also take lower-case words after a preposition or right after
the head ("accord général de coopération"). It stops at punctuation, a stop word (verbs, weekdays), a date
that is not the name's period, and at "and the <head>" (the next instrument). Left of the head it takes
capitalised words, years, "X and Y" between capitalised words and a possessive ("Chairman's Statement").

Where a name ends, whatever the genre (each rule reads word classes listed in the language's data):
- a venue: a venue preposition before a place ("signed the Memorandum in Nairobi", "Vision 2050 à Abuja");
- a recipient: a recipient preposition before an organisation ("presented the Strategy to the Assembly");
- a preposition that needs a determiner followed by a bare word: an infinitive or clause ("pour renforcer",
  "entre en vigueur");
- after a coordinator, a preposition of another family than the name's own ("la Charte des Nations unies et
  au droit international": the clause coordinates, not the name);
- a lower-case word right after the name that is a verb (its object's article follows: "reste une", "couvre
  la") or a participle opening a reduced relative ("publiée à l'issue", "intitulée «"); a participle that
  takes a de-complement stays ("Traité révisé de la CEDEAO").
"""

from __future__ import annotations

from pipeline.grammars import ORDINAL, PhraseContext, date_ends_name, grammar, list_continues

ORG_LOOKBACK = 12  # tokens back from a coordinator searched for the start of the organisation name ending before it


@grammar("latin")
class LatinGrammar:
    def right(self, ctx: PhraseContext, head_end: int) -> int:
        s = ctx.spec
        end, j, n = ctx.toks[head_end][1], head_end + 1, len(ctx.toks)
        state = {"prep": False, "cue": False, "at_head": True}
        while j < n:
            if not ctx.plain(j):
                closed = _parenthesised_period(ctx, j)
                if closed is not None:
                    return closed
                if ctx.gap(j).strip() == "," and state["prep"] and list_continues(
                        ctx, j, s["_coordinators"], lambda k: _content(ctx, k, True)):
                    pass
                else:
                    break
            k = _skip_connectors(ctx, j, state)
            if k is None or k >= n or (k > j and _leaves_name(ctx, j, k)):
                break
            if k in ctx.dates:
                stop = date_ends_name(ctx, k, state["cue"], direct=k == j)
                return stop if stop is not None else end
            if k in ctx.orgs and not any(i in ctx.dates for i in range(k, ctx.orgs[k].end_i + 1)):
                end, j = ctx.orgs[k].end, ctx.orgs[k].end_i + 1
                continue
            lower_ok = state["prep"] or k == j  # "sur la démocratie et la bonne gouvernance": one complement
            if ctx.word(k) in s["_stops"] or not _content(ctx, k, lower_ok) or (k == j and _clause_word(ctx, k)):
                break
            end, j = ctx.toks[k][1], k + 1
            state["at_head"] = False
        return end

    def left(self, ctx: PhraseContext, head_start: int) -> int:
        a, toks = head_start, ctx.toks
        articles, joiners = ctx.spec["_articles"], ctx.spec["_coordinators"]
        if a >= 2 and toks[a - 1][2] == "s" and ctx.gap(a - 1) in ("'", "’") and toks[a - 2][2][:1].isupper():
            return a - 2  # possessive: "Chairman's Statement"
        while a > 0:
            k, raw = a - 1, toks[a - 1][2]
            if not ctx.plain(a) or raw.casefold() in articles or ctx.word(k) in ctx.spec["_stops"]:
                break  # an article, or a headline's verb in title case ("... Endorse Joint Action Plan")
            if raw[:1].isupper() or (raw.isdigit() and len(raw) == 4):
                a = k  # a capitalised modifier or a year ("2030 Agenda"), not a heading number ("1 Cadre")
            elif raw.casefold() in joiners and k > 0 and ctx.plain(k) and toks[k - 1][2][:1].isupper() \
                    and toks[k - 1][2].casefold() not in articles:
                a = k - 1  # "Antigua and Barbuda Agenda"
            else:
                break
        return a


def _skip_connectors(ctx: PhraseContext, j: int, state: dict) -> int | None:
    """Index of the first non-connector token from j; None when a coordinator ends the name."""
    s, n, k = ctx.spec, len(ctx.toks), j
    while k < n and ctx.word(k) in s["_connectors"] and (k == j or ctx.plain(k)) and k not in ctx.orgs:
        w = ctx.word(k)
        if w in s["_head_connectors"] and not (state["at_head"] and k == j):
            return None  # "Traité instituant la CEEAC" names; "la Charte du Liptako-Gourma instituant l'AES" relates
        if w in s["_coordinators"]:
            nxt = k + 1
            while nxt < n and ctx.word(nxt) in s["_articles_folded"]:
                nxt += 1
            if not state["prep"] or (nxt < n and ctx.is_head(nxt) and nxt not in ctx.orgs):
                return None  # "Vision 2025 and the UN", "... and the Declaration on ...": two things
            if nxt > k + 1 and nxt < n and _after_organisation(ctx, k) and not _content(ctx, nxt, False):
                return None  # "résolution 2334 du Conseil de sécurité et le suivi de ...": the clause coordinates
        if w in s["_preps"]:
            family = s["_families"].get(w, w)
            if k > j and ctx.word(k - 1) in s["_coordinators"] and family != state.get("family"):
                return None  # "des Nations unies et au droit international": the clause coordinates
            state["family"] = family
        state["prep"] = state["prep"] or w in s["_preps"]
        state["cue"] = w in s["_period_cues"]
        k += 1
    if k < n and k > j and not ctx.plain(k):
        return None
    return k


def _after_organisation(ctx: PhraseContext, k: int) -> bool:
    """Token k directly follows an organisation's name (the body a complement named)."""
    return any(spot.end_i == k - 1 for spot in (ctx.orgs.get(i) for i in range(max(0, k - ORG_LOOKBACK), k)) if spot)


def _content(ctx: PhraseContext, k: int, lower_ok: bool) -> bool:
    raw = ctx.toks[k][2]
    if raw[:1].isupper() or raw.isdigit() or ORDINAL.fullmatch(raw) or k in ctx.orgs:
        return True
    if k > 0 and ctx.gap(k) in ("-", "–"):
        return True  # second half of a hyphenated word: "Climate Change-related"
    return bool(ctx.spec.get("lowercase_complements")) and lower_ok and ctx.word(k) not in ctx.spec["_stops"]


def _parenthesised_period(ctx: PhraseContext, j: int) -> int | None:
    """"(2024-2028)" right after the name belongs to it: the end after the closing parenthesis."""
    if ctx.gap(j).strip() != "(" or j not in ctx.dates:
        return None
    d = ctx.dates[j]
    rest = ctx.text[d.end : d.end + 2]
    if "/" in str(d.value or "") and rest[:1] == ")":
        return d.end + 1
    return None


def _leaves_name(ctx: PhraseContext, j: int, k: int) -> bool:
    """Connectors j..k-1 then token k: does this complement leave the name (venue, recipient, infinitive)?"""
    s = ctx.spec
    first = ctx.word(j)
    if k in ctx.places and any(ctx.word(i) in s["_venue"] for i in range(j, k)):
        return True  # "in Nairobi", "à Abuja": where it was signed, not what it is called
    if first in s["_recipient"] and (k in ctx.orgs or (k > j + 1 and not _names_instrument(ctx, k))):
        return True  # "to the General Assembly", "au Conseil de sécurité": who received it, unless an
        # instrument follows ("Protocol to the African Charter")
    for i in range(j, k):  # "pour renforcer", "entre en vigueur": an infinitive or a verb, not a complement
        if ctx.word(i) in s["_needs_det"]:
            raw, w = ctx.toks[i + 1][2], ctx.word(i + 1)
            if raw[:1].islower() and w not in s["_articles"] and w not in s["_quantifiers"] and i + 1 not in ctx.orgs:
                return True
    return False


def _clause_word(ctx: PhraseContext, k: int) -> bool:
    """A lower-case word right after the name that starts a clause: a verb before its object's determiner
    ("reste une référence") or a participle that opens a reduced relative ("publiée à l'issue": a preposition or an
    article after it, ``relative_openers``)."""
    s, n = ctx.spec, len(ctx.toks)
    raw = ctx.toks[k][2]
    if not raw[:1].islower():
        return False
    nxt = ctx.word(k + 1) if k + 1 < n and ctx.plain(k + 1) else None
    if nxt is not None and nxt in s["_verb_objects"]:
        return True
    w = ctx.word(k)
    if s["_participle"] and w.endswith(s["_participle"]) and not w.endswith(s["_noun_suffixes"]):
        # an adjective otherwise: "criminalité transnationale organisée,", "traité révisé adopté à N'Djamena"
        return nxt is not None and nxt in s["_relative_openers"]
    return False


def _names_instrument(ctx: PhraseContext, k: int, limit: int = 6) -> bool:
    """Do the capitalised words from token k name an instrument (a head among them)?"""
    for i in range(k, min(len(ctx.toks), k + limit)):
        if not ctx.toks[i][2][:1].isupper():
            return False
        if ctx.is_head(i):
            return True
    return False
