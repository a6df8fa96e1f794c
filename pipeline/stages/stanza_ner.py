"""Statistical NER with stanza, when its model files are present locally: an optional stage.

stanza cannot download models here (its servers are out of reach), so the stage loads a model from
``<model_dir>/<lang>/ner.pt`` (and ``pretrain.pt`` when the model was trained with word vectors: loading such a
model without them silently degrades it). When stanza is not installed or a language has no model, the
stage says so once and passes documents through, so the rest of the pipeline runs. It only adds ORG
mentions that no rule or knowledge-base mention already covers.
"""

from __future__ import annotations

import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.document import ORG, Document, Mention
from pipeline.knowledge.kb import ENTITY_PREFIX
from pipeline.stages.orgs import slug
from pipeline.registry import register
from pipeline.knowledge.resources import Resources

log = logging.getLogger("pipeline.stages.stanza_ner")
TOKEN = re.compile(r"\w+|[^\w\s]")
ORG_LABELS = {"ORG", "ORGANIZATION", "ORGANISATION"}


@dataclass
class StanzaNerParams:
    model_dir: str = "models/stanza"  # <model_dir>/<lang>/ner.pt (+ pretrain.pt); relative to the project root
    confidence: float = 0.6


@register("stanza_ner", params=StanzaNerParams, requires=("sentences",), provides=("orgs_stanza",))
class StanzaNerStage:
    def __init__(self, resources: Resources, params: StanzaNerParams) -> None:
        self.params = params
        root = Path(params.model_dir)
        self.model_dir = root if root.is_absolute() else resources.models_dir.parent / root
        self.pipelines: dict[str, Any] = {}
        self.warned: set[str] = set()
        try:
            import stanza  # noqa: F401

            self.available = True
        except ImportError:
            self.available = False
            self._warn("*", "stanza_ner skipped: stanza is not installed "
                            "(pip install torch==2.13.0, then pip install -e '.[stanza]')")
        self._res_dir: str | None = None

    def _warn(self, key: str, message: str) -> None:
        if key not in self.warned:
            self.warned.add(key)
            log.warning(message)

    def pipeline_for(self, lang: str | None):
        if not self.available or not lang:
            return None
        if lang in self.pipelines:
            return self.pipelines[lang]
        model = self.model_dir / lang / "ner.pt"
        pretrain = self.model_dir / lang / "pretrain.pt"
        if not model.exists():
            self._warn(lang, f"stanza_ner skipped for '{lang}': no model at {model} (stanza.download cannot reach "
                             "its servers here; train one with stanza's trainer or copy a downloaded model there)")
            self.pipelines[lang] = None
            return None
        import stanza

        if self._res_dir is None:
            self._res_dir = tempfile.mkdtemp(prefix="stanza-resources-")
            (Path(self._res_dir) / "resources.json").write_text("{}", encoding="utf-8")
        kwargs: dict[str, Any] = {"ner_model_path": str(model)}
        if pretrain.exists():
            kwargs["ner_pretrain_path"] = str(pretrain)
        self.pipelines[lang] = stanza.Pipeline(lang=lang, dir=self._res_dir, processors="tokenize,ner",
                                               tokenize_pretokenized=True, allow_unknown_language=True,
                                               download_method=None, logging_level="ERROR", **kwargs)
        return self.pipelines[lang]

    def __call__(self, doc: Document) -> Document:
        nlp = self.pipeline_for(doc.lang)
        if nlp is None:
            return doc
        sents = [(i, s) for i, s in doc.content_sentences()]
        tokens = [[(m.start(), m.end()) for m in TOKEN.finditer(doc.text, s.start, s.end)] for _, s in sents]
        tokens = [t for t in tokens if t]
        if not tokens:
            return doc
        result = nlp([[doc.text[a:b] for a, b in sent] for sent in tokens])
        taken = [(m.start, m.end) for m in doc.mentions if m.type == ORG]
        for offsets, sent in zip(tokens, result.sentences):
            for start, end in _org_spans([t.ner for t in sent.tokens], offsets):
                if any(a < end and start < b for a, b in taken):
                    continue
                text = doc.text[start:end]
                doc.add_mention(Mention(ORG, start, end, text, "stanza_ner", self.params.confidence,
                                        entity_id=ENTITY_PREFIX + "x-" + slug(text), attrs={"entity_name": text}))
                taken.append((start, end))
        return doc


def _org_spans(tags: list[str], offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """BIOES (or BIO) organisation tags -> character spans."""
    spans, start = [], None
    for (a, b), tag in zip(offsets, tags):
        prefix, _, label = (tag or "O").partition("-")
        is_org = label.upper() in ORG_LABELS
        if prefix in ("B", "S") and is_org:
            start = a
        if start is not None and (not is_org or prefix == "O"):
            start = None
        if is_org and prefix in ("E", "S") and start is not None:
            spans.append((start, b))
            start = None
        elif is_org and prefix == "I" and start is None:
            start = a
    return spans
