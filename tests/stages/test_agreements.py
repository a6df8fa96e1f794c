"""Agreements stage: instrument names by head-phrase grammar, UN document symbols, acronyms, anaphors and
unnamed specific instruments, in every language; reconciliation across documents and languages."""

from __future__ import annotations

import pytest

from pipeline.config import load_config
from pipeline.datasets.export import mention_record
from pipeline.document import Document
from pipeline.reconcile.corpus import reconcile
from pipeline.runtime.runner import Extractor


@pytest.fixture(scope="module")
def ex(resources):
    return Extractor(load_config(), resources)


def _doc(ex, text, lang, source="t.txt"):
    return ex(Document(source=source, text=text, lang=lang, lang_given=True))


def _texts(doc):
    return [m.text for m in doc.mentions_of("AGREEMENT")]


def _ids(doc, resources):
    reconcile([doc], resources)
    return [m.entity_id for m in doc.mentions_of("AGREEMENT")]


# -- names by grammar -------------------------------------------------------------------------------------
def test_arabic_declaration_with_parties_and_date(ex):
    doc = _doc(ex, "اعتمد الطرفان الإعلان المشترك بشأن الشراكة الشاملة بين الاتحاد الأفريقي والأمم المتحدة في أيار/مايو 2019.", "ar")
    [m] = doc.mentions_of("AGREEMENT")
    assert m.text == "الإعلان المشترك بشأن الشراكة الشاملة بين الاتحاد الأفريقي والأمم المتحدة"
    assert (m.attrs["kind"], m.attrs["parties"], m.attrs["date"]) == ("declaration", ["org:au", "org:un"], "2019-05")


def test_arabic_nisba_adjective_and_lam_organisation_and_bare_period(ex):
    doc = _doc(ex, "ويندرج البرنامج في صميم الإطار الاستراتيجي للفاو 2022-2031، كما قال المنسق.", "ar")
    assert "الإطار الاستراتيجي للفاو 2022-2031" in _texts(doc)


def test_arabic_place_name_in_construct_state(ex):
    doc = _doc(ex, "ورحبت الجمعية بإعلان طشقند الذي اعتمده مؤتمر القمة.", "ar")
    assert _texts(doc) == ["إعلان طشقند"]


def test_arabic_idiom_within_the_framework_is_no_instrument(ex):
    doc = _doc(ex, "وستنظم المنظمة في إطار التعاون دورة تدريبية.", "ar")
    assert _texts(doc) == []


def test_english_name_whose_head_comes_late(ex):
    doc = _doc(ex, "The ministers endorsed the Jakarta Priorities on Climate Action at the meeting.", "en")
    [m] = doc.mentions_of("AGREEMENT")
    assert (m.text, m.attrs["kind"]) == ("Jakarta Priorities on Climate Action", "priorities")


def test_english_name_stops_before_its_date_and_the_next_instrument(ex):
    doc = _doc(ex, "They recalled the Kiribati Declaration on Ocean Security of March 2019 and the Declaration on Fisheries Access.", "en")
    assert _texts(doc) == ["Kiribati Declaration on Ocean Security", "Declaration on Fisheries Access"]


def test_english_name_keeps_a_coordinated_list_and_a_parenthesised_period(ex):
    doc = _doc(ex, "Leaders adopted the Lagos Framework for Safe, Fair and Inclusive Trade (2024-2028) in May.", "en")
    assert _texts(doc) == ["Lagos Framework for Safe, Fair and Inclusive Trade (2024-2028)"]


def test_english_name_stops_at_a_weekday(ex):
    doc = _doc(ex, "SADC and UNICEF signed a Partnership Agreement on Tuesday in Gaborone.", "en")
    assert _texts(doc) == ["Partnership Agreement"]


def test_french_lower_case_name_with_complements(ex):
    doc = _doc(ex, "La Commission a adopté la Convention sur la protection des zones humides côtières, entrée en vigueur en 2019.", "fr")
    assert _texts(doc) == ["Convention sur la protection des zones humides côtières"]


def test_french_name_stops_at_a_verb(ex):
    doc = _doc(ex, "Le présent Protocole n'entraîne aucune obligation financière pour les Parties.", "fr")
    assert _texts(doc) == []


def test_vietnamese_name_with_ve_and_giua_complements(ex):
    doc = _doc(ex, "Hai bên đã ký Bản ghi nhớ về hợp tác giữa ASEAN và Liên Hợp Quốc năm 2007.", "vi")
    assert _texts(doc) == ["Bản ghi nhớ về hợp tác giữa ASEAN và Liên Hợp Quốc"]


def test_vietnamese_two_instruments_joined_by_va_are_two_mentions(ex):
    doc = _doc(ex, "Hội nghị đã thông qua Tuyên bố Đà Nẵng và Kế hoạch hành động Đà Nẵng giai đoạn 2021-2025.", "vi")
    assert _texts(doc) == ["Tuyên bố Đà Nẵng", "Kế hoạch hành động Đà Nẵng giai đoạn 2021-2025"]


def test_generic_plural_is_not_an_instrument(ex):
    assert _texts(_doc(ex, "Several cooperation agreements were discussed by the organizations.", "en")) == []


def test_generic_vietnamese_lower_case_head_is_not_an_instrument(ex):
    assert _texts(_doc(ex, "Hai bên đã thông qua các kế hoạch hành động 5 năm.", "vi")) == []


# -- knowledge base -----------------------------------------------------------------------------------------
def test_french_kb_instruments(ex):
    doc = _doc(ex, "Les deux organisations rappellent la Charte des Nations unies et l'Agenda 2063.", "fr")
    assert [(m.text, m.attrs["instrument"]) for m in doc.mentions_of("AGREEMENT")] == [
        ("Charte des Nations unies", "un-charter"), ("Agenda 2063", "agenda-2063")]


def test_arabic_kb_name_with_arabic_indic_digits(ex):
    doc = _doc(ex, "وإذ يستهديان بخطة التنمية المستدامة لعام ٢٠٣٠، ولا سيما الهدف الثاني.", "ar")
    assert [(m.text, m.attrs["instrument"]) for m in doc.mentions_of("AGREEMENT")] == [("خطة التنمية المستدامة لعام ٢٠٣٠", "agenda-2030")]


def test_kb_has_at_least_80_instruments_named_in_four_languages(resources):
    kb = resources.yaml("agreements/kb.yaml")
    assert len(kb) >= 80
    assert all({"en", "ar", "fr", "vi"} <= set(rec["names"]) for rec in kb)


# -- UN document symbols --------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Recalling its resolution A/RES/77/12 of 2022.", [("resolution A/RES/77/12", "77/12", None)]),
    ("en", "Council members recalled resolution 2349 (2017) on the Lake Chad Basin.", [("resolution 2349 (2017)", "S/2349", None)]),
    ("en", "The report (A / 61 / 630) was noted.", [("A / 61 / 630", None, "A/61/630")]),
    ("ar", "إذ تشير إلى قرارها ٧٦/٢٥٤ المؤرخ 15 آذار/مارس 2022.", [("قرارها ٧٦/٢٥٤", "76/254", None)]),
    ("fr", "Elles ont examiné la résolution 1701 du Conseil de sécurité.", [("résolution 1701 du Conseil de sécurité", "S/1701", None)]),
    ("vi", "Đại hội đồng trao tư cách quan sát viên theo nghị quyết 57/32 ngày 19/11/2002.", [("nghị quyết 57/32", "57/32", None)]),
])
def test_un_document_symbols_in_every_written_form(ex, lang, text, expected):
    doc = _doc(ex, text, lang)
    assert [(m.text, m.attrs.get("number"), m.attrs.get("symbol")) for m in doc.mentions_of("AGREEMENT")] == expected


def test_list_of_resolutions_is_one_mention_each(ex):
    doc = _doc(ex, "Recalling its resolutions 37/4 of 22 October 1982, 39/7 and 40/4 on cooperation.", "en")
    assert [(m.text, m.attrs["number"]) for m in doc.mentions_of("AGREEMENT")] == [
        ("resolutions 37/4", "37/4"), ("39/7", "39/7"), ("40/4", "40/4")]


def test_arabic_list_of_resolutions_drops_the_conjunction(ex):
    doc = _doc(ex, "وإلى قراراتها 50/1 و51/21 و52/19 وسائر القرارات.", "ar")
    assert _texts(doc) == ["قراراتها 50/1", "51/21", "52/19"]


def test_session_number_is_no_symbol(ex):
    assert _texts(_doc(ex, "The Assembly met at its 78th session in New York.", "en")) == []


def test_vietnamese_resolution_numbers_are_distinct(ex):
    doc = _doc(ex, "Đại hội đồng Liên Hợp Quốc đã thông qua Nghị quyết số Res/61/44 và Nghị quyết số Res/61/46.", "vi")
    assert [m.attrs.get("number") for m in doc.mentions_of("AGREEMENT")] == ["61/44", "61/46"]


# -- acronyms, anaphors, unnamed instruments ------------------------------------------------------------
def test_acronym_defined_in_text_links_to_its_instrument(ex, resources):
    doc = _doc(ex, "IGAD and IOM signed the Regional Mobility Framework (RMF) in 2021. The RMF guides joint work.", "en")
    assert _texts(doc) == ["Regional Mobility Framework", "RMF", "RMF"]
    ids = _ids(doc, resources)
    assert ids[0] == ids[1] == ids[2]
    assert not [m for m in doc.mentions_of("ORG") if m.text == "RMF"]


def test_english_plan_of_action_period_and_anaphor(ex, resources):
    doc = _doc(ex, "The SADC-WFP Plan of Action 2021-2025 was adopted in Gaborone in June 2021. The Plan of Action covers school feeding.", "en")
    first, second = doc.mentions_of("AGREEMENT")
    assert (first.text, first.attrs["period"], second.text) == ("SADC-WFP Plan of Action 2021-2025", "2021/2025", "Plan of Action")
    assert second.attrs["anaphor"] is True and second.attrs["antecedent"] == [first.start, first.end]
    assert _ids(doc, resources)[0] == _ids(doc, resources)[1]


def test_arabic_anaphor_links_to_the_last_memorandum(ex, resources):
    doc = _doc(ex, "وقع البنك الإسلامي للتنمية وبرنامج الأغذية العالمي مذكرة تفاهم في جدة. وتسري هذه المذكرة لمدة خمس سنوات.", "ar")
    assert _texts(doc)[-1] == "المذكرة"
    ids = _ids(doc, resources)
    assert ids[0] == ids[-1]


def test_french_anaphor_with_demonstrative(ex, resources):
    doc = _doc(ex, "L'atelier a été financé par une lettre d'entente signée le 21 février 2022 par la FAO. Aux termes de cette lettre, la FAO fournit un appui.", "fr")
    assert _texts(doc) == ["lettre d'entente", "lettre"]
    ids = _ids(doc, resources)
    assert ids[0] == ids[1]


def test_unnamed_specific_memorandum_gets_date_and_parties_from_its_clause(ex):
    doc = _doc(ex, "A memorandum of understanding signed on 21 December 1960 by FAO and the African Union set up the office.", "en")
    [m] = doc.mentions_of("AGREEMENT")
    assert (m.text, m.attrs["kind"], m.attrs["date"]) == ("memorandum of understanding", "memorandum", "1960-12-21")
    assert m.attrs["parties"] == sorted(m.attrs["parties"]) and "org:au" in m.attrs["parties"]


def test_bare_lower_case_head_without_antecedent_is_no_mention(ex):
    assert _texts(_doc(ex, "The agreement covers school feeding and early warning.", "en")) == []


# -- hand-off and reconciliation ------------------------------------------------------------------------------
def test_exported_mentions_carry_no_internal_keys(ex):
    doc = _doc(ex, "The ASEAN-UN Plan of Action 2021-2025 was adopted in 2020. The Plan of Action guides cooperation.", "en")
    for m in doc.mentions_of("AGREEMENT"):
        rec = mention_record(doc, m)
        assert not [k for k in rec if k.startswith("_") or k == "agreement_key"]


def test_same_declaration_in_arabic_and_vietnamese_is_one_agreement(ex, resources):
    ar = _doc(ex, "منذ اعتماد الإعلان المشترك بشأن الشراكة الشاملة بين رابطة أمم جنوب شرق آسيا والأمم المتحدة في تشرين الثاني/نوفمبر 2011.", "ar", "a.txt")
    vi = _doc(ex, "Hội nghị Cấp cao lần thứ 4 đã thông qua Tuyên bố chung về Tăng cường Đối tác toàn diện ASEAN-Liên Hợp Quốc.", "vi", "b.txt")
    result = reconcile([ar, vi], resources)
    assert len(result.agreements) == 1
    assert result.agreements[0]["names"].keys() == {"ar", "vi"}


def test_two_plans_with_same_parties_and_different_periods_do_not_merge(ex, resources):
    doc = _doc(ex, "The ASEAN-UN Plan of Action 2016-2020 was followed by the ASEAN-UN Plan of Action 2021-2025.", "en")
    result = reconcile([doc], resources)
    assert sorted(a["period"] for a in result.agreements) == ["2016/2020", "2021/2025"]


def test_resolution_in_two_written_forms_is_one_agreement(ex, resources):
    en = _doc(ex, "The Assembly adopted A/RES/70/1 in September 2015.", "en", "a.txt")
    vi = _doc(ex, "Chương trình được Đại hội đồng thông qua tại nghị quyết 70/1.", "vi", "b.txt")
    reconcile([en, vi], resources)
    assert en.mentions_of("AGREEMENT")[0].entity_id == vi.mentions_of("AGREEMENT")[0].entity_id
