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


def _jsonl(tmp_path, *records):
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return _docs([tmp_path])


def test_ingest_named_pipe_is_reported_and_skipped_without_blocking(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("ASEAN and the UN met in 2011.", encoding="utf-8")
    doc, err = _docs([tmp_path])
    assert (err.source, err.problem) == ("pipe.txt", "not a regular file (named pipe)")
    assert doc.source == "ok.txt"


def test_ingest_link_to_a_device_is_reported_and_skipped(tmp_path):
    import os

    os.symlink("/dev/zero", tmp_path / "zero.txt")
    [err] = _docs([tmp_path])
    assert err.source == "zero.txt" and err.problem.startswith("symbolic link to a file outside the corpus folder")
    [err] = list(iter_documents([tmp_path], IngestParams(), follow_links=True))
    assert err.problem == "not a regular file (character device)"


def test_ingest_link_leaving_the_corpus_is_skipped_unless_followed(tmp_path):
    import os

    outside = tmp_path / "private.txt"
    outside.write_text("The Pacific Islands Forum met in Suva in 2022.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.symlink(outside, corpus / "link.txt")
    (corpus / "inner.txt").write_text("ECOWAS met in Abuja in 2021.", encoding="utf-8")
    os.symlink(corpus / "inner.txt", corpus / "alias.txt")
    items = list(iter_documents([corpus], IngestParams()))
    assert [(i.source, type(i).__name__) for i in items] == [("alias.txt", "Document"), ("inner.txt", "Document"), ("link.txt", "InputError")]
    followed = list(iter_documents([corpus], IngestParams(), follow_links=True))
    assert [d.text for d in followed if d.source == "link.txt"] == ["The Pacific Islands Forum met in Suva in 2022."]


def test_ingest_huge_file_is_read_only_up_to_the_size_cap(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(("ASEAN và Liên Hợp Quốc hợp tác. " * 400).encode("utf-8"))
        fh.truncate(8 * 1024**3)  # 8 GB, sparse: reading it whole would exhaust memory
    [doc] = list(iter_documents([tmp_path], IngestParams(max_chars=1000)))
    assert len(doc.text) == 1000 and doc.text.startswith("ASEAN và Liên Hợp Quốc hợp tác. ")
    assert doc.notes == [f"truncated from {8 * 1024**3} bytes to 1000 characters"]


def test_ingest_cap_never_cuts_a_character_in_half(tmp_path):
    (tmp_path / "ar.txt").write_text("الأمم المتحدة " * 100, encoding="utf-8")
    [doc] = list(iter_documents([tmp_path], IngestParams(max_chars=7)))  # 7 * 4 + 4 bytes ends inside a letter
    assert doc.text == "الأمم ا" and doc.meta["encoding"] == "utf-8"


def test_ingest_jsonl_language_tags_are_normalised(tmp_path):
    docs = _jsonl(tmp_path, {"id": 1, "text": "ASEAN met.", "lang": "EN"}, {"id": 2, "text": "ASEAN met.!", "lang": "en-US"},
                  {"id": 3, "text": "ASEAN met?", "lang": "English please"})
    assert [(d.lang, d.lang_given) for d in docs] == [("en", True), ("en", True), (None, False)]
    assert docs[1].notes == ["'lang' en-US read as en"]
    assert docs[2].notes == ["ignored 'lang' value 'English please' (not a language code); language identified from the text"]


def test_ingest_jsonl_published_in_other_formats_becomes_iso(tmp_path):
    docs = _jsonl(tmp_path, {"id": "a", "text": "One.", "published": "13 Feb 2000"},
                  {"id": "b", "text": "Two.", "published": "February 2000"},
                  {"id": "c", "text": "Three.", "published": 2000},
                  {"id": "d", "text": "Four.", "published": "2000-02-13"},
                  {"id": "e", "text": "Five.", "published": "last Tuesday"})
    assert [d.published for d in docs] == ["2000-02-13", "2000-02", "2000", "2000-02-13", None]
    assert docs[0].notes == ["'published' 13 Feb 2000 read as 2000-02-13"]
    assert docs[4].notes == ["ignored 'published' value 'last Tuesday' (not a date)"]


def test_ingest_jsonl_wrongly_typed_fields_are_dropped_with_a_note(tmp_path):
    [doc] = _jsonl(tmp_path, {"id": "x", "text": "ASEAN met.", "title": ["a", "b"], "url": 42, "published": {"y": 1}})
    assert (doc.title, doc.url, doc.published) == (None, None, None)
    assert doc.notes == ["ignored 'title' (list, not a text)", "ignored 'published' value {'y': 1} (not a date)",
                         "ignored 'url' (int, not a text)"]


def test_ingest_jsonl_id_with_control_characters_is_escaped_in_the_source(tmp_path):
    [doc] = _jsonl(tmp_path, {"id": "a\nfailed: x.txt\u202e", "text": "ASEAN met."})
    assert doc.source == "docs.jsonl#a\\u000afailed: x.txt\\u202e"


def test_ingest_jsonl_over_long_line_is_reported_and_the_next_lines_kept(tmp_path):
    (tmp_path / "docs.jsonl").write_text(json.dumps({"text": "x" * 70000}) + "\n" + json.dumps({"text": "ASEAN met."}) + "\n",
                                         encoding="utf-8")
    err, doc = list(iter_documents([tmp_path], IngestParams(max_chars=10)))
    assert err.source == "docs.jsonl:1" and err.problem.startswith("line longer than")
    assert doc.source == "docs.jsonl#L2" and doc.text == "ASEAN met."


def test_ingest_html_publication_date_from_page_metadata_fills_published(tmp_path):
    page = tmp_path / "oic_unhcr.html"
    page.write_text(
        '<html><head><title>OIC and UNHCR sign memorandum</title>'
        '<meta property="article:published_time" content="2022-03-14T09:00:00+00:00"></head><body><article>'
        "<h1>OIC and UNHCR sign memorandum</h1><p>The Organisation of Islamic Cooperation and UNHCR signed a "
        "memorandum of understanding yesterday in Jeddah to strengthen their cooperation on refugees.</p>"
        "</article></body></html>", encoding="utf-8")
    [doc] = _docs([page])
    assert (doc.published, doc.title) == ("2022-03-14", "OIC and UNHCR sign memorandum")


def test_ingest_html_without_a_date_in_its_metadata_has_no_published_date(tmp_path):
    page = tmp_path / "note.html"
    page.write_text("<html><head><title>Note</title></head><body><article><p>The Pacific Islands Forum and the "
                    "Commonwealth Secretariat met in Suva to discuss climate finance for small island states."
                    "</p></article></body></html>", encoding="utf-8")
    [doc] = _docs([page])
    assert doc.published is None
