"""Cross-document events: instruments get their final ids, the same happening reported twice one canonical id."""

from __future__ import annotations

from pipeline.document import AGREEMENT, Document, Event, short_hash


def reconcile_document_events(doc: Document) -> None:
    """Runs after agreement reconciliation, which gives every AGREEMENT mention its final id; needs only this
    document.

    Events name their instruments by span (a typed hand-off from the events stage); here the spans become
    agreement ids. Two events of one type, with the same participants and date, are one happening reported by
    several documents; an undated or actor-less event is only itself.
    """
    agreement_at = {(m.start, m.end): m.entity_id for m in doc.mentions if m.type == AGREEMENT}
    for e in doc.events:
        e.agreements = _agreement_ids(e, agreement_at)
        e.canonical_id = "cev-" + short_hash(*_happening_key(doc, e))


def _agreement_ids(e: Event, agreement_at: dict[tuple[int, int], str | None]) -> list[str]:
    ids: list[str] = []
    for start, end in e.agreement_spans:
        aid = agreement_at.get((start, end))
        if aid and aid not in ids:
            ids.append(aid)
    return ids


def _happening_key(doc: Document, e: Event) -> tuple:
    if e.date and e.participants:
        return (e.type, tuple(sorted(e.participants)), e.date)
    return (e.type, doc.doc_id, e.trigger.start)
