from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.stages.language import LanguageParams, LanguageStage
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
