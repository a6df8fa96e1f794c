"""Incremental batches, parallel and distributed runs: same datasets, only what changed re-extracted."""

from __future__ import annotations

import shutil

import pytest

from pipeline.config import load_config
from pipeline.datasets.export import DATASETS
from pipeline.runtime.runner import RunOptions, run
from tests.conftest import CORPUS


@pytest.fixture
def corpus_copy(tmp_path):
    dst = tmp_path / "corpus"
    dst.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        shutil.copy(p, dst / p.name)
    return dst


def _same(a, b):
    return all((a / f"{n}.jsonl").read_bytes() == (b / f"{n}.jsonl").read_bytes() for n in DATASETS)


def test_batch_second_run_reuses_every_document(corpus_copy, tmp_path, config, resources):
    out = tmp_path / "out"
    first = run([corpus_copy], out, config, resources)
    second = run([corpus_copy], out, config, resources)
    assert first.cache.as_dict() == {"new": 5, "changed": 0, "reused": 0, "removed": 0, "extracted": 5}
    assert second.cache.as_dict() == {"new": 0, "changed": 0, "reused": 5, "removed": 0, "extracted": 0}


def test_batch_added_changed_removed_documents_are_counted_and_only_they_extracted(corpus_copy, tmp_path, config, resources):
    out = tmp_path / "out"
    run([corpus_copy], out, config, resources)
    (corpus_copy / "new.txt").write_text("The Pacific Islands Forum met in Suva in August 2023.", encoding="utf-8")
    p = corpus_copy / "001_dc2bc461b3c93a09.txt"
    p.write_text(p.read_text(encoding="utf-8") + "\nASEAN and the UN met again in 2025.\n", encoding="utf-8")
    (corpus_copy / "004_d360cb1c6822e2c1.txt").unlink()
    report = run([corpus_copy], out, config, resources)
    assert report.cache.as_dict() == {"new": 1, "changed": 1, "reused": 3, "removed": 1, "extracted": 2}
    fresh = tmp_path / "fresh"
    run([corpus_copy], fresh, config, resources, options=RunOptions(use_cache=False))
    assert _same(out, fresh)


def test_batch_extraction_parameter_change_invalidates_cache_but_reconcile_setting_does_not(corpus_copy, tmp_path, resources):
    out = tmp_path / "out"
    run([corpus_copy], out, load_config(), resources)
    changed = load_config(overrides={"language": {"short_text_chars": 81}})
    assert run([corpus_copy], out, changed, resources).cache.extracted == 5
    reconcile_only = load_config(overrides={"language": {"short_text_chars": 81}, "reconcile": {}})
    assert run([corpus_copy], out, reconcile_only, resources).cache.reused == 5


def test_batch_duplicate_content_is_one_document_with_both_sources(corpus_copy, tmp_path, config, resources):
    shutil.copy(corpus_copy / "002_f1ccffd640c142cd.txt", corpus_copy / "zz_copy.txt")
    out = tmp_path / "out"
    report = run([corpus_copy], out, config, resources)
    assert report.duplicates == 1 and report.documents == 5
    import json

    docs = [json.loads(l) for l in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    [vi] = [d for d in docs if d["source"] == "002_f1ccffd640c142cd.txt"]
    assert vi["sources"] == ["002_f1ccffd640c142cd.txt", "zz_copy.txt"]


def test_batch_jobs_two_is_byte_identical_to_one(corpus_copy, tmp_path, config, resources):
    run([corpus_copy], tmp_path / "one", config, resources, options=RunOptions(jobs=1))
    run([corpus_copy], tmp_path / "two", config, resources, options=RunOptions(jobs=2))
    assert _same(tmp_path / "one", tmp_path / "two")


@pytest.mark.slow
def test_batch_dask_local_cluster_on_loopback_is_byte_identical(corpus_copy, tmp_path, config, resources):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        run([corpus_copy], tmp_path / "dask", config, resources,
            options=RunOptions(executor="dask", scheduler=cluster.scheduler_address))
    run([corpus_copy], tmp_path / "local", config, resources)
    assert _same(tmp_path / "dask", tmp_path / "local")


def test_batch_interrupted_run_leaves_previous_outputs_intact(corpus_copy, tmp_path, config, resources, monkeypatch):
    out = tmp_path / "out"
    run([corpus_copy], out, config, resources)
    before = {n: (out / f"{n}.jsonl").read_bytes() for n in DATASETS}
    import pipeline.runtime.runner as runner_mod

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner_mod, "reconcile", boom)
    (corpus_copy / "new.txt").write_text("ECOWAS and the AU met in Abuja in 2022.", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        run([corpus_copy], out, config, resources)
    assert {n: (out / f"{n}.jsonl").read_bytes() for n in DATASETS} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
