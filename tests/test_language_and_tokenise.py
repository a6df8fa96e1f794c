from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.stages.language import LanguageParams, LanguageStage
from pipeline.stages.tokenise import TokeniseParams, TokeniseStage
from tests.conftest import CORPUS, make_doc

SAMPLE_LANGS = {
    "000_a57794624a1ead92.txt": "ar",
    "001_dc2bc461b3c93a09.txt": "en",
    "002_f1ccffd640c142cd.txt": "vi",
    "003_152f5e55120bd217.txt": "ar",
    "004_d360cb1c6822e2c1.txt": "ar",
}


@pytest.fixture(scope="module")
def lang_stage(resources):
    return LanguageStage(resources, LanguageParams())


@pytest.fixture(scope="module")
def tok_stage(resources):
    return TokeniseStage(resources, TokeniseParams())


@pytest.mark.parametrize("name,lang", sorted(SAMPLE_LANGS.items()))
def test_language_identified_on_each_sample_document(lang_stage, name, lang):
    doc = Document(source=name, text=(CORPUS / name).read_text(encoding="utf-8"))
    assert lang_stage(doc).lang == lang


def test_language_french_and_unsupported_german(lang_stage):
    fr = make_doc("L'Organisation internationale de la Francophonie et l'Union africaine ont signé un accord-cadre de coopération à Addis-Abeba.")
    de = make_doc("Die Afrikanische Union und die Vereinten Nationen haben ein neues Abkommen über die Zusammenarbeit unterzeichnet.")
    assert lang_stage(fr).lang == "fr"
    assert lang_stage(de).lang == "de"


def test_language_given_in_input_wins(lang_stage):
    doc = make_doc("ASEAN and the UN", lang="vi")
    assert lang_stage(doc).lang == "vi"


def test_language_short_text_chooses_among_supported(lang_stage):
    assert lang_stage(make_doc("Liên Hợp Quốc và ASEAN")).lang == "vi"


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


def test_boilerplate_arabic_skip_link_excluded(tok_stage):
    doc = tok_stage(make_doc("تجاوز إلى المحتوى الرئيسي\n\nتعمل الأمم المتحدة مع الاتحاد الأفريقي.\n\nوثائق", "ar"))
    assert [doc.text[s.start : s.end] for s in doc.sentences if s.excluded] == ["تجاوز إلى المحتوى الرئيسي", "وثائق"]


def test_tokenise_unsupported_language_still_gets_sentences(tok_stage):
    doc = tok_stage(make_doc("Die Afrikanische Union tagte. Die UNO auch.", "de"))
    assert _sents(doc) == ["Die Afrikanische Union tagte.", "Die UNO auch."]
