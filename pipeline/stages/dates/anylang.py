"""Dates in any language dateparser knows: month names and relative words from its locale data.

For a language without ``models/<lang>/months.yaml`` the stage builds the same kind of resources the
hand-written languages have, from ``dateparser.data.date_translation_data.<lang>.info``: month names (an
abbreviation, shorter than the month's full name, only with its period: "dic." yes, "mar" no, since it is also
a word), the "pertain" words between day, month and year ("12 de marzo de 2021"), and the relative words
("gestern", "el año pasado"). The candidate forms are the language-neutral ``fallback_patterns`` of
``models/dates.yaml``; values are computed from the matched parts (granularity kept), never by dateparser's
own search, so spans are exact and no common word becomes a date.
"""

from __future__ import annotations

import importlib
import re

from pipeline.stages.dates.resources import LangDates, Neutral, alt, before_rx, build_patterns

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
# dateparser relative keys -> (unit, offset); only a day before/at publication, and years and months.
RELATIVE_KEYS = {"1 day ago": ("day", -1), "0 day ago": ("day", 0), "1 year ago": ("year", -1),
                 "0 year ago": ("year", 0), "in 1 year": ("year", 1), "1 month ago": ("month", -1),
                 "0 month ago": ("month", 0), "in 1 month": ("month", 1)}
NAME_RE = re.compile(r"[^\W\d_]+(?:[ .'-][^\W\d_]+)*\.?")


def locale_info(lang: str) -> dict | None:
    """dateparser's locale data for ``lang`` (None when dateparser or the locale is missing)."""
    if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?", lang or ""):
        return None
    try:
        return importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
    except Exception:  # noqa: BLE001 - unknown locale or dateparser missing: no dates beyond numbers
        return None


def month_names(info: dict) -> dict[str, int]:
    """Casefolded month name -> number. Abbreviations (shorter than the month's longest name, under 5
    letters) are kept only with a final period."""
    months: dict[str, int] = {}
    for number, key in enumerate(MONTH_KEYS, start=1):
        names = [" ".join(n.casefold().split()) for n in info.get(key) or [] if NAME_RE.fullmatch(n.strip())]
        longest = max((len(n.rstrip(".")) for n in names), default=0)
        for name in names:
            bare = name.rstrip(".")
            if len(bare) < 3:
                continue
            abbreviation = len(bare) < 5 and len(bare) < longest
            months.setdefault(bare + "." if abbreviation else bare, number)
    return months


def relative_rules(info: dict) -> list[tuple[re.Pattern, str, int]]:
    rules = []
    for key, (unit, offset) in RELATIVE_KEYS.items():
        words = [w for w in (info.get("relative-type") or {}).get(key) or [] if len(w) >= 4 and NAME_RE.fullmatch(w)]
        if words:
            rules.append((re.compile(rf"(?<![^\W_])(?P<rel>{alt(words)})(?![^\W_])", re.IGNORECASE), unit, offset))
    return rules


def locale_dates(lang: str, neutral: Neutral) -> LangDates | None:
    """Date resources for ``lang`` built from dateparser's locale data, or None."""
    info = locale_info(lang)
    if info is None:
        return None
    months = month_names(info)
    if not months:
        return None
    month_alt = alt(list(months))
    pertain = [w for w in info.get("pertain") or [] if NAME_RE.fullmatch(w)]
    extra = {"{PERTAIN}": f"(?:{alt(pertain)})" if pertain else "(?!x)x"}
    patterns = build_patterns(neutral.fallback_specs, month_alt, lang, re.IGNORECASE, extra)
    return LangDates(lang=lang, patterns=patterns, months=months, qualifiers={}, qualifier_rx=None,
                     relative=relative_rules(info), number_words_rx=re.compile(r"\d+[ \t]+$"), range_from_rx=None,
                     year_cue_rx=before_rx(pertain), count_after_rx=None, number_before_rx=None,
                     source="dateparser")
