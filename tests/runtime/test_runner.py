"""The runner refuses unsafe output folders, locks the one it writes, never reads its own output, and never
replaces good datasets with the result of a run where everything failed."""

from __future__ import annotations

import json

import pytest

import pipeline.runtime.runner as runner_mod
from pipeline.config import load_config
from pipeline.datasets.export import DATASETS
from pipeline.errors import PipelineError
from pipeline.runtime.outdir import OutputLock
from pipeline.runtime.runner import run

EN = "The African Union and the United Nations held a summit in Addis Ababa in February 2020."
FR = "L'Organisation internationale de la Francophonie a signé un accord avec l'UNESCO à Paris en mars 2019."


@pytest.fixture(scope="module")
def config():
    """Runner behaviour does not depend on the extractors: the two cheapest stages keep these tests fast."""
    return load_config(overrides={"stages": ["language", "tokenise"]})


@pytest.fixture
def small(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "en.txt").write_text(EN, encoding="utf-8")
    (root / "fr.txt").write_text(FR, encoding="utf-8")
    return root


def _datasets(out):
    return {n: (out / f"{n}.jsonl").read_bytes() for n in DATASETS}


def test_runner_output_inside_the_corpus_is_never_ingested(small, config, resources):
    out = small / "output"
    run([small], out, config, resources)
    report = run([small], out, config, resources)
    assert report.documents == 2
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["documents"] == 2


def test_runner_another_runs_output_folder_inside_the_corpus_is_skipped(small, tmp_path, config, resources):
    run([small], small / "old-run", config, resources)
    report = run([small], tmp_path / "out", config, resources)
    assert report.documents == 2 and report.failed == []


def test_runner_refuses_the_root_folder(small, config, resources):
    with pytest.raises(PipelineError, match=r"^\[E015\] --out /: is the root of the file system"):
        run([small], "/", config, resources)


def test_runner_refuses_the_corpus_folder_itself(small, config, resources):
    with pytest.raises(PipelineError, match=r"\[E015\] .* is the input folder .* itself"):
        run([small], small, config, resources)
    assert sorted(p.name for p in small.iterdir()) == ["en.txt", "fr.txt"]


def test_runner_refuses_a_file_as_output(small, tmp_path, config, resources):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(PipelineError, match=r"\[E015\] .* is a file, not a folder"):
        run([small], tmp_path / "notes.txt", config, resources)


def test_runner_refuses_a_folder_with_foreign_files_and_touches_nothing(small, tmp_path, config, resources):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("draft", encoding="utf-8")
    (out / ".thesis.tex.swp.tmp").write_text("editor", encoding="utf-8")
    with pytest.raises(PipelineError, match=r"\[E015\] .* holds files this tool did not write \(.thesis.tex.swp.tmp, thesis.tex\)"):
        run([small], out, config, resources)
    assert sorted(p.name for p in out.iterdir()) == [".thesis.tex.swp.tmp", "thesis.tex"]


def test_runner_updates_the_folder_of_an_earlier_run_in_place(small, tmp_path, config, resources):
    out = tmp_path / "out"
    run([small], out, config, resources)
    run([small], out / "dev", config, resources)  # a nested run folder (like output/dev) is allowed too
    assert run([small], out, config, resources).cache.reused == 2


def test_runner_second_run_on_a_locked_folder_says_who_holds_it(small, tmp_path, config, resources):
    out = tmp_path / "out"
    with OutputLock(out):
        with pytest.raises(PipelineError, match=r"^\[E016\] output folder .* is in use by another run \(pid \d+ since "):
            run([small], out, config, resources)
    assert run([small], out, config, resources).documents == 2


def test_runner_every_document_failing_keeps_the_earlier_datasets(small, tmp_path, config, resources, monkeypatch):
    out = tmp_path / "out"
    run([small], out, config, resources)
    before = _datasets(out)

    def broken(doc):
        raise RuntimeError("stage crashed")

    monkeypatch.setattr(runner_mod, "Extractor", lambda *a, **k: broken)
    report = run([small], out, config, resources, options=runner_mod.RunOptions(use_cache=False))
    assert report.kept_previous is True and len(report.failed) == 2
    assert _datasets(out) == before


def test_runner_rerun_with_nothing_changed_builds_no_extractor(small, tmp_path, config, resources, monkeypatch):
    out = tmp_path / "out"
    run([small], out, config, resources)

    def never(*a, **k):
        raise AssertionError("the stages were built although every document came from the cache")

    monkeypatch.setattr(runner_mod, "Extractor", never)
    report = run([small], out, config, resources)
    assert report.cache.reused == 2 and report.failed == []


def test_runner_wrong_cache_entry_is_recomputed(small, tmp_path, config, resources):
    out = tmp_path / "out"
    run([small], out, config, resources)
    before = _datasets(out)
    for entry in (out / ".cache" / "docs").rglob("*.json"):
        entry.write_text(json.dumps({"source": 1, "text": None}), encoding="utf-8")
        break
    (out / ".cache" / "manifest.json").write_text("[1, 2]", encoding="utf-8")
    report = run([small], out, config, resources)
    assert report.cache.extracted == 1 and report.cache.reused == 1 and report.failed == []
    assert _datasets(out) == before
    assert run([small], out, config, resources).cache.reused == 2


def test_runner_failed_line_for_an_id_with_a_newline_stays_one_line(tmp_path, config, resources):
    root = tmp_path / "in"
    root.mkdir()
    (root / "docs.jsonl").write_text(json.dumps({"id": "a\nfailed: forged.txt", "text": "   "}) + "\n", encoding="utf-8")
    (root / "en.txt").write_text(EN, encoding="utf-8")
    report = run([root], tmp_path / "out", config, resources)
    assert report.failed == [{"source": "docs.jsonl#a\\u000afailed: forged.txt", "error": "empty or whitespace-only document",
                              "action": "skipped"}]
