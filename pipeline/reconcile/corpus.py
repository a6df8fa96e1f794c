"""Corpus-level reconciliation: mentions from every document become canonical entities and agreements.

Runs over all documents after the per-document stages (it is cheap: it only reads mention records).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.document import AGREEMENT, Document
from pipeline.knowledge.kb import KnowledgeBase
from pipeline.knowledge.resources import Resources
from pipeline.reconcile.entities import build_entities


@dataclass
class CorpusResult:
    entities: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)


def reconcile(docs: list[Document], resources: Resources, settings: dict[str, Any] | None = None) -> CorpusResult:
    from pipeline.reconcile import agreements as agreements_mod
    from pipeline.reconcile.events import reconcile_events

    kb = KnowledgeBase.load(resources)
    result = CorpusResult(entities=build_entities(docs, kb))  # pipeline/reconcile/entities.py
    result.agreements = agreements_mod.reconcile_agreements(docs, resources, settings or {})
    reconcile_events(docs, resources, settings or {})
    return result


def agreement_mentions(docs: list[Document]) -> list[tuple[Document, Any]]:
    return [(d, m) for d in docs for m in d.mentions if m.type == AGREEMENT]
