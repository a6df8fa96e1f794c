"""Language resources under models/, loaded once per process and shared by every stage.

One ``Resources`` object is made per run (or per worker process) and handed to each stage's constructor;
nothing is loaded at import time and nothing is loaded per document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import E_RESOURCE, ResourceError
from pipeline.knowledge.schemas import SchemaIndex, load_yaml_text, validate

# Installed package data first (a wheel ships models/ as pipeline/_data/models), then the checkout's models/.
_INSTALLED_MODELS = Path(__file__).resolve().parents[1] / "_data" / "models"
DEFAULT_MODELS = _INSTALLED_MODELS if _INSTALLED_MODELS.is_dir() else Path(__file__).resolve().parents[2] / "models"


class Resources:
    def __init__(self, models_dir: str | Path | None = None) -> None:
        self.models_dir = Path(models_dir) if models_dir else DEFAULT_MODELS
        self._yaml: dict[str, Any] = {}
        self._cache: dict[tuple[str, ...], Any] = {}
        self._schemas: SchemaIndex | None = None

    def path(self, rel: str) -> Path:
        return self.models_dir / rel

    def yaml(self, rel: str, default: Any = None) -> Any:
        """Parsed YAML file under models/ (cached). ``default`` when the file does not exist."""
        if rel not in self._yaml:
            p = self.path(rel)
            if not p.exists():
                if default is not None:
                    return default
                raise ResourceError(E_RESOURCE.format(path=p, problem="file not found"))
            try:
                data = load_yaml_text(p.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise ResourceError(E_RESOURCE.format(path=p, problem=f"invalid YAML: {exc}")) from None
            if self._schemas is None:
                self._schemas = SchemaIndex.load(self.models_dir)
            validate(rel, data, self._schemas.schema_for(rel)[1], p)
            self._yaml[rel] = data
        return self._yaml[rel]

    def per_language(self, filename: str) -> dict[str, Any]:
        """``{lang: parsed models/<lang>/<filename>}`` for every language folder that has the file."""
        key = ("per_language", filename)
        if key not in self._cache:
            found = {}
            for d in sorted(self.models_dir.iterdir()):
                if d.is_dir() and (d / filename).exists() and len(d.name) <= 3:
                    found[d.name] = self.yaml(f"{d.name}/{filename}")
            self._cache[key] = found
        return self._cache[key]

    def memo(self, key: tuple[str, ...], build: Any) -> Any:
        """Build an expensive derived object (matcher, automaton, spaCy pipeline) once per process."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]
