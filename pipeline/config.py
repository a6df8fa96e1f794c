"""The one config: params.yaml, one section per stage, read by the pipeline and tracked by DVC."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import E_UNKNOWN_SECTION, ConfigError
from pipeline.registry import REGISTRY, load_stage_modules

DEFAULT_PARAMS = Path(__file__).resolve().parent.parent / "params.yaml"


@dataclass
class IngestParams:
    extensions: list[str] = field(default_factory=lambda: [".txt", ".md", ".html", ".htm", ".jsonl"])
    # Folder names never walked into (gold annotations, the development set) unless given as a root.
    skip_dirs: list[str] = field(default_factory=lambda: ["gold", "dev", "test", ".git", ".dvc"])
    max_chars: int = 5_000_000


@dataclass
class Config:
    stages: list[str]
    ingest: IngestParams
    stage_params: dict[str, dict[str, Any]]
    sections: dict[str, dict[str, Any]]  # corpus-level sections: reconcile, export, evaluate, bench
    raw: dict[str, Any]

    @property
    def hash(self) -> str:
        import hashlib

        return hashlib.sha256(json.dumps(self.raw, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    def section(self, name: str) -> dict[str, Any]:
        return self.sections.get(name, {})


CORPUS_SECTIONS = ("reconcile", "export", "evaluate", "bench")


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Load params.yaml (or the built-in defaults when there is none), rejecting unknown sections."""
    p = Path(path) if path else DEFAULT_PARAMS
    raw: dict[str, Any] = {}
    if p.exists():
        raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    elif path:
        raise ConfigError(f"[E007] config file {p} does not exist")
    if not isinstance(raw, dict):
        raise ConfigError(f"[E008] {p}: the top level must be a mapping of sections")
    for key, value in (overrides or {}).items():
        raw[key] = value
    load_stage_modules()
    known = {"stages", "ingest", *CORPUS_SECTIONS, *REGISTRY.names()}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(E_UNKNOWN_SECTION.format(keys=unknown, path=p, known=sorted(known)))
    stages = raw.get("stages") or ["language", "tokenise"]
    ingest_raw = raw.get("ingest") or {}
    try:
        ingest = IngestParams(**ingest_raw)
    except TypeError as exc:
        raise ConfigError(f"[E002] section 'ingest' of {p}: {exc}") from None
    stage_params = {name: dict(raw.get(name) or {}) for name in REGISTRY.names() if name in raw}
    sections = {name: dict(raw.get(name) or {}) for name in CORPUS_SECTIONS}
    full = dict(raw)
    full["ingest"] = asdict(ingest)
    full["stages"] = stages
    return Config(stages=stages, ingest=ingest, stage_params=stage_params, sections=sections, raw=full)
