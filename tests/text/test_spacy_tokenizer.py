"""The French tokenizer built from spaCy's files with a factored token_match is spaCy's French tokenizer."""

from __future__ import annotations

import re

import pytest

from pipeline.stages.tokenise import TokeniseParams, TokeniseStage, _with_digit_stop
from pipeline.text.spacy_tokenizer import _class_starts, factored_match, spacy_module

TRICKY_FRENCH = [
    "Il y en a vingt-sept. Puis dix-sept! Et quatre-vingt-sept?",  # token_match words before a full stop
    "M. Dupont est arrivé aujourd'hui (voir annexe). L'après-midi, c.-à-d. le 3 janv. 2020.",
    "Qu'est-ce? Les droits-de-l'homme, la Saint-Jean-de-Luz et l'anti-janv. x « Oui. » Non.",
    "En 52 av. J.-C. les aéro-clubs, l'entr'abat, le hip-hop… Fin.",
]


def test_class_starts_skips_escapes_groups_and_leading_bracket_members():
    pattern = r"^a[-–]b(?:l[x])?[^]x\]y]+\[z[a]$"
    assert [pattern[i] for i in _class_starts(pattern)] == ["[", "[", "["]
    assert _class_starts(pattern) == [2, 16, 28]


def test_factored_match_accepts_exactly_what_the_joined_alternatives_accept():
    alts = ["^anti[-][a-z]+$", "^pro[-][a-z]+$", "^a[-]sexualis[a-z]+$", "^b[-]watch[a-z]+$", "^[a-z]+[-]la[-][a-z]+$"]
    joined = re.compile("(?i)" + "|".join(f"(?:{a})" for a in alts)).match
    fast = factored_match(alts, "(?i)")
    assert fast.__self__.pattern.count("[-][a-z]+$") == 1  # the shared tail is written once
    for s in ["anti-vol", "pro-x", "contre-vol", "a-sexualise", "B-Watched", "saut-la-ski", "anti-", "x", "anti-vol-"]:
        assert bool(fast(s)) == bool(joined(s)), s


@pytest.fixture(scope="module")
def spacy_french():
    """spaCy's own French pipeline with the stage's digit rule (compiles the slow regex once, here)."""
    import spacy

    nlp = spacy.blank("fr")
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(_with_digit_stop(nlp.Defaults.suffixes)).search
    return nlp


def test_factored_french_tokenizer_is_spacys(resources, spacy_french):
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    alternatives = spacy_module("fr", "tokenizer_exceptions", drop=frozenset({"TOKEN_MATCH"}))["_regular_exp"]
    assert TOKEN_MATCH.__self__.pattern == "(?iu)" + "|".join("(?:{})".format(m) for m in alternatives)
    stage = TokeniseStage(resources, TokeniseParams())
    assert "fr" in stage.factored
    ours, theirs = stage.nlp_for("fr").tokenizer, spacy_french.tokenizer
    assert ours.rules == theirs.rules
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(ours, attr).__self__.pattern == getattr(theirs, attr).__self__.pattern, attr
    for text in TRICKY_FRENCH:
        assert [(t.idx, t.text) for t in ours(text)] == [(t.idx, t.text) for t in theirs(text)], text
        for word in (w.strip(".,!?()") for w in text.split()):
            assert bool(ours.token_match(word)) == bool(TOKEN_MATCH(word)), word


def test_french_sentence_ends_after_a_token_match_word(resources):
    from tests.conftest import make_doc

    doc = TokeniseStage(resources, TokeniseParams())(make_doc("Il y en a vingt-sept. Le 3 janv. 2020, M. Dupont vint.", "fr"))
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["Il y en a vingt-sept.", "Le 3 janv. 2020, M. Dupont vint."]
