"""Places: countries (pycountry's names and their translations, plus usual short forms) and cities.

Matched like organisations (longest match over folded tokens, Arabic clitics stripped); a place inside an
organisation's name ("Organization for Security and Co-operation in Europe") is not a separate mention.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from typing import Callable

from pipeline.document import LOC, ORG, Document, Mention
from pipeline.knowledge.resources import Resources
from pipeline.registry import register
from pipeline.text.grammar import arabic_folder
from pipeline.text.matching import Trie, phrase_key
from pipeline.text.normalise import ArabicFolder
from pipeline.text.spans import Intervals
from pipeline.text.tokens import matches_in, shared_tokens, starts_in


@dataclass
class PlaceParams:
    # languages whose pycountry translations of country names are matched; empty: every language with a
    # models/<lang>/grammar.yaml (params.yaml names them)
    translation_languages: list[str] = field(default_factory=list)


def build_places(resources: Resources, languages: tuple[str, ...]) -> tuple[Trie, ArabicFolder]:
    """Country and city names of every language in one trie, built once per process."""
    def make() -> tuple[Trie, ArabicFolder]:
        arabic = arabic_folder(resources)
        trie = Trie()

        def add(name: str, value: str) -> None:
            key = phrase_key(name, arabic)
            if key:
                trie.add(key, value)

        _add_countries(resources, languages or tuple(resources.per_language("grammar.yaml")), add)
        for city, spec in sorted((resources.yaml("places/cities.yaml") or {}).items()):
            value = f"city|{spec['country']}|{city}"
            add(city, value)
            for key, forms in sorted(spec.items()):
                if key != "country":  # every other key is a language (models/schemas/cities.yaml)
                    for form in forms:
                        add(form, value)
        return trie, arabic

    return resources.memo(("places", *languages), make)


def _add_countries(resources: Resources, languages: tuple[str, ...], add: Callable[[str, str], None]) -> None:
    """pycountry's names and their translations, then the usual short forms (places/countries_extra.yaml)."""
    import pycountry

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


@register("places", params=PlaceParams, requires=("sentences", "orgs"), provides=("places",))
class PlaceStage:
    def __init__(self, resources: Resources, params: PlaceParams) -> None:
        self.trie, self.arabic = build_places(resources, tuple(params.translation_languages))

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        taken = Intervals((m.start, m.end) for m in doc.mentions if m.type == ORG)
        words = shared_tokens(doc)
        for si, _ in doc.content_sentences():
            view = words.view(si, self.arabic)
            after = 0  # tokens before it are inside the last place taken
            # only tokens some place name starts with are tried: a sentence without one builds no token list
            for i in starts_in(self.trie.root, view):
                if i < after:
                    continue
                best = None
                for strip, end_i, values in matches_in(self.trie.root, view, i):
                    if best is None or end_i > best[1]:
                        best = (strip, end_i, values[0])
                if best is None:
                    continue
                strip, end_i, value = best
                toks = view.toks
                start, end = toks[i][0] + strip, toks[end_i][1]
                # Latin place names need a capital: "chad" the verb, "guinea" the coin are not places
                if not view.arabic[i] and not text[start].isupper():
                    continue
                if not taken.overlaps(start, end):
                    kind, country, name = value.split("|", 2)
                    doc.add_mention(Mention(LOC, start, end, text[start:end], f"places:{kind}", 0.9, value=name,
                                            attrs={"place_type": kind, "country": country}))
                    taken.add(start, end)
                after = end_i + 1
        return doc
