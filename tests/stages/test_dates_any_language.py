"""Dates in languages without models/<lang>/months.yaml: month names and relative words from dateparser's
locale data, exact spans, values with their granularity, no common word taken as a date, and a note."""

from __future__ import annotations

import pytest

from pipeline.stages.dates import DateParams, DateStage
from pipeline.stages.language import LanguageParams, LanguageStage
from pipeline.stages.tokenise import TokeniseParams, TokeniseStage
from tests.conftest import make_doc


@pytest.fixture(scope="module")
def run(resources):
    lang_stage = LanguageStage(resources, LanguageParams())
    tok = TokeniseStage(resources, TokeniseParams())
    stage = DateStage(resources, DateParams())

    def _run(text, lang=None, published=None):
        doc = make_doc(text, lang)
        doc = lang_stage(doc)
        doc.published = published
        return stage(tok(doc))

    return _run


def spans(doc):
    return [(m.text, m.start, m.end, m.value) for m in doc.mentions_of("DATE")]


SENTENCES = [
    ("de", "Die Afrikanische Union und die Vereinten Nationen unterzeichneten am 12. März 2021 in Addis Abeba ein "
           "Abkommen; im Oktober 2022 trafen sie sich erneut.",
     [("12. März 2021", 69, 82, "2021-03-12"), ("Oktober 2022", 115, 127, "2022-10")]),
    ("es", "La Unión Africana y las Naciones Unidas firmaron el 12 de marzo de 2021 un memorando; en octubre de "
           "2022 se reunieron de nuevo.",
     [("12 de marzo de 2021", 52, 71, "2021-03-12"), ("octubre de 2022", 89, 104, "2022-10")]),
    ("ru", "Африканский союз и Организация Объединённых Наций подписали 12 марта 2021 года меморандум о "
           "сотрудничестве в Аддис-Абебе.",
     [("12 марта 2021", 60, 73, "2021-03-12")]),
    ("id", "ASEAN dan Perserikatan Bangsa-Bangsa menandatangani nota kesepahaman pada 12 Maret 2021 di Jakarta; "
           "pada Oktober 2022 mereka bertemu lagi.",
     [("12 Maret 2021", 74, 87, "2021-03-12"), ("Oktober 2022", 105, 117, "2022-10")]),
    ("pt", "A União Africana e as Nações Unidas assinaram em 12 de março de 2021 um memorando; em outubro de 2022 "
           "voltaram a reunir-se em Adis Abeba.",
     [("12 de março de 2021", 49, 68, "2021-03-12"), ("outubro de 2022", 86, 101, "2022-10")]),
]


@pytest.mark.parametrize("lang,text,expected", SENTENCES, ids=[s[0] for s in SENTENCES])
def test_language_is_identified_and_dates_come_from_dateparser_locale_data(run, lang, text, expected):
    doc = run(text)
    assert doc.lang == lang
    assert spans(doc) == expected
    assert f"dates: month names and relative words from dateparser's locale data for language {lang}" in doc.notes
    assert any(n.startswith(f"language {lang}: identified, no extraction resources") for n in doc.notes)


@pytest.mark.parametrize("lang,text", [
    ("es", "El mar estaba en calma y el sol brillaba sobre la costa durante la visita de 2 delegaciones."),
    ("pt", "O mar estava calmo; as 3 delegações visitaram o porto e a sede da organização."),
    ("de", "Die Mai-Kundgebung und 12 Teilnehmer aus 5 Staaten trafen sich."),
])
def test_common_words_are_not_dates(run, lang, text):
    assert spans(run(text, lang)) == []


def test_day_without_year_takes_the_year_of_its_sentence(run):
    doc = run("Im Oktober 2022 fand ein Treffen vom 3. bis 5. Mai statt.", "de")
    assert spans(doc)[-1] == ("5. Mai", 44, 50, "2022-05-05")


def test_relative_words_resolve_against_the_publication_date(run):
    doc = run("Ayer, la Unión Africana y las Naciones Unidas firmaron un memorando en Adís Abeba.", "es",
              published="2023-06-14")
    assert spans(doc) == [("Ayer", 0, 4, "2023-06-13")]


def test_fallback_can_be_switched_off(resources):
    stage = DateStage(resources, DateParams(dateparser_fallback=False))
    doc = stage(TokeniseStage(resources, TokeniseParams())(make_doc("Firmaron el 12 de marzo de 2021 un memorando.", "es")))
    assert [m.text for m in doc.mentions_of("DATE")] == ["2021"]
