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


def test_places_arabic_clitic_and_inside_org_name(ex):
    doc = _doc(ex, "عقد الحوار في ماليزيا وفي بالفلبين مع منظمة الأمن والتعاون في أوروبا.", "ar")
    assert [(m.text, m.value) for m in doc.mentions_of("LOC")] == [("ماليزيا", "Malaysia"), ("الفلبين", "Philippines")]
