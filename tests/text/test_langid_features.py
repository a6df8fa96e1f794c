"""The numpy feature counter gives py3langid's own feature vector, count for count."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.text.langid_features import FeatureCounter

TEXTS = [
    "",
    "a",
    "UNDP",
    "The Association of Southeast Asian Nations (ASEAN) met in Bangkok on 3 November 2019.",
    "Le PNUD et l'UNESCO ont signé un accord le 3 mai 2020 à Genève.",
    "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 56 diễn ra tại Jakarta.",
    "وقّعت منظمة التعاون الإسلامي ومفوضية الأمم المتحدة مذكرة تفاهم في جدة.",
    "emoji 😀 and a lone surrogate \ud800 and tabs\t\tand\nnewlines " * 20,
]


@pytest.fixture(scope="module")
def identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def test_counts_equal_the_librarys_loop(identifier):
    counter = FeatureCounter(identifier)
    assert counter.ready
    for text in TEXTS:
        ours, theirs = counter(text), identifier.instance2fv(text)
        assert ours.dtype == theirs.dtype
        assert np.array_equal(ours, theirs), text[:40]


def test_a_model_it_cannot_read_keeps_the_librarys_loop(identifier):
    class Odd:
        nb_numfeats = identifier.nb_numfeats
        tk_nextmove = [0, 1, 2]  # not a table of 256 moves per state
        tk_output = {}
        instance2fv = staticmethod(identifier.instance2fv)

    counter = FeatureCounter(Odd())
    assert not counter.ready
    assert np.array_equal(counter(TEXTS[3]), identifier.instance2fv(TEXTS[3]))
