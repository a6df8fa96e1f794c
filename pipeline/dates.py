"""Dates: calendar expressions found with per-language patterns and month lexicons, normalised to ISO values.

Patterns are data (models/dates.yaml and models/<lang>/dates.yaml, months in models/<lang>/months.yaml),
compiled once per process. Matching runs on a shadow of the text where Arabic-Indic and Persian digits are
ASCII (one character for one, so offsets hold). Values are computed from the matched parts, never from
today's date: a month without a day is ``YYYY-MM``, a year is ``YYYY``, a period ``YYYY/YYYY``; a malformed
year is kept with ``value: null`` and a reason; relative dates resolve against the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.document import DATE, Document, Mention
from pipeline.registry import register
from pipeline.resources import Resources

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
YEAR_RE = r"(?:1[5-9]|20)\d\d"


@dataclass
class DateParams:
    min_year: int = 1800
    max_year: int = 2100
    # How many lines at the top of a document may carry its own date (a dateline).
    dateline_lines: int = 3
    dateline_max_chars: int = 40


@dataclass
class Pattern:
    name: str
    regex: re.Pattern
    granularity: str
    span: str | None
    lang: str | None


@dataclass
class LangDates:
    patterns: list[Pattern]
    months: dict[str, int]
    qualifiers: dict[str, str]
    relative: list[tuple[re.Pattern, str, int]]
    dateline_cues: list[str] = field(default_factory=list)


def _compile(raw: str, month_alt: str) -> re.Pattern:
    rx = (raw.replace("{MONTH2}", f"(?P<month2>{month_alt})").replace("{MONTH}", f"(?P<month>{month_alt})")
             .replace("{YEAR2}", f"(?P<year2>{YEAR_RE})").replace("{YEAR}", f"(?P<year>{YEAR_RE})"))
    return re.compile(rx, re.IGNORECASE)


def load_date_resources(resources: Resources) -> tuple[dict[str, LangDates], LangDates, list[str], list[str]]:
    def build():
        neutral_spec = resources.yaml("dates.yaml")
        langs: dict[str, LangDates] = {}
        for lang, spec in resources.per_language("dates.yaml").items():
            months = {k.casefold(): int(v) for k, v in (resources.yaml(f"{lang}/months.yaml", {}).get("months") or {}).items()}
            alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True)) or "(?!x)x"
            pats = [Pattern(p["name"], _compile(p["regex"], alt), p["granularity"], p.get("span"), lang) for p in spec.get("patterns", [])]
            rel = [(re.compile(r["regex"], re.IGNORECASE), r["unit"], int(r["offset"])) for r in spec.get("relative", [])]
            langs[lang] = LangDates(pats, months, {k.casefold(): v for k, v in (spec.get("qualifiers") or {}).items()}, rel,
                                    [c.casefold() for c in spec.get("dateline_cues", [])])
        neutral = LangDates([Pattern(p["name"], _compile(p["regex"], "(?!x)x"), p["granularity"], p.get("span"), None)
                             for p in neutral_spec["patterns"]], {}, {}, [])
        return langs, neutral, list(neutral_spec.get("name_words_before", [])), list(neutral_spec.get("name_words_after", []))

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


@register("dates", params=DateParams, requires=("sentences",), provides=("dates",))
class DateStage:
    def __init__(self, resources: Resources, params: DateParams) -> None:
        self.params = params
        self.langs, self.neutral, before, after = load_date_resources(resources)
        self.all_months = {}
        for ld in self.langs.values():
            self.all_months.update(ld.months)
        self.name_before = re.compile(r"(?:" + "|".join(re.escape(w) for w in before) + r")\s*$", re.IGNORECASE)
        self.name_after = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in after) + r")\b", re.IGNORECASE)

    def __call__(self, doc: Document) -> Document:
        shadow = doc.text.translate(DIGITS)
        spec = self.langs.get(doc.lang or "")
        patterns = (spec.patterns if spec else []) + self.neutral.patterns
        found: list[Found] = []
        for _, sent in doc.content_sentences():
            for order, pat in enumerate(patterns):
                for m in pat.regex.finditer(shadow, sent.start, sent.end):
                    f = self._normalise(m, pat, spec, shadow, order)
                    if f is not None:
                        found.append(f)
            if spec:
                for rx, unit, offset in spec.relative:
                    for m in rx.finditer(shadow, sent.start, sent.end):
                        found.append(Found(m.start(), m.end(), (m.start(), m.end()), None, unit, "relative", 0.8,
                                           (("relative", True), ("_unit", unit), ("_offset", offset))))
        chosen = _resolve(found)
        if not doc.published:
            doc.published = self._dateline(doc, chosen, spec)
        for f in chosen:
            attrs = {k: v for k, v in f.attrs if not k.startswith("_")}
            value = f.value
            if f.rule == "relative":
                raw = dict(f.attrs)
                value = _relative(doc.published, raw["_unit"], raw["_offset"])
                if value is None:
                    attrs["reason"] = "relative date without publication date"
            attrs["granularity"] = f.granularity if f.rule != "relative" else raw["_unit"]
            doc.add_mention(Mention(DATE, f.start, f.end, doc.text[f.start : f.end], f"dates:{f.rule}", f.confidence,
                                    value=value, attrs=attrs))
        return doc

    def _normalise(self, m: re.Match, pat: Pattern, spec: LangDates | None, shadow: str, order: int) -> Found | None:
        g = m.groupdict()
        start, end = m.span(pat.span) if pat.span else m.span()
        outer = m.span()
        rule = f"{pat.lang or 'any'}:{pat.name}"
        conf = 0.95 - order * 0.001
        if pat.granularity == "malformed":
            return Found(start, end, outer, None, "malformed", rule, 0.3, (("reason", "malformed year"),))
        year = int(g["year"]) if g.get("year") else None
        if year is None or not (self.params.min_year <= year <= self.params.max_year):
            return None
        if pat.granularity in ("year", "range") and self._in_name(shadow, outer[0], outer[1]):
            return None
        attrs: tuple = ()
        if g.get("qualifier") and spec:
            attrs = (("qualifier", spec.qualifiers.get(g["qualifier"].casefold(), g["qualifier"].casefold())),)
        if pat.granularity == "range":
            y2 = int(g["year2"])
            if not year < y2 <= self.params.max_year:
                return None
            return Found(start, end, outer, f"{year}/{y2}", "range", rule, conf, attrs)
        if pat.granularity == "year":
            return Found(start, end, outer, f"{year:04d}", "year", rule, conf, attrs)
        month = self._month(g, spec)
        if month is None:
            return None
        if pat.granularity == "month":
            return Found(start, end, outer, f"{year:04d}-{month:02d}", "month", rule, conf, attrs)
        day = int(g["day"])
        if g.get("monthnum") and month > 12 >= day:  # the day-month order cannot be DMY: read it as MDY
            day, month = month, day
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return Found(start, end, outer, f"{year:04d}-{month:02d}-{day:02d}", "day", rule, conf, attrs)

    def _month(self, g: dict[str, Any], spec: LangDates | None) -> int | None:
        if g.get("monthnum"):
            n = int(g["monthnum"])
            return n if 1 <= n <= 12 or g.get("day") else None
        name = (g.get("month") or "").casefold()
        months = spec.months if spec else self.all_months
        return months.get(name) or self.all_months.get(name)

    def _in_name(self, shadow: str, start: int, end: int) -> bool:
        return bool(self.name_before.search(shadow[max(0, start - 30) : start]) or self.name_after.match(shadow[end : end + 20]))

    def _dateline(self, doc: Document, chosen: list[Found], spec: LangDates | None) -> str | None:
        """A day-precise date alone (or after a 'published' cue) on one of the first lines."""
        lines = [s for _, s in doc.content_sentences()][: self.params.dateline_lines]
        cues = spec.dateline_cues if spec else []
        for sent in lines:
            line = doc.text[sent.start : sent.end]
            for f in chosen:
                if f.granularity == "day" and sent.start <= f.start < sent.end:
                    rest = (line[: f.start - sent.start] + line[f.end - sent.start :]).casefold()
                    if len(line) <= self.params.dateline_max_chars or any(c in rest for c in cues):
                        return f.value
        return None


def _resolve(found: list[Found]) -> list[Found]:
    chosen: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.outer[1] - f.outer[0]), -f.confidence, f.start)):
        if all(f.outer[1] <= o.outer[0] or o.outer[1] <= f.outer[0] for o in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _relative(published: str | None, unit: str, offset: int) -> str | None:
    if not published:
        return None
    y = int(published[:4])
    if unit == "year":
        return f"{y + offset:04d}"
    if len(published) < 7:
        return None
    m = int(published[5:7]) + offset
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


def search_dates_baseline(text: str, lang: str | None) -> list[tuple[str, Any]]:
    """dateparser's own search over a whole text: the baseline the benchmark compares this stage with."""
    from dateparser.search import search_dates

    settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first", "DATE_ORDER": "DMY",
                "RELATIVE_BASE": dt.datetime(2000, 1, 1)}
    return search_dates(text, languages=[lang] if lang else None, settings=settings) or []
