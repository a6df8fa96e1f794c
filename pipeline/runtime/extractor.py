"""The per-document half of the pipeline: the configured stages, built once per process and applied to
each document in order, with time spent per stage."""

from __future__ import annotations

import time
from collections import Counter

from pipeline.config import Config
from pipeline.document import Document
from pipeline.knowledge.resources import Resources
from pipeline.registry import REGISTRY, Stage


class Extractor:
    """The per-document half of the pipeline: the configured stages, built once."""

    def __init__(self, config: Config, resources: Resources | None = None) -> None:
        self.config = config
        self.resources = resources or Resources()
        self.stages: list[Stage] = REGISTRY.build(config.stages, config.stage_params, self.resources)
        self.timings: Counter[str] = Counter()

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            t0 = time.perf_counter()
            doc = stage(doc)
            self.timings[stage.name] += time.perf_counter() - t0
        doc.words = None  # the shared token lists are not kept past the stages
        return doc

    def warm(self) -> None:
        """Build now what stages otherwise build on their first document (spaCy pipelines per language): done
        by a parent before it forks its workers, so each inherits them instead of building its own."""
        for stage in self.stages:
            warm = getattr(stage, "warm", None)
            if warm is not None:
                warm()
