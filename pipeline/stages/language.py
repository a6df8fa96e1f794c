"""Language identification with py3langid (offline, 97 languages); a language given in the input wins."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.document import Document
from pipeline.registry import register
from pipeline.knowledge.resources import Resources


@dataclass
class LanguageParams:
    # Languages with full extraction resources; short texts are identified among these only, because
    # character n-gram identifiers are unreliable on a few words ('UNDP' -> da).
    supported: list[str] = field(default_factory=lambda: ["en", "ar", "vi", "fr"])
    short_text_chars: int = 80
    sample_chars: int = 20000  # enough text to decide; keeps identification cheap on giant files


def _identifiers(resources: Resources, supported: tuple[str, ...]):
    def build():
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        full = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        restricted = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        restricted.set_languages(list(supported))
        return full, restricted

    return resources.memo(("langid", *supported), build)


@register("language", params=LanguageParams, provides=("lang",))
class LanguageStage:
    def __init__(self, resources: Resources, params: LanguageParams) -> None:
        self.params = params
        self.full, self.restricted = _identifiers(resources, tuple(params.supported))

    def __call__(self, doc: Document) -> Document:
        if doc.lang_given and doc.lang:
            doc.meta["lang_confidence"] = 1.0
            return doc
        sample = doc.text[: self.params.sample_chars]
        identifier = self.restricted if len(sample.strip()) < self.params.short_text_chars else self.full
        lang, prob = identifier.classify(sample)
        doc.lang = str(lang)
        doc.meta["lang_confidence"] = round(float(prob), 4)
        return doc
