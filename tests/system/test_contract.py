"""The JSONL datasets: every line of every file validates, offsets slice to the text, runs are byte-identical."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pipeline.datasets.export import DATASETS
from pipeline.runtime.runner import run
from pipeline.datasets.schema import SCHEMAS
from tests.conftest import CORPUS


def _read(out, name):
    return [json.loads(line) for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", DATASETS)
def test_contract_every_line_validates_against_schema(sample_output, name):
    out, _ = sample_output
    for rec in _read(out, name):
        jsonschema.validate(rec, SCHEMAS[name])


def test_contract_documents_one_per_sample_file_with_stable_ids(sample_output):
    out, _ = sample_output
    docs = _read(out, "documents")
    assert [d["source"] for d in docs] == sorted(p.name for p in CORPUS.glob("*.txt"))
    for d in docs:
        text = (CORPUS / d["source"]).read_text(encoding="utf-8")
        assert d["text"] == text and d["chars"] == len(text)


def test_contract_mention_offsets_slice_document_text(sample_output):
    out, _ = sample_output
    texts = {d["doc_id"]: d["text"] for d in _read(out, "documents")}
    for m in _read(out, "mentions"):
        assert texts[m["doc_id"]][m["start"] : m["end"]] == m["text"]
    for e in _read(out, "events"):
        t = e["trigger"]
        assert texts[e["doc_id"]][t["start"] : t["end"]] == t["text"]


def test_contract_entity_and_agreement_references_resolve(sample_output):
    out, _ = sample_output
    entity_ids = {e["entity_id"] for e in _read(out, "entities")}
    agreement_ids = {a["agreement_id"] for a in _read(out, "agreements")}
    for m in _read(out, "mentions"):
        if m["type"] == "ORG":
            assert m["entity_id"] in entity_ids
        if m["type"] == "AGREEMENT":
            assert m["entity_id"] in agreement_ids
    for e in _read(out, "events"):
        assert set(e["participants"]) <= entity_ids
        assert set(e["agreements"]) <= agreement_ids


def test_contract_rerun_is_byte_identical(sample_output, tmp_path, config, resources):
    out, _ = sample_output
    run([CORPUS], tmp_path, config, resources)
    for name in DATASETS:
        assert (tmp_path / f"{name}.jsonl").read_bytes() == (out / f"{name}.jsonl").read_bytes(), name


def test_contract_run_json_reports_counts_config_hash_and_version(sample_output, config):
    out, report = sample_output
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["config_hash"] == config.hash
    assert info["documents"] == 5 and info["failed"] == []
    assert info["counts"]["documents_per_language"] == {"ar": 3, "en": 1, "vi": 1}
    assert set(info["counts"]["datasets"]) == set(DATASETS)
