"""A language is added from files alone: a copy of models/ plus one new folder, and organisations are found."""

from __future__ import annotations

import shutil

from pipeline.knowledge.resources import DEFAULT_MODELS, Resources
from pipeline.stages.orgs import OrgParams, OrgStage
from pipeline.stages.tokenise import TokeniseParams, TokeniseStage
from tests.conftest import make_doc

GRAMMAR = """script: latin
folding: latin
casing: title
head_position: last
articles: [la]
coordinators: [kaj]
organ_connectors: [de, de la]
organ_heads: []
"""
HEADS = """heads: [Komisiono, Banko, Oficejo]
connectors: [de, por, la, kaj]
coordination_after: [de, por]
not_name_words: [La, En, Kaj]
instrument_words: [Deklaracio]
"""
MATCHING = "articles: [la]\nanaphor_articles: [la]\n"


def _toy_models(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(DEFAULT_MODELS, models)
    (models / "eo").mkdir()
    (models / "eo" / "grammar.yaml").write_text(GRAMMAR, encoding="utf-8")
    (models / "eo" / "org_heads.yaml").write_text(HEADS, encoding="utf-8")
    (models / "eo" / "org_matching.yaml").write_text(MATCHING, encoding="utf-8")
    return Resources(models)


def test_toy_language_finds_an_organisation_from_files_alone(tmp_path):
    resources = _toy_models(tmp_path)
    doc = make_doc("La Monda Banko por Evoluo renkontis la ASEAN en Ĝakarto. La Banko subskribis.", "eo")
    doc = OrgStage(resources, OrgParams())(TokeniseStage(resources, TokeniseParams())(doc))
    found = [(m.text, m.extractor) for m in doc.mentions_of("ORG")]
    assert found == [("Monda Banko por Evoluo", "orgs:heads"), ("ASEAN", "orgs:kb-acronym"), ("Banko", "orgs:head-anaphor")]
    assert doc.mentions_of("ORG")[2].entity_id == doc.mentions_of("ORG")[0].entity_id


def test_toy_language_without_grammar_files_finds_only_knowledge_base_names(tmp_path):
    resources = _toy_models(tmp_path)
    shutil.rmtree(resources.models_dir / "eo")
    doc = make_doc("La Monda Banko por Evoluo renkontis la ASEAN.", "eo")
    doc = OrgStage(resources, OrgParams())(TokeniseStage(resources, TokeniseParams())(doc))
    assert [m.text for m in doc.mentions_of("ORG")] == ["ASEAN"]
