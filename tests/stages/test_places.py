"""Places: countries and cities in every language, outside organisation names, capitalised in Latin script."""

from __future__ import annotations

import pytest

from pipeline.stages.orgs import OrgParams, OrgStage
from pipeline.stages.places import PlaceParams, PlaceStage
from pipeline.stages.tokenise import TokeniseParams, TokeniseStage
from tests.conftest import make_doc


@pytest.fixture(scope="module")
def places(resources):
    tok, orgs = TokeniseStage(resources, TokeniseParams()), OrgStage(resources, OrgParams())
    stage = PlaceStage(resources, PlaceParams(translation_languages=["ar", "fr", "vi"]))

    def run(text, lang):
        doc = stage(orgs(tok(make_doc(text, lang))))
        return [(m.text, m.start, m.end, m.value, m.attrs["place_type"]) for m in doc.mentions_of("LOC")]

    return run


def test_english_city_and_country(places):
    assert places("The summit was held in Jakarta, Indonesia.", "en") == [
        ("Jakarta", 23, 30, "Jakarta", "city"), ("Indonesia", 32, 41, "Indonesia", "country")]


def test_arabic_city_after_clitic_preposition(places):
    assert places("عقد الاجتماع في جنيف وبجاكرتا.", "ar") == [
        ("جنيف", 16, 20, "Geneva", "city"), ("جاكرتا", 23, 29, "Jakarta", "city")]


def test_vietnamese_city_name_from_cities_file(places):
    assert places("Hội nghị diễn ra tại Hà Nội.", "vi") == [("Hà Nội", 21, 27, "Hanoi", "city")]


def test_lowercase_latin_word_is_not_a_place(places):
    assert places("The delegates had to chad the ballots.", "en") == []


def test_place_inside_an_organisation_name_is_not_a_mention(places):
    assert places("The Organization for Security and Co-operation in Europe met in Vienna.", "en") == [
        ("Vienna", 64, 70, "Vienna", "city")]
