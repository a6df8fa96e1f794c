"""Integrity of the whole models/ folder, in the spirit of dateparser's data-integrity test: every file has
a schema and satisfies it, and the knowledge base is consistent across its family files."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from pipeline.errors import ResourceError
from pipeline.knowledge.kb import KnowledgeBase
from pipeline.knowledge.resources import DEFAULT_MODELS, Resources
from pipeline.knowledge.schemas import SchemaIndex

YAML_FILES = sorted(p.relative_to(DEFAULT_MODELS).as_posix() for p in DEFAULT_MODELS.rglob("*.yaml"))


def test_every_models_file_has_a_schema_entry():
    index = SchemaIndex.load(DEFAULT_MODELS)
    assert [rel for rel in YAML_FILES if not index.schema_for(rel)[0]] == []


@pytest.mark.parametrize("rel", YAML_FILES)
def test_models_file_satisfies_its_schema(rel):
    Resources().yaml(rel)  # raises a coded ResourceError naming the file and the place


def test_a_misspelt_key_is_a_coded_error_naming_file_and_place(tmp_path):
    models = tmp_path / "models"
    (models / "schemas").mkdir(parents=True)
    for p in (DEFAULT_MODELS / "schemas").glob("*.yaml"):
        (models / "schemas" / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (models / "boilerplate.yaml").write_text(
        "breadcrumb_separators: [' / ']\nbreadcrumb_max_words: 8\nedge_lines: 3\nedge_max_word: 1\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"\[E006\].*boilerplate.yaml.*edge_max_word"):
        Resources(models).yaml("boilerplate.yaml")


def test_knowledge_base_ids_parents_and_names_are_consistent():
    kb = KnowledgeBase.load(Resources())
    records = list(kb.records.values())
    ids = {r.id for r in records}
    assert all(r.parent in ids for r in records if r.parent)
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in records:
        for lang, names in r.names.items():
            for name in names:
                owners[(lang, name.casefold())].add(r.id)
    assert {k: sorted(v) for k, v in owners.items() if len(v) > 1} == {}


def test_every_organisation_has_names_in_the_four_main_languages():
    kb = KnowledgeBase.load(Resources())
    missing = sorted(r.id for r in kb.records.values() if not all(r.names.get(l) for l in ("en", "ar", "fr", "vi")))
    assert missing == []
