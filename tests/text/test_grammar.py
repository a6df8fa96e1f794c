"""Grammar data: the Arabic folder named by the grammars, not by a language code in code."""

from __future__ import annotations

from pipeline.text.grammar import Grammar, arabic_folding


def test_arabic_folding_named_by_an_arabic_script_grammar():
    grammars = {"en": Grammar("en"), "ar": Grammar("ar", script="arabic", folding="ar")}
    assert arabic_folding(grammars) == "ar"


def test_no_arabic_folding_without_an_arabic_script_grammar():
    assert arabic_folding({"en": Grammar("en"), "vi": Grammar("vi", script="syllabic")}) is None


def test_grammar_keeps_unknown_keys_as_extra_data():
    assert Grammar.from_spec("vi", {"script": "syllabic", "spacy_lang": "xx"}).extra == {"spacy_lang": "xx"}
