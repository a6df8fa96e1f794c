"""Span bookkeeping: overlap queries and "the latest mention before" without comparing with every mention."""

from __future__ import annotations

from pipeline.text.spans import Intervals, LastBefore


def test_intervals_report_overlap_with_a_taken_span():
    taken = Intervals([(10, 20), (30, 35)])
    assert taken.overlaps(15, 25) is True
    assert taken.overlaps(34, 40) is True
    assert taken.overlapping(0, 100) == [(10, 20), (30, 35)]


def test_intervals_touching_spans_do_not_overlap():
    taken = Intervals([(10, 20)])
    assert taken.overlaps(20, 30) is False
    assert taken.overlaps(0, 10) is False


def test_intervals_find_a_long_span_starting_far_before_the_query():
    taken = Intervals([(0, 500), (600, 605)])
    taken.add(700, 702)
    assert taken.overlapping(490, 495) == [(0, 500)]
    assert taken.overlaps(650, 690) is False


def test_last_before_returns_latest_mention_that_ended_before_offset():
    last: LastBefore[str] = LastBefore()
    last.add("org:un", 0, 14, "United Nations")
    last.add("org:un", 40, 42, "UN")
    last.add("org:asean", 20, 25, "ASEAN")
    assert last.get("org:un", 50) == (40, "UN")
    assert last.get("org:un", 41) == (0, "United Nations")
    assert last.get("org:asean", 20) is None
    assert last.get("org:au", 99) is None


def test_last_before_prefers_the_first_added_among_equal_starts():
    last: LastBefore[str] = LastBefore()
    last.add("org:un", 5, 10, "first")
    last.add("org:un", 5, 10, "second")
    assert last.get("org:un", 10) == (5, "first")
