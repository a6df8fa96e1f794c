"""Corpus-level reconciliation: mentions from every document become canonical entities and agreements.

Runs over all documents after the per-document stages (it is cheap: it only reads mention records). A run
streams it (``Reconciler``): the corpus state is compact (acronym evidence, counts and name sets per entity
and instrument key), the documents come back from the cache when needed, so memory does not grow with every
mention of the corpus. ``reconcile`` does the same over a list of documents held in memory (the Python API).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from pipeline.document import AGREEMENT, Document
from pipeline.knowledge.kb import KnowledgeBase
from pipeline.knowledge.resources import Resources
from pipeline.reconcile.agreements import AgreementTable
from pipeline.reconcile.entities import AcronymLinker, EntityTable, Evidence, acronym_evidence, build_entities
from pipeline.reconcile.events import reconcile_document_events

__all__ = ["CorpusResult", "Reconciler", "acronym_evidence", "build_entities", "reconcile"]


@dataclass
class CorpusResult:
    entities: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)


class Reconciler:
    """Reconciliation in three streams over the documents, always in the same (reconciliation) order:

    1. ``add_evidence(acronym_evidence(doc))`` for every document, then ``link()``;
    2. ``collect(doc)`` for every document, then ``result()`` (the entity and agreement records);
    3. ``finalise(doc)`` for every document: its final entity, agreement and event ids.

    Each step reads one document at a time; nothing of a document is kept but its acronym evidence."""

    def __init__(self, resources: Resources, settings: dict[str, Any] | None = None) -> None:
        self.settings = settings or {}
        self.kb = KnowledgeBase.load(resources)
        self.linker = AcronymLinker(self.kb)
        self.entities = EntityTable()
        self.agreements = AgreementTable(resources)

    def add_evidence(self, evidence: Iterable[Evidence]) -> None:
        self.linker.add(evidence)

    def link(self) -> None:
        self.linker.link()

    def collect(self, doc: Document) -> None:
        """Links the document's acronyms (in place) and counts its organisations and instruments."""
        self.linker.relink(doc)
        self.entities.add(doc)
        self.agreements.add(doc)

    def result(self) -> CorpusResult:
        return CorpusResult(entities=self.entities.records(self.kb), agreements=self.agreements.records())

    def finalise(self, doc: Document, relinked: bool = False) -> None:
        """The document's final ids (``relinked``: it is the very object ``collect`` already rewrote)."""
        if not relinked:
            self.linker.relink(doc)
        self.agreements.assign(doc)
        reconcile_document_events(doc)


def reconcile(docs: list[Document], resources: Resources, settings: dict[str, Any] | None = None) -> CorpusResult:
    """Every step of ``Reconciler`` over documents held in memory, rewritten in place."""
    rec = Reconciler(resources, settings)
    for doc in docs:
        rec.add_evidence(acronym_evidence(doc))
    rec.link()
    for doc in docs:
        rec.collect(doc)
    result = rec.result()
    for doc in docs:
        rec.finalise(doc, relinked=True)
    return result


def agreement_mentions(docs: list[Document]) -> list[tuple[Document, Any]]:
    return [(d, m) for d in docs for m in d.mentions if m.type == AGREEMENT]
