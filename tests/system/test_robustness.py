"""Bad input never stops a batch or loses data; arbitrary text never breaks the pipeline."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import load_config
from pipeline.document import Document
from pipeline.datasets.export import DATASETS, doc_records
from pipeline.runtime.runner import run
from tests.conftest import CORPUS, ROOT

GOOD_EN = "The Economic Community of West African States and the World Food Programme signed an agreement in Abuja in March 2021."
GOOD_FR = "L'Organisation internationale de la Francophonie a signé un accord avec l'Union africaine à Addis-Abeba en février 2020."
GOOD_AR = "وقعت منظمة التعاون الإسلامي وجامعة الدول العربية مذكرة تفاهم في القاهرة في عام 2019."
GOOD_VI = "Hiệp hội các quốc gia Đông Nam Á và Nhật Bản đã ký Bản ghi nhớ về hợp tác năm 2019."


def _bad_corpus(root):
    root.mkdir()
    (root / "good_en.txt").write_text(GOOD_EN, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "scan.html").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    (root / "nul.txt").write_bytes(b"ASEAN\x00\x00\x01\x02binary")
    (root / "legacy_ar.txt").write_bytes(GOOD_AR.encode("cp1256"))
    (root / "legacy_fr.txt").write_bytes(GOOD_FR.encode("latin-1"))
    (root / "nfd_vi.txt").write_text(unicodedata.normalize("NFD", GOOD_VI), encoding="utf-8")
    (root / "presentation_ar.txt").write_text("ﺍﻷﻣﻢ ﺍﻟﻤﺘﺤﺪﺓ والاتحاد الأفريقي عقدا اجتماعا في عام 2018.", encoding="utf-8")
    (root / "controls.txt").write_text("ASEAN\u200b and the UN\u200f met in\u202a Bangkok\u202c in 2019.", encoding="utf-8")
    (root / "giant.txt").write_bytes(b"ASEAN and the UN cooperate " * 2_000_000)  # 54 MB, no newline
    (root / "docs.jsonl").write_text(json.dumps({"id": "ok", "text": GOOD_EN + " Again."}) + "\n{broken\n" + json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    (root / "broken.html").write_text("<html><body><div><p>The Pacific Islands Forum and the Commonwealth Secretariat held a meeting in Suva in 2022 to discuss climate finance.<p>It was the <b>third such <i>meeting</div></body>", encoding="utf-8")
    os.symlink(root / "missing-target.txt", root / "dangling.txt")
    (root / "copy_of_good.txt").write_text(GOOD_EN, encoding="utf-8")


def test_robustness_bad_corpus_runs_to_completion_with_one_error_per_bad_file(tmp_path):
    _bad_corpus(tmp_path / "in")
    config = load_config(overrides={"ingest": {"max_chars": 300_000}})
    report = run([tmp_path / "in"], tmp_path / "out", config)
    info = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    failed = {f["source"]: f["error"] for f in info["failed"]}
    assert sorted(failed) == ["blank.txt", "dangling.txt", "docs.jsonl:2", "docs.jsonl:3", "empty.txt", "image.txt", "nul.txt", "scan.html"]
    assert failed["image.txt"] == "binary file (PNG image), no text layer to read"
    assert failed["scan.html"] == "binary file (PDF), no text layer to read"
    assert failed["dangling.txt"].startswith("unreadable")
    docs = {d["source"]: d for d in map(json.loads, (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    assert docs["legacy_ar.txt"]["text"] == GOOD_AR and docs["legacy_ar.txt"]["lang"] == "ar"
    assert docs["legacy_fr.txt"]["text"] == GOOD_FR and docs["legacy_fr.txt"]["lang"] == "fr"
    assert docs["nfd_vi.txt"]["text"] == GOOD_VI
    assert docs["presentation_ar.txt"]["text"].startswith("الأمم المتحدة والاتحاد")
    assert docs["controls.txt"]["text"] == "ASEAN and the UN met in Bangkok in 2019."
    assert docs["giant.txt"]["chars"] == 300_000
    assert docs["copy_of_good.txt"]["sources"] == ["copy_of_good.txt", "good_en.txt"] and "good_en.txt" not in docs
    assert "Pacific Islands Forum" in docs["broken.html"]["text"]
    notes = {(n["source"], n["note"]) for n in info["notes"]}
    assert ("giant.txt", "truncated from 54000000 bytes to 300000 characters") in notes  # read only up to the cap
    assert ("controls.txt", "removed 4 zero-width/bidi control characters") in notes
    assert any(s == "legacy_ar.txt" and n.startswith("decoded as cp1256") for s, n in notes)
    assert report.documents == len(docs)
    texts = {d["doc_id"]: d["text"] for d in docs.values()}
    for m in map(json.loads, (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8").splitlines()):
        assert texts[m["doc_id"]][m["start"] : m["end"]] == m["text"]


def _big_corpus(root, copies):
    root.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(copies):
        (root / f"d{i:05d}.txt").write_text(texts[i % len(texts)] + f"\n\n[copy {i}]\n", encoding="utf-8")


def _outputs(out):
    return {n: (out / f"{n}.jsonl").read_bytes() for n in DATASETS}


def _killed_midway(tmp_path, sig):
    small, big, out = tmp_path / "small", tmp_path / "big", tmp_path / "out"
    _big_corpus(small, 3)
    _big_corpus(big, 3000)
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(small), "--out", str(out), "-q"], cwd=ROOT, check=True, timeout=300)
    before = _outputs(out)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(big), "--out", str(out), "-q"], cwd=ROOT)
    cache_docs = out / ".cache" / "docs"
    deadline = time.time() + 120
    while time.time() < deadline and sum(1 for _ in cache_docs.rglob("*.json")) < 20:  # wait until it is midway
        time.sleep(0.1)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    return out, before


def test_robustness_sigterm_midway_leaves_previous_outputs_and_no_temp_files(tmp_path):
    out, before = _killed_midway(tmp_path, signal.SIGTERM)
    assert _outputs(out) == before
    assert not list(out.glob(".*.tmp"))


def test_robustness_sigkill_midway_leaves_previous_outputs_and_next_run_resumes_from_cache(tmp_path):
    out, before = _killed_midway(tmp_path, signal.SIGKILL)
    assert _outputs(out) == before
    res = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "small"), "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert "0 new, 0 changed, 3 reused" in res.stderr
    assert not list(out.glob(".*.tmp"))


_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
_WORDS = st.sampled_from(["ASEAN", "UN", "الأمم المتحدة", "للأمم", "Liên Hợp Quốc", "Union africaine", "2011", "٢٠١٨",
                          "tháng 2/2000", "تشرين الثاني/نوفمبر 2011", "Summit", "Declaration", "(UNDP)", "-", "–", ".", "\n",
                          " ", "؟", "l'", "the", "4/12/2006", "Plan of Action 2016-2020", "\u200b", "\u0301"])
_TEXT = st.lists(st.one_of(st.text(_ALPHABET, max_size=12), _WORDS), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=_TEXT, lang=st.sampled_from([None, "en", "ar", "vi", "fr", "de"]))
def test_robustness_property_any_text_never_raises_offsets_slice_and_rerun_identical(extractor, text, lang):
    from pipeline.ingest import normalise_text

    text = normalise_text(text)
    if not text.strip():
        return

    def once():
        doc = extractor(Document(source="p.txt", text=text, lang=lang, lang_given=lang is not None))
        return doc, doc_records(doc)

    doc, records = once()
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    for e in doc.events:
        assert doc.text[e.trigger.start : e.trigger.end] == e.trigger.text
    assert once()[1] == records


def test_robustness_jsonl_published_in_words_still_anchors_a_relative_date(tmp_path, config, resources):
    root = tmp_path / "in"
    root.mkdir()
    rec = {"id": "n1", "lang": "EN", "published": "13 Feb 2000",
           "text": "The African Union and the United Nations signed a framework agreement last year in Addis Ababa."}
    (root / "news.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    report = run([root], tmp_path / "out", config, resources)
    assert report.failed == []
    [doc] = map(json.loads, (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines())
    assert (doc["lang"], doc["published"]) == ("en", "2000-02-13")
    dates = [m for m in map(json.loads, (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8").splitlines())
             if m["type"] == "DATE"]
    assert [(d["text"], d["value"]) for d in dates] == [("last year", "1999")]
