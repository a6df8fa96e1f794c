"""Every file under models/ is checked against a schema when it is loaded.

A typo in a lexicon (a list where a mapping belongs, a misspelt key nobody reads) should stop the run with
the file and the place named, not silently change what is extracted. The schemas are data too
(models/schemas/*.yaml, JSON Schema written in YAML), and models/schemas/index.yaml says which schema
validates which file.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster on the knowledge base
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from pipeline.errors import E_RESOURCE, ResourceError

INDEX = "schemas/index.yaml"


def load_yaml_text(text: str) -> Any:
    """Parse YAML with the fastest safe loader available."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader


@dataclass
class SchemaIndex:
    """Globs (relative to models/) -> schema documents, first match wins; None = not validated."""

    entries: list[tuple[str, dict[str, Any] | None]]

    @classmethod
    def load(cls, models_dir: Path) -> "SchemaIndex":
        index_path = models_dir / INDEX
        if not index_path.exists():
            return cls([])
        entries = []
        for item in load_yaml_text(index_path.read_text(encoding="utf-8")) or []:
            schema = item.get("schema")
            doc = load_yaml_text((models_dir / "schemas" / schema).read_text(encoding="utf-8")) if schema else None
            entries.append((item["glob"], doc))
        return cls(entries)

    def schema_for(self, rel: str) -> tuple[bool, dict[str, Any] | None]:
        """(has an entry, schema) for a path relative to models/."""
        for glob, schema in self.entries:
            if fnmatch.fnmatchcase(rel, glob):
                return True, schema
        return False, None


def validate(rel: str, data: Any, schema: dict[str, Any] | None, path: Path) -> None:
    """Raise a coded ResourceError naming the file and the first offending place."""
    if schema is None:
        return
    import jsonschema  # imported here: only needed when a file is loaded for the first time

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise ResourceError(E_RESOURCE.format(path=path, problem=f"at {where}: {err.message}"))
