"""The scorer, on hand-made gold/prediction pairs whose scores were computed by hand."""

from __future__ import annotations

import json

import pytest

from pipeline.review.evaluate import GoldError, cluster_scores, evaluate, match_overlap, Span

TEXT = "ASEAN and the UN met in Bali in 2011. UNDP too."


def _span(s):
    i = TEXT.index(s)
    return i, i + len(s)


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def dirs(tmp_path):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()

    def g(type_, s, **kw):
        a, b = _span(s)
        return {"doc": "a.txt", "type": type_, "start": a, "end": b, "text": s, **kw}

    _write(gold / "a.jsonl", [
        g("ORG", "ASEAN", entity="asean"), g("ORG", "UN", entity="un"), g("ORG", "UNDP", entity="undp"),
        g("DATE", "2011", value="2011"),
        g("EVENT", "met", event_type="meeting", date="2011", participants=["asean", "un"], agreements=[], status="past"),
    ])
    _write(pred / "documents.jsonl", [{"doc_id": "doc-1", "source": "a.txt", "lang": "en", "text": TEXT}])

    def m(type_, s, **kw):
        a, b = _span(s)
        return {"doc_id": "doc-1", "type": type_, "start": a, "end": b, "text": s, "value": None, "entity_id": None, **kw}

    _write(pred / "mentions.jsonl", [
        m("ORG", "ASEAN", entity_id="org:asean"), m("ORG", "the UN", entity_id="org:un"),
        m("ORG", "Bali", entity_id="org:x-bali"), m("DATE", "2011", value="2011-01"),
    ])
    a, b = _span("met")
    _write(pred / "events.jsonl", [{"doc_id": "doc-1", "type": "meeting", "date": "2011", "trigger": {"text": "met", "start": a, "end": b}}])
    return gold, pred


def test_evaluate_exact_and_overlap_span_scores(dirs):
    r = evaluate(*dirs)
    # exact: gold {ASEAN, UN, UNDP}, pred {ASEAN, "the UN", Bali} -> tp 1, fp 2, fn 2
    assert r["mentions"]["ORG"]["en"] == {"precision": 0.3333, "recall": 0.3333, "f1": 0.3333, "tp": 1, "fp": 2, "fn": 2}
    # overlap: "the UN" now matches UN -> tp 2, fp 1, fn 1
    assert r["mentions_overlap"]["ORG"]["en"]["f1"] == 0.6667
    assert r["mentions"]["DATE"]["all"]["f1"] == 1.0


def test_evaluate_date_value_accuracy_counts_wrong_granularity(dirs):
    assert evaluate(*dirs)["date_value_accuracy"] == {"en": 0.0, "all": 0.0}


def test_evaluate_event_type_and_date(dirs):
    r = evaluate(*dirs)
    assert r["events_type_date"]["en"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}


def test_evaluate_linking_over_matched_mentions(dirs):
    r = evaluate(*dirs)
    assert r["org_linking"] == {"accuracy": 1.0, "mentions": 2, "gold_clusters": 2, "split": [], "merged": {}}


def test_cluster_scores_split_and_merged_by_hand():
    r = cluster_scores([("a", "X"), ("a", "X"), ("a", "Y"), ("b", "X")])
    # a -> X (2 of 3), b -> X: hits a/X, a/X, b/X = 3 of 4
    assert r["accuracy"] == 0.75
    assert r["split"] == ["a"]
    assert r["merged"] == {"X": ["a", "b"]}


def test_match_overlap_is_one_to_one_largest_overlap_first():
    gold = [Span("d", 0, 10), Span("d", 12, 20)]
    pred = [Span("d", 5, 15), Span("d", 0, 4)]
    pairs = match_overlap(gold, pred)
    # (0,10)-(5,15) overlaps by 5, (0,10)-(0,4) by 4, (12,20)-(5,15) by 3: the 5 wins; (0,4) then has no free gold
    assert [((g.start, g.end), (p.start, p.end)) for g, p in pairs] == [((0, 10), (5, 15))]


def test_evaluate_reports_gold_offsets_that_do_not_match_text(dirs):
    gold, pred = dirs
    _write(gold / "b.jsonl", [{"doc": "a.txt", "type": "ORG", "start": 0, "end": 3, "text": "XYZ", "entity": "x"}])
    assert any("does not match the text" in p for p in evaluate(gold, pred)["problems"])


def test_evaluate_gold_missing_field_is_a_clear_error(tmp_path):
    _write(tmp_path / "x.jsonl", [{"doc": "a.txt", "type": "ORG", "start": 0}])
    with pytest.raises(GoldError, match=r"x.jsonl:1: missing field 'end'"):
        evaluate(tmp_path, tmp_path)
