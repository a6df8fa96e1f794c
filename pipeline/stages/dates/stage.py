"""The ``dates`` stage: calendar expressions found with per-language patterns, normalised to ISO values.

Matching runs on a shadow of the text whose digits are ASCII (one character for one, so offsets hold); patterns
that need a digit run only on sentences holding one. Values come from the matched parts, never from today's
date: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a period ``YYYY/YYYY`` and a day range as an ISO interval
``YYYY-MM-DD/YYYY-MM-DD``. A day without a year takes the year of its context (``context.YearContext``, the
reason in ``attrs``); relative dates resolve against the publication date (given, or read from a dateline).
Languages without a month lexicon under ``models/`` use dateparser's locale data (``anylang``), and say so in a
document note.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pipeline.document import DATE, Document, Mention
from pipeline.knowledge.resources import Resources
from pipeline.registry import register
from pipeline.stages.dates.anylang import locale_dates
from pipeline.stages.dates.context import (Blocked, Found, YearContext, fill_year, in_instrument,
                                                   relative_value, resolve_overlaps, valid)
from pipeline.stages.dates.resources import LangDates, Pattern, load_date_resources
from pipeline.text.scan import Scanner

DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first",
                       "RETURN_AS_TIMEZONE_AWARE": False}
MONTH_ALONE = "month_alone"  # pattern granularity: a month named without a year ("en mars", "tháng 6 tới")
SAME_PERIOD = {"same_year": 4, "same_month": 7}  # relative units: the year or month of the date just given
SAME_DAY = "same_day"  # relative unit (models/<lang>/dates.yaml): the dateline's day, else the last full date
FIXED_BASE = dt.datetime(2000, 1, 1)  # relative base of the benchmark baseline without a publication date
DIGIT_RX = re.compile(r"\d")
FALLBACK_NOTE = "dates: month names and relative words from dateparser's locale data for language {lang}"


@dataclass
class DateParams:
    min_year: int = 1800  # years accepted in a date expression (a month, a cue word, a range)
    max_year: int = 2100
    bare_min_year: int = 1900  # a bare 4-digit number in running text is a year only in this window
    bare_max_year: int = 2100
    # "late 2017": the qualifier is always in the `qualifier` attribute; True puts the word inside the span too.
    qualifier_in_span: bool = False
    # How many sentences at the top of a document may carry its own date (a dateline).
    dateline_lines: int = 5
    dateline_max_chars: int = 40
    # How many sentences at the end may hold a closing line ("Fait à Rome, le 6 novembre 2018", then signatories).
    closing_lines: int = 10
    # Month names and relative words of languages without models/<lang>/months.yaml from dateparser's data.
    dateparser_fallback: bool = True


@register("dates", params=DateParams, requires=("sentences",), provides=("dates",))
class DateStage:
    def __init__(self, resources: Resources, params: DateParams) -> None:
        self.params = params
        self.langs, self.neutral = load_date_resources(resources)
        self.all_months: dict[str, int] = {}
        for ld in self.langs.values():
            self.all_months.update(ld.months)
        self._locales: dict[str, LangDates | None] = {}
        digits = self.neutral.digits  # the characters ``str.translate`` maps (non-ASCII digits), as one class
        self._scanners: dict[re.Pattern, Scanner] = {}  # relative and weekday patterns (dateparser's too)
        self._foreign_digits = re.compile("[" + "".join(map(re.escape, map(chr, digits))) + "]") if digits else None

    def _scanner(self, rx: re.Pattern) -> Scanner:
        """``rx``'s Scanner (pipeline/text/scan.py), made on first use: the relative and weekday patterns run on
        every sentence, digits or not, and most sentences hold none of their words."""
        scanner = self._scanners.get(rx)
        if scanner is None:
            scanner = self._scanners[rx] = Scanner(rx)
        return scanner

    def spec_for(self, lang: str | None) -> LangDates | None:
        """Hand-written resources of ``lang``, else (when enabled) those built from dateparser's locale data."""
        if not lang:
            return None
        if lang in self.langs:
            return self.langs[lang]
        if not self.params.dateparser_fallback:
            return None
        if lang not in self._locales:
            self._locales[lang] = locale_dates(lang, self.neutral)
        return self._locales[lang]

    # -- the stage ------------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        # the shadow is the text itself when none of the mapped digits occurs in it (most documents): a search in
        # C instead of a per-character table lookup
        foreign = self._foreign_digits
        shadow = doc.text.translate(self.neutral.digits) if foreign and foreign.search(doc.text) else doc.text
        spec = self.spec_for(doc.lang)
        if spec is not None and spec.source == "dateparser":
            doc.notes.append(FALLBACK_NOTE.format(lang=doc.lang))
        blocked = Blocked([(m.start(), m.end(), scope) for _, scanner, scope in self.neutral.blockers
                           for m in scanner.finditer(shadow)])
        found: list[Found] = []
        blocks = _blocks(doc)
        live = self._live(shadow, spec)
        for start, end in blocks:
            found.extend(self._candidates(shadow, start, end, spec, doc.lang, blocked, live))
        chosen = [self._qualify(f, shadow, spec) for f in resolve_overlaps(found)]
        chosen = _drop_weekdays_of_dates(_paired_dates(shadow, chosen, spec), shadow, spec)
        closing = self._closing(doc, chosen, spec)
        if not doc.published:
            doc.published = self._dateline(doc, chosen, spec) or (closing.value[:10] if closing and closing.value else None)
        self._emit(doc, chosen, [start for start, _ in blocks], closing.start if closing else None)
        return doc

    def _live(self, shadow: str, spec: LangDates | None) -> "Live":
        """The patterns (with their order among all of them), relative rules and weekday rule of this document's
        language that may match somewhere in it. Why: each is otherwise tried on every sentence, and most
        documents hold none of the words or characters that most of them need (``may_occur``)."""
        patterns = (spec.patterns if spec else []) + self.neutral.patterns
        live = [(order, pat) for order, pat in enumerate(patterns) if may_occur(pat.scanner, shadow)]
        if spec is None:
            return live, [], False
        relative = [rule for rule in spec.relative if may_occur(self._scanner(rule[0]), shadow)]
        return live, relative, bool(spec.weekday_rx and may_occur(self._scanner(spec.weekday_rx), shadow))

    def _candidates(self, shadow: str, start: int, end: int, spec: LangDates | None, lang: str | None,
                    blocked: Blocked, live: "Live") -> list[Found]:
        """Every candidate of one sentence (overlaps are resolved later, over the whole document)."""
        out: list[Found] = []
        has_digit = DIGIT_RX.search(shadow, start, end) is not None
        patterns, relative, weekday = live
        for order, pat in patterns:
            if pat.needs_digit and not has_digit:
                continue
            for m in pat.scanner.finditer(shadow, start, end):
                f = self._normalise(m, pat, spec, shadow, order, lang, start)
                if f is not None and not blocked.hits(f):
                    out.append(f)
        if spec is None:
            return out
        for rx, unit, offset in relative:
            for m in self._scanner(rx).finditer(shadow, start, end):
                if spec.number_words_rx and spec.number_words_rx.search(shadow[max(start, m.start() - 20) : m.start()]):
                    continue  # "hai năm trước" (two years ago): a duration, not a date
                rs, re_ = m.span("rel") if "rel" in rx.groupindex else m.span()
                out.append(Found(rs, re_, (rs, re_), None, unit, "relative", 0.8,
                                 (("relative", True), ("_unit", unit), ("_offset", offset))))
        if weekday:
            for m in self._scanner(spec.weekday_rx).finditer(shadow, start, end):
                rs, re_ = m.span("rel") if "rel" in spec.weekday_rx.groupindex else m.span()
                wd = spec.weekdays.get(" ".join(m.group("weekday").casefold().split()))
                out.append(Found(rs, re_, (rs, re_), None, "day", "relative", 0.7,
                                 (("relative", True), ("_unit", "weekday"), ("_offset", wd))))
        return out

    def _emit(self, doc: Document, chosen: list[Found], block_starts: list[int], closing: int | None = None) -> None:
        """Final values (relative dates, years of days without one) and the DATE mentions, in text order; the date of
        a closing line ("Done at Geneva on 5 May 2020") is marked ``closing``."""
        years = YearContext(doc.published)
        sentence_starts = _sentence_starts(doc)
        emitted: dict[int, Mention] = {}
        paired: list[tuple[Mention, int]] = []
        for f in chosen:
            attrs = {k: v for k, v in f.attrs if not k.startswith("_")}
            value, granularity = f.value, f.granularity
            # the sentence holding it (a paragraph's earlier sentence is context, not the same sentence)
            paragraph = bisect.bisect_right(block_starts, f.start)  # the run of sentences on one line holding it
            sentence = bisect.bisect_right(sentence_starts, f.start)
            if f.rule == "relative" and dict(f.attrs)["_unit"] == SAME_DAY:
                value, attrs["reason"] = _same_day(years, int(dict(f.attrs)["_offset"]), paragraph)
            elif f.rule == "relative" and dict(f.attrs)["_unit"] in SAME_PERIOD:
                value, attrs["reason"] = _same_period(years, SAME_PERIOD[dict(f.attrs)["_unit"]])
            elif f.rule == "relative":
                raw = dict(f.attrs)
                value = relative_value(years.published or years.reference, raw["_unit"], raw["_offset"])
                if value is None:
                    attrs["reason"] = "relative date without publication date"
                elif not doc.published:
                    attrs["reason"] = "relative to the dateline date"
            elif value and value.startswith("--"):
                granularity = "month" if granularity == MONTH_ALONE else "dayrange" if "/" in value else "day"
                value, attrs["reason"] = _yearless(value, dict(f.attrs).get("_year", "context"), years,
                                                   sentence, paragraph)
            years.see(sentence, value, granularity, f.rule, paragraph, explicit=bool(f.value) and not f.value.startswith("--"))
            attrs["granularity"] = granularity
            if f.start == closing:
                attrs["closing"] = True
            m = doc.add_mention(Mention(DATE, f.start, f.end, doc.text[f.start : f.end], f"dates:{f.rule}", f.confidence,
                                        value=value, attrs=attrs))
            if m is not None:
                emitted[f.start] = m
                if f.rule == PAIRED:
                    paired.append((m, dict(f.attrs)["_pair"]))
        for m, partner in paired:  # the Gregorian date may come after it: values are final only now
            if partner in emitted:
                m.value = emitted[partner].value
                m.attrs.update(granularity=emitted[partner].attrs.get("granularity"), reason="value of the paired Gregorian date")

    # -- candidates -----------------------------------------------------------------------------------
    def _normalise(self, m: re.Match, pat: Pattern, spec: LangDates | None, shadow: str, order: int,
                   lang: str | None, sent_start: int) -> Found | None:
        g = m.groupdict()
        start, end = m.span(pat.span) if pat.span else m.span()
        outer = m.span()
        rule = f"{pat.lang or 'any'}:{pat.name}"
        conf = round(0.95 - order * 0.001, 4)
        if pat.granularity == "malformed":
            if g.get("month") is None and not (g.get("monthnum") and 1 <= int(g["monthnum"]) <= 12):
                return None
            return Found(start, end, outer, None, "malformed", rule, 0.3, (("reason", "malformed year"),))
        if pat.granularity in ("daymonth", "dayrange"):
            return self._days(g, spec, start, end, outer, rule, conf, pat.granularity)
        if pat.granularity == MONTH_ALONE:
            month = self._month(g, spec)
            return None if month is None else Found(start, end, outer, f"--{month:02d}", MONTH_ALONE, rule, 0.7,
                                                    (("_year", _year_word(g)),))
        year = int(g["year"])
        lo, hi = (self.params.bare_min_year, self.params.bare_max_year) if pat.bare else (self.params.min_year, self.params.max_year)
        if not lo <= year <= hi:
            return None
        if pat.granularity in ("year", "range"):
            return self._year_or_range(m, pat, spec, shadow, start, end, outer, rule, conf, sent_start)
        month = self._month(g, spec)
        if month is None:
            return None
        if pat.granularity == "month":
            first = self._month(g, spec, "b") if g.get("monthb") else None
            if first is not None:  # "octobre à novembre 2024": the months between, in one year
                return Found(start, end, outer, f"{year:04d}-{first:02d}/{year:04d}-{month:02d}", "month", rule, conf) \
                    if first < month else None
            return Found(start, end, outer, f"{year:04d}-{month:02d}", "month", rule, conf)
        day = int(g["day"])
        if g.get("monthnum"):
            if month > 12 >= day:  # "3/25/2021" cannot be day-month: read it month-day
                day, month = month, day
            elif pat.ambiguous and lang in self.neutral.ambiguous_langs and day <= 12 and day != month:
                conf = self.neutral.ambiguous_confidence  # "3/4/2021" in English: kept DMY, less sure
        if not valid(year, month, day):
            return None
        return Found(start, end, outer, f"{year:04d}-{month:02d}-{day:02d}", "day", rule, conf)

    def _days(self, g: dict[str, Any], spec: LangDates | None, start: int, end: int, outer: tuple[int, int],
              rule: str, conf: float, granularity: str) -> Found | None:
        """A day ("12 November"), or a day range in one month or across two ("6 to 10 November 2023",
        "30 November - 2 December 2022", "ngày 28/3 đến 1/4/2015"): with a year an ISO interval, without one
        "--MM-DD[/--MM-DD]" for the context to complete."""
        month = self._month(g, spec)
        first_month = self._month(g, spec, "b") if (g.get("monthb") or g.get("monthnumb")) else month
        if month is None or first_month is None:
            return None
        day = int(g["day"])
        year = int(g["year"]) if g.get("year") else None
        check_year = year or 2000  # 2000: a leap year, so 29 February is kept
        if not valid(check_year, first_month, day):
            return None
        if granularity == "daymonth" and not g.get("day2"):
            if year is not None:
                return None
            return Found(start, end, outer, f"--{month:02d}-{day:02d}", "daymonth", rule, 0.7, (("_year", _year_word(g)),))
        day2 = int(g["day2"])
        if not valid(check_year, month, day2) or (first_month, day) >= (month, day2) or first_month > month:
            return None
        first, last = f"{first_month:02d}-{day:02d}", f"{month:02d}-{day2:02d}"
        if year is None:
            return Found(start, end, outer, f"--{first}/--{last}", "daymonth", rule, 0.7, (("_year", _year_word(g)),))
        if not (self.params.min_year <= year <= self.params.max_year):
            return None
        return Found(start, end, outer, f"{year:04d}-{first}/{year:04d}-{last}", "dayrange", rule, conf)

    def _year_or_range(self, m: re.Match, pat: Pattern, spec: LangDates | None, shadow: str, start: int, end: int,
                       outer: tuple[int, int], rule: str, conf: float, sent_start: int) -> Found | None:
        g = m.groupdict()
        year = int(g["year"])
        before = shadow[max(0, outer[0] - 40) : outer[0]]
        after = shadow[outer[1] : outer[1] + 30]
        cued_inside = not shadow[outer[0]].isdigit()
        if self._in_name(before, after, pat.bare, spec):
            return None
        cued = cued_inside or bool(spec and spec.year_cue_rx and spec.year_cue_rx.search(before))
        if spec and in_instrument(shadow, outer[0], outer[1], sent_start, spec.instrument, cued):
            return None
        if pat.granularity == "range":
            y2 = int(g["year2"]) if g.get("year2") else (year // 100) * 100 + int(g["yy2"])
            if not year < y2 <= self.params.max_year:
                return None
            connector = shadow[m.end("year") : m.start("year2") if g.get("year2") else m.start("yy2")]
            if spec and spec.range_from_rx and re.search(r"[^\W\d_]", connector) and spec.range_from_rx.search(before):
                return None  # "from 1961 to 1971": two dates, each found by the year patterns
            return Found(start, end, outer, f"{year}/{y2}", "range", rule, round(conf - 0.05, 4))
        if not pat.bare:
            return Found(start, end, outer, f"{year:04d}", "year", rule, conf)
        if not cued and not self._bare_year_ok(before, after, spec):
            return None
        return Found(start, end, outer, f"{year:04d}", "year", rule, 0.9 if cued else 0.8,
                     () if cued else (("_uncued", True),))

    def _month(self, g: dict[str, Any], spec: LangDates | None, which: str = "") -> int | None:
        num = g.get("monthnum" + which)
        if num:
            n = int(num)
            return n if 1 <= n <= 12 or g.get("day") else None
        name = " ".join((g.get("month" + which) or "").casefold().split())
        months = spec.months if spec else self.all_months
        return months.get(name) or self.all_months.get(name)

    def _in_name(self, before: str, after: str, bare: bool, spec: LangDates | None = None) -> bool:
        n = self.neutral
        if (n.name_before_rx and n.name_before_rx.search(before)) or (n.name_after_rx and n.name_after_rx.match(after)):
            return True
        if bare and spec and spec.year_cue_rx:  # "خطة التنمية المستدامة لعام 2030": the name, then a cue word
            cue = spec.year_cue_rx.search(before)
            if cue and n.name_before_rx and n.name_before_rx.search(before[: cue.start()]):
                return True
        return bare and any(rx.search(before) for rx in n.name_before_patterns)

    @staticmethod
    def _bare_year_ok(before: str, after: str, spec: LangDates | None) -> bool:
        """A bare year without a cue word: not after a number word ("No. 2020"), not before a count word."""
        if spec is None:
            return True
        if spec.number_before_rx and spec.number_before_rx.search(before):
            return False
        if spec.count_after_rx and spec.count_after_rx.match(after):
            return False
        return True

    def _qualify(self, f: Found, shadow: str, spec: LangDates | None) -> Found:
        """A qualifier directly before a date ("late 2017", "أواخر عام 2017", "cuối năm 2017", "fin 2017")."""
        if spec is None or spec.qualifier_rx is None or f.value is None or f.rule == "relative":
            return f
        window_start = max(0, f.start - 30)
        m = spec.qualifier_rx.search(shadow[window_start : f.start])
        if not m:
            return f
        word = " ".join(m.group("w").casefold().split())
        attrs = f.attrs + (("qualifier", spec.qualifiers.get(word, spec.qualifiers.get(word + "-", word))),)
        in_span = self.params.qualifier_in_span or word in spec.span_qualifiers
        start = window_start + m.start("w") if in_span else f.start
        value, granularity = f.value, f.granularity
        part = spec.calendar_parts.get(word)
        if part is not None and in_span and re.fullmatch(r"\d{4}", value):  # "premier trimestre 2025": its months
            value, granularity, attrs = f"{value}-{part[0]:02d}/{value}-{part[1]:02d}", "month", f.attrs
        return Found(start, f.end, (min(start, f.outer[0]), f.outer[1]), value, granularity, f.rule, f.confidence, attrs)

    # -- publication date -----------------------------------------------------------------------------
    def _dateline(self, doc: Document, chosen: list[Found], spec: LangDates | None) -> str | None:
        """A day-precise date on one of the first lines that is the document's own: the line is short, or
        has a 'published' cue, or the date follows a place and a comma ("NEW YORK, 30 November 2022 —"),
        or the date closes a heading line ("Security Council, 9893rd Meeting (AM), 3 April 2025"); else an
        issue's month on a short first line ("Numéro 47 – mars 2026"); else the date of a closing line ("Fait à
        Abuja, le 4 février 2026", ``_closing``)."""
        sentences = [s for _, s in doc.content_sentences()]
        lines = sentences[: self.params.dateline_lines]
        starts = [f.start for f in chosen]
        inside = lambda sent: _chosen_in(chosen, starts, sent)  # noqa: E731
        for sent in lines:
            for f in inside(sent):
                if self._heads_the_page(doc.text, sent, f, spec):
                    return f.value[:10]
        for sent in lines:
            for f in inside(sent):
                if f.granularity == "month" and f.value and len(doc.text[sent.start : sent.end].strip()) <= self.params.dateline_max_chars:
                    return f.value[:7]
        return None

    def _closing(self, doc: Document, chosen: list[Found], spec: LangDates | None) -> Found | None:
        """The day of a closing line among the last ones ("Fait à Abuja, le 4 février 2026", "Done at Geneva on 5
        May 2020"): the page's date when no first line gives one, and the date of the signing right above it."""
        sentences = [s for _, s in doc.content_sentences()]
        starts = [f.start for f in chosen]
        closing = spec.closing_cues if spec else []
        for sent in sentences[-self.params.closing_lines :] if closing else []:
            if doc.text[sent.start : sent.end].lstrip().casefold().startswith(tuple(closing)):
                days = [f for f in _chosen_in(chosen, starts, sent) if f.granularity == "day" and f.value]
                if days:
                    return days[0]
        return None

    def _heads_the_page(self, text: str, sent: Any, f: Found, spec: LangDates | None) -> bool:
        """The date of a first line is the page's own (see ``_dateline``)."""
        if f.granularity not in ("day", "dayrange") or not f.value or f.rule == "relative" \
                or (f.granularity == "dayrange" and not _whole_line(text, sent.start, sent.end)):
            return False  # a meeting's days on a line of their own ("Dakar, 3 - 5 juin 2024"): the first is the page's date
        line = text[sent.start : sent.end]
        prefix, rest_after = line[: f.start - sent.start], line[f.end - sent.start :]
        rest = (prefix + rest_after).casefold()
        cues = spec.dateline_cues if spec else []
        return (len(line.strip()) <= self.params.dateline_max_chars or any(c in rest for c in cues)
                or bool(self.neutral.dateline_prefix and self.neutral.dateline_prefix.search(prefix))
                or bool(self.neutral.dateline_dash and self.neutral.dateline_dash.match(rest_after)
                        and prefix.rstrip().endswith((",", "،")) and len(prefix) <= 120))


def _chosen_in(chosen: list[Found], starts: list[int], sent: Any) -> list[Found]:
    """The chosen dates starting inside a sentence (``starts``: their sorted starts)."""
    return chosen[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]


def _whole_line(text: str, start: int, end: int) -> bool:
    """The sentence is a line of its own (a dateline under a title), not the first sentence of a paragraph."""
    before, after = text[max(0, start - 200) : start], text[end : end + 200]
    opens = before.rstrip(" \t").endswith("\n") or (start <= 200 and not before.strip())
    return opens and (after.lstrip(" \t").startswith("\n") or (end + 200 >= len(text) and not after.strip()))


# (order, pattern) pairs, relative rules and whether the weekday rule runs: what may match in one document
Live = tuple[list[tuple[int, Pattern]], list[tuple[re.Pattern, str, int]], bool]


def may_occur(scanner: Scanner, text: str) -> bool:
    """False only when no match of ``scanner``'s pattern can lie anywhere in ``text``: it holds none of the strings
    every match contains, or none of the characters every match starts with (pipeline/text/scan.py). A span of
    ``text`` then holds none either, so skipping the pattern changes no result."""
    if scanner.required and not any(s in text for s in scanner.required):
        return False
    return scanner.first is None or scanner.first.search(text) is not None


def _blocks(doc: Document) -> list[tuple[int, int]]:
    """Runs of content sentences on one line: a date is never cut by a sentence split inside it ("am 12. März
    2021", "vom 3. bis 5. Mai"), and never joins two lines (datelines and headings stay apart)."""
    blocks: list[list[int]] = []
    last = -2
    for i, sent in doc.content_sentences():
        if blocks and i == last + 1 and "\n" not in doc.text[blocks[-1][1] : sent.start]:
            blocks[-1][1] = sent.end
        else:
            blocks.append([sent.start, sent.end])
        last = i
    return [(a, b) for a, b in blocks]


PAIRED = "paired-calendar"


def _paired_dates(shadow: str, chosen: list[Found], spec: LangDates | None) -> list[Found]:
    """Dates of another calendar written next to a Gregorian date ("14 شعبان 1446 هـ الموافق 13 فبراير 2025",
    "12 - 14 مارس (12 - 14 رمضان 1446 هـ)"): a mention each, valued like its partner; alone, none (the
    calendars' days cannot be converted exactly without tables)."""
    if spec is None or spec.paired_rx is None or not chosen:
        return chosen
    starts = [f.start for f in chosen]
    extra = []
    for m in spec.paired_rx.finditer(shadow):
        i = bisect.bisect_left(starts, m.start())
        if (i < len(chosen) and chosen[i].start < m.end()) or (i and chosen[i - 1].end > m.start()):
            continue
        gap = spec.pair_gap_rx
        if i < len(chosen) and gap.fullmatch(shadow, m.end(), chosen[i].start):
            partner = chosen[i]
        elif i and gap.fullmatch(shadow, chosen[i - 1].end, m.start()):
            partner = chosen[i - 1]
        else:
            continue
        extra.append(Found(m.start(), m.end(), m.span(), None, partner.granularity, PAIRED, 0.8, (("_pair", partner.start),)))
    return sorted(chosen + extra, key=lambda f: f.start) if extra else chosen


def _sentence_starts(doc: Document) -> list[int]:
    """Starts of the sentences a day without a year looks for its year in. A split before a lowercase word is
    a split inside a date or an abbreviation ("vom 3. bis 5. Mai"), not a new sentence."""
    starts: list[int] = []
    for sent in doc.sentences:
        first = doc.text[sent.start : sent.start + 1]
        if not starts or not first.islower():
            starts.append(sent.start)
    return starts


def _year_word(g: dict[str, Any]) -> str:
    """Which year a month or day named without one is in, by the words around it: "next" ("mai prochain", "tháng 6
    tới", "أكتوبر المقبل"), "last" ("septembre dernier", "tháng 3 vừa qua"), the year before, this year or the
    year after ("فبراير من العام الماضي", "tháng 7 năm nay"), the year after or before the one told ("tháng 3
    năm sau"), else "context" (the year a day without one takes)."""
    for word in ("next", "last", "prev_year", "this_year", "next_year", "following_year", "preceding_year", "after", "that_year"):
        if g.get(word):
            return word
    return "context"


YEAR_OFFSETS = {"prev_year": -1, "this_year": 0, "next_year": 1}
# "tháng 3 năm sau" in a story: the year after the one just told, not after the publication's
CONTEXT_YEAR_OFFSETS = {"preceding_year": -1, "following_year": 1}


def _yearless(value: str, word: str, years: YearContext, sentence: int, paragraph: int) -> tuple[str | None, str]:
    """"--MM" (a month) or "--MM-DD[/--MM-DD]" (a day or days) without a year -> ISO. "next"/"last" count from the
    publication or dateline date (the first such day after it / the last one up to it), the year words from its
    year; otherwise, or without such a date, the context year (``YearContext.year_for``)."""
    first = value.split("/")[0]
    ref = years.published or years.reference
    if ref and word in YEAR_OFFSETS:
        year, reason = int(ref[:4]) + YEAR_OFFSETS[word], "year relative to the publication date"
    elif ref and len(ref) >= 7 and word in ("next", "last"):
        later = first[2:] > ref[5 : 5 + len(first) - 2]  # "MM[-DD]" of the value against the reference's
        year = int(ref[:4]) + (0 if later == (word == "next") else 1 if word == "next" else -1)
        reason = f"the {word} such date from the publication date"
    elif word == "that_year" and years.sentence_year:
        year, reason = years.sentence_year[1], "the year told before it"
    elif word == "after" and years.full:
        later = first[2:] > years.full[5 : 5 + len(first) - 2]
        year, reason = int(years.full[:4]) + (0 if later else 1), "the first such date after the date before it"
    else:
        year, reason = years.year_for(sentence, paragraph)
        inside = years.span_year(first[2:]) if len(first) > 4 and not years.in_sentence(sentence) else None
        if inside is not None and inside != year:
            year, reason = inside, "year of the day range holding it"
        if year is not None and word in CONTEXT_YEAR_OFFSETS:
            year, reason = year + CONTEXT_YEAR_OFFSETS[word], f"{word.replace('_', ' ')} of the context year"
    if year is None:
        return None, "month without a year" if len(first) == 4 else "day and month without a year"
    if len(first) == 4:
        return f"{year:04d}{first[1:]}", reason
    filled = fill_year(value, year)
    return filled, reason if filled is not None else "day and month without a year"


def _same_day(years: YearContext, offset: int = 0, paragraph: int = 0) -> tuple[str | None, str]:
    """"cùng ngày", "le même jour" (offset 0), "la veille" (-1), "le lendemain" (+1): counted from the day the text
    just reported, unless that day is after the wire's dateline (a planned event: the dateline's day is then the
    reference); the day before or after is counted from the dateline when that day is an earlier paragraph's."""
    full, dateline = years.full, years.reference
    page_day = years.published if years.published and len(years.published) >= 10 else dateline
    if offset and page_day and full and paragraph != years.full_paragraph:
        return _shift_day(page_day, offset), "counted from the page's date"
    if full and not (dateline and full > dateline):
        return _shift_day(full, offset), "day of the nearest earlier full date" if not offset else "counted from the nearest earlier full date"
    if dateline:
        return _shift_day(dateline, offset), "day of the dateline date" if not offset else "counted from the dateline date"
    return None, "same day without an earlier date"


def _same_period(years: YearContext, chars: int) -> tuple[str | None, str]:
    """"السنة نفسها", "the same year", "الشهر نفسه": the year (or month) of the date the text just gave."""
    if years.last is None or len(years.last) < chars:
        return None, "same year or month without an earlier date"
    return years.last[:chars], "period of the nearest earlier date"


def _shift_day(day: str, offset: int) -> str:
    """"2025-11-14" and -1 -> "2025-11-13" (a day-precise ISO value; a span's first day)."""
    if not offset:
        return day
    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=offset)).isoformat()


def _drop_weekdays_of_dates(chosen: list[Found], shadow: str, spec: LangDates | None) -> list[Found]:
    """"Tuesday, 12 March 2021": the weekday names a date given in full right after it; no mention of its own.
    Where the language's convention puts it in the date's span (``weekday_in_span``), the date's span grows."""
    out = []
    skip = False
    for i, f in enumerate(chosen):
        if skip:
            skip = False
            continue
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if (dict(f.attrs).get("_unit") == "weekday" and nxt is not None and nxt.rule != "relative"
                and re.fullmatch(r"[\s,،]*(?:the\s+|le\s+|ngày\s+)?", shadow[f.end : nxt.start], re.IGNORECASE)):
            if spec is not None and spec.weekday_in_span and re.fullmatch(r"[ \t,]*", shadow[f.end : nxt.start]):
                out.append(Found(f.start, nxt.end, (f.start, nxt.outer[1]), nxt.value, nxt.granularity, nxt.rule,
                                 nxt.confidence, nxt.attrs))
                skip = True
            continue
        out.append(f)
    return out


def search_dates_baseline(text: str, lang: str | None, published: str | None = None) -> list[tuple[str, Any]]:
    """dateparser's own search over a whole text: the baseline the benchmark compares this stage with.

    Same settings as the stage (DMY, first day/month, a fixed relative base: the publication date when given,
    else 2000-01-01), so its output never depends on today's date.
    """
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(published[:10]) if published else FIXED_BASE
    settings = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": base}
    return search_dates(text, languages=[lang] if lang else None, settings=settings) or []
