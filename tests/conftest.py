from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.knowledge.resources import Resources
from pipeline.runtime.runner import Extractor, run

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture(scope="session")
def resources():
    return Resources()


@pytest.fixture(scope="session")
def extractor(config, resources):
    return Extractor(config, resources)


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory, config, resources):
    """The whole pipeline run once over the sample corpus (shared by contract tests)."""
    out = tmp_path_factory.mktemp("sample-output")
    report = run([CORPUS], out, config, resources)
    return out, report


def make_doc(text: str, lang: str | None = None, source: str = "t.txt"):
    from pipeline.document import Document

    return Document(source=source, text=text, lang=lang, lang_given=lang is not None)
