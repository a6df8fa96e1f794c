"""The tokenise stage: sentences (spaCy blank pipelines), boilerplate lines, the shared word tokens."""

from __future__ import annotations

import pytest

from pipeline.stages.tokenise import TokeniseParams, TokeniseStage
from pipeline.text.tokens import DocTokens, shared_tokens
from tests.conftest import make_doc


@pytest.fixture(scope="module")
def tok_stage(resources):
    return TokeniseStage(resources, TokeniseParams())


def _sents(doc):
    return [doc.text[s.start : s.end] for s in doc.sentences]


def test_tokenise_arabic_full_stop_glued_to_digits_ends_sentence(tok_stage):
    doc = tok_stage(make_doc("اعتمدت خطة العمل للفترة 2016-2020. وتحدد خطة العمل الأولويات؟ نعم.", "ar"))
    assert _sents(doc) == ["اعتمدت خطة العمل للفترة 2016-2020.", "وتحدد خطة العمل الأولويات؟", "نعم."]


def test_tokenise_vietnamese_punctuation_split_and_lines_are_boundaries(tok_stage):
    doc = tok_stage(make_doc("Quan hệ đối thoại ASEAN-Liên Hợp Quốc\n11:57 30/10/2020\n\nNgày 27/9/2007, hai bên đã ký Bản ghi nhớ. Bản ghi nhớ gồm 9 điều.", "vi"))
    assert _sents(doc) == [
        "Quan hệ đối thoại ASEAN-Liên Hợp Quốc",
        "11:57 30/10/2020",
        "Ngày 27/9/2007, hai bên đã ký Bản ghi nhớ.",
        "Bản ghi nhớ gồm 9 điều.",
    ]


def test_tokenise_english_closing_quote_stays_with_sentence(tok_stage):
    doc = tok_stage(make_doc('He said "ASEAN matters." Then the UN agreed.', "en"))
    assert _sents(doc) == ['He said "ASEAN matters."', "Then the UN agreed."]


def test_boilerplate_navigation_lines_are_excluded_but_titles_kept(tok_stage):
    text = "Search\n\nEnglish / Politics & Diplomacy\n\nThe ASEAN-UN Partnership\n\nBody\n\nASEAN and the UN met in 2011.\n\nThank you for reading until here\n"
    doc = tok_stage(make_doc(text, "en"))
    excluded = [doc.text[s.start : s.end] for s in doc.sentences if s.excluded]
    kept = [doc.text[s.start : s.end] for s in doc.sentences if not s.excluded]
    assert excluded == ["Search", "English / Politics & Diplomacy", "Body", "Thank you for reading until here"]
    assert kept == ["The ASEAN-UN Partnership", "ASEAN and the UN met in 2011."]


def test_a_byline_with_its_date_is_content_though_it_has_a_separator(tok_stage):
    doc = tok_stage(make_doc("Trang chủ | Kinh tế\n\nThu Hằng | 08:40, 16/ 5/ 2025\n\nNgày 14/5, đoàn FAO đến Sơn La.", "vi"))
    assert [doc.text[s.start : s.end] for s in doc.sentences if s.excluded] == ["Trang chủ | Kinh tế"]


def test_boilerplate_arabic_skip_link_excluded(tok_stage):
    doc = tok_stage(make_doc("تجاوز إلى المحتوى الرئيسي\n\nتعمل الأمم المتحدة مع الاتحاد الأفريقي.\n\nوثائق", "ar"))
    assert [doc.text[s.start : s.end] for s in doc.sentences if s.excluded] == ["تجاوز إلى المحتوى الرئيسي", "وثائق"]


def test_tokenise_unsupported_language_still_gets_sentences(tok_stage):
    doc = tok_stage(make_doc("Die Afrikanische Union tagte. Die UNO auch.", "de"))
    assert _sents(doc) == ["Die Afrikanische Union tagte.", "Die UNO auch."]


def test_tokenise_stores_word_tokens_of_every_sentence_on_the_document(tok_stage):
    doc = tok_stage(make_doc("ASEAN and the UN met. Then the AU-EU summit began.", "en"))
    assert isinstance(doc.words, DocTokens)
    assert [[t[2] for t in doc.words.sentence(i)] for i in range(len(doc.sentences))] == [
        ["ASEAN", "and", "the", "UN", "met"], ["Then", "the", "AU", "EU", "summit", "began"]]
    assert doc.words.sentence(1)[0] == (22, 26, "Then")


def test_shared_tokens_are_reused_by_later_stages(tok_stage):
    doc = tok_stage(make_doc("ASEAN and the UN met.", "en"))
    assert shared_tokens(doc) is doc.words


def test_shared_tokens_rebuilt_when_sentences_changed_after_tokenise(tok_stage):
    doc = tok_stage(make_doc("ASEAN met. The UN met.", "en"))
    first = doc.words
    doc.sentences = doc.sentences[1:]
    assert shared_tokens(doc) is not first
    assert [t[2] for t in shared_tokens(doc).sentence(0)] == ["The", "UN", "met"]


def test_vietnamese_tokeniser_comes_from_its_grammar_file(tok_stage):
    assert tok_stage.spacy_lang == {"vi": "xx"}
    assert TokeniseStage(tok_stage.resources, TokeniseParams(spacy_lang={"vi": "vi"})).spacy_lang == {"vi": "vi"}


def test_sentence_ends_at_final_runs_and_closing_marks_not_at_words_or_inner_dots(resources):
    # words take the short path (neither final nor closing); "...", "?!", a closing parenthesis after a stop and a
    # configured final that is no punctuation ("END", made final here) take the full one
    stage = TokeniseStage(resources, TokeniseParams(sentence_final=[".", "!", "?", "END"]))
    doc = stage(make_doc("The U.N. met... Did it?! Yes (twice.) Then END and more words.", "en"))
    assert _sents(doc) == ["The U.N. met...", "Did it?!", "Yes (twice.)", "Then END", "and more words."]
