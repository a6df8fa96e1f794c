"""Places: countries (pycountry's names and their ar/fr/vi translations, plus usual short forms) and cities.

Matched like organisations (longest match over folded tokens, Arabic clitics stripped); a place inside an
organisation's name ("Organization for Security and Co-operation in Europe") is not a separate mention.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field

from pipeline.document import LOC, ORG, Document, Mention
from pipeline.text.matching import Trie, matches_at, phrase_key, tokens
from pipeline.registry import register
from pipeline.knowledge.resources import Resources
from pipeline.text.normalise import ArabicFolder, is_arabic


@dataclass
class PlaceParams:
    translation_languages: list[str] = field(default_factory=lambda: ["ar", "fr", "vi"])


def build_places(resources: Resources, languages: tuple[str, ...]) -> tuple[Trie, ArabicFolder]:
    def make():
        import pycountry

        arabic = ArabicFolder(resources.yaml("ar/normalise.yaml"))
        trie = Trie()

        def add(name: str, value: str) -> None:
            key = phrase_key(name, arabic)
            if key:
                trie.add(key, value)

        translations = {}
        for lang in languages:
            try:
                translations[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue
        for c in pycountry.countries:
            value = f"country|{c.alpha_2}|{getattr(c, 'common_name', None) or c.name}"
            for name in {c.name, getattr(c, "common_name", c.name)}:
                add(name, value)
                for t in translations.values():
                    add(t.gettext(name), value)
        for code, names in sorted((resources.yaml("places/countries_extra.yaml") or {}).items()):
            country = pycountry.countries.get(alpha_2=code)
            value = f"country|{code}|{getattr(country, 'common_name', None) or country.name if country else code}"
            for forms in names.values():
                for form in forms:
                    add(form, value)
        for city, spec in sorted((resources.yaml("places/cities.yaml") or {}).items()):
            value = f"city|{spec['country']}|{city}"
            add(city, value)
            for lang in ("ar", "fr", "vi", "en"):
                for form in spec.get(lang, []):
                    add(form, value)
        return trie, arabic

    return resources.memo(("places", *languages), make)


@register("places", params=PlaceParams, requires=("sentences", "orgs"), provides=("places",))
class PlaceStage:
    def __init__(self, resources: Resources, params: PlaceParams) -> None:
        self.trie, self.arabic = build_places(resources, tuple(params.translation_languages))

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        taken = [(m.start, m.end) for m in doc.mentions if m.type == ORG]
        for _, sent in doc.content_sentences():
            toks = tokens(text, sent.start, sent.end)
            i = 0
            while i < len(toks):
                s, e, t = toks[i]
                best = None
                for strip, end_i, values in matches_at(self.trie, toks, i, text, self.arabic):
                    if best is None or end_i > best[1]:
                        best = (strip, end_i, values[0])
                if best is None:
                    i += 1
                    continue
                strip, end_i, value = best
                start, end = s + strip, toks[end_i][1]
                # Latin place names need a capital: "chad" the verb, "guinea" the coin are not places
                if not is_arabic(t) and not text[start].isupper():
                    i += 1
                    continue
                if not any(a < end and start < b for a, b in taken):
                    kind, country, name = value.split("|", 2)
                    doc.add_mention(Mention(LOC, start, end, text[start:end], f"places:{kind}", 0.9, value=name,
                                            attrs={"place_type": kind, "country": country}))
                    taken.append((start, end))
                i = end_i + 1
        return doc
