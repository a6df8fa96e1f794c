"""Multilingual information extraction: organisations, dates, events and agreements as JSONL datasets.

``import pipeline`` stays light (no spaCy, no models): ``pipeline.load`` is imported on first use.

    import pipeline
    nlp = pipeline.load()
    doc = nlp("ASEAN and the United Nations met in Bali in November 2011.")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
from pipeline.datasets.schema import SCHEMA_VERSION  # noqa: E402  (the datasets contract; light module)

__all__ = ["__version__", "SCHEMA_VERSION", "load"]


def __getattr__(name: str) -> Any:
    """Lazy public API: the stages (and spaCy) are imported only when ``pipeline.load`` is first used."""
    if name == "load":
        from pipeline.api import load

        return load
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
