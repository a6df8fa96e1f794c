"""The stanza stage, for real: a tiny NER model trained by stanza's own trainer, loaded through the stage."""

from __future__ import annotations

import json
import logging
import random
import subprocess
import sys

import pytest

from pipeline.stages.orgs import OrgParams, OrgStage
from pipeline.stages.stanza_ner import StanzaNerParams, StanzaNerStage, _org_spans
from pipeline.stages.tokenise import TokeniseParams, TokeniseStage
from tests.conftest import make_doc


def test_stanza_bioes_tags_to_character_spans():
    offsets = [(0, 3), (4, 11), (12, 19), (20, 25), (26, 29)]
    assert _org_spans(["O", "B-ORG", "I-ORG", "E-ORG", "O"], offsets) == [(4, 25)]
    assert _org_spans(["S-ORG", "O", "B-PER", "E-PER", "O"], offsets) == [(0, 3)]


def test_stanza_stage_without_model_says_so_once_and_passes_documents_through(resources, tmp_path, caplog):
    stage = StanzaNerStage(resources, StanzaNerParams(model_dir=str(tmp_path / "none")))
    tok = TokeniseStage(resources, TokeniseParams())
    with caplog.at_level(logging.WARNING, logger="pipeline.stages.stanza_ner"):
        for _ in range(3):
            doc = stage(tok(make_doc("The Mekong River Commission met in Vientiane.", "en")))
            assert doc.mentions == []
    assert len([r for r in caplog.records if "stanza_ner skipped" in r.getMessage()]) == 1


ORGS = [["Mekong", "River", "Commission"], ["Pacific", "Islands", "Forum"], ["Caribbean", "Community"],
        ["World", "Food", "Programme"], ["Lake", "Chad", "Basin", "Commission"], ["Coral", "Triangle", "Council"]]
TEMPLATES = [["The", "{}", "met", "in", "Suva", "."], ["Officials", "of", "the", "{}", "signed", "an", "agreement", "."],
             ["{}", "and", "partners", "held", "talks", "."], ["Leaders", "praised", "the", "{}", "today", "."]]


def _sentences(n, rng):
    out = []
    for _ in range(n):
        sent = []
        for w in rng.choice(TEMPLATES):
            if w != "{}":
                sent.append({"text": w, "ner": "O"})
                continue
            org = rng.choice(ORGS)
            for j, x in enumerate(org):
                tag = "B-ORG" if j == 0 else ("E-ORG" if j == len(org) - 1 else "I-ORG")
                sent.append({"text": x, "ner": tag})
        out.append(sent)
    return out


@pytest.mark.slow
def test_stanza_stage_with_tiny_trained_model_adds_orgs_rules_missed(resources, tmp_path):
    pytest.importorskip("stanza", reason="the stanza extra (with torch==2.13.0) is not installed")
    rng = random.Random(0)
    (tmp_path / "train.json").write_text(json.dumps(_sentences(60, rng)), encoding="utf-8")
    (tmp_path / "dev.json").write_text(json.dumps(_sentences(10, rng)), encoding="utf-8")
    model_dir = tmp_path / "stanza" / "en"
    model_dir.mkdir(parents=True)
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train", "--train_file", str(tmp_path / "train.json"),
           "--eval_file", str(tmp_path / "dev.json"), "--shorthand", "en_tiny", "--save_dir", str(model_dir),
           "--save_name", "ner.pt", "--max_steps", "200", "--batch_size", "8", "--hidden_dim", "32",
           "--char_hidden_dim", "16", "--char_emb_dim", "16", "--no_pretrain", "--word_emb_dim", "16", "--seed", "1"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and (model_dir / "ner.pt").exists(), res.stderr[-2000:]

    tok = TokeniseStage(resources, TokeniseParams())
    orgs = OrgStage(resources, OrgParams(head_detector=False))  # rules off for unknown names: stanza must find them
    stage = StanzaNerStage(resources, StanzaNerParams(model_dir=str(tmp_path / "stanza")))
    doc = stage(orgs(tok(make_doc("Leaders praised the Coral Triangle Council today. The ASEAN met in Suva.", "en"))))
    got = [(m.text, m.extractor) for m in doc.mentions_of("ORG")]
    assert ("Coral Triangle Council", "stanza_ner") in got
    assert ("ASEAN", "orgs:kb-acronym") in got  # the knowledge base keeps what it found
