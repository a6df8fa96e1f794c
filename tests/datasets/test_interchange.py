"""Annotation round trips: Label Studio tasks and back to gold, a spaCy DocBin whose spans are the mentions
(Arabic clitics included), brat .txt/.ann pairs and back. A run exported and imported unchanged is gold
that scores 1.000 against the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.datasets.brat import fragments, parse_ann
from pipeline.datasets.gold_import import read_run
from pipeline.datasets.labelstudio import read_export
from pipeline.datasets.spacy_docbin import split_words

EN = ("The United Nations Development Programme (UNDP) and the Association of Southeast Asian Nations signed a "
      "Memorandum of Understanding in Jakarta on 12 March 2019.\n")
AR = "وقّعت رابطة أمم جنوب شرق آسيا والأمم المتحدة اتفاقاً في جاكرتا في 12 آذار/مارس 2019.\n"


def _cli(*args: str) -> None:
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="module")
def small_run(tmp_path_factory, config, resources) -> Path:
    from pipeline.runtime.runner import run

    tmp = tmp_path_factory.mktemp("interchange")
    corpus = tmp / "docs"
    corpus.mkdir()
    (corpus / "en_undp.txt").write_text(EN, encoding="utf-8")
    (corpus / "ar_asean.txt").write_text(AR, encoding="utf-8")
    run([corpus], tmp / "run", config, resources)
    return tmp / "run"


def _mentions(run_dir: Path, source: str) -> list[dict]:
    doc = next(d for d in read_run(run_dir) if d.source == source)
    return sorted(doc.mentions, key=lambda m: (m["start"], m["end"], m["type"]))


def _scores(gold: Path, pred: Path, tmp_path: Path) -> dict:
    _cli("evaluate", "--gold", str(gold), "--pred", str(pred), "--metrics", str(tmp_path / "scores.json"))
    return json.loads((tmp_path / "scores.json").read_text())


def test_label_studio_round_trip_of_a_run_scores_one(sample_output, tmp_path):
    out, _ = sample_output
    _cli("export", "--format", "label-studio", str(tmp_path / "tasks.json"), "--datasets", str(out))
    _cli("gold", "--from", "label-studio", str(tmp_path / "tasks.json"), "--out", str(tmp_path / "gold"))
    r = _scores(tmp_path / "gold", out, tmp_path)
    for t in ("ORG", "DATE", "AGREEMENT", "EVENT"):
        assert r["mentions"][t]["all"]["f1"] == 1.0, t
    assert (r["date_value_accuracy"]["all"], r["events_type_date"]["all"]["f1"]) == (1.0, 1.0)
    assert (r["org_linking"]["accuracy"], r["agreement_canonicalisation"]["accuracy"]) == (1.0, 1.0)
    assert r["problems"] == []


def test_label_studio_tasks_carry_labelled_spans_and_fields_as_meta(small_run, tmp_path):
    _cli("export", "--format", "label-studio", str(tmp_path / "tasks.json"), "--datasets", str(small_run))
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert [t["data"]["doc"] for t in tasks] == ["ar_asean.txt", "en_undp.txt"]
    en = tasks[1]
    assert en["data"]["text"] == EN
    regions = en["predictions"][0]["result"]
    undp = next(r for r in regions if r["value"]["text"] == "UNDP")
    assert undp["value"] == {"start": 42, "end": 46, "text": "UNDP", "labels": ["ORG"]}
    assert (undp["from_name"], undp["to_name"], undp["type"]) == ("label", "text", "labels")
    assert (undp["meta"]["entity"], undp["meta"]["entity_id"]) == ("undp", "org:undp")
    date = next(r for r in regions if r["value"]["labels"] == ["DATE"])
    assert (date["value"]["text"], date["meta"]["value"]) == ("12 March 2019", "2019-03-12")
    signed = next(r for r in regions if r["value"]["labels"] == ["EVENT"])
    assert (signed["meta"]["event_type"], signed["meta"]["date"]) == ("signing", "2019-03-12")
    assert signed["meta"]["participants"] == ["undp", "asean"]
    config = (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8")
    assert '<Labels name="label" toName="text">' in config and '<Label value="AGREEMENT"' in config


def test_label_studio_corrections_in_the_latest_annotation_become_gold(small_run, tmp_path):
    _cli("export", "--format", "label-studio", str(tmp_path / "tasks.json"), "--datasets", str(small_run))
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    en = tasks[1]
    result = [dict(r) for r in en["predictions"][0]["result"] if r["value"]["text"] != "Jakarta"]  # LOC deleted
    for r in result:
        r.pop("meta")  # Label Studio keeps region ids; meta may not survive an edit
    start = EN.index("Association")
    result.append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": start, "end": start + 5, "text": "Assoc", "labels": ["ORG"]}})
    result.append({"id": "new1", "from_name": "value", "to_name": "text", "type": "textarea",
                   "value": {"text": ["asean"]}})
    en["annotations"] = [{"id": 1, "was_cancelled": True, "result": []},
                         {"id": 2, "updated_at": "2026-01-02T10:00:00Z", "result": result}]
    (tmp_path / "corrected.json").write_text(json.dumps(tasks), encoding="utf-8")
    records, texts = read_export(tmp_path / "corrected.json")
    en_gold = [r for r in records if r["doc"] == "en_undp.txt"]
    assert "Jakarta" not in {r["text"] for r in en_gold}
    assert {"doc": "en_undp.txt", "type": "ORG", "start": start, "end": start + 5, "text": "Assoc", "entity": "asean"} in en_gold
    undp = next(r for r in en_gold if r["text"] == "UNDP")
    assert undp["entity"] == "undp"  # fields of an untouched region come from the prediction with its span
    assert texts["en_undp.txt"] == EN
    assert len([r for r in records if r["doc"] == "ar_asean.txt"]) == len(_mentions(small_run, "ar_asean.txt"))


def test_label_studio_export_that_is_not_a_task_list_is_a_clear_error(tmp_path):
    (tmp_path / "x.json").write_text('{"text": "ASEAN"}', encoding="utf-8")
    res = CliRunner().invoke(main, ["gold", "--from", "label-studio", str(tmp_path / "x.json"), "--out", str(tmp_path / "g")])
    assert res.exit_code == 2
    assert "[E032]" in res.output and "a list of tasks" in res.output


def test_split_words_cuts_an_arabic_clitic_off_its_word():
    text = "والأمم المتحدة"
    words, spaces = split_words([(0, "والأمم", " "), (7, "المتحدة", "")], [1, 14])
    assert (words, spaces) == (["و", "الأمم", "المتحدة"], [False, True, False])
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text


def test_docbin_spans_are_the_mentions_and_ents_do_not_overlap(small_run, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    _cli("export", "--format", "spacy", str(tmp_path / "run.spacy"), "--datasets", str(small_run))
    docs = list(DocBin().from_disk(tmp_path / "run.spacy").get_docs(spacy.blank("xx").vocab))
    assert [d.user_data["source"] for d in docs] == ["ar_asean.txt", "en_undp.txt"]
    for doc in docs:
        mentions = _mentions(small_run, doc.user_data["source"])
        assert [(s.start_char, s.end_char, s.label_, s.text) for s in doc.spans["ie"]] == \
               [(m["start"], m["end"], m["type"], m["text"]) for m in mentions]
        assert [s.kb_id_ for s in doc.spans["ie"]] == [m["entity_id"] or "" for m in mentions]
        assert {e.label_ for e in doc.ents} <= {"ORG", "DATE"}
        tokens = [i for e in doc.ents for i in range(e.start, e.end)]
        assert len(tokens) == len(set(tokens))
    ar = docs[0]
    un = next(s for s in ar.spans["ie"] if s.kb_id_ == "org:un")
    assert (un.text, ar[un.start - 1].text, ar.text) == ("الأمم المتحدة", "و", AR)
    assert [(e.text, e.label_) for e in ar.ents] == [("رابطة أمم جنوب شرق آسيا", "ORG"), ("الأمم المتحدة", "ORG"),
                                                     ("12 آذار/مارس 2019", "DATE")]


def test_brat_pairs_parse_and_every_span_matches_the_text(small_run, tmp_path):
    _cli("export", "--format", "brat", str(tmp_path / "brat"), "--datasets", str(small_run))
    assert sorted(p.name for p in (tmp_path / "brat").iterdir()) == [
        "annotation.conf", "ar_asean.ann", "ar_asean.txt", "en_undp.ann", "en_undp.txt"]
    text = (tmp_path / "brat" / "en_undp.txt").read_text(encoding="utf-8")
    bounds = parse_ann((tmp_path / "brat" / "en_undp.ann").read_text(encoding="utf-8"))
    assert [(b.type, b.text) for b in bounds] == [(m["type"], m["text"]) for m in _mentions(small_run, "en_undp.txt")]
    assert all(text[b.start : b.end] == b.text for b in bounds)
    undp = next(b for b in bounds if b.text == "UNDP")
    assert (undp.id, undp.spans, undp.notes) == ("T2", [(42, 46)], {"entity": "undp"})


def test_brat_round_trip_gives_back_the_run_as_gold(small_run, tmp_path):
    _cli("export", "--format", "brat", str(tmp_path / "brat"), "--datasets", str(small_run))
    _cli("gold", "--from", "brat", str(tmp_path / "brat"), "--out", str(tmp_path / "gold"))
    r = _scores(tmp_path / "gold", small_run, tmp_path)
    assert [r["mentions"][t]["all"]["f1"] for t in ("ORG", "DATE", "EVENT")] == [1.0, 1.0, 1.0]
    assert r["events_type_date"]["all"]["f1"] == 1.0


def test_brat_span_across_a_line_break_becomes_fragments():
    text = "Joint Statement of the\nASEAN-UN Summit"
    assert fragments(text, 0, len(text)) == [(0, 22), (23, 38)]
    (bound,) = parse_ann("T1\tAGREEMENT 0 22;23 38\tJoint Statement of the ASEAN-UN Summit\n")
    assert (bound.start, bound.end, bound.spans) == (0, 38, [(0, 22), (23, 38)])
