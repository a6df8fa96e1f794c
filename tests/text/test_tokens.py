"""Shared word tokens: the same tokens and matches as tokenising each sentence, readings computed once."""

from __future__ import annotations

import pytest

from pipeline.text.grammar import arabic_folder
from pipeline.text.matching import Trie, matches_at, phrase_key, tokens
from pipeline.text.normalise import is_arabic
from pipeline.text.tokens import DocTokens, exact_matches_in, make_view, matches_in, starts_in


@pytest.fixture(scope="module")
def folder(resources):
    return arabic_folder(resources)


def _trie(folder, *phrases):
    trie = Trie()
    for p in phrases:
        trie.add(phrase_key(p, folder), p)
    return trie


def test_sentence_tokens_equal_tokenising_the_sentence_alone():
    text = "Hội nghị ASEAN-Liên Hợp Quốc. وللأمم المتحدة دور."
    words = DocTokens(text, [(0, 29), (30, len(text))])
    assert words.sentence(0) == tokens(text, 0, 29)
    assert words.sentence(1) == tokens(text, 30, len(text))


def test_arabic_clitic_prefix_reading_matches_name_after_the_lam(folder):
    text = "دعم وللأمم المتحدة برنامجا."
    view = make_view(text, tokens(text, 0, len(text)), folder)
    trie = _trie(folder, "الأمم المتحدة")
    assert matches_in(trie.root, view, 1) == [(2, 2, ["الأمم المتحدة"])]
    assert text[4 + 2 : view.toks[2][1]] == "لأمم المتحدة"


def test_view_matches_equal_the_per_position_trie_walk(folder):
    text = "The United Nations, the African Union and the League of Arab States met; United. Nations"
    toks = tokens(text, 0, len(text))
    view = make_view(text, toks, folder)
    trie = _trie(folder, "United Nations", "African Union", "League of Arab States", "United")
    for i in range(len(toks)):
        assert matches_in(trie.root, view, i) == matches_at(trie, toks, i, text, folder)


def test_phrase_does_not_continue_across_a_semicolon(folder):
    text = "African; Union"
    view = make_view(text, tokens(text, 0, len(text)), folder)
    assert view.gaps == [False, False]
    assert matches_in(_trie(folder, "African Union").root, view, 0) == []


def test_acronyms_match_case_sensitively(folder):
    text = "UN staff, un peu"
    view = make_view(text, tokens(text, 0, len(text)), folder)
    root = {"UN": {"$": ["org:un"]}}
    assert exact_matches_in(root, view, 0) == [(0, ["org:un"])]
    assert exact_matches_in(root, view, 2) == []


def test_token_index_at_offset_and_tokens_between(folder):
    text = "ASEAN Secretariat staff"
    view = make_view(text, tokens(text, 0, len(text)), folder)
    assert view.index_at(8) == 1
    assert view.index_at(5) is None
    assert [t[2] for t in view.between(6, 23)] == ["Secretariat", "staff"]


def test_is_arabic_checks_every_character():
    assert is_arabic("ASEANو") is True
    assert is_arabic("Liên Hợp Quốc") is False
    assert is_arabic("") is False


def test_views_rebuilt_after_eviction_equal_make_view(folder, monkeypatch):
    import pipeline.text.tokens as tokens_mod

    monkeypatch.setattr(tokens_mod, "KEPT_VIEWS", 2)
    text = "The United Nations met. وللأمم المتحدة دور. ASEAN-UN talks; Bali."
    spans = [(0, 23), (24, 42), (43, len(text))]
    words = DocTokens(text, spans)
    for _ in range(2):
        for i, (s, e) in enumerate(spans):
            got, want = words.view(i, folder), make_view(text, tokens(text, s, e), folder)
            assert (got.toks, got.folded, got.arabic, got.variants, got.gaps, got.starts) == \
                (want.toks, want.folded, want.arabic, want.variants, want.gaps, want.starts)
    assert len(words._views) == 2


def test_starts_in_lists_every_token_with_matches_and_only_first_words(folder):
    text = "دعم وللأمم المتحدة برنامجا and the United Nations, United."
    view = make_view(text, tokens(text, 0, len(text)), folder)
    trie = _trie(folder, "الأمم المتحدة", "United Nations")
    with_matches = [i for i in range(len(view.toks)) if matches_in(trie.root, view, i)]
    assert with_matches == [1, 6]
    assert starts_in(trie.root, view) == [1, 6, 8]  # the last "United" starts a phrase that does not go on


def test_tokens_split_gives_the_token_matches_and_the_gaps_between_them():
    import re

    from pipeline.text.matching import TOKEN, split_tokens, tokens

    text = "  L'ASEAN (Hiệp hội) — وللأمم المتحدة, 2020.x  "
    for start, end in [(0, len(text)), (3, 20), (5, 5), (0, 1), (10, 11)]:
        found = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
        starts, ends, words, gaps = split_tokens(text, start, end)
        assert list(zip(starts, ends, words)) == found == tokens(text, start, end)
        assert gaps == [text[a[1] : b[0]] for a, b in zip(found, found[1:])]
    assert re.fullmatch(r"[\w\u064B-\u065F\u0670]+", "وللأمم")


def test_tokens_fold_latin_is_the_nfkd_form_without_combining_marks():
    import unicodedata

    from pipeline.text.normalise import fold_latin

    for text in ["Hiệp hội Các quốc gia Đông Nam Á", "ASEAN", "Ｆｕｌｌ ｗｉｄｔｈ", "Straße", "ﬁnance", "المتحدة", "K", ""]:
        nfkd = unicodedata.normalize("NFKD", text.casefold())
        assert fold_latin(text) == "".join(c for c in nfkd if not unicodedata.combining(c)).replace("đ", "d")
