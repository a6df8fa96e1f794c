from __future__ import annotations

import pytest

from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.registry import REGISTRY
from pipeline.runtime.runner import Extractor


def test_registry_stages_run_in_config_order(config, resources):
    ex = Extractor(config, resources)
    assert [s.name for s in ex.stages] == config.stages


def test_registry_missing_requirement_fails_at_build_naming_it(resources):
    with pytest.raises(ConfigError, match=r"\[E003\] Stage 'tokenise' requires \['lang'\]"):
        Extractor(load_config(overrides={"stages": ["tokenise", "language"]}), resources)  # refused by load_config, before any build


def test_registry_unknown_stage_lists_registered_ones(resources):
    with pytest.raises(ConfigError, match=r"\[E001\] Unknown stage 'sentiment'.*language"):
        Extractor(load_config(overrides={"stages": ["language", "sentiment"]}), resources)  # refused by load_config, before any build


def test_config_unknown_parameter_is_rejected(resources):
    with pytest.raises(ConfigError, match=r"\[E002\] Stage 'language' does not take parameter\(s\) \['suported'\]"):
        Extractor(load_config(overrides={"language": {"suported": ["en"]}}), resources)  # refused by load_config, before any build


def test_config_unknown_section_is_rejected():
    with pytest.raises(ConfigError, match=r"\[E004\] Unknown section\(s\) \['langauge'\]"):
        load_config(overrides={"langauge": {}})


def test_config_hash_changes_with_a_parameter():
    assert load_config().hash != load_config(overrides={"language": {"short_text_chars": 10}}).hash


def test_registry_knows_every_stage_of_the_default_config(config):
    assert set(config.stages) <= set(REGISTRY.names())
