"""Latin-script head phrases (English, French): capitalised modifiers before the head, complements after it.

Right of the head the name takes words joined by connectors (of/on/between/for/to, de/sur/entre/relatif à)
while they are capitalised, numbers, ordinals or organisation names; languages that write names in lower
case (``lowercase_complements: true``, French) also take lower-case words after a preposition or right after
the head ("accord général de coopération"). It stops at punctuation, a stop word (verbs, weekdays), a date
that is not the name's period, and at "and the <head>" (the next instrument). Left of the head it takes
capitalised words, years, "X and Y" between capitalised words and a possessive ("Chairman's Statement").
"""

from __future__ import annotations

from pipeline.grammars import ORDINAL, PhraseContext, date_ends_name, grammar, list_continues


@grammar("latin")
class LatinGrammar:
    def right(self, ctx: PhraseContext, head_end: int) -> int:
        s = ctx.spec
        end, j, n = ctx.toks[head_end][1], head_end + 1, len(ctx.toks)
        state = {"prep": False, "cue": False, "closed": False}
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
            if k is None or k >= n:
                break
            if k in ctx.dates:
                stop = date_ends_name(ctx, k, state["cue"], direct=k == j)
                return stop if stop is not None else end
            if k in ctx.orgs:
                end, j = ctx.orgs[k].end, ctx.orgs[k].end_i + 1
                continue
            lower_ok = (state["prep"] or k == j) and not state["closed"]
            if ctx.word(k) in s["_stops"] or not _content(ctx, k, lower_ok):
                break
            end, j = ctx.toks[k][1], k + 1
        return end

    def left(self, ctx: PhraseContext, head_start: int) -> int:
        a, toks = head_start, ctx.toks
        articles, joiners = ctx.spec["_articles"], ctx.spec["_coordinators"]
        if a >= 2 and toks[a - 1][2] == "s" and ctx.gap(a - 1) in ("'", "’") and toks[a - 2][2][:1].isupper():
            return a - 2  # possessive: "Chairman's Statement"
        while a > 0:
            k, raw = a - 1, toks[a - 1][2]
            if not ctx.plain(a) or raw.casefold() in articles:
                break
            if raw[:1].isupper() or raw.isdigit():
                a = k
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
        if w in s["_coordinators"]:
            nxt = k + 1
            while nxt < n and ctx.word(nxt) in s["_articles_folded"]:
                nxt += 1
            if not state["prep"] or (nxt < n and ctx.is_head(nxt)):
                return None  # "Vision 2025 and the UN", "... and the Declaration on ...": two things
        state["prep"] = state["prep"] or w in s["_preps"]
        state["cue"] = w in s["_period_cues"]
        if k > j and ctx.word(k - 1) in s["_coordinators"]:
            state["closed"] = True  # "et le suivi": after "and" + article only capitalised words go on
        k += 1
    if k < n and k > j and not ctx.plain(k):
        return None
    return k


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
