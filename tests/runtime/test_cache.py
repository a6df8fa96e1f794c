"""Cache entries read back exactly, in linear time, and a wrongly shaped entry is refused (then re-extracted)."""

from __future__ import annotations

import orjson
import pytest

from pipeline.document import Document, Event, Mention, Sentence, document_from_dict, document_to_dict
from pipeline.runtime.cache import DocCache

TEXT = "ASEAN and the United Nations held a summit in Bali in November 2011."


def _doc() -> Document:
    doc = Document(source="bali.txt", text=TEXT, lang="en")
    doc.sentences = [Sentence(0, len(TEXT))]
    for sub, type_ in (("ASEAN", "ORG"), ("United Nations", "ORG"), ("summit", "EVENT"), ("November 2011", "DATE")):
        start = TEXT.index(sub)
        doc.add_mention(Mention(type_, start, start + len(sub), sub, "test"))
    trigger = doc.mentions[2]
    doc.events.append(Event("summit", trigger, date="2011-11", participants=["org:asean", "org:un"]))
    return doc


def test_cache_round_trip_keeps_every_layer():
    doc = _doc()
    back = document_from_dict(orjson.loads(orjson.dumps(document_to_dict(doc))))
    assert document_to_dict(back) == document_to_dict(doc)


def test_cache_event_trigger_is_the_same_object_as_its_mention():
    back = document_from_dict(orjson.loads(orjson.dumps(document_to_dict(_doc()))))
    assert back.events[0].trigger is back.mentions[2]


def test_cache_many_events_read_back_with_their_own_triggers():
    text = "The summit was held. " * 3000
    doc = Document(source="long.txt", text=text, lang="en")
    for i in range(3000):
        start = i * 21 + 4
        m = doc.add_mention(Mention("EVENT", start, start + 6, "summit", "test"))
        doc.events.append(Event("summit", m))
    back = document_from_dict(orjson.loads(orjson.dumps(document_to_dict(doc))))
    assert all(e.trigger is m for e, m in zip(back.events, back.mentions))


@pytest.mark.parametrize("damage", [
    lambda d: d.update(text=None),
    lambda d: d.update(mentions="ASEAN"),
    lambda d: d["mentions"][0].update(start="0"),
    lambda d: d["mentions"][0].update(text="UNESCO"),
    lambda d: d["mentions"][0].update(colour="red"),
    lambda d: d["events"][0].pop("trigger"),
    lambda d: d.update(published=2011),
])
def test_cache_wrongly_shaped_entry_is_refused(damage):
    d = orjson.loads(orjson.dumps(document_to_dict(_doc())))
    damage(d)
    with pytest.raises(ValueError, match="^cached document: "):
        document_from_dict(d)


def test_cache_wrongly_shaped_entry_reads_as_missing(tmp_path):
    cache = DocCache.open(tmp_path)
    cache.put("ab" * 32, _doc())
    assert cache.get("ab" * 32) is not None
    path = tmp_path / "docs" / "ab" / f"{'ab' * 32}.json"
    path.write_bytes(orjson.dumps({"source": "bali.txt", "text": TEXT, "mentions": [{"start": -1}]}))
    assert cache.get("ab" * 32) is None


def test_cache_entry_is_stored_and_read_one_record_a_line(tmp_path):
    cache = DocCache.open(tmp_path)
    doc = _doc()
    cache.put("cd" * 32, doc)
    lines = (tmp_path / "docs" / "cd" / f"{'cd' * 32}.json").read_bytes().splitlines()
    assert len(lines) == 1 + len(doc.mentions) + len(doc.events)
    back = cache.get("cd" * 32)
    assert document_to_dict(back) == document_to_dict(doc)
    assert back.events[0].trigger is back.mentions[2]
    part = cache.get_part("cd" * 32, frozenset({"ORG"}))
    assert [m.text for m in part.mentions] == ["ASEAN", "United Nations"] and part.events == [] and part.sentences == []


def test_cache_truncated_entry_reads_as_missing(tmp_path):
    cache = DocCache.open(tmp_path)
    cache.put("ef" * 32, _doc())
    path = tmp_path / "docs" / "ef" / f"{'ef' * 32}.json"
    path.write_bytes(b"\n".join(path.read_bytes().splitlines()[:-1]) + b"\n")
    assert cache.get("ef" * 32) is None
