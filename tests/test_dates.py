"""Dates in ar/en/fr/vi: forms, values, ranges, qualifiers, relative dates, datelines and the negatives."""

from __future__ import annotations

import pytest

from pipeline.dates import DateParams, DateStage
from pipeline.tokenise import TokeniseParams, TokeniseStage
from tests.conftest import make_doc


@pytest.fixture(scope="module")
def dates(resources):
    tok = TokeniseStage(resources, TokeniseParams())
    stage = DateStage(resources, DateParams())

    def run(text, lang, published=None):
        doc = make_doc(text, lang)
        doc.published = published
        doc = stage(tok(doc))
        return [(m.text, m.value) for m in doc.mentions_of("DATE")], doc

    return run


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "اعتمد الإعلان في تشرين الثاني/نوفمبر 2011 وخطة العمل للفترة 2016-2020.", [("تشرين الثاني/نوفمبر 2011", "2011-11"), ("2016-2020", "2016/2020")]),
    ("ar", "في عام ٢٠١٨، جمعت الأمم المتحدة الهيئات، وفي 12 مارس 2021 وقعت الاتفاقية.", [("عام ٢٠١٨", "2018"), ("12 مارس 2021", "2021-03-12")]),
    ("ar", "تغطي الخطة الفترة من 2016 إلى 2020.", [("2016 إلى 2020", "2016/2020")]),
    ("en", "The Summit in Lao PDR in October 2024 recalled the 12 March 2021 meeting and March 5, 2019.", [("October 2024", "2024-10"), ("12 March 2021", "2021-03-12"), ("March 5, 2019", "2019-03-05")]),
    ("en", "Serving from 1961 to 1971, he led the Plan of Action (2021–2025).", [("1961", "1961"), ("1971", "1971"), ("2021–2025", "2021/2025")]),
    ("fr", "Le 1er janvier 2020, puis en mars 2019 et en 2010, l'accord a été signé.", [("1er janvier 2020", "2020-01-01"), ("mars 2019", "2019-03"), ("2010", "2010")]),
    ("vi", "Ngày 4/12/2006, Hội nghị lần thứ nhất vào tháng 2/2000 và ngày 27 tháng 9 năm 2007.", [("Ngày 4/12/2006", "2006-12-04"), ("tháng 2/2000", "2000-02"), ("ngày 27 tháng 9 năm 2007", "2007-09-27")]),
    ("vi", "Năm 1977, hai bên lập quan hệ trong giai đoạn 2021-2025 (5/5/2006).", [("Năm 1977", "1977"), ("2021-2025", "2021/2025"), ("5/5/2006", "2006-05-05")]),
])
def test_dates_forms_and_values(dates, lang, text, expected):
    assert dates(text, lang)[0] == expected


@pytest.mark.parametrize("lang,text,qualifier", [
    ("en", "In late 2017 the training took place.", "late"),
    ("ar", "وفي أواخر عام 2017، شاركت الإدارة في التدريب.", "late"),
    ("vi", "Vào cuối năm 2017, khóa đào tạo diễn ra.", "late"),
    ("fr", "Fin 2017, la formation a eu lieu.", "late"),
])
def test_dates_qualifier_kept_apart_from_value(dates, lang, text, qualifier):
    found, doc = dates(text, lang)
    [m] = doc.mentions_of("DATE")
    assert (m.value, m.attrs["qualifier"]) == ("2017", qualifier)


@pytest.mark.parametrize("lang,text", [
    ("en", "More than 30 departments, 4 summits, 8 regions, 35 agencies and Track 1.5 dialogues support Res/61/44."),
    ("en", "Both share the ASEAN Community Vision 2025 and the 2030 Agenda for Sustainable Development and Agenda 2063."),
    ("vi", "Hội nghị Cấp cao lần thứ 2, Bản ghi nhớ gồm 9 điều, Nghị quyết số Res/61/44, lúc 11:57."),
    ("ar", "تعمل أكثر من 30 إدارة في الفصل الثامن من الميثاق ضمن رؤية 2030."),
])
def test_dates_numbers_that_are_not_dates_stay_out(dates, lang, text):
    assert dates(text, lang)[0] == []


def test_dates_malformed_year_is_kept_without_value(dates):
    found, doc = dates("اعتمد الأمين العام الخطة في تشرين الأول/أكتوبر 202 ، والتي تشمل مجالات جديدة.", "ar")
    [m] = doc.mentions_of("DATE")
    assert (m.text, m.value, m.attrs["reason"]) == ("تشرين الأول/أكتوبر 202", None, "malformed year")
    assert m.confidence <= 0.3


def test_dates_dateline_sets_publication_and_relative_dates_resolve(dates):
    text = "Quan hệ đối thoại ASEAN-Liên Hợp Quốc\n11:57 30/10/2020\n\nNăm ngoái, hai bên đã họp."
    found, doc = dates(text, "vi")
    assert doc.published == "2020-10-30"
    assert found == [("30/10/2020", "2020-10-30"), ("Năm ngoái", "2019")]


def test_dates_relative_without_publication_date_has_reason(dates):
    found, doc = dates("Last year the OIC and the GCC met twice.", "en")
    [m] = doc.mentions_of("DATE")
    assert (m.value, m.attrs["reason"]) == (None, "relative date without publication date")


def test_dates_given_publication_date_resolves_relative(dates):
    assert dates("العام الماضي عقد الاتحاد الأفريقي قمة.", "ar", published="2023-05-02")[0] == [("العام الماضي", "2022")]
