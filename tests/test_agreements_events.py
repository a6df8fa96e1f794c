"""Agreements, events and places on real-looking sentences per language, and reconciliation across documents."""

from __future__ import annotations

import pytest

from pipeline.config import load_config
from pipeline.document import Document
from pipeline.reconcile.corpus import reconcile
from pipeline.runtime.runner import Extractor


@pytest.fixture(scope="module")
def ex(resources):
    return Extractor(load_config(), resources)


def _doc(ex, text, lang, source="t.txt"):
    return ex(Document(source=source, text=text, lang=lang, lang_given=True))


def _agr(doc):
    return [(m.text, m.attrs["kind"], m.attrs.get("period") or m.attrs.get("date")) for m in doc.mentions_of("AGREEMENT")]


def _ev(doc):
    return [(e.type, e.trigger.text, e.date, e.status) for e in doc.events]


def test_agreement_arabic_declaration_with_parties_and_date(ex):
    doc = _doc(ex, "اعتمد الطرفان الإعلان المشترك بشأن الشراكة الشاملة بين الاتحاد الأفريقي والأمم المتحدة في أيار/مايو 2019.", "ar")
    assert _agr(doc) == [("الإعلان المشترك بشأن الشراكة الشاملة بين الاتحاد الأفريقي والأمم المتحدة", "declaration", "2019-05")]
    assert doc.mentions_of("AGREEMENT")[0].attrs["parties"] == ["org:au", "org:un"]
    assert _ev(doc) == [("adoption", "اعتمد", "2019-05", "past")]


def test_agreement_english_plan_of_action_period_and_anaphor(ex):
    doc = _doc(ex, "The SADC-WFP Plan of Action (2021-2025) was adopted in Gaborone in June 2021. The Plan of Action covers school feeding.", "en")
    assert _agr(doc) == [("SADC-WFP Plan of Action", "plan_of_action", "2021/2025"), ("Plan of Action", "plan_of_action", "2021/2025")]
    [first, second] = doc.mentions_of("AGREEMENT")
    assert second.attrs["anaphor"] is True and second.attrs["agreement_key"] == first.attrs["agreement_key"]
    assert _ev(doc) == [("adoption", "adopted", "2021-06", "past")]
    assert doc.events[0].location == "Gaborone"


def test_agreement_vietnamese_resolution_numbers_are_distinct(ex):
    doc = _doc(ex, "Đại hội đồng Liên Hợp Quốc đã thông qua Nghị quyết số Res/61/44 và Nghị quyết số Res/61/46.", "vi")
    assert [m.attrs.get("number") for m in doc.mentions_of("AGREEMENT")] == ["61/44", "61/46"]


def test_agreement_french_kb_instrument(ex):
    doc = _doc(ex, "Les deux organisations rappellent la Charte des Nations unies et l'Agenda 2063.", "fr")
    assert [(m.text, m.attrs["agreement_key"]) for m in doc.mentions_of("AGREEMENT")] == [
        ("Charte des Nations unies", "kb:un-charter"), ("Agenda 2063", "kb:agenda-2063")]


def test_agreement_generic_plural_is_not_an_instrument(ex):
    assert _doc(ex, "Several cooperation agreements were discussed by the organizations.", "en").mentions_of("AGREEMENT") == []


def test_reconcile_same_declaration_in_arabic_and_vietnamese_is_one_agreement(ex, resources):
    ar = _doc(ex, "منذ اعتماد الإعلان المشترك بشأن الشراكة الشاملة بين رابطة أمم جنوب شرق آسيا والأمم المتحدة في تشرين الثاني/نوفمبر 2011.", "ar", "a.txt")
    vi = _doc(ex, "Hội nghị Cấp cao lần thứ 4 đã thông qua Tuyên bố chung về Tăng cường Đối tác toàn diện ASEAN-Liên Hợp Quốc.", "vi", "b.txt")
    result = reconcile([ar, vi], resources)
    assert len(result.agreements) == 1
    assert result.agreements[0]["names"].keys() == {"ar", "vi"}
    assert ar.mentions_of("AGREEMENT")[0].entity_id == vi.mentions_of("AGREEMENT")[0].entity_id


def test_reconcile_two_plans_with_same_parties_and_different_periods_do_not_merge(ex, resources):
    doc = _doc(ex, "The ASEAN-UN Plan of Action 2016-2020 was followed by the ASEAN-UN Plan of Action 2021-2025.", "en")
    result = reconcile([doc], resources)
    assert sorted(a["period"] for a in result.agreements) == ["2016/2020", "2021/2025"]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The 5th ECOWAS Summit was held in Abuja in July 2019.", [("summit", "Summit", "2019-07", "past")]),
    ("en", "A joint workshop is planned for March 2025 in Nairobi.", [("workshop", "workshop", "2025-03", "planned")]),
    ("fr", "La 4e réunion de coordination s'est tenue à Dakar le 3 mars 2022.", [("meeting", "réunion", "2022-03-03", "past")]),
    ("ar", "عُقد الاجتماع السابع للمنظمات الإقليمية في عام 2023.", [("meeting", "الاجتماع", "2023", "past")]),
    ("ar", "ومن المقرر أن تعقد القمة الثانية في عام 2025.", [("summit", "القمة", "2025", "planned")]),
    ("vi", "Ngày 27/9/2007, hai bên đã ký Bản ghi nhớ về hợp tác.", [("signing", "đã ký", "2007-09-27", "past")]),
    ("vi", "Cho đến nay, hai bên đã tổ chức được 4 Hội nghị Cấp cao.", []),
    ("vi", "Hội nghị Cấp cao lần thứ 4 vào tháng 11/2011 tại Bali. Hội nghị Cấp cao lần thứ 4 đã thông qua Tuyên bố chung về hợp tác.",
     [("summit", "Hội nghị Cấp cao", "2011-11", "past"), ("adoption", "đã thông qua", "2011-11", "past")]),
    ("en", "ASEAN and the UN have a long tradition of dialogue and cooperation.", []),
    ("en", "Since 2005, summits between SADC and the EU have been held regularly.", [("summit", "summits", None, "past")]),
    ("ar", "ومنذ عام 2000، عُقدت مؤتمرات القمة بين الطرفين بشكل منتظم.", [("summit", "مؤتمرات القمة", None, "past")]),
])
def test_events_types_dates_status_and_negatives(ex, lang, text, expected):
    assert _ev(_doc(ex, text, lang)) == expected


def test_events_plover_categories(ex):
    doc = _doc(ex, "The OIC and ISESCO signed a Memorandum of Understanding in Jeddah on 3 May 2022.", "en")
    [e] = doc.events
    assert (e.type, e.plover) == ("signing", {"event": "SUPPORT", "mode": None})


def test_places_arabic_clitic_and_inside_org_name(ex):
    doc = _doc(ex, "عقد الحوار في ماليزيا وفي بالفلبين مع منظمة الأمن والتعاون في أوروبا.", "ar")
    assert [(m.text, m.value) for m in doc.mentions_of("LOC")] == [("ماليزيا", "Malaysia"), ("الفلبين", "Philippines")]


def test_plover_export_records_actor_recipient_wikidata_and_offsets(sample_output, tmp_path):
    import json
    import subprocess
    import sys

    out, _ = sample_output
    target = tmp_path / "plover.jsonl"
    res = subprocess.run([sys.executable, "-m", "pipeline", "export", str(target), "--format", "plover", "--datasets", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    records = [json.loads(l) for l in target.read_text(encoding="utf-8").splitlines()]
    events = [json.loads(l) for l in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(events) > 0
    docs = {json.loads(l)["doc_id"]: json.loads(l)["text"] for l in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    summit = next(r for r in records if r["date"] == "2024-10")
    assert (summit["event"], summit["mode"], summit["actor"]["wikidata"], summit["recipient"]["entity_id"]) == ("CONSULT", "multilateral", "Q7768", "org:un")
    t = summit["text_info"]["trigger"]
    assert docs[summit["text_info"]["doc_id"]][t["start"] : t["end"]] == "Summit"
