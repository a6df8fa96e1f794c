"""The organisation knowledge base (models/orgs/kb/*.yaml): records validated once when loaded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import E_RESOURCE, ResourceError
from pipeline.knowledge.resources import Resources

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ENTITY_PREFIX = "org:"


@dataclass(frozen=True)
class OrgRecord:
    id: str
    name: str
    acronyms: tuple[str, ...] = ()
    parent: str | None = None
    kb: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def entity_id(self) -> str:
        return ENTITY_PREFIX + self.id


class KnowledgeBase:
    def __init__(self, records: list[OrgRecord]) -> None:
        self.records = {r.id: r for r in records}

    def __len__(self) -> int:
        return len(self.records)

    def by_entity_id(self, entity_id: str) -> OrgRecord | None:
        if entity_id.startswith(ENTITY_PREFIX):
            return self.records.get(entity_id[len(ENTITY_PREFIX) :])
        return None

    @classmethod
    def load(cls, resources: Resources) -> "KnowledgeBase":
        return resources.memo(("kb",), lambda: cls(_load_records(resources)))


def _load_records(resources: Resources) -> list[OrgRecord]:
    kb_dir = resources.path("orgs/kb")
    records: list[OrgRecord] = []
    seen: dict[str, str] = {}
    for path in sorted(kb_dir.glob("*.yaml")) if kb_dir.exists() else []:
        rel = path.relative_to(resources.models_dir).as_posix()
        data = resources.yaml(rel) or []
        if not isinstance(data, list):
            raise ResourceError(E_RESOURCE.format(path=path, problem="expected a list of organisation records"))
        for i, raw in enumerate(data):
            rec = _record(raw, f"{path} record {i}")
            if rec.id in seen:
                raise ResourceError(E_RESOURCE.format(path=path, problem=f"id {rec.id!r} also in {seen[rec.id]}"))
            seen[rec.id] = rel
            records.append(rec)
    ids = {r.id for r in records}
    for r in records:
        if r.parent and r.parent not in ids:
            raise ResourceError(E_RESOURCE.format(path=kb_dir, problem=f"{r.id}: unknown parent {r.parent!r}"))
    return records


def _record(raw: Any, where: str) -> OrgRecord:
    if not isinstance(raw, dict):
        raise ResourceError(E_RESOURCE.format(path=where, problem="a record must be a mapping"))
    unknown = set(raw) - {"id", "name", "acronyms", "parent", "kb", "names", "short_forms"}
    if unknown:
        raise ResourceError(E_RESOURCE.format(path=where, problem=f"unknown field(s) {sorted(unknown)}"))
    rid = raw.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        raise ResourceError(E_RESOURCE.format(path=where, problem=f"bad id {rid!r}"))
    if not isinstance(raw.get("name"), str):
        raise ResourceError(E_RESOURCE.format(path=where, problem=f"{rid}: missing name"))

    def per_lang(value: Any) -> dict[str, tuple[str, ...]]:
        if not value:
            return {}
        if not isinstance(value, dict):
            raise ResourceError(E_RESOURCE.format(path=where, problem=f"{rid}: names must map language -> list"))
        return {lang: tuple(str(v) for v in (vals or [])) for lang, vals in sorted(value.items())}

    return OrgRecord(
        id=rid,
        name=raw["name"],
        acronyms=tuple(str(a) for a in (raw.get("acronyms") or [])),
        parent=raw.get("parent"),
        kb=dict(raw.get("kb") or {}),
        names=per_lang(raw.get("names")),
        short_forms=per_lang(raw.get("short_forms")),
    )
