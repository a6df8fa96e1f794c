"""The one config: params.yaml, one section per stage, read by the pipeline and tracked by DVC.

Parsed into typed settings before anything runs: a wrong type, an out-of-range size, an unknown key, a stage
listed twice or invalid YAML is a coded ``ConfigError`` naming the key, so a bad config never reaches the
documents (and never replaces earlier datasets). Defaults live in one place: the parameter dataclasses
(``IngestParams`` here, each stage's own next to the stage).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import (E_BAD_TYPE, E_BAD_YAML, E_DUPLICATE_STAGE, E_OUT_OF_RANGE, E_UNKNOWN_PARAM,
                             E_UNKNOWN_SECTION, E_YAML_LIMIT, ConfigError)
from pipeline.registry import REGISTRY, load_stage_modules

# Installed package data first (a wheel ships params.yaml as pipeline/_data/params.yaml), then the checkout's.
_INSTALLED_PARAMS = Path(__file__).resolve().parent / "_data" / "params.yaml"
DEFAULT_PARAMS = _INSTALLED_PARAMS if _INSTALLED_PARAMS.is_file() else Path(__file__).resolve().parent.parent / "params.yaml"
# The C loader is several times faster where PyYAML was built with libyaml; same results.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_CONFIG_BYTES = 1_000_000
MAX_CONFIG_NODES = 100_000  # nodes after alias expansion: an alias bomb is refused before it is expanded


@dataclass
class IngestParams:
    extensions: list[str] = field(default_factory=lambda: [".txt", ".md", ".html", ".htm", ".jsonl"])
    # Folder names never walked into (gold annotations, the development set) unless given as a root.
    skip_dirs: list[str] = field(default_factory=lambda: ["gold", "dev", "test", ".git", ".dvc"])
    max_chars: int = 5_000_000


# Sizes and counts where zero means nothing sensible (every other integer parameter must be >= 0).
POSITIVE_PARAMS = frozenset({"max_chars", "sample_chars", "max_chars_per_chunk"})
# Parameters that are probabilities.
UNIT_INTERVAL_PARAMS = frozenset({"confidence"})


@dataclass
class Config:
    stages: list[str]
    ingest: IngestParams
    stage_params: dict[str, dict[str, Any]]
    sections: dict[str, dict[str, Any]]  # corpus-level sections: reconcile, export, evaluate, bench
    raw: dict[str, Any]
    typed: dict[str, Any] = field(default_factory=dict)  # stage name -> its parameter dataclass, validated

    @property
    def hash(self) -> str:
        import hashlib

        return hashlib.sha256(json.dumps(self.raw, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    def section(self, name: str) -> dict[str, Any]:
        return self.sections.get(name, {})


CORPUS_SECTIONS = ("reconcile", "export", "evaluate", "bench")


def read_yaml(p: Path) -> Any:
    """Parse a config file with the C loader, refusing huge files, alias bombs and invalid YAML (coded errors)."""
    if p.stat().st_size > MAX_CONFIG_BYTES:
        raise ConfigError(E_YAML_LIMIT.format(path=p, problem=f"larger than {MAX_CONFIG_BYTES} bytes"))
    text = p.read_text(encoding="utf-8", errors="replace")
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
        if node is not None and _expanded_size(node, {}) > MAX_CONFIG_NODES:
            raise ConfigError(E_YAML_LIMIT.format(path=p, problem=f"aliases expand to more than {MAX_CONFIG_NODES} values"))
        return yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(E_BAD_YAML.format(path=p, problem=" ".join(str(exc).split()))) from None


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Values the node stands for once aliases are expanded; shared nodes are counted in linear time."""
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = 1  # a recursive alias counts once instead of looping
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[id(node)] = min(size, MAX_CONFIG_NODES + 1)
    return memo[id(node)]


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Load params.yaml (or the built-in defaults when there is none) into typed, validated settings."""
    p = Path(path) if path else DEFAULT_PARAMS
    raw: Any = {}
    if p.exists() and not p.is_dir():
        raw = read_yaml(p) or {}
    elif path:
        raise ConfigError(f"[E007] config file {p} does not exist")
    if not isinstance(raw, dict):
        raise ConfigError(f"[E008] {p}: the top level must be a mapping of sections")
    for key, value in (overrides or {}).items():
        raw[key] = value
    load_stage_modules()
    known = {"stages", "ingest", *CORPUS_SECTIONS, *REGISTRY.names()}
    unknown = sorted(set(raw) - known, key=str)
    if unknown:
        raise ConfigError(E_UNKNOWN_SECTION.format(keys=unknown, path=p, known=sorted(known)))
    for name in sorted(set(raw) - {"stages"}):
        if raw[name] is not None and not isinstance(raw[name], dict):
            raise ConfigError(E_BAD_TYPE.format(where=f"section {name!r}", key=name, expected="a mapping of keys to values",
                                                value=raw[name], got=type(raw[name]).__name__, path=p))
    stages = _stage_list(raw.get("stages"), p)
    ingest = _typed(IngestParams, raw.get("ingest") or {}, "ingest", p)
    typed = {name: _stage_params(name, raw.get(name) or {}, p) for name in REGISTRY.names() if name in raw}
    stage_params = {name: dict(raw.get(name) or {}) for name in REGISTRY.names() if name in raw}
    sections = {name: dict(raw.get(name) or {}) for name in CORPUS_SECTIONS}
    full = dict(raw)
    full["ingest"] = asdict(ingest)
    full["stages"] = stages
    return Config(stages=stages, ingest=ingest, stage_params=stage_params, sections=sections, raw=full, typed=typed)


def _stage_list(value: Any, p: Path) -> list[str]:
    """The stage list: strings, each registered, each once, each after the stages it requires."""
    if value is None or value == []:
        value = ["language", "tokenise"]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(E_BAD_TYPE.format(where="'stages'", key="stages", expected="a list of stage names",
                                            value=value, got=type(value).__name__, path=p))
    twice = sorted({v for v in value if value.count(v) > 1})
    if twice:
        raise ConfigError(E_DUPLICATE_STAGE.format(names=twice, path=p))
    REGISTRY.in_order(value)  # each stage registered and after what it requires
    return list(value)


def _stage_params(name: str, raw: dict[str, Any], p: Path) -> Any:
    spec = REGISTRY.spec(name)
    if spec.params is None:
        if raw:
            raise ConfigError(E_UNKNOWN_PARAM.format(stage=name, keys=sorted(raw, key=str), known="nothing"))
        return None
    return _typed(spec.params, raw, name, p)


def _typed(cls: type, raw: dict[str, Any], section: str, p: Path) -> Any:
    """An instance of the parameter dataclass ``cls`` after checking every key's presence, type and range."""
    hints = typing.get_type_hints(cls)
    known = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted((k for k in raw if k not in known), key=str)
    if unknown:
        raise ConfigError(E_UNKNOWN_PARAM.format(stage=section, keys=unknown, known=sorted(known)))
    for key, value in raw.items():
        where = f"section {section!r}"
        if not _conforms(value, hints[key]):
            raise ConfigError(E_BAD_TYPE.format(where=where, key=key, expected=_describe(hints[key]), value=value,
                                                got=type(value).__name__, path=p))
        rule = _range_rule(key, value)
        if rule:
            raise ConfigError(E_OUT_OF_RANGE.format(where=where, key=key, rule=rule, value=value, path=p))
    return cls(**raw)


def _range_rule(key: str, value: Any) -> str | None:
    """The rule ``value`` breaks, or None: sizes and counts are never negative, some never zero."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if key in UNIT_INTERVAL_PARAMS:
        return None if 0 <= value <= 1 else "between 0 and 1"
    if key in POSITIVE_PARAMS:
        return None if value >= 1 else "at least 1"
    if isinstance(value, int):
        return None if value >= 0 else "at least 0"
    return None


def _conforms(value: Any, hint: Any) -> bool:
    """Does a YAML value have the declared type? Booleans are not numbers; integers are valid floats."""
    if hint is Any:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin in (list, tuple, set, frozenset):
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value) if args else isinstance(value, list)
    if origin is dict:
        if not isinstance(value, dict):
            return False
        return not args or all(_conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items())
    if hint in (list, dict):
        return isinstance(value, hint)
    return isinstance(value, hint) if isinstance(hint, type) else True


def _describe(hint: Any) -> str:
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "a text"}
    if hint in names:
        return names[hint]
    return str(hint).replace("typing.", "")
