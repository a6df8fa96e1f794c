"""The first-character jump of ``Scanner`` finds exactly what ``finditer`` finds."""

from __future__ import annotations

import re

import pytest

from pipeline.text.scan import Scanner, first_characters, required_strings

TEXT = ("Signed on 12/03/2021 (S/2016/89), tel. +84 24 3822 1234 at 10:30; 1999-2001, US$ 2,000 and 3-5/11/2022. "
        "Kỳ họp ngày 5/5/2023; الموافق ١٣ فبراير 2025; 2020. 45/2019 x2019 19999 2030-35")
PATTERNS = [
    r"(?<![\d/.:-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<monthnum>[0-3]?\d)(?P=sep)(?P<year>(?:1[5-9]|20)\d\d)(?![\d/])",
    r"(?<![\d/.,:])(?<!\d[-–—])(?:1[5-9]|20)\d\d(?![\d/]|[.,]\d|-\d|[A-Za-z])",
    r"(?<![\w+])(?:\+|00)\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}(?!\d)",
    r"(?<!\d)[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?!\d)",
    r"(?:US\$|\$|€|£|¥|(?<![A-Za-z])(?:USD|EUR|VND|GBP|CHF|JPY))\s?\d[\d,.\s]*\d",
    r"(?<!\d)\d+",  # runs inside runs: the jump must restart right after each match
    r"(?<=\s)[A-Z][a-z]+",
    # filtered by the strings every match contains: "US$"..., "at 1"/"At 1", "/", "ngày"/"Ngày"
    r"\b[Aa]t 1\d:\d\d\b",
    r"\b[A-Za-z][A-Za-z.]*(?:[ \t]?/[ \t]?[A-Za-z0-9.()-]+)+",
    r"(?<![^\W\d_])[Nn]gày\s+\d+",
    r"(?i:tel)\.?\s*\+?\d+",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("span", [(0, None), (7, 120), (33, 61), (150, None)])
def test_scan_finds_what_finditer_finds(pattern, span):
    rx = re.compile(pattern)
    start, end = span
    end = len(TEXT) if end is None else end
    expected = [(m.span(), m.groups()) for m in rx.finditer(TEXT, start, end)]
    assert [(m.span(), m.groups()) for m in Scanner(rx).finditer(TEXT, start, end)] == expected


def test_scan_jumps_only_where_it_pays():
    # a lookbehind first and rare first characters (digits): the jump
    assert first_characters(re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d")) is not None
    # re skips ahead by itself (no lookaround first), letters are everywhere, an empty match, inline flags: none
    assert first_characters(re.compile(r"\d+:\d+")) is None
    assert first_characters(re.compile(r"(?<!\w)[a-z]+")) is None
    assert first_characters(re.compile(r"(?<!\d)\d*")) is None
    assert first_characters(re.compile(r"(?<!\d)(?i:tel)\d")) is None
    assert first_characters(re.compile(r"(?<!\d)[^a]\d")) is None


def test_required_strings_are_the_literals_every_match_contains():
    assert required_strings(re.compile(r"\b[Tt]his year\b|\b[Tt]he current year\b")) == (
        "The current year", "This year", "the current year", "this year")
    assert required_strings(re.compile(r"(?:US\$|\$|€)\s?\d+")) == ("$", "€")  # "US$" holds "$"
    assert required_strings(re.compile(r"\d+\s?dollars?")) == ("dollar",)
    assert required_strings(re.compile(r"(?:https?://|www\.)\S+")) == ("http://", "https://", "www.")
    assert required_strings(re.compile(r"\w+(?:/\w+)+")) == ("/",)


def test_required_strings_are_none_where_case_or_classes_decide():
    assert required_strings(re.compile(r"(?i)this year")) is None
    assert required_strings(re.compile(r"(?i:tel)\d")) is None
    assert required_strings(re.compile(r"\d+[-/]?\d*")) is None
    assert required_strings(re.compile(r"a?b?")) is None  # the empty match holds nothing


def test_a_span_without_the_required_strings_is_not_scanned():
    scanner = Scanner(re.compile(r"\b[Tt]oday\b"))
    text = "Today, the news of the day; today."
    assert [m.span() for m in scanner.finditer(text, 6, 27)] == []
    assert [m.span() for m in scanner.finditer(text)] == [(0, 5), (28, 33)]
    assert [m.span() for m in scanner.finditer(text, 28)] == [(28, 33)]
    assert [m.span() for m in scanner.finditer(text, 28, 32)] == []  # "toda": the string must fit in the span
