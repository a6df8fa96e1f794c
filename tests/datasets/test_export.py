"""Datasets are committed as one unit: a failure between renames, a kill there, or a full disk never leaves a mix."""

from __future__ import annotations

import errno
import os

import pytest

import pipeline.datasets.export as export
from pipeline.datasets.export import JOURNAL, DatasetWriter, mention_id, mention_record, mention_records, recover
from pipeline.document import Document, Mention

NAMES = ("documents.jsonl", "mentions.jsonl", "entities.jsonl", "run.json")


def _previous(out):
    out.mkdir()
    for name in NAMES:
        (out / name).write_text(f"old {name}\n", encoding="utf-8")
    return {name: (out / name).read_bytes() for name in NAMES}


def _stage_new(out):
    writer = DatasetWriter(out)
    writer.write("documents", {"doc_id": "doc-1", "text": "ASEAN and the UN met in Bali in 2011."})
    writer.write("mentions", {"mention_id": "m-1", "text": "ASEAN"})
    writer.write_all("entities", [{"entity_id": "org:asean"}])
    writer.write_bytes("run.json", b"{}\n")
    return writer


def _contents(out):
    return {name: (out / name).read_bytes() for name in NAMES}


def _leftovers(out):
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


def _failing_replace(fail_on: int, exc: BaseException):
    real = os.replace
    calls = {"n": 0}

    def replace(src, dst, *a, **k):
        if str(dst).endswith(NAMES):
            calls["n"] += 1
            if calls["n"] == fail_on:
                raise exc
        return real(src, dst, *a, **k)

    return replace


def test_export_failure_between_renames_restores_every_previous_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    before = _previous(out)
    writer = _stage_new(out)
    monkeypatch.setattr(export.os, "replace", _failing_replace(3, OSError(errno.EIO, "I/O error")))
    with pytest.raises(OSError):
        try:
            writer.commit()
        finally:
            writer.abort()
    assert _contents(out) == before
    assert _leftovers(out) == []


def test_export_new_dataset_added_by_a_failed_commit_is_removed_again(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "run.json").write_text("old\n", encoding="utf-8")
    writer = _stage_new(out)
    monkeypatch.setattr(export.os, "replace", _failing_replace(4, OSError(errno.EIO, "I/O error")))
    with pytest.raises(OSError):
        try:
            writer.commit()
        finally:
            writer.abort()
    assert sorted(p.name for p in out.iterdir()) == ["run.json"]


def test_export_commit_killed_between_renames_is_completed_by_recover(tmp_path, monkeypatch):
    out = tmp_path / "out"
    _previous(out)
    writer = _stage_new(out)

    class Killed(BaseException):
        pass

    monkeypatch.setattr(export.os, "replace", _failing_replace(2, Killed()))
    monkeypatch.setattr(export, "_roll_back", lambda *a: None)  # a killed process runs no clean-up
    with pytest.raises(Killed):
        writer.commit()
    monkeypatch.undo()
    assert (out / JOURNAL).exists()
    assert recover(out) is True
    assert (out / "documents.jsonl").read_text(encoding="utf-8").startswith('{"doc_id":"doc-1"')
    assert (out / "run.json").read_bytes() == b"{}\n"
    assert (out / "entities.jsonl").read_bytes() == b'{"entity_id":"org:asean"}\n'
    assert _leftovers(out) == []


def test_export_disk_full_while_writing_removes_every_temp_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    before = _previous(out)
    writer = _stage_new(out)

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", full)  # the buffered lines reach the disk when the files are closed
    with pytest.raises(OSError, match="No space left"):
        try:
            writer.commit()
        finally:
            writer.abort()
    assert _contents(out) == before
    assert _leftovers(out) == []


def test_export_disk_full_in_write_bytes_leaves_no_temp_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    writer = DatasetWriter(out)
    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fdopen", lambda fd, *a, **k: FullFile(real_fdopen(fd, *a, **k)))
    with pytest.raises(OSError):
        try:
            writer.write_bytes("run.json", b"{}\n")
        finally:
            writer.abort()
    assert list(out.iterdir()) == []


def test_export_stale_cleanup_removes_only_this_tools_temp_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".documents.jsonl.k2j4x9ab.tmp").write_text("half", encoding="utf-8")
    (out / ".notes.tmp").write_text("someone else's", encoding="utf-8")
    (out / ".draft.md.abc123.tmp").write_text("someone else's", encoding="utf-8")
    DatasetWriter(out).remove_stale()
    assert sorted(p.name for p in out.iterdir()) == [".draft.md.abc123.tmp", ".notes.tmp"]


def test_export_commit_replaces_every_file_and_leaves_no_bookkeeping(tmp_path):
    out = tmp_path / "out"
    _previous(out)
    writer = _stage_new(out)
    writer.commit()
    writer.abort()
    assert (out / "run.json").read_bytes() == b"{}\n"
    assert _leftovers(out) == []


def test_internal_mention_attrs_never_reach_the_dataset_and_every_record_is_versioned():
    from pipeline.datasets.export import doc_records
    from pipeline.datasets.schema import SCHEMA_VERSION
    from pipeline.document import Document, Mention

    text = "The Shanghai Cooperation Organisation adopted the Astana Declaration."
    doc = Document(source="sco.txt", text=text, lang="en")
    org = Mention("ORG", 4, 37, text[4:37], "orgs:kb", entity_id="org:sco",
                  attrs={"entity_name": "Shanghai Cooperation Organisation", "entity_acronym": "SCO"})
    agr = Mention("AGREEMENT", 50, 68, text[50:68], "agreements:head", attrs={"kind": "declaration", "parties": [], "date": None,
                                                          "period": None, "_span_key": "x"})
    doc.mentions = [org, agr]
    drec, (org_rec, agr_rec), _ = doc_records(doc)
    assert drec["schema_version"] == org_rec["schema_version"] == agr_rec["schema_version"] == SCHEMA_VERSION
    assert "entity_name" not in org_rec and "entity_acronym" not in org_rec
    assert (agr_rec["kind"], "_span_key" in agr_rec) == ("declaration", False)


def test_mention_lines_hash_each_mention_id_once_and_equal_the_single_record(monkeypatch):
    doc = Document(source="t.txt", text="ASEAN and the UN met.")
    doc.mentions = [Mention("ORG", 14, 16, "UN", "orgs:kb", 1.0), Mention("ORG", 0, 5, "ASEAN", "orgs:kb", 1.0)]
    expected = [mention_record(doc, doc.mentions[1]), mention_record(doc, doc.mentions[0])]
    calls = []
    real = export.short_hash
    monkeypatch.setattr(export, "short_hash", lambda *parts: calls.append(parts) or real(*parts))
    assert list(mention_records(doc)) == expected
    assert len(calls) == 2  # one sha256 per mention (the sort key's id is the line's id)
    assert [r["mention_id"] for r in expected] == [mention_id(doc.doc_id, m) for m in (doc.mentions[1], doc.mentions[0])]
