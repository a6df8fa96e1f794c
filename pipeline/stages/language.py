"""Language identification with py3langid (offline, 97 languages); a language given in the input wins.

Long texts are identified among every language the model knows. Short texts (a few words) are identified
among ``supported`` plus ``other`` only, because character n-gram identifiers are unreliable on a few words
('UNDP' -> da). A document in a language without extraction resources gets a note (run.json -> notes): only
language-neutral extractors and the dateparser date fallback run on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.document import Document
from pipeline.knowledge.resources import Resources
from pipeline.registry import register
from pipeline.text.langid_features import FeatureCounter

UNSUPPORTED_NOTE = ("language {lang}: identified, no extraction resources under models/{lang}/ "
                    "(language-neutral extractors and dateparser dates only)")


@dataclass
class LanguageParams:
    # Languages with full extraction resources (models/<lang>/).
    supported: list[str] = field(default_factory=lambda: ["en", "ar", "vi", "fr"])
    # Further languages a short text may be identified as (dates still come from dateparser's locale data).
    other: list[str] = field(default_factory=lambda: ["de", "es", "ru", "id", "pt"])
    short_text_chars: int = 80
    sample_chars: int = 20000  # enough text to decide; keeps identification cheap on giant files


def _identifiers(resources: Resources, short_set: tuple[str, ...]):
    def build():
        """The model file is read once (an LZMA-compressed pickle, ~0.1 s to unpack): the restricted identifier
        shares its arrays, which ``set_languages`` never changes in place (it makes trimmed copies)."""
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        full = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        restricted = LanguageIdentifier(full.nb_ptc, full.nb_pc, full.nb_numfeats, full.nb_classes, full.tk_nextmove,
                                        full.tk_output, norm_probs=True)
        restricted.set_languages(list(short_set))
        return full, restricted, FeatureCounter(full)

    return resources.memo(("langid", *short_set), build)


@register("language", params=LanguageParams, provides=("lang",))
class LanguageStage:
    def __init__(self, resources: Resources, params: LanguageParams) -> None:
        self.params = params
        short_set = tuple(dict.fromkeys([*params.supported, *params.other]))
        self.full, self.restricted, self.features = _identifiers(resources, short_set)

    def __call__(self, doc: Document) -> Document:
        if doc.lang_given and doc.lang:
            doc.meta["lang_confidence"] = 1.0
        else:
            sample = doc.text[: self.params.sample_chars]
            identifier = self.restricted if len(sample.strip()) < self.params.short_text_chars else self.full
            lang, prob = self._classify(identifier, sample)
            doc.lang = str(lang)
            doc.meta["lang_confidence"] = round(float(prob), 4)
        if doc.lang not in self.params.supported:
            doc.notes.append(UNSUPPORTED_NOTE.format(lang=doc.lang))
        return doc

    def _classify(self, identifier, text: str) -> tuple[str, float]:
        """``identifier.classify(text)``, its feature vector counted with numpy (pipeline/text/langid_features.py)."""
        import numpy as np
        from py3langid.langid import DATATYPE

        probs = identifier.norm_probs(identifier.nb_classprobs(self.features(text, DATATYPE)))
        best = np.argmax(probs)
        return identifier.nb_classes[best], probs[best]
