"""Syllabic-script head phrases (Vietnamese): the name runs after the head, words are not capitalised reliably.

After the head the name takes every word up to punctuation, a stop word or phrase (verbs, tense markers,
"do" = by), a date that is not its period (a period after a listed cue, "giai đoạn 2023-2025", or a bare
year/range is kept), or "và" that starts another instrument or leaves the name: after "và" the name goes on
only with a capitalised word or organisation, or with a lower-case word when the words before were lower
case too ("hòa bình và thịnh vượng"). A comma continues only a coordinated list. At most ``max_tokens``.
"""

from __future__ import annotations

from pipeline.grammars import PUNCT_STOP, PhraseContext, date_ends_name, grammar, list_continues


@grammar("syllabic")
class SyllabicGrammar:
    def right(self, ctx: PhraseContext, head_end: int) -> int:
        s, toks, n = ctx.spec, ctx.toks, len(ctx.toks)
        end, k, cue = toks[head_end][1], head_end + 1, False
        limit = min(n, head_end + 1 + int(s.get("max_tokens", 30)))
        while k < limit:
            gap = ctx.gap(k)
            if "\n" in gap or (PUNCT_STOP.search(gap) and not (gap.strip() == "," and list_continues(
                    ctx, k, s["_coordinators"], lambda j: ctx.word(j) not in s["_stops"]))):
                break
            if k in ctx.orgs:
                end, k = ctx.orgs[k].end, ctx.orgs[k].end_i + 1
                continue
            if k in ctx.dates:
                stop = date_ends_name(ctx, k, cue)
                return stop if stop is not None else end
            w = ctx.word(k)
            if w in s["_stops"] or _stop_phrase(ctx, k):
                break
            if w in s["_coordinators"] and not self._coordination_continues(ctx, k):
                break
            if w in s["_period_cue_words"] and _cue_before_date(ctx, k):
                cue = True
                k += 1
                continue
            end, k = toks[k][1], k + 1
        return end

    def left(self, ctx: PhraseContext, head_start: int) -> int:
        return head_start

    def _coordination_continues(self, ctx: PhraseContext, k: int) -> bool:
        n = len(ctx.toks)
        if k + 1 >= n or k + 1 in ctx.dates:
            return False
        if ctx.is_head(k + 1):
            return False  # "Tuyên bố Hà Nội và Chương trình hành động Hà Nội": two instruments
        nxt, prev = ctx.toks[k + 1][2], ctx.toks[k - 1][2]
        if nxt[:1].isupper() or (k + 1) in ctx.orgs:
            return True
        return prev[:1].islower() and (k - 1) not in ctx.orgs


def _stop_phrase(ctx: PhraseContext, k: int) -> bool:
    rest = " ".join(t[2].casefold() for t in ctx.toks[k : k + 4])
    return any(rest == p or rest.startswith(p + " ") for p in ctx.spec["_stop_phrases"])


def _cue_before_date(ctx: PhraseContext, k: int) -> bool:
    """"giai đoạn 2023-2025", "đến năm 2030": a period cue whose date follows within two tokens."""
    return any(j in ctx.dates for j in range(k + 1, min(len(ctx.toks), k + 3)))
