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


def test_a_knowledge_base_name_repeated_in_a_document_is_found_each_time(ex):
    # the word memo answers the second sentence: the same mention as the first
    doc = _doc(ex, "Les États rappellent la Charte des Nations unies. Ils citent encore la Charte des Nations unies.", "fr")
    assert [(m.text, m.start, m.attrs.get("instrument")) for m in doc.mentions_of("AGREEMENT")] == [
        ("Charte des Nations unies", 24, "un-charter"), ("Charte des Nations unies", 71, "un-charter")]


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


# -- where a name ends: venues, recipients, clauses (written grammar per script family) ----------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The two organisations signed the Memorandum of Understanding in Nairobi on 3 May 2022.", ["Memorandum of Understanding"]),
    ("fr", "L'OIF et l'UNESCO ont signé un accord de coopération à Paris le 5 mars 2021.", ["accord de coopération"]),
    ("fr", "La CEDEAO a adopté sa Vision 2050 à Abuja en juin 2021.", ["Vision 2050"]),
    ("vi", "Hai bên đã ký Bản ghi nhớ về hợp tác y tế tại Hà Nội ngày 5/3/2022.", ["Bản ghi nhớ về hợp tác y tế"]),
])
def test_venue_after_the_name_is_not_part_of_it(ex, lang, text, expected):
    assert _texts(_doc(ex, text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The Lomé Charter on Maritime Security and Safety and Development in Africa was adopted by the AU in 2016.",
     ["Lomé Charter on Maritime Security and Safety and Development in Africa"]),
    ("vi", "Các nước đã ký Hiệp định khung về thương mại phi giấy tờ ở châu Á - Thái Bình Dương năm 2016.",
     ["Hiệp định khung về thương mại phi giấy tờ ở châu Á - Thái Bình Dương"]),
])
def test_region_the_instrument_covers_stays_in_the_name(ex, lang, text, expected):
    assert _texts(_doc(ex, text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The UN presented the Cooperation Framework to the Government of Ghana on Monday.", ["Cooperation Framework"]),
    ("fr", "Le Secrétaire général a présenté la Stratégie régionale au Conseil de sécurité.", ["Stratégie régionale"]),
])
def test_recipient_after_the_name_is_not_part_of_it(ex, lang, text, expected):
    assert _texts(_doc(ex, text, lang)) == expected


def test_english_protocol_to_an_instrument_keeps_the_instrument(ex):
    doc = _doc(ex, "Ministers urged ratification of the Protocol to the African Charter on the Rights of Older Persons.", "en")
    assert _texts(doc) == ["Protocol to the African Charter on the Rights of Older Persons"]


def test_french_infinitive_after_pour_ends_the_name(ex):
    doc = _doc(ex, "La CEEAC a adopté la Déclaration de Libreville pour renforcer la paix en Afrique centrale.", "fr")
    assert _texts(doc) == ["Déclaration de Libreville"]


def test_french_verb_before_its_object_ends_the_name(ex):
    doc = _doc(ex, "La Déclaration de Paris sur l'efficacité de l'aide au développement reste une référence.", "fr")
    assert _texts(doc) == ["Déclaration de Paris sur l'efficacité de l'aide au développement"]


def test_french_participle_opens_a_relative_unless_a_de_complement_follows(ex):
    published = _doc(ex, "La Déclaration commune publiée à l'issue du sommet appelle au dialogue.", "fr")
    revised = _doc(ex, "Conformément au Traité révisé de la CEDEAO de 1993, la Commission a saisi le Conseil.", "fr")
    assert (_texts(published), _texts(revised)) == (["Déclaration commune"], ["Traité révisé de la CEDEAO de 1993"])


def test_french_clause_coordination_with_another_preposition_leaves_the_name(ex):
    doc = _doc(ex, "Les ministres restent attachés à la Déclaration de Kigali sur la paix et au dialogue régional.", "fr")
    assert _texts(doc) == ["Déclaration de Kigali sur la paix"]


def test_french_complement_after_the_parties_stays_in_the_name(ex):
    doc = _doc(ex, "Le protocole d'accord entre la CEDEAO et l'OMS relatif à la santé maternelle a été signé à Abuja.", "fr")
    assert _texts(doc) == ["protocole d'accord entre la CEDEAO et l'OMS relatif à la santé maternelle"]


def test_french_verb_entre_is_no_party_preposition(ex):
    doc = _doc(ex, "Un protocole d'accord a été signé en 2020. Le Protocole entre en vigueur à la date de sa signature.", "fr")
    assert _texts(doc)[-1] == "Protocole"


def test_vietnamese_predicate_after_an_organisation_ends_the_name(ex):
    doc = _doc(ex, "Nghị quyết 76/123 của Đại hội đồng Liên Hợp Quốc kêu gọi tăng cường hợp tác.", "vi")
    assert _texts(doc) == ["Nghị quyết 76/123 của Đại hội đồng Liên Hợp Quốc"]


def test_vietnamese_stop_syllable_inside_a_compound_is_no_stop(ex):
    doc = _doc(ex, "Hiệp định Thương mại tự do ASEAN - Australia - New Zealand được nâng cấp năm 2023.", "vi")
    assert _texts(doc) == ["Hiệp định Thương mại tự do ASEAN - Australia - New Zealand"]


def test_vietnamese_va_before_a_verb_is_not_in_the_name(ex):
    doc = _doc(ex, "Hội nghị thông qua Tuyên bố chung về hợp tác biển và nhất trí tăng cường phối hợp.", "vi")
    assert _texts(doc) == ["Tuyên bố chung về hợp tác biển"]


def test_arabic_topic_complement_phrase_with_construct_chain(ex):
    doc = _doc(ex, "ووقع الجانبان بروتوكول تعاون في مجالي التعليم والثقافة يوم الاثنين.", "ar")
    assert _texts(doc) == ["بروتوكول تعاون في مجالي التعليم والثقافة"]


def test_arabic_lam_complement_then_parties_or_bare_period(ex):
    parties = _doc(ex, "وناقش الطرفان الخطة الخمسية للتعاون بين منظمة التعاون الإسلامي والبنك الإسلامي للتنمية.", "ar")
    period = _doc(ex, "وأقر المجلس الوزاري الإطار الاستراتيجي للتعاون العربي الأفريقي 2023-2027 خلال دورته.", "ar")
    assert _texts(parties) == ["الخطة الخمسية للتعاون بين منظمة التعاون الإسلامي والبنك الإسلامي للتنمية"]
    assert _texts(period) == ["الإطار الاستراتيجي للتعاون العربي الأفريقي 2023-2027"]


def test_arabic_participle_ends_the_name(ex):
    doc = _doc(ex, "وأشاد المشاركون بإعلان الدوحة بشأن الأمن الغذائي العربي الصادر عن القمة العربية.", "ar")
    assert _texts(doc) == ["إعلان الدوحة بشأن الأمن الغذائي العربي"]


def test_arabic_definite_head_with_proclitic_takes_no_adverbial_complement(ex):
    doc = _doc(ex, "ويتعاون البنك والبرنامج في مجالات الأمن الغذائي والتغذية.", "ar")
    assert _texts(doc) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "وأشار إلى قرار مجلس الأمن 2334 (2016) بشأن الاستيطان.", ("قرار مجلس الأمن 2334 (2016)", "S/2334")),
    ("en", "The Council recalled Security Council Resolution 1325 on women, peace and security.", ("Security Council Resolution 1325", "S/1325")),
])
def test_resolution_number_after_its_issuer_is_in_the_name(ex, lang, text, expected):
    [m] = _doc(ex, text, lang).mentions_of("AGREEMENT")
    assert (m.text, m.attrs["number"]) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Rappelant sa résolution 3346 (XXIX) du 17 décembre 1974, l'Assemblée a pris note.", ("résolution 3346 (XXIX)", "GA/3346")),
    ("ar", "وإذ تشير إلى قرارها 3348 (د-29) المؤرخ 17 كانون الأول/ديسمبر 1974.", ("قرارها 3348 (د-29)", "GA/3348")),
])
def test_session_after_a_resolution_number_is_in_its_span_not_its_number(ex, lang, text, expected):
    m = _doc(ex, text, lang).mentions_of("AGREEMENT")[0]
    assert (m.text, m.attrs["number"]) == expected


def test_heading_number_before_a_head_is_not_in_the_name(ex):
    assert _texts(_doc(ex, "1 Cadre institutionnel\nLe Cadre institutionnel de l'Autorité a été révisé en 2023.", "fr"))[:1] != ["1 Cadre institutionnel"]


def test_arabic_participle_of_convening_ends_the_name(ex):
    doc = _doc(ex, "وشارك الوفد في مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد المنعقد في الدوحة.", "ar")
    assert "اتفاقية الأمم المتحدة لمكافحة الفساد" in _texts(doc)


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "ومن المقرر أن يستضيف المركز ورشة عمل حول تطبيق اللوائح الصحية الدولية (2005) في شباط/فبراير 2025.",
     ["اللوائح الصحية الدولية (2005)"]),
    ("en", "WHO supports the International Health Regulations (2005) in the region.", ["International Health Regulations (2005)"]),
])
def test_edition_year_in_parentheses_is_part_of_the_name_and_no_date(ex, lang, text, expected):
    doc = _doc(ex, text, lang)
    assert _texts(doc) == expected
    assert not any(m.text == "2005" for m in doc.mentions_of("DATE"))


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Les deux parties ont rappelé le Protocole additionnel de la CEDEAO sur la démocratie et la bonne gouvernance, "
           "signé à Dakar le 21 décembre 2001.", ["Protocole additionnel de la CEDEAO sur la démocratie et la bonne gouvernance"]),
    ("fr", "La COI et l'OMS ont signé une lettre d'accord relative à l'acheminement de moustiquaires et de tests rapides.",
     ["lettre d'accord relative à l'acheminement de moustiquaires et de tests rapides"]),
    ("fr", "Les ministres restent attachés à la Déclaration de Kigali sur la paix et au dialogue régional.", ["Déclaration de Kigali sur la paix"]),
])
def test_french_name_takes_a_coordinated_lower_case_complement_of_the_same_preposition(ex, lang, text, expected):
    assert [m.text for m in _doc(ex, text, lang).mentions_of("AGREEMENT")] == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "La CEEAC est régie par le Traité instituant la Communauté économique des États de l'Afrique centrale, signé en 1983.",
     ["Traité instituant la Communauté économique des États de l'Afrique centrale"]),
    ("fr", "Les trois États ont signé la Charte du Liptako-Gourma instituant l'Alliance des États du Sahel.",
     ["Charte du Liptako-Gourma"]),
    ("fr", "Le Conseil rappelle la résolution 2334 du Conseil de sécurité et le suivi de la Déclaration de Djeddah.",
     ["résolution 2334 du Conseil de sécurité", "Déclaration de Djeddah"]),
])
def test_french_founding_participle_joins_a_name_only_after_its_head_and_a_body_ends_a_coordination(ex, lang, text, expected):
    assert [m.text for m in _doc(ex, text, lang).mentions_of("AGREEMENT")] == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Le Conseil rappelle la Convention contre la criminalité transnationale organisée, entrée en vigueur en 2003.",
     ["Convention contre la criminalité transnationale organisée"]),
    ("fr", "La Déclaration commune publiée à l'issue du sommet appelle au dialogue.", ["Déclaration commune"]),
])
def test_french_participle_ends_a_name_only_when_it_opens_a_reduced_relative(ex, lang, text, expected):
    assert [m.text for m in _doc(ex, text, lang).mentions_of("AGREEMENT")] == expected


def test_french_programme_of_work_with_its_acronym_is_an_instrument_not_a_body(ex):
    doc = _doc(ex, "La CEDEAO met en œuvre le Programme régional de sécurité alimentaire et nutritionnelle (PRESAN) avec le "
                   "Programme alimentaire mondial depuis 2016.", "fr")
    assert [m.text for m in doc.mentions_of("AGREEMENT")] == ["Programme régional de sécurité alimentaire et nutritionnelle", "PRESAN"]
    assert [m.text for m in doc.mentions_of("ORG")] == ["CEDEAO", "Programme alimentaire mondial"]


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Protocole d'accord entre la Commission de l'océan Indien et le Programme des Nations Unies pour l'environnement "
           "relatif à la protection du milieu marin", ["Protocole d'accord entre la Commission de l'océan Indien et le "
                                                        "Programme des Nations Unies pour l'environnement relatif à la protection du milieu marin"]),
    ("fr", "La CEDEAO et l'OMS adoptent un plan conjoint de riposte le 19 septembre 2024.", ["plan conjoint de riposte"]),
])
def test_french_parties_named_by_a_head_word_and_lower_case_joint_plans(ex, lang, text, expected):
    assert [m.text for m in _doc(ex, text, lang).mentions_of("AGREEMENT")] == expected


def test_english_title_case_headline_verb_is_not_part_of_the_instrument_name(ex):
    doc = _doc(ex, "SADC and WHO Endorse Joint Action Plan on Health Emergencies after Gaborone Consultations", "en")
    assert [m.text for m in doc.mentions_of("AGREEMENT")] == ["Joint Action Plan on Health Emergencies"]


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "واعتمدت الاستراتيجية العربية للتنمية الزراعية المستدامة 2020-2030 في القاهرة.",
     ["الاستراتيجية العربية للتنمية الزراعية المستدامة 2020-2030"]),
    ("ar", "وأشار إلى ميثاق الوحدة الثقافية العربية الذي اعتمد عام 1964.", ["ميثاق الوحدة الثقافية العربية"]),
    ("ar", "ورحب الجانبان بالمفاوضات حول اتفاقية التجارة الحرة بين مجلس التعاون والاتحاد الأوروبي.",
     ["اتفاقية التجارة الحرة بين مجلس التعاون والاتحاد الأوروبي"]),
])
def test_arabic_nisba_and_listed_adjectives_agree_with_the_head_or_its_construct_noun(ex, lang, text, expected):
    assert [m.text for m in _doc(ex, text, lang).mentions_of("AGREEMENT")] == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Recalling its resolutions 1996 (2011), 2046 (2012) and 2729 (2024), the Council acted.",
     ["resolutions 1996 (2011)", "2046 (2012)", "2729 (2024)"]),
    ("en", "In 2012, 150 delegates and 2046 participants attended.", []),
])
def test_security_council_resolutions_listed_with_their_years_are_one_mention_each(ex, lang, text, expected):
    assert _texts(_doc(ex, text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Les États y ont adopté la Déclaration de Dar es-Salaam sur la paix, la sécurité, la démocratie et le "
           "développement.", ["Déclaration de Dar es-Salaam sur la paix, la sécurité, la démocratie et le développement"]),
    ("fr", "Le Plan d'action régional de la CEDEAO sur le trafic illicite de drogues, la criminalité organisée connexe "
           "et l'abus de drogues en Afrique de l'Ouest 2026-2030 a été adopté.",
     ["Plan d'action régional de la CEDEAO sur le trafic illicite de drogues, la criminalité organisée connexe et "
      "l'abus de drogues en Afrique de l'Ouest 2026-2030"]),
    ("fr", "Elle rappelle la Déclaration sur la paix, adoptée en 2004 et révisée en 2010.", ["Déclaration sur la paix"]),
    ("en", "They adopted the Declaration on Peace, Security, Democracy and Development in 2004.",
     ["Declaration on Peace, Security, Democracy and Development"]),
])
def test_a_comma_list_of_complements_stays_inside_the_name(ex, lang, text, expected):
    assert _texts(_doc(ex, text, lang)) == expected


def test_a_document_symbol_right_after_a_named_instrument_belongs_to_its_name(ex):
    doc = _doc(ex, "À l'issue de la séance, il a adopté la déclaration présidentielle S/PRST/2026/9, par laquelle il "
                   "encourage la coopération.", "fr")
    assert _texts(doc) == ["déclaration présidentielle S/PRST/2026/9"]


def test_french_hyphenated_framework_heads(ex):
    doc = _doc(ex, "Il a rappelé le Plan-cadre de coopération des Nations unies pour le développement durable 2024-2028 "
                   "conclu avec Madagascar. Un cadre conjoint de coopération entre l'UNOWAS et la Commission de la "
                   "CEDEAO avait été signé à Abuja en 2024.", "fr")
    assert _texts(doc) == ["Plan-cadre de coopération des Nations unies pour le développement durable 2024-2028",
                           "cadre conjoint de coopération entre l'UNOWAS et la Commission de la CEDEAO"]


@pytest.mark.parametrize("text,expected", [
    ("وإذ تحيط علماً بالاجتماع المعقود في تيانجين، الذي اعتُمد فيه إعلان تيانجين واستراتيجية تنمية المنظمة.",
     ["إعلان تيانجين", "استراتيجية تنمية المنظمة"]),
    ("وأشار إلى القرارين ٦٥/١٥١ و٦٧/٢١٥ للجمعية العامة.", ["القرارين ٦٥/١٥١", "٦٧/٢١٥"]),
    ("ووقع الصندوقان خطاب اتفاق لتدريب الكوادر. ووقعتا أول مذكرة تفاهم بينهما عام 1986.",
     ["خطاب اتفاق لتدريب الكوادر", "مذكرة تفاهم"]),
    ("وقع الطرفان مذكرة تفاهم في جدة. ١- تنشأ بموجب هذه المذكرة لجنة توجيهية مشتركة.",
     ["مذكرة تفاهم", "المذكرة"]),
])
def test_arabic_names_end_before_coordinated_instruments_pronouns_and_new_subjects(ex, text, expected):
    assert _texts(_doc(ex, text, "ar")) == expected


def test_french_lower_case_memorandum_signed_and_named_again(ex):
    doc = _doc(ex, "Le CILSS et le PAM ont signé un mémorandum d'accord le 14/ 11/ 2019 à Ouagadougou, et ce mémorandum "
                   "a été reconduit en 2024. Il a fait savoir qu'il est d'accord.", "fr")
    assert _texts(doc) == ["mémorandum d'accord", "mémorandum"]
