"""Syllabic-script head phrases (Vietnamese): the name runs after the head, words are not capitalised reliably.

After the head the name takes every word up to punctuation, a stop word or phrase (verbs, tense markers,
"do" = by), a date that is not its period (a period after a listed cue, "giai đoạn 2023-2025", or a bare
year/range is kept), or "và" that starts another instrument or leaves the name: after "và" the name goes on
only with a capitalised word or organisation, or with a lower-case word when the words before were lower
case too ("hòa bình và thịnh vượng"). A comma continues only a coordinated list. At most ``max_tokens``.

Words are syllables, so a stop syllable inside a listed compound ("tự do") is no stop. After an organisation
the name goes on only with a connector (về, giữa, của, vì, cho), a coordinator, a capitalised word or its
period: a lower-case word there starts the predicate ("Nghị quyết 76/123 của Đại hội đồng kêu gọi ...").
A venue preposition (tại, ở) ends the name unless an organisation follows ("quan sát viên tại Liên Hợp Quốc").
"""

from __future__ import annotations

from pipeline.grammars import PUNCT_STOP, PhraseContext, date_ends_name, grammar, list_continues


@grammar("syllabic")
class SyllabicGrammar:
    def right(self, ctx: PhraseContext, head_end: int) -> int:
        s, toks, n = ctx.spec, ctx.toks, len(ctx.toks)
        end, k, cue, after_org = toks[head_end][1], head_end + 1, False, False
        limit = min(n, head_end + 1 + int(s.get("max_tokens", 30)))
        while k < limit:
            gap = ctx.gap(k)
            if "\n" in gap or (PUNCT_STOP.search(gap) and not (gap.strip() == "," and list_continues(
                    ctx, k, s["_coordinators"], lambda j: ctx.word(j) not in s["_stops"]))):
                break
            if k in ctx.orgs:
                end, k, after_org = ctx.orgs[k].end, ctx.orgs[k].end_i + 1, True
                continue
            if k in ctx.dates:
                stop = date_ends_name(ctx, k, cue)
                return stop if stop is not None else end
            w = ctx.word(k)
            if (w in s["_stops"] and not _in_compound(ctx, k)) or _stop_phrase(ctx, k):
                break
            if w in s["_venue"] and k + 1 not in ctx.orgs and (k + 1 in ctx.places or not _region(ctx, k + 1)):
                break
            if after_org and not _goes_on_after_org(ctx, k):
                break
            after_org = False
            if w in s["_coordinators"]:
                if not self._coordination_continues(ctx, k):
                    break
                k += 1  # the name ends at "và" only with what follows it
                continue
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


def _in_compound(ctx: PhraseContext, k: int) -> bool:
    """Syllable k with the one before forms a listed word ("tự do" = free: "do" is then no stop)."""
    return k > 0 and f"{ctx.word(k - 1)} {ctx.word(k)}" in ctx.spec["_compounds"]


def _goes_on_after_org(ctx: PhraseContext, k: int) -> bool:
    s, raw, w = ctx.spec, ctx.toks[k][2], ctx.word(k)
    return raw[:1].isupper() or raw[:1].isdigit() or w in s["_connectors"] or w in s["_coordinators"] \
        or w in s["_period_cue_words"] or not ctx.plain(k) and ctx.gap(k).strip() in ("-", "–") \
        or (w in s["_venue"] and k + 1 in ctx.orgs)


def _region(ctx: PhraseContext, k: int) -> bool:
    """Token k starts a region the instrument covers ("ở châu Á - Thái Bình Dương"), not a venue."""
    return k < len(ctx.toks) and ctx.word(k) in ctx.spec["_regions"]
