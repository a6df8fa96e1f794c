"""Dates in ar/en/fr/vi: forms, values, spans, ranges, qualifiers, relative dates, datelines and the negatives.

Every expectation is exact: (surface text, start, end, value). The clock is fixed: the stage runs with a
``datetime`` whose ``today()``/``now()`` fail, so no value can come from the day the tests run.
"""

from __future__ import annotations

import datetime as real_dt
import types

import pytest

from pipeline.stages.dates import DateParams, DateStage, context as dates_context, search_dates_baseline
from pipeline.stages.dates import stage as dates_stage
from pipeline.stages.tokenise import TokeniseParams, TokeniseStage
from tests.conftest import make_doc


class _NoToday(real_dt.date):
    @classmethod
    def today(cls):  # pragma: no cover - failing here is the point
        raise AssertionError("the date stage must not read today's date")


class _NoNow(real_dt.datetime):
    @classmethod
    def now(cls, tz=None):  # pragma: no cover
        raise AssertionError("the date stage must not read the clock")

    @classmethod
    def today(cls):  # pragma: no cover
        raise AssertionError("the date stage must not read the clock")


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    shim = types.SimpleNamespace(date=_NoToday, datetime=_NoNow, timedelta=real_dt.timedelta)
    for module in (dates_stage, dates_context):
        monkeypatch.setattr(module, "dt", shim)


@pytest.fixture(scope="module")
def run(resources):
    tok = TokeniseStage(resources, TokeniseParams())
    stage = DateStage(resources, DateParams())

    def _run(text, lang, published=None):
        doc = make_doc(text, lang)
        doc.published = published
        doc = stage(tok(doc))
        return doc

    return _run


def spans(doc):
    return [(m.text, m.start, m.end, m.value) for m in doc.mentions_of("DATE")]


# -- forms and values ---------------------------------------------------------------------------------
FORMS = [
    # English: month names, numeric forms, cue words outside the span
    ("en", "The ASEAN-UN Summit in Vientiane in October 2024 recalled the meeting of 12 March 2021 and the talks of March 5, 2019.",
     [("October 2024", 36, 48, "2024-10"), ("12 March 2021", 73, 86, "2021-03-12"), ("March 5, 2019", 104, 117, "2019-03-05")]),
    ("en", "Cooperation has grown since 2000; in 2010 the report dated 2021-03-12 was cited.",
     [("2000", 28, 32, "2000"), ("2010", 37, 41, "2010"), ("2021-03-12", 59, 69, "2021-03-12")]),
    ("en", "The letter of 25/3/2021 and the note of 3/25/2021 were filed on Tuesday, 4 May 2021.",
     [("25/3/2021", 14, 23, "2021-03-25"), ("3/25/2021", 40, 49, "2021-03-25"), ("Tuesday, 4 May 2021", 64, 83, "2021-05-04")]),
    ("en", "The first plan of action (2016-2020) was followed by a second one for 2021–2025 and a 2016–17 budget.",
     [("2016-2020", 26, 35, "2016/2020"), ("2021–2025", 70, 79, "2021/2025"), ("2016–17", 86, 93, "2016/2017")]),
    ("en", "Serving from 1961 to 1971, U Thant also chaired talks between 1965 and 1966.",
     [("1961", 13, 17, "1961"), ("1971", 21, 25, "1971"), ("1965", 62, 66, "1965"), ("1966", 71, 75, "1966")]),
    ("en", "Leaders met in Rarotonga from 6 to 10 November 2023 and on 8-9 June 2017.",
     [("6 to 10 November 2023", 30, 51, "2023-11-06/2023-11-10"), ("8-9 June 2017", 59, 72, "2017-06-08/2017-06-09")]),
    ("en", "In 2020, at the 23rd Summit held by videoconference on 12 November, the two sides issued a statement.",
     [("2020", 3, 7, "2020"), ("12 November", 55, 66, "2020-11-12")]),
    # French
    ("fr", "Le 3 mars 2022, l'OIF et l'UA ont signé un accord entré en vigueur le 1er janvier 2020, puis en mars 2019 et en 2010.",
     [("3 mars 2022", 3, 14, "2022-03-03"), ("1er janvier 2020", 70, 86, "2020-01-01"), ("mars 2019", 96, 105, "2019-03"),
      ("2010", 112, 116, "2010")]),
    ("fr", "Le Secrétaire général a servi de 1961 à 1971 ; le sommet s'est tenu du 6 au 10 novembre 2023, le 30/10/2020.",
     [("1961", 33, 37, "1961"), ("1971", 40, 44, "1971"), ("6 au 10 novembre 2023", 71, 92, "2023-11-06/2023-11-10"),
      ("30/10/2020", 97, 107, "2020-10-30")]),
    # Arabic: Levantine/Western pairs, Arabic-Indic and Persian digits, cue words inside the span
    ("ar", "اعتمد الإعلان المشترك في تشرين الثاني/نوفمبر 2011 وخطة العمل للفترة 2016-2020.",
     [("تشرين الثاني/نوفمبر 2011", 25, 49, "2011-11"), ("2016-2020", 68, 77, "2016/2020")]),
    ("ar", "في عام ٢٠١٨، جمعت الأمم المتحدة الهيئات، وفي عام ۲۰۱۹ وفي 12 مارس 2021 وقعت الاتفاقية في 12 نيسان/أبريل 2022.",
     [("عام ٢٠١٨", 3, 11, "2018"), ("عام ۲۰۱۹", 45, 53, "2019"), ("12 مارس 2021", 58, 70, "2021-03-12"),
      ("12 نيسان/أبريل 2022", 89, 108, "2022-04-12")]),
    ("ar", "تغطي الخطة الفترة 2016 إلى 2020، وشغل المنصب من 1961 إلى 1971 ومنذ عام 2000.",
     [("2016 إلى 2020", 18, 31, "2016/2020"), ("1961", 48, 52, "1961"), ("1971", 57, 61, "1971"), ("عام 2000", 67, 75, "2000")]),
    ("ar", "وعقد الاجتماع في كانون الأول/ديسمبر 2019 وفي أيلول 2009.",
     [("كانون الأول/ديسمبر 2019", 17, 40, "2019-12"), ("أيلول 2009", 45, 55, "2009-09")]),
    # Vietnamese: ngày/tháng/năm inside the span, D/M/YYYY
    ("vi", "Ngày 4/12/2006, Đại hội đồng thông qua nghị quyết; Hội nghị lần thứ nhất vào tháng 2/2000 và ngày 27 tháng 9 năm 2007.",
     [("Ngày 4/12/2006", 0, 14, "2006-12-04"), ("tháng 2/2000", 77, 89, "2000-02"), ("ngày 27 tháng 9 năm 2007", 93, 117, "2007-09-27")]),
    ("vi", "Năm 1977, hai bên lập quan hệ; giai đoạn 2021-2025 và thỏa thuận ký tháng 12/2005, thư ngày 5/5/2006 và năm 2010.",
     [("Năm 1977", 0, 8, "1977"), ("2021-2025", 41, 50, "2021/2025"), ("tháng 12/2005", 68, 81, "2005-12"),
      ("ngày 5/5/2006", 87, 100, "2006-05-05"), ("năm 2010", 104, 112, "2010")]),
    ("vi", "Ông giữ chức từ 1961 đến 1971; hội nghị diễn ra ngày 11-12/12/2014.",
     [("1961", 16, 20, "1961"), ("1971", 25, 29, "1971"), ("ngày 11-12/12/2014", 48, 66, "2014-12-11/2014-12-12")]),
]


@pytest.mark.parametrize("lang,text,expected", FORMS, ids=[f"{l}-{i}" for i, (l, _, _) in enumerate(FORMS)])
def test_forms_spans_and_values(run, lang, text, expected):
    assert spans(run(text, lang)) == expected


# -- qualifiers: value without the qualifier, the word outside the span (params.yaml qualifier_in_span) ------
QUALIFIED = [
    ("en", "In late 2017 two trainings took place.", ("2017", 8, 12, "2017"), "late"),
    ("en", "The plan will be reviewed in the first half of 2024.", ("2024", 47, 51, "2024"), "early"),
    ("en", "By mid-2018 the office had opened.", ("2018", 7, 11, "2018"), "mid"),
    ("ar", "وفي أواخر عام 2017، شاركت الإدارة في التدريب.", ("عام 2017", 10, 18, "2017"), "late"),
    ("ar", "وبنهاية عام 2016 انتهت الخطة.", ("عام 2016", 8, 16, "2016"), "late"),
    ("vi", "Vào cuối năm 2017, khóa đào tạo diễn ra.", ("năm 2017", 9, 17, "2017"), "late"),
    ("vi", "Đầu tháng 3/2021, hai bên gặp nhau.", ("tháng 3/2021", 4, 16, "2021-03"), "early"),
    ("fr", "Fin 2017, la formation a eu lieu.", ("2017", 4, 8, "2017"), "late"),
    ("fr", "Début mars 2022, le comité s'est réuni.", ("mars 2022", 6, 15, "2022-03"), "early"),
]


@pytest.mark.parametrize("lang,text,expected,qualifier", QUALIFIED)
def test_qualifier_is_an_attribute(run, lang, text, expected, qualifier):
    [m] = run(text, lang).mentions_of("DATE")
    assert ((m.text, m.start, m.end, m.value), m.attrs["qualifier"]) == (expected, qualifier)


# -- numbers that are not dates -----------------------------------------------------------------------
NEGATIVES = [
    ("en", "More than 30 departments, 4 summits, 8 regions and 35 agencies support Res/61/44 under Chapter VIII."),
    ("en", "Track 1.5 dialogues, the 2nd meeting and the 5th Summit, at 11:57, cost US$ 2,000 and US$ 2000."),
    ("en", "Call +84 24 3822 2020 or Tel: 024 3822 2020; see https://asean.org/2020/10/news and A/RES/2020/12."),
    ("en", "Both share the ASEAN Community Vision 2025, the 2030 Agenda for Sustainable Development and Agenda 2063."),
    ("en", "Leaders adopted the 2050 Strategy for the Blue Pacific Continent; No. 2020 lists 2000 participants."),
    ("fr", "L'Agenda 2063 de l'Union africaine et le Programme 2030 réunissent 2000 personnes ; résolution 2020."),
    ("ar", "تعمل أكثر من 30 إدارة في إطار الفصل الثامن من الميثاق ضمن رؤية 2030 وأجندة 2063 والقرار 2020."),
    ("ar", "وتدعم خطة التنمية المستدامة لعام 2030 أكثر من 2000 شخص."),
    ("vi", "Hội nghị Cấp cao lần thứ 2, Bản ghi nhớ gồm 9 điều, Nghị quyết số Res/61/44, lúc 11:57."),
    ("vi", "Tầm nhìn Cộng đồng ASEAN 2025 và Chương trình nghị sự 2030; hai năm trước có 2000 người, 35 năm."),
]


@pytest.mark.parametrize("lang,text", NEGATIVES)
def test_numbers_that_are_not_dates_stay_out(run, lang, text):
    assert spans(run(text, lang)) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "اعتمد الأمين العام الخطة في تشرين الأول/أكتوبر 202 ، والتي تشمل مجالات جديدة.", ("تشرين الأول/أكتوبر 202", 28, 50)),
    ("en", "The Plan was adopted in October 202 by the ministers.", ("October 202", 24, 35)),
    ("vi", "Kế hoạch được thông qua vào tháng 10/202 tại Hà Nội.", ("tháng 10/202", 28, 40)),
])
def test_malformed_year_is_kept_without_value(run, lang, text, expected):
    [m] = run(text, lang).mentions_of("DATE")
    assert (m.text, m.start, m.end, m.value, m.attrs["reason"]) == (*expected, None, "malformed year")
    assert m.confidence <= 0.3


# -- relative dates and the publication date ----------------------------------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Last year the OIC and the GCC met twice.", ("Last year", 0, 9)),
    ("ar", "العام الماضي عقد الاتحاد الأفريقي قمة.", ("العام الماضي", 0, 12)),
    ("vi", "Năm ngoái, hai bên đã họp.", ("Năm ngoái", 0, 9)),
    ("fr", "L'année dernière, les deux organisations se sont réunies.", ("L'année dernière", 0, 16)),
])
def test_relative_without_publication_date_has_no_value(run, lang, text, expected):
    [m] = run(text, lang).mentions_of("DATE")
    assert (m.text, m.start, m.end, m.value) == (*expected, None)
    assert m.attrs["relative"] is True and m.attrs["reason"] == "relative date without publication date"


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Last year the OIC met; this month the GCC met on Friday.",
     [("Last year", 0, 9, "2022"), ("this month", 23, 33, "2023-05"), ("Friday", 49, 55, "2023-04-28")]),
    ("ar", "العام الماضي عقد الاتحاد قمة، والعام المقبل يعقد اجتماعا يوم الجمعة.",
     [("العام الماضي", 0, 12, "2022"), ("العام المقبل", 31, 43, "2024"), ("يوم الجمعة", 57, 67, "2023-04-28")]),
    ("vi", "Năm ngoái hai bên đã họp, tháng trước lại gặp nhau vào thứ Sáu.",
     [("Năm ngoái", 0, 9, "2022"), ("tháng trước", 26, 37, "2023-04"), ("thứ Sáu", 55, 62, "2023-04-28")]),
    ("fr", "L'année dernière et le mois dernier, les deux organisations se sont réunies.",
     [("L'année dernière", 0, 16, "2022"), ("le mois dernier", 20, 35, "2023-04")]),
])
def test_given_publication_date_resolves_relative(run, lang, text, expected):
    assert spans(run(text, lang, published="2023-05-02")) == expected


@pytest.mark.parametrize("lang,text,published,expected", [
    ("vi", "Quan hệ đối thoại ASEAN-Liên Hợp Quốc\n11:57 30/10/2020\n\nNăm ngoái, hai bên đã họp.", "2020-10-30",
     [("30/10/2020", 44, 54, "2020-10-30"), ("Năm ngoái", 56, 65, "2019")]),
    ("en", "ASEAN and the UN\nPublished: 12 March 2021\n\nLast year the two sides met.", "2021-03-12",
     [("12 March 2021", 28, 41, "2021-03-12"), ("Last year", 43, 52, "2020")]),
    ("en", "ASEAN and Japan upgrade relations\n\nJAKARTA, 6 September 2023 - ASEAN and Japan agreed on Wednesday to act.",
     "2023-09-06", [("6 September 2023", 44, 60, "2023-09-06"), ("Wednesday", 89, 98, "2023-09-06")]),
    ("fr", "L'OIF et l'UA\nPublié le 3 mars 2022\n\nL'année dernière, les deux organisations ont signé.", "2022-03-03",
     [("3 mars 2022", 24, 35, "2022-03-03"), ("L'année dernière", 37, 53, "2021")]),
    ("ar", "الرابطة والأمم المتحدة\nنشر في 12 مارس 2021\n\nالعام الماضي عقدت القمة.", "2021-03-12",
     [("12 مارس 2021", 30, 42, "2021-03-12"), ("العام الماضي", 44, 56, "2020")]),
    ("vi", "Hàn Quốc và ASEAN\nHà Nội, ngày 11/10/2024 - Lãnh đạo ASEAN và Hàn Quốc ngày 10/10 đã thông qua tuyên bố.",
     "2024-10-11", [("ngày 11/10/2024", 26, 41, "2024-10-11"), ("ngày 10/10", 71, 81, "2024-10-10")]),
])
def test_dateline_sets_publication_date(run, lang, text, published, expected):
    doc = run(text, lang)
    assert doc.published == published
    assert spans(doc) == expected


def test_given_publication_date_wins_over_dateline(run):
    doc = run("ASEAN\nPublished: 12 March 2021\n\nLast year they met.", "en", published="2019-06-30")
    assert doc.published == "2019-06-30"
    assert spans(doc)[-1] == ("Last year", 32, 41, "2018")


def test_relative_after_a_number_is_a_duration(run):
    assert spans(run("Hai năm trước và năm năm sau, những năm tới.", "vi", published="2023-05-02")) == []


def test_day_month_without_year_and_without_context_has_no_value(run):
    [m] = run("The ministers met on 12 November in Riyadh.", "en").mentions_of("DATE")
    assert (m.text, m.start, m.end, m.value, m.attrs["reason"]) == ("12 November", 21, 32, None, "day and month without a year")


# -- languages without a month lexicon: dateparser reads the candidate -----------------------------------
def test_dateparser_fallback_for_a_language_without_lexicon(run):
    doc = run("La cumbre se celebró el 12 de marzo de 2021 y en octubre de 2024; Visión 2025.", "es")
    assert spans(doc) == [("12 de marzo de 2021", 24, 43, "2021-03-12"), ("octubre de 2024", 49, 64, "2024-10")]


def test_mentions_carry_granularity_and_confidence(run):
    doc = run("In 2010, in October 2024 and on 12 March 2021 (2016-2020).", "en")
    assert [(m.attrs["granularity"], m.confidence >= 0.85) for m in doc.mentions_of("DATE")] == [
        ("year", True), ("month", True), ("day", True), ("range", True)]


def test_search_dates_baseline_uses_a_fixed_base():
    found = search_dates_baseline("The meeting was held on 12 March 2021.", "en")
    assert [(s, d.date().isoformat()) for s, d in found] == [("on 12 March 2021", "2021-03-12")]


# -- guidelines v2: day ranges as ISO intervals, spaced numeric dates, years of days, names, ordinals ----
V2_FORMS = [
    ("en", "The Forum met from 30 November - 2 December 2022 and on 24 and 25 September 2010.",
     [("30 November - 2 December 2022", 19, 48, "2022-11-30/2022-12-02"),
      ("24 and 25 September 2010", 56, 80, "2010-09-24/2010-09-25")]),
    ("fr", "La conférence s'est tenue du 3 au 5 mai 2022 à Dakar, puis du 30 novembre au 2 décembre 2022.",
     [("3 au 5 mai 2022", 29, 44, "2022-05-03/2022-05-05"),
      ("30 novembre au 2 décembre 2022", 62, 92, "2022-11-30/2022-12-02")]),
    ("ar", "عقد المؤتمر في الفترة من 12-14 آذار/مارس 2001 في القاهرة.",
     [("12-14 آذار/مارس 2001", 25, 45, "2001-03-12/2001-03-14")]),
    ("vi", "Hội thảo diễn ra từ ngày 12 đến 14/3/2001 và từ ngày 28/3 đến 1/4/2015 tại Hà Nội.",
     [("ngày 12 đến 14/3/2001", 20, 41, "2001-03-12/2001-03-14"), ("ngày 28/3 đến 1/4/2015", 48, 70, "2015-03-28/2015-04-01")]),
    ("en", "The letter dated 12/ 3/ 2001 was answered on 06 / 11 / 2018.",
     [("12/ 3/ 2001", 17, 28, "2001-03-12"), ("06 / 11 / 2018", 45, 59, "2018-11-06")]),
    ("ar", "ووقعت المذكرة بتاريخ ١٥/ ٣/ ٢٠٢٢ في جدة.", [("١٥/ ٣/ ٢٠٢٢", 21, 32, "2022-03-15")]),
    ("ar", "نظمت المنظمتان ورشة عمل في جدة في ١٤ - ١٦/ ١٠/ ٢٠٢٥.", [("١٤ - ١٦/ ١٠/ ٢٠٢٥", 34, 51, "2025-10-14/2025-10-16")]),
    ("fr", "– 8 - 11/10/2024 : atelier de cadrage tenu à Bobo-Dioulasso.", [("8 - 11/10/2024", 2, 16, "2024-10-08/2024-10-11")]),
    ("vi", "Ngày 28/6/2023, đoàn IMF đến Hà Nội; sáng 29/6, Thủ tướng tiếp đoàn.",
     [("Ngày 28/6/2023", 0, 14, "2023-06-28"), ("29/6", 42, 46, "2023-06-29")]),
]


@pytest.mark.parametrize("lang,text,expected", V2_FORMS, ids=[f"{l}-{i}" for i, (l, _, _) in enumerate(V2_FORMS)])
def test_day_ranges_are_one_interval_and_spaced_numeric_dates_are_dates(run, lang, text, expected):
    assert spans(run(text, lang)) == expected


def test_day_without_year_takes_the_nearest_earlier_full_date_with_its_reason(run):
    doc = run("Leaders met from 26 to 30 August 2024. In September 2011 the Forum met in Auckland.\n\n"
              "On 27 August, leaders held a dialogue.", "en")
    last = doc.mentions_of("DATE")[-1]
    assert (last.text, last.value, last.attrs["reason"]) == ("27 August", "2024-08-27", "year of the nearest earlier full date")


def test_day_range_without_year_takes_the_publication_year(run):
    doc = run("Hội nghị do IPU tổ chức từ ngày 15 đến 16/9 tại Hà Nội.", "vi", published="2023-09-15")
    [m] = doc.mentions_of("DATE")
    assert (m.text, m.value, m.attrs["reason"]) == ("ngày 15 đến 16/9", "2023-09-15/2023-09-16", "year of the publication date")


def test_a_deadline_after_publication_does_not_date_a_later_day(run):
    doc = run("Its mandate runs until 31 January 2026.\n\nAhead of the meeting, on 2 April, the envoy held talks.",
              "en", published="2025-04-03")
    assert spans(doc)[-1] == ("2 April", 66, 73, "2025-04-02")


@pytest.mark.parametrize("lang,text", [
    ("en", "The General Assembly at its 78th session adopted the Strategy of the Organisation until 2035."),
    ("en", "Leaders welcomed the GCC-ASEAN Framework of Cooperation (2024-2028) and the Anti-Drug Strategy for 2024-2029."),
    ("fr", "Elles ont adopté la feuille de route conjointe CEEAC-UNOCA pour 2025 et ratifié la Convention de 2005."),
    ("ar", "اعتمدت الجمعية العامة في الدورة ٧٨ القرار وفق الإطار الاستراتيجي للفاو 2022-2031."),
    ("vi", "Các Bộ trưởng thông qua Kế hoạch hành động Hợp tác Mekong - Lan Thương giai đoạn 2023-2027 và Tầm nhìn Putrajaya 2040."),
])
def test_years_inside_instrument_names_and_session_ordinals_are_not_dates(run, lang, text):
    assert spans(run(text, lang)) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The plan of action was signed in 2010 and runs from 2016 to 2020.", ["2010", "2016", "2020"]),
    ("ar", "وتغطي خطة العمل للفترة 2016-2020 مجالات عدة.", ["2016/2020"]),
    ("fr", "Le plan d'action de 2010 à 2015 a été prolongé.", ["2010", "2015"]),
])
def test_a_period_that_is_not_part_of_a_name_stays_a_date(run, lang, text, expected):
    assert [m.value for m in run(text, lang).mentions_of("DATE")] == expected


@pytest.mark.parametrize("lang,text,published,relative", [
    ("en", "UN and AU hold talks\n\nNEW YORK, 30 November 2022 — The two organisations met yesterday.", "2022-11-30",
     ("yesterday", "2022-11-29")),
    ("en", "IGAD and IOM sign\n\nMOMBASA, Kenya, 25 March 2021 – IGAD and IOM signed an agreement on Thursday.",
     "2021-03-25", ("Thursday", "2021-03-25")),
    ("en", "Council hears briefing\n\nSecurity Council, 9893rd Meeting (AM), 3 April 2025\n\nThe envoy spoke this morning.",
     "2025-04-03", ("this morning", "2025-04-03")),
    ("vi", "Hai bên họp\n\nHÀ NỘI, ngày 14/2/2022 – Hôm qua, ASEAN và Liên Hợp Quốc đã họp.", "2022-02-14",
     ("Hôm qua", "2022-02-13")),
    ("fr", "Réunion\n\nGENÈVE, 3 mai 2022 – Aujourd'hui, l'OIF et l'UA se sont réunies.", "2022-05-03",
     ("Aujourd'hui", "2022-05-03")),
    ("ar", "اجتماع\n\nالقاهرة، ١٢ آذار/مارس ٢٠٢٣ – عقدت الجامعة العربية اليوم اجتماعا.", "2023-03-12", ("اليوم", "2023-03-12")),
])
def test_press_release_dateline_fills_published_and_resolves_relative_dates(run, lang, text, published, relative):
    doc = run(text, lang)
    assert doc.published == published
    assert (spans(doc)[-1][0], spans(doc)[-1][3]) == relative


def test_a_named_day_is_not_today(run):
    assert spans(run("احتفلت المنظمة باليوم العالمي للصحة.", "ar", published="2023-04-07")) == []


def test_overlap_resolution_checks_neighbours_only():
    """Linear cost: each candidate is compared with its two neighbours among the chosen, never all of them."""
    from pipeline.stages.dates.context import Found, resolve_overlaps

    found = [Found(i * 10, i * 10 + 4, (i * 10, i * 10 + 4), "2020", "year", "r", 0.9) for i in range(2000)]
    found.append(Found(5, 22, (5, 22), "2020-01", "month", "r", 0.95))
    chosen = resolve_overlaps(found)
    assert len(chosen) == 1999 and chosen[0].start == 0 and chosen[1].start == 5 and chosen[2].start == 30


def test_full_date_of_an_earlier_paragraph_gives_way_to_the_publication_year(run):
    doc = run("The delegate recalled resolution 70/259 of 1 April 2016.\n\n"
              "The Committee will meet again on Tuesday, 15 October.", "en", published="2024-10-14")
    last = doc.mentions_of("DATE")[-1]
    assert (last.text, last.value, last.attrs["reason"]) == ("Tuesday, 15 October", "2024-10-15", "year of the publication date")


def test_a_year_in_the_previous_sentence_does_not_date_a_day(run):
    doc = run("Some 733 million people faced hunger in 2023. The report was launched in Rio on 24 July.", "en",
              published="2024-10-14")
    last = doc.mentions_of("DATE")[-1]
    assert (last.text, last.value) == ("24 July", "2024-07-24")


def test_wire_dateline_dates_today_when_no_publication_date_is_given(run):
    doc = run("القاهرة 13 فبراير 2025 م (واس)\n\nافتتح المدير العام اليوم مكتب التنسيق في القاهرة.", "ar")
    got = [(m.text, m.value) for m in doc.mentions_of("DATE")]
    assert got == [("13 فبراير 2025 م", "2025-02-13"), ("اليوم", "2025-02-13")]


def test_arabic_gregorian_era_letter_is_inside_the_span(run):
    doc = run("وقعت المذكرة في 15 تشرين الأول/أكتوبر 2025م في تونس.", "ar")
    assert spans(doc) == [("15 تشرين الأول/أكتوبر 2025م", 16, 43, "2025-10-15")]


def test_hijri_date_paired_with_a_gregorian_one_takes_its_value(run):
    doc = run("وقعت المذكرة يوم الأربعاء ٢٣ ربيع الآخر ١٤٤٧هـ، الموافق ١٥ تشرين الأول/أكتوبر ٢٠٢٥م.", "ar")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [
        ("٢٣ ربيع الآخر ١٤٤٧هـ", "2025-10-15"), ("١٥ تشرين الأول/أكتوبر ٢٠٢٥م", "2025-10-15")]


def test_hijri_date_alone_is_no_date(run):
    assert spans(run("صدر القرار في 12 رمضان 1446 هـ بعد المشاورات.", "ar")) == []


def test_same_day_is_the_day_just_reported(run):
    doc = run("Ngày 17/3/2025, FAO và MRC đã ký Bản ghi nhớ. Trước lễ ký, sáng cùng ngày, đoàn FAO đã làm việc với MRC.", "vi")
    assert spans(doc)[-1] == ("cùng ngày", 64, 73, "2025-03-17")


def test_same_day_after_a_planned_date_is_the_datelines_day(run):
    doc = run("HÀ NỘI, ngày 26/7/2024 - Diễn đàn sẽ diễn ra từ ngày 14 đến 15/11/2024. "
              "Trước đó, sáng cùng ngày, các bộ trưởng đã họp.", "vi")
    assert spans(doc)[-1][0] == "cùng ngày" and spans(doc)[-1][3] == "2024-07-26"


# -- months and days named without a year: the words around them say which year --------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Une formation sera dispensée en mars à Douala.", [("mars", 32, 36, "2024-03")]),
    ("fr", "La conférence, tenue en ligne en septembre dernier, a fixé les priorités.",
     [("septembre dernier", 33, 50, "2023-09")]),
    ("fr", "Le Conseil se réunira en décembre de l'année prochaine.", [("décembre de l'année prochaine", 25, 54, "2025-12")]),
    ("fr", "La réunion du 12 mars prochain aura lieu à Dakar.", [("12 mars", 14, 21, "2025-03-12")]),
    ("en", "A workshop is planned in March; the board met last September.",
     [("March", 25, 30, "2024-03"), ("last September", 46, 60, "2023-09")]),
    ("vi", "Hồi tháng 4, IMF đã công bố báo cáo; trong tháng 6 tới, hai bên sẽ tổ chức khóa tập huấn.",
     [("tháng 4", 4, 11, "2024-04"), ("tháng 6 tới", 43, 54, "2024-06")]),
    ("vi", "Đoàn đã làm việc ở Geneva tháng 3 vừa qua và sẽ trở lại vào tháng 7 năm nay.",
     [("tháng 3 vừa qua", 26, 41, "2024-03"), ("tháng 7 năm nay", 60, 75, "2024-07")]),
    ("ar", "يعقد الاجتماع المقبل في الكويت في أكتوبر المقبل، بعد اجتماع في فبراير من العام الماضي.",
     [("أكتوبر", 34, 40, "2024-10"), ("فبراير من العام الماضي", 63, 85, "2023-02")]),
    ("ar", "قدمت المنظمة في 28 يناير الماضي إحاطة، وتعقد ورشة من 12 إلى 14 مارس المقبل.",
     [("28 يناير", 16, 24, "2024-01-28"), ("12 إلى 14 مارس", 53, 67, "2025-03-12/2025-03-14")]),
])
def test_month_without_year_is_a_date_whose_year_the_words_around_it_give(run, lang, text, expected):
    assert spans(run(text, lang, published="2024-03-20")) == expected


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le programme sera achevé en sept ans."),
    ("en", "She may attend, and the talks may resume."),
    ("vi", "Dự án kéo dài trong 6 tháng tới và từ 3 tháng trước."),
])
def test_words_that_look_like_a_month_alone_are_not_dates(run, lang, text):
    assert spans(run(text, lang, published="2024-03-20")) == []


def test_month_without_year_follows_the_full_date_before_it_in_the_sentence(run):
    doc = run("Une formation a eu lieu le 4 mars 2021, puis une autre en juin.", "fr", published="2024-03-20")
    assert spans(doc)[-1] == ("juin", 58, 62, "2021-06")


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Hier, jeudi 22 mai, des consultations ont réuni les deux parties.", [("Hier", 0, 4, "2025-05-22"),
                                                                               ("jeudi 22 mai", 6, 18, "2025-05-22")]),
    ("en", "The Council met on Tuesday, 15 October 2024 in Geneva.", [("Tuesday, 15 October 2024", 19, 43, "2024-10-15")]),
    ("vi", "Hội nghị khai mạc hôm thứ Ba, 18/11/2025 tại Hà Nội.", [("18/11/2025", 30, 40, "2025-11-18")]),
])
def test_a_weekday_before_a_date_joins_its_span_where_the_language_writes_it_so(run, lang, text, expected):
    assert spans(run(text, lang, published="2025-05-23")) == expected


@pytest.mark.parametrize("lang,text,expected,qualifier", [
    ("fr", "Un répertoire sera lancé au premier semestre 2026.", ("premier semestre 2026", 28, 49, "2026-01/2026-06"), None),
    ("fr", "Le cinquantenaire est marqué à la mi-novembre 2023 à Lomé.", ("mi-novembre 2023", 34, 50, "2023-11"), "mid"),
    ("vi", "Phiên họp tới sẽ diễn ra vào quý I năm 2026 tại Brussels.", ("quý I năm 2026", 29, 43, "2026-01/2026-03"), None),
    ("vi", "Hai bên sẽ tổ chức hội thảo trong quý II/2026.", ("quý II/2026", 34, 45, "2026-04/2026-06"), None),
    ("ar", "تعقد اللجنة اجتماعها الأول خلال الربع الأول من عام 2026.", ("الربع الأول من عام 2026", 32, 55, "2026"), "early"),
    ("fr", "Le projet a pris fin 2017.", ("2017", 21, 25, "2017"), "late"),
])
def test_quarters_and_half_years_are_part_of_the_span_unlike_early_or_late(run, lang, text, expected, qualifier):
    # French and Vietnamese quarters and half-years name their months (calendar_parts); Arabic ones stay a
    # qualified year (the Arabic annotators' convention), as "early"/"late" do everywhere
    [m] = run(text, lang).mentions_of("DATE")
    assert ((m.text, m.start, m.end, m.value), m.attrs.get("qualifier")) == (expected, qualifier)


def test_a_meeting_days_dateline_under_a_title_dates_later_days_without_a_year(run):
    doc = run("COMMUNIQUÉ FINAL\n\nRéunion de haut niveau sur la navigation aérienne\nDakar, 3 - 5 juin 2024\n\n"
              "La Réunion a rappelé la Convention signée à Chicago le 7 décembre 1944.\n\n"
              "Elle s'est félicitée de la signature, le 4 juin, d'un mémorandum d'entente.", "fr")
    last = doc.mentions_of("DATE")[-1]
    assert (doc.published, last.text, last.value, last.attrs["reason"]) == (
        "2024-06-03", "4 juin", "2024-06-04", "year of the publication date")


def test_a_day_range_in_a_body_sentence_is_no_dateline(run):
    doc = run("Leaders met from 26 to 30 August 2024. In September 2011 the Forum met in Auckland.", "en")
    assert doc.published is None


def test_vietnamese_the_following_year_counts_from_the_year_just_told(run):
    doc = run("Lễ khởi động diễn ra ngày 21 tháng 9 năm 2023; tháng 3 năm sau, Bộ và FAO ký bản ghi nhớ.", "vi")
    last = doc.mentions_of("DATE")[-1]
    assert (last.text, last.value, last.attrs["reason"]) == ("tháng 3 năm sau", "2024-03", "following year of the context year")


def test_vietnamese_day_after_its_weekday_is_a_date_and_second_day_is_no_monday(run):
    doc = run("Ngày thứ hai - Thứ Tư, 22/10/2025\nNgày thứ nhất - Thứ Ba, 21/10", "vi")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("22/10/2025", "2025-10-22"), ("21/10", "2025-10-21")]


def test_a_closing_line_dates_the_document_when_no_first_line_does(run):
    doc = run("COMMUNIQUÉ CONJOINT\n\n1. La visite a suivi la mission de mars 2023, tenue à Lomé le 12 mars 2023.\n\n"
              "2. Le 3 février, la Secrétaire générale s'est rendue au Parlement.\n\nFait à Abuja, le 4 février 2026.", "fr")
    day = [m for m in doc.mentions_of("DATE") if m.text == "3 février"][0]
    assert (doc.published, day.value) == ("2026-02-04", "2026-02-03")


def test_an_issue_month_on_a_short_first_line_gives_later_days_their_year(run):
    doc = run("INTÉGRATION RÉGIONALE\nNuméro 47 – mars 2026\n\nCréée en 1964, la CNUCED a signé un accord le 2 avril 1998.\n\n"
              "Prochaine étape : une formation du 11 au 22 mai à Bamako.", "fr")
    last = doc.mentions_of("DATE")[-1]
    assert (doc.published, last.value) == ("2026-03", "2026-05-11/2026-05-22")


def test_vietnamese_day_of_the_following_year(run):
    doc = run("Hiến chương được ký ngày 20/11/2007 tại Singapore và có hiệu lực ngày 15 tháng 12 năm sau.", "vi")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("ngày 20/11/2007", "2007-11-20"),
                                                                    ("ngày 15 tháng 12 năm sau", "2008-12-15")]


def test_french_ce_jour_is_the_publication_day_but_ce_jour_la_is_not_a_date(run):
    doc = run("La séance de travail tenue ce jour à Londres. Ce jour-là, à Ouagadougou, la Commission a signé.", "fr",
              published="2025-05-14")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("ce jour", "2025-05-14")]


def test_vietnamese_day_and_month_with_spaces_around_the_slash(run):
    doc = run("Ngày 28/ 10, Đại sứ làm việc với Bộ Ngoại giao; cuộc họp tiếp theo vào 3/ 9 tới.", "vi", published="2024-11-20")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("Ngày 28/ 10", "2024-10-28"), ("3/ 9", "2024-09-03")]


def test_the_last_year_of_an_instrument_period_is_part_of_its_name(run):
    doc = run("Hai bên sẽ ký Kế hoạch hợp tác giai đoạn 2026 - 2030 vào tháng 3/2026.", "vi")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("tháng 3/2026", "2026-03")]


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Une mission s'est déroulée du 30 octobre au 13 novembre.", [("30 octobre au 13 novembre", "2024-10-30/2024-11-13")]),
    ("fr", "• 28 novembre - 2 décembre, Niamey : session ordinaire.", [("28 novembre - 2 décembre", "2024-11-28/2024-12-02")]),
    ("en", "The mission ran from October 30 to November 13.", [("October 30 to November 13", "2024-10-30/2024-11-13")]),
    ("ar", "جرت البعثة في الفترة من ٣٠ أكتوبر إلى ١٣ نوفمبر.", [("٣٠ أكتوبر إلى ١٣ نوفمبر", "2024-10-30/2024-11-13")]),
])
def test_a_day_range_across_two_months_without_a_year_is_one_range(run, lang, text, expected):
    doc = run(text, lang, published="2024-06-01")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Du 19 au 23/ 2/ 2024, quarante agents ont suivi une formation.", [("19 au 23/ 2/ 2024", "2024-02-19/2024-02-23")]),
    ("fr", "Le comité s'est réuni les 9 et 10/12/2021 à Lomé.", [("9 et 10/12/2021", "2021-12-09/2021-12-10")]),
    ("ar", "عقدت الدورة في الفترة من 19 إلى 23/2/2024 في القاهرة.", [("19 إلى 23/2/2024", "2024-02-19/2024-02-23")]),
])
def test_a_day_range_written_with_words_before_a_numeric_date_shares_its_month(run, lang, text, expected):
    assert [(m.text, m.value) for m in run(text, lang).mentions_of("DATE")] == expected


def test_a_digest_week_in_the_title_gives_days_of_later_paragraphs_their_year(run):
    doc = run("TIN VẮN TRONG TUẦN (22 - 28/7/2024)\n\nHai bên nhắc lại Hội nghị ở Xô-chi ngày 19 - 20/5/2016.\n\n"
              "Sáng 25/7, Hội nghị Bộ trưởng khai mạc tại Viêng Chăn.", "vi")
    assert doc.mentions_of("DATE")[-1].value == "2024-07-25"


def test_vietnamese_tomorrow_morning_is_the_day_after_publication_but_mai_alone_is_a_name(run):
    doc = run("Sáng mai, chúng ta sẽ thông qua khuyến nghị. Bà Mai cho biết như vậy.", "vi", published="2024-10-09")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("Sáng mai", "2024-10-10")]


def test_vietnamese_same_day_opening_a_sentence_is_the_day_just_reported(run):
    doc = run("Ngày 7/11/2006, Đại hội đồng WTO đã thông qua Nghị định thư. Cùng ngày, Nghị định thư được ký.", "vi")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("Ngày 7/11/2006", "2006-11-07"), ("Cùng ngày", "2006-11-07")]


def test_a_french_day_range_may_name_the_weekday_of_its_second_day(run):
    doc = run("Mercredi 15 et jeudi 16 mai : atelier régional.", "fr", published="2024-05-10")
    assert [(m.text, m.value) for m in doc.mentions_of("DATE")] == [("Mercredi 15 et jeudi 16 mai", "2024-05-15/2024-05-16")]


@pytest.mark.parametrize("text,expected", [
    ("L'accord a été signé le 14 décembre 2015 ; il est entré en vigueur le 21 mars suivant.",
     [("14 décembre 2015", "2015-12-14"), ("21 mars", "2016-03-21")]),
    ("Les premiers contacts datent de 2018. Une mission est venue en septembre de cette année-là.",
     [("2018", "2018"), ("septembre de cette année-là", "2018-09")]),
    ("Créée le 3 mai 1994, elle s'installe le 1er août de la même année à Lomé.",
     [("3 mai 1994", "1994-05-03"), ("1er août de la même année", "1994-08-01")]),
    ("La réunion aura lieu en septembre de cette année.", [("septembre de cette année", "2021-09")]),
])
def test_french_days_and_months_told_relative_to_the_date_before_them(run, text, expected):
    assert [(m.text, m.value) for m in run(text, "fr", published="2021-11-10").mentions_of("DATE")] == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "LUSAKA, 14 novembre 2025 - Un mémorandum avait été signé la veille. Il arrivera la veille de l'ouverture.",
     [("14 novembre 2025", "2025-11-14"), ("la veille", "2025-11-13")]),
    ("vi", "Ngày 25/1/2018, hội nghị diễn ra. Ngày hôm sau, các nhà lãnh đạo dự lễ duyệt binh.",
     [("Ngày 25/1/2018", "2018-01-25"), ("Ngày hôm sau", "2018-01-26")]),
    ("en", "On 3 May 2024 the Council met. The next day, it adopted the plan.",
     [("3 May 2024", "2024-05-03"), ("next day", "2024-05-04")]),
])
def test_the_day_before_or_after_the_day_just_reported(run, lang, text, expected):
    assert [(m.text, m.value) for m in run(text, lang).mentions_of("DATE")] == expected


def test_the_next_day_in_a_later_paragraph_of_a_dated_page_counts_from_the_pages_date(run):
    doc = run("COMMUNIQUÉ FINAL\nN'Djamena, 15 février 2021\n\n1. Le G5 Sahel a été créé le 19 décembre 2014.\n\n"
              "2. La Conférence a pris note de la réunion prévue le lendemain à N'Djamena.", "fr")
    assert doc.mentions_of("DATE")[-1].value == "2021-02-16"


def test_a_meetings_coverage_header_of_four_lines_dates_the_page(run):
    doc = run("Commission de la condition de la femme\nSoixante-huitième session\n6e et 7e séances – matin et après-midi\n"
              "13 mars 2024\n\nLe mémorandum serait signé demain en marge de la session.", "fr")
    assert (doc.published, doc.mentions_of("DATE")[-1].value) == ("2024-03-13", "2024-03-14")


def test_a_day_inside_a_day_range_told_before_takes_the_ranges_year(run):
    doc = run("RAPPORT DE MISSION\nDates du séjour : du 9 au 13 février 2026\n\nLa Politique agricole a été adoptée en "
              "décembre 2001. Le Comité s'est réuni le 18 novembre 2025.\n\n2. Déroulement\nLundi 9 février : séance de "
              "travail avec la Commission.", "fr")
    assert doc.mentions_of("DATE")[-1].value == "2026-02-09"


def test_a_correspondents_byline_dates_the_page(run):
    doc = run("AFRIQUE CENTRALE\n\nEnfance : la CEEAC et l'UNICEF signent un mémorandum\n\nPar notre correspondant à "
              "Libreville – 22 juin 2026\n\nLe Comité s'était réuni le 12 mai 2019. Du 2 au 6 mars dernier, une formation "
              "a eu lieu à Douala.", "fr")
    assert (doc.published, doc.mentions_of("DATE")[-1].value) == ("2026-06-22", "2026-03-02/2026-03-06")


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "الربع الأول (كانون الثاني - آذار 2024)", [("كانون الثاني - آذار 2024", "2024-01/2024-03")]),
    ("ar", "خلال الفترة من نيسان إلى حزيران 2024", [("نيسان إلى حزيران 2024", "2024-04/2024-06")]),
    ("fr", "La revue a été conduite d'octobre à novembre 2024.", [("octobre à novembre 2024", "2024-10/2024-11")]),
    ("en", "First quarter (January-March 2024)", [("January-March 2024", "2024-01/2024-03")]),
    ("fr", "La mission a duré du 3 mars à avril 2024.", [("3 mars", None), ("avril 2024", "2024-04")]),
])
def test_two_months_of_one_year_are_one_month_range(run, lang, text, expected):
    assert [(m.text, m.value) for m in run(text, lang).mentions_of("DATE")] == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "أدرجت الجمعية البند عام ١٩٨٠، واتخذت في السنة نفسها القرار ٣٥/٣٦.",
     [("عام ١٩٨٠", "1980"), ("السنة نفسها", "1980")]),
    ("ar", "وعُقد الاجتماع في ٢٠ شباط/فبراير ٢٠٢٥، ثم عقدت في الشهر نفسه ورشة عمل.",
     [("٢٠ شباط/فبراير ٢٠٢٥", "2025-02-20"), ("الشهر نفسه", "2025-02")]),
    ("en", "The office opened in March 2019 and in the same year the two signed a plan.",
     [("March 2019", "2019-03"), ("same year", "2019")]),
    ("ar", "وفي السنة نفسها تأسست المنظمة.", [("السنة نفسها", None)]),
])
def test_the_same_year_or_month_is_the_period_of_the_date_just_given(run, lang, text, expected):
    assert [(m.text, m.value) for m in run(text, lang).mentions_of("DATE")] == expected
