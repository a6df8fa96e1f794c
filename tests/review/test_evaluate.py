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


def test_errors_list_every_miss_false_alarm_boundary_and_value_error(dirs):
    errors = []
    evaluate(*dirs, errors=errors)
    got = sorted((e["kind"], e["type"], e["text"]) for e in errors)
    # UNDP missed; the EVENT trigger has no EVENT mention; Bali a false alarm; "the UN" vs gold "UN" a boundary
    # error; 2011 valued 2011-01 not 2011
    assert got == [("boundary", "ORG", "UN"), ("false alarm", "ORG", "Bali"), ("miss", "EVENT", "met"),
                   ("miss", "ORG", "UNDP"), ("value", "DATE", "2011")]
    boundary = next(e for e in errors if e["kind"] == "boundary")
    assert boundary["predicted"] == {"start": 10, "end": 16, "text": "the UN", "value": None}
    assert boundary["context"] == "ASEAN and the ⟦UN⟧ met in Bali in 2011. UNDP too."


def test_errors_context_is_clipped_to_forty_characters_and_one_line():
    from pipeline.review.evaluate import context

    text = "x" * 50 + "\nUNESCO\n" + "y" * 50
    assert context(text, 51, 57) == "x" * 39 + " ⟦UNESCO⟧ " + "y" * 39


def test_cli_evaluate_writes_small_metrics_detail_errors_and_svg(dirs, tmp_path):
    import xml.etree.ElementTree as ET

    from click.testing import CliRunner

    from pipeline.cli import main

    gold, pred = dirs
    out = tmp_path / "m"
    (out / "sample").mkdir(parents=True)
    (out / "sample" / "xx.json").write_text("{}", encoding="utf-8")  # a language no longer scored
    args = ["evaluate", "--gold", str(gold), "--pred", str(pred), "--metrics", str(out / "sample"),
            "--detail", str(out / "detail.json"), "--plots", str(out / "f1.svg"), "--errors", str(out / "errors.txt")]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (out / "sample").iterdir()) == ["all.json", "en.json"]
    assert json.loads((out / "sample" / "en.json").read_text()) == {
        "DATE": 1.0, "DATE_value": 0.0, "EVENT": 0.0, "EVENT_type_date": 1.0, "ORG": 0.3333}
    assert json.loads((out / "detail.json").read_text())["mentions_overlap"]["ORG"]["en"]["f1"] == 0.6667
    svg = ET.parse(out / "f1.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    labels = [t.text for t in svg.iter(ns + "text")]
    assert "ORG en" in labels and "EVENT(type+date) all" in labels and "0.333" in labels
    assert [r.get("width") for r in svg.iter(ns + "rect")][1:3] == ["106.7", "106.7"]  # ORG en, ORG all: 0.3333 x 320
    lines = (out / "errors.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "== a.txt"
    assert lines[-1] == "total: 2 miss, 1 false alarm, 1 boundary, 1 value"
    assert "boundary    ORG       14:16 'UN' -> predicted 10:16 'the UN'" in lines


def test_cli_evaluate_metrics_json_path_keeps_the_full_result(dirs, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    gold, pred = dirs
    res = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--metrics", str(tmp_path / "m.json")])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "m.json").read_text())["mentions"]["ORG"]["en"]["tp"] == 1
