"""Dates: calendar expressions found with per-language patterns and month lexicons, normalised to ISO values.

Everything a language needs is data: ``models/dates.yaml`` (language-neutral patterns, blockers, name cues,
fallback candidates), ``models/<lang>/dates.yaml`` (patterns, cue words, qualifiers, relative expressions,
dateline cues), ``models/<lang>/months.yaml`` (month names) and ``models/digits.yaml`` (Arabic-Indic and
Persian digits). Regexes are compiled once per process.

Matching runs on a shadow of the text whose digits are ASCII (one character for one, so offsets hold). Values
are computed from the matched parts, never from today's date: a month without a day is ``YYYY-MM``, a year is
``YYYY``, a period ``YYYY/YYYY``; a malformed year is kept with ``value: null`` and a reason; relative dates
resolve against the publication date (given, or read from a dateline near the top of the document).

dateparser is used only where it helps: to read day/month/year candidates in languages that have no month
lexicon under ``models/`` (with that language only, DMY order, first day/month preferred, a fixed relative
base, and the granularity taken from its ``period``, so nothing is filled in from today). It never searches a
whole document: ``search_dates_baseline`` is that baseline, for the benchmark.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.document import DATE, Document, Mention
from pipeline.registry import register
from pipeline.knowledge.resources import Resources

YEAR_RE = r"(?:1[5-9]|20)\d\d"
DAY_RE = r"[0-3]?\d"
# dateparser settings for every call: day-month order, missing parts never taken from today.
DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first",
                       "RETURN_AS_TIMEZONE_AWARE": False}
FIXED_BASE = dt.datetime(2000, 1, 1)  # relative base when a document has no publication date


@dataclass
class DateParams:
    min_year: int = 1800  # years accepted in a date expression (a month, a cue word, a range)
    max_year: int = 2100
    bare_min_year: int = 1900  # a bare 4-digit number in running text is a year only in this window
    bare_max_year: int = 2100
    # "late 2017": the qualifier is always in the `qualifier` attribute; True puts the word inside the span too
    # ("late 2017", "أواخر عام 2017", "cuối năm 2017", "fin 2017"), False leaves it outside ("2017").
    qualifier_in_span: bool = False
    # How many lines at the top of a document may carry its own date (a dateline).
    dateline_lines: int = 3
    dateline_max_chars: int = 40
    # Read month names of languages without models/<lang>/months.yaml with dateparser.
    dateparser_fallback: bool = True


@dataclass
class Pattern:
    name: str
    regex: re.Pattern
    granularity: str
    span: str | None
    lang: str | None
    bare: bool = False
    ambiguous: bool = False  # numeric day-month order that English readers may read month-day


@dataclass
class LangDates:
    lang: str
    patterns: list[Pattern]
    months: dict[str, int]
    qualifiers: dict[str, str]
    qualifier_rx: re.Pattern | None
    relative: list[tuple[re.Pattern, str, int]]
    number_words_rx: re.Pattern | None
    range_from_rx: re.Pattern | None
    year_cue_rx: re.Pattern | None
    count_after_rx: re.Pattern | None
    number_before_rx: re.Pattern | None
    weekdays: dict[str, int] = field(default_factory=dict)
    weekday_rx: re.Pattern | None = None
    dateline_cues: list[str] = field(default_factory=list)


@dataclass
class Neutral:
    patterns: list[Pattern]
    fallback: list[Pattern]
    fallback_confidence: float
    ambiguous_confidence: float
    ambiguous_langs: set[str]
    blockers: list[tuple[str, re.Pattern, str]]
    name_before_rx: re.Pattern | None
    name_after_rx: re.Pattern | None
    name_before_patterns: list[re.Pattern]
    dateline_prefix: re.Pattern | None
    digits: dict[int, str]


def _alt(words: list[str]) -> str:
    """Alternation of literal words/phrases, longest first, any whitespace between the words of a phrase."""
    uniq = sorted({" ".join(w.split()) for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def _before_rx(words: list[str], clitics: list[str] | None = None, flags: int = 0) -> re.Pattern | None:
    """Matches at the end of the text before a candidate: one of ``words`` as a whole word, then spaces."""
    if not words:
        return None
    cl = f"(?:{_alt(clitics)})?" if clitics else ""
    return re.compile(rf"(?<![^\W_]){cl}(?P<w>{_alt(words)})[\s\-]*$", flags)


def _after_rx(words: list[str], flags: int = 0) -> re.Pattern | None:
    if not words:
        return None
    return re.compile(rf"^\s*(?:{_alt(words)})(?![^\W_])", flags)


def _compile(raw: str, month_alt: str, flags: int) -> re.Pattern:
    rx = (raw.replace("{MONTH2}", f"(?P<month2>{month_alt})").replace("{MONTH}", f"(?P<month>{month_alt})")
             .replace("{YEAR2}", f"(?P<year2>{YEAR_RE})").replace("{YEAR}", f"(?P<year>{YEAR_RE})")
             .replace("{DAY2}", f"(?P<day2>{DAY_RE})").replace("{DAY}", f"(?P<day>{DAY_RE})")
             .replace("{MONTHNUM}", r"(?P<monthnum>[01]?\d)"))
    return re.compile(rx, flags)


def _patterns(specs: list[dict], month_alt: str, lang: str | None, flags: int) -> list[Pattern]:
    return [Pattern(p["name"], _compile(p["regex"], month_alt, flags), p["granularity"], p.get("span"), lang,
                    bool(p.get("bare")), bool(p.get("ambiguous"))) for p in specs or []]


def _month_alternation(months: dict[str, int], case: str | None) -> str:
    if not months:
        return "(?!x)x"
    names = list(months)
    if case == "title":  # "May", "MAY": never the lowercase word
        names = [n[:1].upper() + n[1:] for n in names] + [n.upper() for n in names]
    return _alt(names)


def load_date_resources(resources: Resources) -> tuple[dict[str, LangDates], Neutral]:
    def build():
        neutral_spec = resources.yaml("dates.yaml")
        digits = (resources.yaml("digits.yaml", {}) or {}).get("digits") or {}
        name_before = list(neutral_spec.get("name_before") or [])
        name_after = list(neutral_spec.get("name_after") or [])
        langs: dict[str, LangDates] = {}
        for lang, spec in resources.per_language("dates.yaml").items():
            mspec = resources.yaml(f"{lang}/months.yaml", {}) or {}
            months = {" ".join(k.casefold().split()): int(v) for k, v in (mspec.get("months") or {}).items()}
            flags = 0 if mspec.get("case") == "title" else re.IGNORECASE
            alt = _month_alternation(months, mspec.get("case"))
            rel = [(re.compile(r["regex"]), r["unit"], int(r["offset"])) for r in spec.get("relative") or []]
            quals = {" ".join(k.casefold().split()): v for k, v in (spec.get("qualifiers") or {}).items()}
            nw = spec.get("number_words") or []
            cl = spec.get("clitics") or []
            wdays = {" ".join(k.casefold().split()): int(v) for k, v in (spec.get("weekdays") or {}).items()}
            langs[lang] = LangDates(
                lang=lang,
                patterns=_patterns(spec.get("patterns"), alt, lang, flags),
                months=months,
                qualifiers=quals,
                qualifier_rx=_before_rx(list(quals), cl, re.IGNORECASE),
                relative=rel,
                number_words_rx=re.compile(rf"(?:\d+|(?<![^\W_])(?:{_alt(nw)}))[ \t]+$", re.IGNORECASE) if nw
                else re.compile(r"\d+[ \t]+$"),
                range_from_rx=_before_rx(spec.get("range_from") or [], cl),
                year_cue_rx=_before_rx(spec.get("year_cues") or [], cl),
                count_after_rx=_after_rx(spec.get("count_after") or []),
                number_before_rx=_before_rx(spec.get("number_before") or [], cl),
                weekdays=wdays,
                weekday_rx=re.compile(spec["weekday_regex"].replace("{WEEKDAY}", f"(?P<weekday>{_alt(list(wdays))})"),
                                      re.IGNORECASE) if wdays and spec.get("weekday_regex") else None,
                dateline_cues=[c.casefold() for c in spec.get("dateline_cues") or []],
            )
            name_before += spec.get("name_before") or []
            name_after += spec.get("name_after") or []
        neutral = Neutral(
            patterns=_patterns(neutral_spec.get("patterns"), "(?!x)x", None, 0),
            fallback=_patterns(neutral_spec.get("fallback_patterns"), "(?!x)x", None, 0),
            fallback_confidence=float(neutral_spec.get("fallback_confidence", 0.7)),
            ambiguous_confidence=float(neutral_spec.get("ambiguous_confidence", 0.8)),
            ambiguous_langs=set(neutral_spec.get("ambiguous_languages") or []),
            blockers=[(b["name"], re.compile(b["regex"]), b.get("scope", "all")) for b in neutral_spec.get("blockers") or []],
            name_before_rx=_before_rx(name_before, neutral_spec.get("name_clitics")),
            name_after_rx=_after_rx(name_after),
            name_before_patterns=[re.compile(p) for p in neutral_spec.get("name_before_patterns") or []],
            dateline_prefix=re.compile(neutral_spec["dateline_prefix"]) if neutral_spec.get("dateline_prefix") else None,
            digits=str.maketrans({k: str(v) for k, v in digits.items()}),
        )
        return langs, neutral

    return resources.memo(("dates",), build)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    outer: tuple[int, int]
    value: str | None
    granularity: str
    rule: str
    confidence: float
    attrs: tuple = ()


_PARSERS: dict[str, Any] = {}


def _dateparser(lang: str):
    """One DateDataParser per language per process (None when dateparser or the language is unavailable)."""
    if lang not in _PARSERS:
        try:
            from dateparser.date import DateDataParser

            settings = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": FIXED_BASE, "REQUIRE_PARTS": ["year"],
                        "PARSERS": ["absolute-time"]}
            _PARSERS[lang] = DateDataParser(languages=[lang], settings=settings)
        except Exception:  # noqa: BLE001 - unknown language or dateparser missing: no fallback for it
            _PARSERS[lang] = None
    return _PARSERS[lang]


@register("dates", params=DateParams, requires=("sentences",), provides=("dates",))
class DateStage:
    def __init__(self, resources: Resources, params: DateParams) -> None:
        self.params = params
        self.langs, self.neutral = load_date_resources(resources)
        self.all_months: dict[str, int] = {}
        for ld in self.langs.values():
            self.all_months.update(ld.months)

    # -- the stage ------------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        shadow = doc.text.translate(self.neutral.digits)
        spec = self.langs.get(doc.lang or "")
        patterns = (spec.patterns if spec else []) + self.neutral.patterns
        fallback = (self.neutral.fallback if spec is None and doc.lang and self.params.dateparser_fallback else [])
        blocked = [(m.start(), m.end(), scope) for _, rx, scope in self.neutral.blockers for m in rx.finditer(shadow)]
        found: list[Found] = []
        for _, sent in doc.content_sentences():
            for order, pat in enumerate(patterns):
                for m in pat.regex.finditer(shadow, sent.start, sent.end):
                    f = self._normalise(m, pat, spec, shadow, order, doc.lang)
                    if f is not None and not self._blocked(f, blocked):
                        found.append(f)
            for pat in fallback:
                for m in pat.regex.finditer(shadow, sent.start, sent.end):
                    f = self._fallback(m, pat, doc.lang)
                    if f is not None and not self._blocked(f, blocked):
                        found.append(f)
            if spec:
                for rx, unit, offset in spec.relative:
                    for m in rx.finditer(shadow, sent.start, sent.end):
                        if spec.number_words_rx and spec.number_words_rx.search(shadow[max(sent.start, m.start() - 20) : m.start()]):
                            continue  # "hai năm trước" (two years ago): a duration, not a date
                        rs, re_ = m.span("rel") if "rel" in rx.groupindex else m.span()
                        found.append(Found(rs, re_, (rs, re_), None, unit, "relative", 0.8,
                                           (("relative", True), ("_unit", unit), ("_offset", offset))))
                if spec.weekday_rx:
                    for m in spec.weekday_rx.finditer(shadow, sent.start, sent.end):
                        rs, re_ = m.span("rel") if "rel" in spec.weekday_rx.groupindex else m.span()
                        wd = spec.weekdays.get(" ".join(m.group("weekday").casefold().split()))
                        found.append(Found(rs, re_, (rs, re_), None, "day", "relative", 0.7,
                                           (("relative", True), ("_unit", "weekday"), ("_offset", wd))))
        chosen = _drop_weekdays_of_dates([self._qualify(f, shadow, spec) for f in _resolve(found)], shadow)
        if not doc.published:
            doc.published = self._dateline(doc, chosen, spec)
        for i, f in enumerate(chosen):
            attrs = {k: v for k, v in f.attrs if not k.startswith("_")}
            value, granularity = f.value, f.granularity
            if f.rule == "relative":
                raw = dict(f.attrs)
                value = _relative(doc.published, raw["_unit"], raw["_offset"])
                if value is None:
                    attrs["reason"] = "relative date without publication date"
            elif f.granularity == "daymonth":
                value, granularity, from_pub = self._year_for(f, chosen[:i], doc)
                if value is None:
                    attrs["reason"] = "day and month without a year"
                elif from_pub:
                    attrs["relative"] = True
            attrs["granularity"] = granularity
            doc.add_mention(Mention(DATE, f.start, f.end, doc.text[f.start : f.end], f"dates:{f.rule}", f.confidence,
                                    value=value, attrs=attrs))
        return doc

    # -- candidates -----------------------------------------------------------------------------------
    def _normalise(self, m: re.Match, pat: Pattern, spec: LangDates | None, shadow: str, order: int,
                   lang: str | None) -> Found | None:
        g = m.groupdict()
        start, end = m.span(pat.span) if pat.span else m.span()
        outer = m.span()
        rule = f"{pat.lang or 'any'}:{pat.name}"
        conf = round(0.95 - order * 0.001, 4)
        p = self.params
        if pat.granularity == "malformed":
            if g.get("month") is None and not (g.get("monthnum") and 1 <= int(g["monthnum"]) <= 12):
                return None
            return Found(start, end, outer, None, "malformed", rule, 0.3, (("reason", "malformed year"),))
        if pat.granularity == "daymonth":  # "12 November", "ngày 10/10": the year comes from the context
            month, day = self._month(g, spec), int(g["day"])
            if month is None or not _valid(2000, month, day):  # 2000: a leap year, so 29 February is kept
                return None
            return Found(start, end, outer, f"--{month:02d}-{day:02d}", "daymonth", rule, 0.7)
        year = int(g["year"])
        lo, hi = (p.bare_min_year, p.bare_max_year) if pat.bare else (p.min_year, p.max_year)
        if not lo <= year <= hi:
            return None
        before = shadow[max(0, outer[0] - 40) : outer[0]]
        after = shadow[outer[1] : outer[1] + 30]
        if pat.granularity in ("year", "range") and self._in_name(before, after, pat.bare, spec):
            return None
        if pat.granularity == "range":
            y2 = int(g["year2"]) if g.get("year2") else (year // 100) * 100 + int(g["yy2"])
            if not year < y2 <= p.max_year:
                return None
            connector = shadow[m.end("year") : m.start("year2") if g.get("year2") else m.start("yy2")]
            if spec and spec.range_from_rx and re.search(r"[^\W\d_]", connector) and spec.range_from_rx.search(before):
                return None  # "from 1961 to 1971": two dates, each found by the year patterns
            return Found(start, end, outer, f"{year}/{y2}", "range", rule, round(conf - 0.05, 4))
        if pat.granularity == "year":
            if pat.bare:
                cued = bool(spec and spec.year_cue_rx and spec.year_cue_rx.search(before))
                if not cued and not self._bare_year_ok(before, after, spec):
                    return None
                conf = 0.9 if cued else 0.8
                return Found(start, end, outer, f"{year:04d}", "year", rule, conf, () if cued else (("_uncued", True),))
            return Found(start, end, outer, f"{year:04d}", "year", rule, conf)
        month = self._month(g, spec)
        if month is None:
            return None
        if pat.granularity == "month":
            return Found(start, end, outer, f"{year:04d}-{month:02d}", "month", rule, conf)
        day = int(g["day"])
        if pat.granularity == "dayrange":
            day2 = int(g["day2"])
            if not (1 <= day < day2) or not _valid(year, month, day2):
                return None
            return Found(start, end, outer, f"{year:04d}-{month:02d}", "month", rule, conf)
        if g.get("monthnum"):
            if month > 12 >= day:  # "3/25/2021" cannot be day-month: read it month-day
                day, month = month, day
            elif pat.ambiguous and lang in self.neutral.ambiguous_langs and day <= 12 and day != month:
                conf = self.neutral.ambiguous_confidence  # "3/4/2021" in English: kept DMY, less sure
        if not _valid(year, month, day):
            return None
        return Found(start, end, outer, f"{year:04d}-{month:02d}-{day:02d}", "day", rule, conf)

    def _fallback(self, m: re.Match, pat: Pattern, lang: str) -> Found | None:
        """A "day word year" / "word year" candidate in a language without a month lexicon, read by dateparser."""
        year = int(m.group("year"))
        if not self.params.min_year <= year <= self.params.max_year:
            return None
        parser = _dateparser(lang)
        if parser is None:
            return None
        try:
            data = parser.get_date_data(m.group(0))
        except Exception:  # noqa: BLE001 - a parser error means "not a date"
            return None
        if data is None or data.date_obj is None or data.date_obj.year != year:
            return None
        d, period = data.date_obj, data.period
        if period == "day" and m.groupdict().get("day"):
            value = f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
        elif period in ("day", "month") and not m.groupdict().get("day"):
            value, period = f"{d.year:04d}-{d.month:02d}", "month"
        else:
            return None
        return Found(m.start(), m.end(), m.span(), value, period, f"{lang}:dateparser-{pat.name}",
                     self.neutral.fallback_confidence)

    def _month(self, g: dict[str, Any], spec: LangDates | None) -> int | None:
        if g.get("monthnum"):
            n = int(g["monthnum"])
            return n if 1 <= n <= 12 or g.get("day") else None
        name = " ".join((g.get("month") or "").casefold().split())
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

    @staticmethod
    def _blocked(f: Found, blocked: list[tuple[int, int, str]]) -> bool:
        uncued = ("_uncued", True) in f.attrs
        return any(s < f.outer[1] and f.outer[0] < e and (scope == "all" or uncued)
                   for s, e, scope in blocked)

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
        start = window_start + m.start("w") if self.params.qualifier_in_span else f.start
        return Found(start, f.end, (min(start, f.outer[0]), f.outer[1]), f.value, f.granularity, f.rule, f.confidence, attrs)

    @staticmethod
    def _year_for(f: Found, earlier: list[Found], doc: Document) -> tuple[str | None, str, bool]:
        """The year of "12 November": the last dated expression before it in its sentence, else the publication
        date's year. Returns (value, granularity, taken from the publication date)."""
        month_day = f.value[1:]  # "--MM-DD" -> "-MM-DD"
        sent = doc.sentence_index(f.start)
        for o in reversed(earlier):
            if doc.sentence_index(o.start) != sent:
                break
            if o.value and o.rule != "relative" and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", o.value):
                year = int(o.value[:4])
                return (f"{o.value[:4]}{month_day}", "day", False) if _valid(year, int(month_day[1:3]), int(month_day[4:6])) else (None, "day", False)
        if doc.published and re.match(r"\d{4}", doc.published):
            year = int(doc.published[:4])
            if _valid(year, int(month_day[1:3]), int(month_day[4:6])):
                return f"{year:04d}{month_day}", "day", True
        return None, "day", False

    # -- publication date -----------------------------------------------------------------------------
    def _dateline(self, doc: Document, chosen: list[Found], spec: LangDates | None) -> str | None:
        """A day-precise date alone (or after a 'published' cue) on one of the first lines."""
        lines = [s for _, s in doc.content_sentences()][: self.params.dateline_lines]
        cues = spec.dateline_cues if spec else []
        for sent in lines:
            line = doc.text[sent.start : sent.end]
            for f in chosen:
                if f.granularity == "day" and f.value and f.rule != "relative" and sent.start <= f.start < sent.end:
                    prefix = line[: f.start - sent.start]
                    rest = (prefix + line[f.end - sent.start :]).casefold()
                    if (len(line.strip()) <= self.params.dateline_max_chars or any(c in rest for c in cues)
                            or (self.neutral.dateline_prefix and self.neutral.dateline_prefix.search(prefix))):
                        return f.value
        return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _resolve(found: list[Found]) -> list[Found]:
    """Longest match first (ties: higher confidence, then earlier); no two chosen candidates overlap."""
    chosen: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.outer[1] - f.outer[0]), -f.confidence, f.start)):
        if all(f.outer[1] <= o.outer[0] or o.outer[1] <= f.outer[0] for o in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _drop_weekdays_of_dates(chosen: list[Found], shadow: str) -> list[Found]:
    """"Tuesday, 12 March 2021": the weekday names a date given in full right after it; no mention of its own."""
    out = []
    for i, f in enumerate(chosen):
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if (dict(f.attrs).get("_unit") == "weekday" and nxt is not None and nxt.rule != "relative"
                and re.fullmatch(r"[\s,،]*(?:the\s+|le\s+|ngày\s+)?", shadow[f.end : nxt.start], re.IGNORECASE)):
            continue
        out.append(f)
    return out


def _relative(published: str | None, unit: str, offset: int) -> str | None:
    """The value of "last year" / "this month" / "yesterday" from an ISO publication date (None if unknown)."""
    if not published or not re.match(r"\d{4}", published):
        return None
    y = int(published[:4])
    if unit == "year":
        return f"{y + offset:04d}"
    if len(published) < 7:
        return None
    if unit == "month":
        m = int(published[5:7]) + offset
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return f"{y:04d}-{m:02d}"
    if len(published) < 10:
        return None
    pub = dt.date(y, int(published[5:7]), int(published[8:10]))
    if unit == "weekday":  # "on Friday" in a news text: the last such day on or before publication
        return (pub - dt.timedelta(days=(pub.weekday() - offset) % 7)).isoformat()
    return (pub + dt.timedelta(days=offset)).isoformat()


def search_dates_baseline(text: str, lang: str | None, published: str | None = None) -> list[tuple[str, Any]]:
    """dateparser's own search over a whole text: the baseline the benchmark compares this stage with.

    Same settings as the stage (DMY, first day/month, a fixed relative base: the publication date when given,
    else 2000-01-01), so its output never depends on today's date.
    """
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(published[:10]) if published else FIXED_BASE
    settings = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": base}
    return search_dates(text, languages=[lang] if lang else None, settings=settings) or []
