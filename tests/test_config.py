"""params.yaml is parsed into typed settings before anything runs: every mistake is a coded error naming its key."""

from __future__ import annotations

import pytest
import yaml

from pipeline.config import YAML_LOADER, load_config
from pipeline.errors import ConfigError


def _load(tmp_path, text):
    p = tmp_path / "params.yaml"
    p.write_text(text, encoding="utf-8")
    return load_config(p)


def test_config_string_for_a_whole_number_names_the_key(tmp_path):
    with pytest.raises(ConfigError, match=r"^\[E010\] section 'language': 'sample_chars' must be a whole number, got '100' \(str\)"):
        _load(tmp_path, 'stages: [language, tokenise]\nlanguage: {sample_chars: "100"}\n')


def test_config_word_for_a_year_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E010\] section 'dates': 'max_year' must be a whole number, got 'twenty'"):
        _load(tmp_path, "dates: {max_year: twenty}\n")


def test_config_sentence_for_a_flag_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E010\] section 'events': 'require_anchor' must be true or false, got 'yes please'"):
        _load(tmp_path, "events: {require_anchor: yes please}\n")


def test_config_boolean_is_not_a_number(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E010\] section 'agreements': 'date_window_chars'"):
        _load(tmp_path, "agreements: {date_window_chars: true}\n")


def test_config_list_items_are_checked(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E010\] section 'language': 'supported' must be list\[str\]"):
        _load(tmp_path, "language: {supported: [en, 2]}\n")


def test_config_whole_number_is_a_valid_probability(tmp_path):
    assert _load(tmp_path, "stanza_ner: {confidence: 1}\n").typed["stanza_ner"].confidence == 1


def test_config_negative_max_chars_is_out_of_range(tmp_path):
    with pytest.raises(ConfigError, match=r"^\[E011\] section 'ingest': 'max_chars' must be at least 1, got -10"):
        _load(tmp_path, "ingest: {max_chars: -10}\n")


def test_config_zero_chunk_size_is_out_of_range(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E011\] section 'tokenise': 'max_chars_per_chunk' must be at least 1, got 0"):
        _load(tmp_path, "tokenise: {max_chars_per_chunk: 0}\n")


def test_config_negative_window_is_out_of_range(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E011\] section 'agreements': 'date_window_chars' must be at least 0, got -1"):
        _load(tmp_path, "agreements: {date_window_chars: -1}\n")


def test_config_probability_above_one_is_out_of_range(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E011\] section 'stanza_ner': 'confidence' must be between 0 and 1, got 1.5"):
        _load(tmp_path, "stanza_ner: {confidence: 1.5}\n")


def test_config_stage_listed_twice_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"^\[E012\] stage\(s\) \['language'\] listed more than once"):
        _load(tmp_path, "stages: [language, tokenise, language]\n")


def test_config_stage_before_what_it_requires_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"^\[E003\] Stage 'dates' requires \['sentences'\]"):
        _load(tmp_path, "stages: [language, dates, tokenise]\n")


def test_config_stage_list_of_the_wrong_type_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E010\] 'stages': 'stages' must be a list of stage names"):
        _load(tmp_path, "stages: language\n")


def test_config_unknown_stage_key_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E002\] Stage 'dates' does not take parameter\(s\) \['max_yaer'\]"):
        _load(tmp_path, "dates: {max_yaer: 2050}\n")


def test_config_unknown_ingest_key_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E002\] Stage 'ingest' does not take parameter\(s\) \['max_char'\]"):
        _load(tmp_path, "ingest: {max_char: 10}\n")


def test_config_section_that_is_not_a_mapping_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E010\] section 'dates': 'dates' must be a mapping"):
        _load(tmp_path, "dates: [1, 2]\n")


def test_config_invalid_yaml_is_a_coded_error(tmp_path):
    with pytest.raises(ConfigError, match=r"^\[E013\] .*params.yaml is not valid YAML"):
        _load(tmp_path, "language: [1\n")


def test_config_alias_bomb_is_refused_before_expansion(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    with pytest.raises(ConfigError, match=r"^\[E014\] .*aliases expand to more than 100000 values"):
        _load(tmp_path, "\n".join(lines) + "\n")


def test_config_small_alias_use_is_accepted(tmp_path):
    config = _load(tmp_path, "places: {translation_languages: &langs [ar, fr]}\nlanguage: {supported: *langs}\n")
    assert config.typed["language"].supported == ["ar", "fr"]


def test_config_valid_values_become_typed_settings_with_defaults(tmp_path):
    config = _load(tmp_path, "dates: {max_year: 2050}\n")
    assert config.typed["dates"].max_year == 2050
    assert config.typed["dates"].min_year == 1800
    assert config.ingest.max_chars == 5_000_000


def test_config_uses_the_c_loader_where_pyyaml_has_it():
    expected = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
    assert YAML_LOADER is expected


def test_config_project_params_are_valid():
    assert load_config().stages == ["language", "tokenise", "orgs", "dates", "places", "agreements", "events"]
