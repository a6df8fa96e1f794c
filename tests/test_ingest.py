from __future__ import annotations

import json

import pytest

from pipeline.config import IngestParams
from pipeline.document import Document
from pipeline.errors import InputError, PipelineError
from pipeline.ingest import find_sources, iter_documents, normalise_text


def _docs(paths):
    return list(iter_documents(paths, IngestParams()))


def test_ingest_txt_drops_bom_normalises_newlines_and_nfc(tmp_path):
    # "Hiệp hội" written decomposed (NFD), with a BOM and Windows line endings
    raw = "\ufeffHie\u0323\u0302p ho\u0302\u0323i\r\nASEAN\r\n"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    [doc] = _docs([tmp_path])
    assert doc.text == "Hiệp hội\nASEAN\n"
    assert doc.source == "a.txt"


def test_ingest_markdown_is_read_as_text(tmp_path):
    (tmp_path / "note.md").write_text("# ASEAN\n\nThe UN and ASEAN met in 2011.\n", encoding="utf-8")
    [doc] = _docs([tmp_path])
    assert doc.text == "# ASEAN\n\nThe UN and ASEAN met in 2011.\n"


def test_ingest_html_keeps_main_text_and_title(tmp_path):
    html = """<html><head><title>ECOWAS and WFP</title></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
    <article><h1>ECOWAS and WFP sign a memorandum</h1>
    <p>The Economic Community of West African States (ECOWAS) and the World Food Programme signed a
    memorandum of understanding in Abuja on 12 March 2021 to strengthen regional food security.</p>
    <p>The agreement covers school feeding, early warning and emergency preparedness across the region.</p>
    </article><footer>Copyright 2021. All rights reserved.</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [doc] = _docs([tmp_path])
    assert "signed a memorandum of understanding in Abuja on 12 March 2021" in " ".join(doc.text.split())
    assert "About us" not in doc.text
    assert doc.title == "ECOWAS and WFP sign a memorandum"  # trafilatura prefers the page headline


def test_ingest_jsonl_fields_and_bad_lines_reported_by_line(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "L'Union africaine et l'OIF.", "lang": "fr", "title": "T", "published": "2021-03-12", "url": "https://example.org/a1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a2", "title": "no text"}),
        json.dumps({"text": "ASEAN and SAARC"}),
    ]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _docs([tmp_path])
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(d.source, d.lang, d.lang_given, d.title, d.published) for d in docs] == [
        ("docs.jsonl#a1", "fr", True, "T", "2021-03-12"),
        ("docs.jsonl#L4", None, False, None, None),
    ]
    assert [e.source for e in errors] == ["docs.jsonl:2", "docs.jsonl:3"]


def test_ingest_folder_walk_skips_gold_and_dev_and_other_extensions(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.jsonl").write_text('{"text": "gold"}\n', encoding="utf-8")
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "y.txt").write_text("dev doc", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.txt").write_text("kept", encoding="utf-8")
    (tmp_path / "params.yaml").write_text("a: 1", encoding="utf-8")
    assert [s.rel for s in find_sources([tmp_path], IngestParams())] == ["sub/z.txt"]


def test_ingest_empty_file_is_an_error_not_a_document(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    [err] = _docs([tmp_path])
    assert isinstance(err, InputError) and err.source == "empty.txt"
    assert "empty" in err.problem


def test_ingest_legacy_arabic_encoding_is_detected(tmp_path):
    text = "تعمل إدارة الشؤون السياسية وبناء السلام مع الاتحاد الأفريقي لتلبية احتياجاته في مجال الشؤون السياسية والأمنية."
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1256"))
    [doc] = _docs([tmp_path])
    assert doc.text == text
    assert doc.meta["encoding"] == "cp1256"


def test_ingest_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(PipelineError, match="does not exist"):
        _docs([tmp_path / "nope"])


def test_normalise_text_is_idempotent():
    s = "A\r\nB\rC\ufeff"
    assert normalise_text(normalise_text(s)) == normalise_text(s) == "A\nB\nC"
