"""Places (placeholder until the location stage lands: registers the stage, finds nothing)."""

from __future__ import annotations

from pipeline.document import Document
from pipeline.registry import register
from pipeline.resources import Resources


@register("places", requires=("sentences",), provides=("places",))
class PlaceStage:
    def __init__(self, resources: Resources, params: None) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        return doc
