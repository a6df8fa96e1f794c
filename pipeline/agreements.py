"""Agreements (placeholder until the agreement stage lands: registers the stage, finds nothing)."""

from __future__ import annotations

from typing import Any

from pipeline.document import Document
from pipeline.registry import register
from pipeline.resources import Resources


@register("agreements", requires=("sentences", "orgs", "dates"), provides=("agreements",))
class AgreementStage:
    def __init__(self, resources: Resources, params: None) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        return doc


def reconcile_agreements(docs: list[Document], resources: Resources, settings: dict[str, Any]) -> list[dict[str, Any]]:
    return []
