"""Date resources: per-language patterns and lexicons (models/), compiled once per process.

``models/dates.yaml`` holds language-neutral patterns, blockers and name cues; ``models/<lang>/dates.yaml`` and
``models/<lang>/months.yaml`` a language's patterns and words; ``models/digits.yaml`` the digits mapped to ASCII.
Languages without ``months.yaml`` get their month names from dateparser's locale data (``anylang``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.knowledge.resources import Resources
from pipeline.text.scan import Scanner

YEAR_RE = r"(?:1[5-9]|20)\d\d"
DAY_RE = r"[0-3]?\d"


@dataclass
class Pattern:
    """One compiled date pattern; ``granularity`` says how its groups become a value."""

    name: str
    regex: re.Pattern
    granularity: str
    span: str | None
    lang: str | None
    bare: bool = False
    ambiguous: bool = False  # numeric day-month order that English readers may read month-day
    needs_digit: bool = True  # only run on sentences that hold a digit
    # ``regex.finditer`` jumping between the characters a match can start with (pipeline/text/scan.py)
    scanner: Scanner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.scanner = Scanner(self.regex)


@dataclass
class Instrument:
    """Years that belong to an instrument's name ("Strategy ... until 2035", "Kế hoạch ... giai đoạn 2018-2022")."""

    heads_rx: re.Pattern
    connector_rx: re.Pattern | None
    max_words: int
    adjacent_words: int
    break_rx: re.Pattern | None = None


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
    # a closing line's opening ("Fait à Abuja, le 4 février 2026"): the document's own date, at its end
    closing_cues: list[str] = field(default_factory=list)
    instrument: Instrument | None = None
    source: str = "models"  # "models" or "dateparser" (locale data fallback)
    # a date of another calendar written next to its Gregorian equivalent ("14 شعبان 1446 هـ الموافق 13 فبراير
    # 2025"): its own mention, with the value of the Gregorian date it is paired with
    paired_rx: re.Pattern | None = None
    pair_gap_rx: re.Pattern | None = None
    # qualifiers that are calendar units, part of the span whatever params say ("premier semestre 2026", "quý I
    # năm 2026", "الربع الأول من عام 2026"), unlike "early"/"fin"
    span_qualifiers: frozenset[str] = frozenset()
    # calendar parts that name months ("premier trimestre": 1-3, "quý IV": 10-12): a year they qualify becomes
    # that month range ("premier trimestre 2025" -> 2025-01/2025-03)
    calendar_parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    # a weekday right before a date is part of its span ("jeudi 22 mai", "Tuesday, 15 October"); else it is dropped
    weekday_in_span: bool = False


@dataclass
class Neutral:
    patterns: list[Pattern]
    fallback_specs: list[dict]
    fallback_confidence: float
    ambiguous_confidence: float
    ambiguous_langs: set[str]
    blockers: list[tuple[str, Scanner, str]]  # (name, the regex's scanner, scope)
    name_before_rx: re.Pattern | None
    name_after_rx: re.Pattern | None
    name_before_patterns: list[re.Pattern]
    dateline_prefix: re.Pattern | None
    digits: dict[int, str]
    dateline_dash: re.Pattern | None = None


def alt(words: list[str]) -> str:
    """Alternation of literal words/phrases, longest first, any whitespace between the words of a phrase."""
    uniq = sorted({" ".join(w.split()) for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def before_rx(words: list[str], clitics: list[str] | None = None, flags: int = 0) -> re.Pattern | None:
    """Matches at the end of the text before a candidate: one of ``words`` as a whole word, then spaces (or the
    slash of "quý II/2026")."""
    if not words:
        return None
    cl = f"(?:{alt(clitics)})?" if clitics else ""
    return re.compile(rf"(?<![^\W_]){cl}(?P<w>{alt(words)})[\s\-/]*$", flags)


def after_rx(words: list[str], flags: int = 0) -> re.Pattern | None:
    if not words:
        return None
    return re.compile(rf"^\s*(?:{alt(words)})(?![^\W_])", flags)


def compile_pattern(raw: str, month_alt: str, flags: int, extra: dict[str, str] | None = None) -> re.Pattern:
    """Placeholders -> named groups. {MONTHB}/{MONTHNUMB}: the first month of a cross-month range."""
    subs = {"{MONTHB2}": f"(?P<monthb2>{month_alt})", "{MONTHB}": f"(?P<monthb>{month_alt})",
            "{MONTH2}": f"(?P<month2>{month_alt})", "{MONTH}": f"(?P<month>{month_alt})",
            "{YEAR2}": f"(?P<year2>{YEAR_RE})", "{YEAR}": f"(?P<year>{YEAR_RE})",
            "{DAY2}": f"(?P<day2>{DAY_RE})", "{DAY}": f"(?P<day>{DAY_RE})",
            "{MONTHNUMB}": r"(?P<monthnumb>[01]?\d)", "{MONTHNUM}": r"(?P<monthnum>[01]?\d)", **(extra or {})}
    for key, value in subs.items():
        raw = raw.replace(key, value)
    return re.compile(raw, flags)


def build_patterns(specs: list[dict], month_alt: str, lang: str | None, flags: int,
                   extra: dict[str, str] | None = None) -> list[Pattern]:
    return [Pattern(p["name"], compile_pattern(p["regex"], month_alt, flags, extra), p["granularity"], p.get("span"),
                    lang, bool(p.get("bare")), bool(p.get("ambiguous")), not p.get("no_digit", False))
            for p in specs or []]


def month_alternation(months: dict[str, int], case: str | None) -> str:
    if not months:
        return "(?!x)x"
    names = list(months)
    if case == "title":  # "May", "MAY": never the lowercase word
        names = [n[:1].upper() + n[1:] for n in names] + [n.upper() for n in names]
    return alt(names)


def _instrument(spec: dict | None) -> Instrument | None:
    """Instrument heads and the words linking a name to its period, from a language's dates.yaml."""
    if not spec or not spec.get("heads"):
        return None
    flags = 0 if spec.get("case") == "title" else re.IGNORECASE
    clitics = f"(?:{alt(spec['clitics'])})?" if spec.get("clitics") else ""
    heads = re.compile(rf"(?<![^\W_]){clitics}(?:{alt(spec['heads'])})(?![^\W_])", flags)
    conn = spec.get("connectors") or []
    conn_rx = re.compile(rf"(?<![^\W_])(?:{alt(conn)})\s*\(?\s*$", re.IGNORECASE) if conn else None
    breaks = spec.get("break_words") or []
    break_rx = re.compile(rf"(?<![^\W_])(?:{alt(breaks)})(?![^\W_])", re.IGNORECASE) if breaks else None
    return Instrument(heads, conn_rx, int(spec.get("max_words", 14)), int(spec.get("adjacent_words", 4)), break_rx)


def _lang_dates(lang: str, spec: dict, mspec: dict) -> LangDates:
    months = {" ".join(k.casefold().split()): int(v) for k, v in (mspec.get("months") or {}).items()}
    flags = 0 if mspec.get("case") == "title" else re.IGNORECASE
    month_alt = month_alternation(months, mspec.get("case"))
    quals = {" ".join(k.casefold().split()): v for k, v in (spec.get("qualifiers") or {}).items()}
    nw = spec.get("number_words") or []
    cl = spec.get("clitics") or []
    wdays = {" ".join(k.casefold().split()): int(v) for k, v in (spec.get("weekdays") or {}).items()}
    return LangDates(
        lang=lang,
        patterns=build_patterns(spec.get("patterns"), month_alt, lang, flags),
        months=months,
        qualifiers=quals,
        qualifier_rx=before_rx(list(quals), cl, re.IGNORECASE),
        relative=[(re.compile(r["regex"]), r["unit"], int(r["offset"])) for r in spec.get("relative") or []],
        number_words_rx=re.compile(rf"(?:\d+|(?<![^\W_])(?:{alt(nw)}))[ \t]+$", re.IGNORECASE) if nw
        else re.compile(r"\d+[ \t]+$"),
        range_from_rx=before_rx(spec.get("range_from") or [], cl),
        year_cue_rx=before_rx(spec.get("year_cues") or [], cl),
        count_after_rx=after_rx(spec.get("count_after") or []),
        number_before_rx=before_rx(spec.get("number_before") or [], cl),
        weekdays=wdays,
        weekday_rx=re.compile(spec["weekday_regex"].replace("{WEEKDAY}", f"(?P<weekday>{alt(list(wdays))})"),
                              re.IGNORECASE) if wdays and spec.get("weekday_regex") else None,
        dateline_cues=[c.casefold() for c in spec.get("dateline_cues") or []],
        closing_cues=[c.casefold() for c in spec.get("closing_cues") or []],
        instrument=_instrument(spec.get("instrument")),
        span_qualifiers=frozenset(" ".join(k.casefold().split()) for k in spec.get("span_qualifiers") or []),
        calendar_parts={" ".join(k.casefold().split()): (int(v[0]), int(v[1])) for k, v in (spec.get("calendar_parts") or {}).items()},
        weekday_in_span=bool(spec.get("weekday_in_span")),
        **_paired(spec.get("paired_calendar")),
    )


def _paired(spec: dict | None) -> dict:
    """The other calendar's date pattern and what may stand between it and its Gregorian date."""
    if not spec:
        return {}
    words = sorted(spec.get("gap_words") or [], key=len, reverse=True)
    gap = rf"[\s,،()\-–]*(?:(?:{alt(words)})[\s,،()]*)*" if words else r"[\s,،()]*"
    return {"paired_rx": re.compile(spec["regex"]), "pair_gap_rx": re.compile(gap)}


def _neutral(spec: dict, digits: dict, name_before: list[str], name_after: list[str]) -> Neutral:
    return Neutral(
        patterns=build_patterns(spec.get("patterns"), "(?!x)x", None, 0),
        fallback_specs=list(spec.get("fallback_patterns") or []),
        fallback_confidence=float(spec.get("fallback_confidence", 0.7)),
        ambiguous_confidence=float(spec.get("ambiguous_confidence", 0.8)),
        ambiguous_langs=set(spec.get("ambiguous_languages") or []),
        blockers=[(b["name"], Scanner(re.compile(b["regex"])), b.get("scope", "all")) for b in spec.get("blockers") or []],
        name_before_rx=before_rx(name_before, spec.get("name_clitics")),
        name_after_rx=after_rx(name_after),
        name_before_patterns=[re.compile(p) for p in spec.get("name_before_patterns") or []],
        dateline_prefix=re.compile(spec["dateline_prefix"]) if spec.get("dateline_prefix") else None,
        digits=str.maketrans({k: str(v) for k, v in digits.items()}),
        dateline_dash=re.compile(spec["dateline_after"]) if spec.get("dateline_after") else None,
    )


def load_date_resources(resources: Resources) -> tuple[dict[str, LangDates], Neutral]:
    """Every language with models/<lang>/dates.yaml, and the neutral resources (memoised per Resources)."""
    def build():
        neutral_spec = resources.yaml("dates.yaml")
        digits = (resources.yaml("digits.yaml", {}) or {}).get("digits") or {}
        name_before = list(neutral_spec.get("name_before") or [])
        name_after = list(neutral_spec.get("name_after") or [])
        langs: dict[str, LangDates] = {}
        for lang, spec in resources.per_language("dates.yaml").items():
            langs[lang] = _lang_dates(lang, spec, resources.yaml(f"{lang}/months.yaml", {}) or {})
            name_before += spec.get("name_before") or []
            name_after += spec.get("name_after") or []
        return langs, _neutral(neutral_spec, digits, name_before, name_after)

    return resources.memo(("dates",), build)
