"""Per-language grammar facts read from models/<lang>/grammar.yaml: the data that steers the extractors.

Code never asks which language it is reading (no ``lang == "ar"``); it asks the language's grammar: which script
family the head detector reads, which folding config applies, its articles, coordinators and name connectors,
how names are capitalised and where their head word sits. A new language is a new folder of files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.text.matching import TOKEN
from pipeline.text.normalise import ArabicFolder


@dataclass(frozen=True)
class Grammar:
    """One language's grammar facts; defaults describe a Latin-script language with title-case names."""

    lang: str
    script: str = "latin"  # latin | syllabic | arabic: which head detector reads the language
    folding: str = "latin"  # "latin" or the language folder whose normalise.yaml folds this language
    casing: str = "title"  # title | sentence | none
    head_position: str = "last"  # last | first
    articles: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    organ_connectors: tuple[tuple[str, ...], ...] = ()  # longest first, folded tokens
    organ_heads: tuple[tuple[str, ...], ...] = ()
    organ_max_modifiers: int = 3
    purpose_prefix: str = ""
    # the ending that marks a singular noun or adjective feminine (Arabic ة): an adjective agrees with its noun,
    # so a definite word of the other gender after a head starts another phrase ("المنظمة المنعقد ...")
    feminine_suffix: str = ""
    # capitalised words that may stand inside an organ's name of a sentence-cased language ("chefs d'État")
    organ_inner_capitals: frozenset[str] = frozenset()
    # a purpose complement after an organ's organisation ("... de la FAO pour l'Afrique de l'Ouest"), folded
    purpose_openers: frozenset[str] = frozenset()
    purpose_connectors: frozenset[str] = frozenset()
    place_adjectives: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def capitalised(self) -> bool:
        """Whether names of this language are told apart by capital letters."""
        return self.casing != "none"

    @classmethod
    def from_spec(cls, lang: str, spec: dict[str, Any] | None) -> "Grammar":
        spec = dict(spec or {})
        purpose = spec.get("organ_purpose") or {}

        def folded(words: list[str] | None) -> frozenset[str]:
            return frozenset(str(w).casefold() for w in words or [])

        def phrases(key: str) -> tuple[tuple[str, ...], ...]:
            keys = {tuple(t.casefold() for t in TOKEN.findall(p)) for p in spec.get(key) or []}
            return tuple(sorted((k for k in keys if k), key=lambda k: (-len(k), k)))

        return cls(
            lang=lang,
            script=str(spec.get("script", "latin")),
            folding=str(spec.get("folding", "latin")),
            casing=str(spec.get("casing", "title")),
            head_position=str(spec.get("head_position", "last")),
            articles=frozenset(str(a).casefold() for a in spec.get("articles") or []),
            coordinators=frozenset(str(c).casefold() for c in spec.get("coordinators") or []),
            organ_connectors=phrases("organ_connectors"),
            organ_heads=phrases("organ_heads"),
            organ_max_modifiers=int(spec.get("organ_max_modifiers", 3)),
            purpose_prefix=str(spec.get("purpose_prefix", "")),
            feminine_suffix=str(spec.get("feminine_suffix", "")),
            organ_inner_capitals=folded(spec.get("organ_inner_capitals")),
            purpose_openers=folded(purpose.get("openers")),
            purpose_connectors=folded(purpose.get("connectors")),
            place_adjectives=folded(purpose.get("place_adjectives")),
            extra={k: v for k, v in spec.items() if k not in _KNOWN},
        )


_KNOWN = {"script", "folding", "casing", "head_position", "articles", "coordinators", "organ_connectors",
          "organ_heads", "organ_max_modifiers", "purpose_prefix", "feminine_suffix", "organ_inner_capitals",
          "organ_purpose"}


def arabic_folding(grammars: dict[str, Grammar]) -> str | None:
    """The language folder whose normalise.yaml folds Arabic-script tokens: named by the grammar of an
    Arabic-script language (``folding``), shared by every document since pages mix scripts; None if no grammar
    names one."""
    return next((g.folding for g in grammars.values() if g.script == "arabic" and g.folding != "latin"), None)


def arabic_folder(resources: Any, grammars: dict[str, Grammar] | None = None) -> ArabicFolder:
    """One ``ArabicFolder`` per process for every stage (so per-token readings computed for one are reused by all),
    from the normalise.yaml the grammars name; without one, a folder that only drops nothing and strips nothing."""
    if grammars is None:
        grammars = load_grammars(resources.per_language("grammar.yaml"))
    folding = arabic_folding(grammars)
    if folding is None:
        return resources.memo(("arabic-folder", None), lambda: ArabicFolder(ArabicFolder.EMPTY))
    return resources.memo(("arabic-folder", folding), lambda: ArabicFolder(resources.yaml(f"{folding}/normalise.yaml")))


def load_grammars(per_language: dict[str, Any]) -> dict[str, Grammar]:
    """``{lang: Grammar}`` from ``Resources.per_language("grammar.yaml")`` (parsed files by language folder)."""
    return {lang: Grammar.from_spec(lang, spec) for lang, spec in sorted(per_language.items())}
