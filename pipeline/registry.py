"""Stages register by name and declare what they require and provide; the config list gives run order.

A missing requirement fails when the pipeline is built, naming what is there and what is missing, not
halfway through a corpus.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from pipeline.document import Document
from pipeline.errors import E_REQUIRES, E_UNKNOWN_PARAM, E_UNKNOWN_STAGE, ConfigError

# The package whose import registers every stage. Loaded by name so that this module, below the stages,
# never imports them at import time.
STAGE_PACKAGE = "pipeline.stages"


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class StageSpec:
    name: str
    cls: type
    params: type | None  # a dataclass of the stage's parameters and their defaults
    requires: tuple[str, ...]
    provides: tuple[str, ...]


class Registry:
    def __init__(self) -> None:
        self._specs: dict[str, StageSpec] = {}

    def register(
        self,
        name: str,
        *,
        params: type | None = None,
        requires: tuple[str, ...] = (),
        provides: tuple[str, ...] = (),
    ) -> Callable[[type], type]:
        def deco(cls: type) -> type:
            if name in self._specs and self._specs[name].cls is not cls:
                raise ConfigError(f"stage {name!r} registered twice")
            self._specs[name] = StageSpec(name, cls, params, tuple(requires), tuple(provides))
            cls.name = name
            return cls

        return deco

    def names(self) -> list[str]:
        return sorted(self._specs)

    def spec(self, name: str) -> StageSpec:
        load_stage_modules()
        if name not in self._specs:
            raise ConfigError(E_UNKNOWN_STAGE.format(name=name, known=", ".join(self.names())))
        return self._specs[name]

    def build(self, stage_names: list[str], settings: dict[str, dict[str, Any]], resources: Any) -> list[Stage]:
        """Instantiate the stages in config order, checking parameters and requirements first."""
        specs = self.in_order(stage_names)
        return [spec.cls(resources, make_params(spec, settings.get(spec.name, {}))) for spec in specs]

    def in_order(self, stage_names: list[str]) -> list[StageSpec]:
        """The specs of ``stage_names``, checking that each stage comes after what it requires (E003)."""
        load_stage_modules()
        provided: list[str] = ["text", "source"]
        specs = []
        for name in stage_names:
            spec = self.spec(name)
            missing = [r for r in spec.requires if r not in provided]
            if missing:
                raise ConfigError(E_REQUIRES.format(stage=name, missing=missing, provided=provided))
            provided.extend(spec.provides)
            specs.append(spec)
        return specs


def make_params(spec: StageSpec, raw: dict[str, Any]) -> Any:
    """Typed parameters for a stage; unknown keys are an error, not silently ignored."""
    if spec.params is None:
        if raw:
            raise ConfigError(E_UNKNOWN_PARAM.format(stage=spec.name, keys=sorted(raw), known="nothing"))
        return None
    known = {f.name for f in dataclasses.fields(spec.params)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(E_UNKNOWN_PARAM.format(stage=spec.name, keys=unknown, known=sorted(known)))
    return spec.params(**raw)


REGISTRY = Registry()
register = REGISTRY.register


def load_stage_modules() -> None:
    importlib.import_module(STAGE_PACKAGE)
