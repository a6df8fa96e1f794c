"""Context of a date: instrument names around a year, the year of a day without one, relative values, datelines.

Everything here is linear in the number of candidates: windows are bounded, and lookups over the chosen
dates use ``bisect`` on their sorted starts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.stages.dates.resources import Instrument

BREAK_RX = re.compile(r"(?<!\d)\d{4}(?!\d)|[;:.!?؛،]")
RANGE_START_RX = re.compile(r"\d{4}\s?[-–—]\s?$")  # a period's first year right before its last
RANGE_AFTER_RX = re.compile(r"\s*(?:[^\W\d_]{1,6}\s+)?\d{4}(?!\d)")
INSTRUMENT_WINDOW = 200


@dataclass(frozen=True)
class Found:
    """A chosen or candidate date: span, outer match, value (``--MM-DD`` when the year is still open)."""

    start: int
    end: int
    outer: tuple[int, int]
    value: str | None
    granularity: str
    rule: str
    confidence: float
    attrs: tuple = ()


def valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def in_instrument(shadow: str, start: int, end: int, floor: int, inst: Instrument | None, cued: bool) -> bool:
    """A year or period that is part of an instrument's name: an instrument head earlier in the clause, then
    only name words (no digit, no clause break, no break word), then a period connector ("for", "until",
    "giai đoạn", "pour") or, for a year without a cue word, nothing but an opening bracket."""
    if inst is None:
        return False
    window = shadow[max(floor, start - INSTRUMENT_WINDOW) : start]
    window = RANGE_START_RX.sub("", window)  # "giai đoạn 2026 - 2030": the period's end is named like its start
    conn = inst.connector_rx.search(window) if inst.connector_rx else None
    if conn is not None:
        if RANGE_AFTER_RX.match(shadow, end, end + 16):
            return False  # "de 2010 à 2015", "from 2010 to 2015": two dates of a span of time, not a name's period
        body, limit = window[: conn.start()], inst.max_words
    elif cued:
        return False
    else:
        body, limit = re.sub(r"[\s(]*$", "", window), inst.adjacent_words
    last = None
    for last in inst.heads_rx.finditer(body):
        pass
    if last is None:
        return False
    between = body[last.end() :]
    if BREAK_RX.search(between) or (inst.break_rx and inst.break_rx.search(between)) or _comma_breaks(between):
        return False
    return len(between.split()) <= limit


def _comma_breaks(text: str) -> bool:
    """A comma inside a name only separates capitalised items ("Terrorism, Separatism and Extremism")."""
    for m in re.finditer(r",\s*(\S)", text):
        if not m.group(1).isupper():
            return True
    return text.rstrip().endswith(",")


# A day-precise date among a page's first sentences (title, dateline) is what "today" means when the input gives
# no publication date.
DATELINE_SENTENCES = 5
SPANS = 8  # day ranges remembered for the days told inside them


class YearContext:
    """The year a day without one takes, fed the chosen dates in text order: the last dated expression of its
    sentence, else the nearest earlier day-precise date of the document, else the publication date. A context
    date after the publication date (a deadline: "until 31 January 2026") gives way to the publication year."""

    def __init__(self, published: str | None) -> None:
        self.published = published if published and re.match(r"\d{4}", published) else None
        self.sentence_year: tuple[int, int] | None = None  # (sentence index, year)
        self.full: str | None = None  # the last day-precise value (an interval's first day)
        self.full_paragraph = 0
        self.spans: list[tuple[str, str]] = []  # day ranges told so far ("du 9 au 13 février 2026"), at most SPANS kept
        # the dateline's date: what relative words ("today") mean when the input gives no publication date, and
        # the last resort for a day without a year; unlike a publication date it never overrides a full date
        self.reference: str | None = None
        self.last: str | None = None  # the last date of the text, whatever its precision ("the same year" is its year)

    def see(self, sentence: int, value: str | None, granularity: str, rule: str, paragraph: int = 0,
            explicit: bool = True) -> None:
        """Take note of a chosen date (``explicit``: its year is written, not taken from the context)."""
        if not value or rule == "relative" or not re.match(r"\d{4}(?:-\d\d){0,2}(?:/|$)", value):
            return
        if "/" in value and not re.match(r"\d{4}-", value):
            return  # a period of years (2016/2020) dates nothing
        self.sentence_year = (sentence, int(value[:4]))
        self.last = value
        if granularity in ("day", "dayrange"):
            self.full, self.full_paragraph = value[:10], paragraph
        if granularity == "dayrange" and explicit:
            self.spans = (self.spans + [(value[:10], value[-10:])])[-SPANS:]
        if self.reference is None and granularity in ("day", "dayrange") and sentence < DATELINE_SENTENCES:
            self.reference = value[-10:]  # a wire's dateline ("القاهرة 13 فبراير 2025"), a digest's week, dates "today"

    def in_sentence(self, sentence: int) -> bool:
        """A dated expression came before in this sentence (its year is the one a day of the sentence takes)."""
        return self.sentence_year is not None and self.sentence_year[0] == sentence

    def span_year(self, month_day: str) -> int | None:
        """The year of a day range told before that holds this "MM-DD" ("Dates du séjour : du 9 au 13 février
        2026" ... "Lundi 9 février"): the days of a programme or a mission are the range's own."""
        for first, last in reversed(self.spans):
            if first[:4] == last[:4] and first[5:] <= month_day <= last[5:]:
                return int(first[:4])
        return None

    def year_for(self, sentence: int, paragraph: int = 0) -> tuple[int | None, str]:
        if self.in_sentence(sentence):
            return self.sentence_year[1], "year of the date before it in the sentence"
        # a full date of an earlier paragraph is background ("resolution 70/259 of 1 April 2016"): a day of a
        # later paragraph of a dated page takes the publication year
        anchor = self.published or (self.reference if self.reference and self.full and self.full[:4] != self.reference[:4] else None)
        far = anchor and paragraph != self.full_paragraph  # a dateline (or a digest's week) anchors a page as well
        if self.full is not None and not (self.published and self.full > self.published) and not far:
            return int(self.full[:4]), "year of the nearest earlier full date"
        if self.published:
            return int(self.published[:4]), "year of the publication date"
        if far:
            return int(self.reference[:4]), "year of the dateline date"
        if self.full is not None:
            return int(self.full[:4]), "year of the nearest earlier full date"
        if self.reference:
            return int(self.reference[:4]), "year of the dateline date"
        return None, "day and month without a year"


def fill_year(value: str, year: int) -> str | None:
    """"--11-20/--11-22" + 2023 -> "2023-11-20/2023-11-22" (None if a day does not exist that year)."""
    parts = []
    for part in value.split("/"):
        month, day = int(part[2:4]), int(part[5:7])
        if not valid(year, month, day):
            return None
        parts.append(f"{year:04d}-{month:02d}-{day:02d}")
    return "/".join(parts)


def relative_value(published: str | None, unit: str, offset: int) -> str | None:
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


def resolve_overlaps(found: list[Found]) -> list[Found]:
    """Longest match first (ties: higher confidence, then earlier); no two chosen candidates overlap.
    The chosen spans are kept sorted, so each candidate is checked against its two neighbours only."""
    starts: list[int] = []
    chosen: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.outer[1] - f.outer[0]), -f.confidence, f.start)):
        i = bisect.bisect_left(starts, f.outer[0])
        if i < len(chosen) and chosen[i].outer[0] < f.outer[1]:
            continue
        if i > 0 and chosen[i - 1].outer[1] > f.outer[0]:
            continue
        starts.insert(i, f.outer[0])
        chosen.insert(i, f)
    return sorted(chosen, key=lambda f: f.start)


class Blocked:
    """Spans where nothing (scope all) or no bare year (scope bare) is a date; overlap tests by bisect."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self.max_len = max((e - s for s, e, _ in self.spans), default=0)

    def hits(self, f: Found) -> bool:
        uncued = ("_uncued", True) in f.attrs
        lo = bisect.bisect_left(self.starts, f.outer[0] - self.max_len)
        hi = bisect.bisect_left(self.starts, f.outer[1])
        return any(e > f.outer[0] and (scope == "all" or uncued) for _, e, scope in self.spans[lo:hi])
