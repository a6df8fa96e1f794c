"""Per-document results cached by (document content and input metadata, extraction config, models, code).

A batch over a corpus where one document was added or changed re-extracts only that document. The key
covers exactly what the per-document stages read: the stage list and their parameters, the ingest
parameters, every file under models/ and the package's source; corpus-level settings (reconcile, evaluate) are not in it, so
changing them reuses every cached document.

An entry is JSON lines (``_entry_lines``): written and read one mention or event at a time, so storing and
reading back a long document never holds all its records as JSON text or dicts at once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import orjson

from pipeline import __version__
from pipeline.config import Config
from pipeline.document import Document, document_from_parts, document_head, event_to_dict, mention_to_dict


# Mention or event lines serialised per write: bounds the bytes held while a long document is stored.
WRITE_BLOCK = 2_000


def models_fingerprint(models_dir: Path) -> str:
    """Hash of every file under models/ (names and bytes): a changed lexicon changes it."""
    h = hashlib.sha256()
    for p in sorted(models_dir.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(models_dir).as_posix().encode())
            h.update(b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


# The code that decides what a document's extraction is. Review, datasets, runtime and the CLI are not in
# it: editing the diff page or the scorer must not invalidate every cached document.
EXTRACTION_CODE = ("document.py", "registry.py", "config.py", "text", "knowledge", "grammars", "stages")


def code_fingerprint() -> str:
    """Hash of the extraction code's source: a changed extractor invalidates what it extracted."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for name in EXTRACTION_CODE:
        target = root / name
        files = [target] if target.is_file() else sorted(target.rglob("*.py"))
        for p in files:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def extraction_fingerprint(config: Config, models_dir: Path) -> str:
    relevant = {
        "code": code_fingerprint(),
        "stages": config.stages,
        "ingest": asdict(config.ingest),
        "params": {name: config.stage_params.get(name, {}) for name in config.stages},
        "models": models_fingerprint(models_dir),
        "version": __version__,
    }
    return hashlib.sha256(orjson.dumps(relevant, option=orjson.OPT_SORT_KEYS)).hexdigest()


def document_key(doc: Document, fingerprint: str) -> str:
    given = {"lang": doc.lang if doc.lang_given else None, "published": doc.published, "title": doc.title,
             "url": doc.url, "meta": doc.meta}
    h = hashlib.sha256()
    h.update(doc.sha256.encode())
    h.update(orjson.dumps(given, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS))
    h.update(fingerprint.encode())
    return h.hexdigest()


@dataclass
class CacheStats:
    new: int = 0
    changed: int = 0
    reused: int = 0
    removed: int = 0
    extracted: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class DocCache:
    root: Path
    enabled: bool = True  # False: reuse nothing (results are still stored, for pass 2 and the next run)
    previous: dict[str, str] = field(default_factory=dict)  # source -> key, from the last run

    @classmethod
    def open(cls, root: Path, enabled: bool = True) -> "DocCache":
        cache = cls(root, enabled)
        manifest = root / "manifest.json"
        if enabled and manifest.exists():
            try:
                previous = orjson.loads(manifest.read_bytes())
            except (orjson.JSONDecodeError, OSError):
                previous = {}
            ok = isinstance(previous, dict) and all(isinstance(v, str) for v in previous.values())
            cache.previous = previous if ok else {}  # a wrong manifest only costs the new/changed counts
        return cache

    def _path(self, key: str) -> Path:
        return self.root / "docs" / key[:2] / f"{key}.json"

    def get(self, key: str) -> Document | None:
        """The stored result for ``key``, or None. Pass 2 always reads here: the cache is also the spool."""
        return self._read(key, None)

    def get_part(self, key: str, types: frozenset[str]) -> Document | None:
        """The stored result for ``key`` with only its mentions of ``types``, no sentences and no events: what
        corpus reconciliation reads, without building objects for the rest of a long document."""
        return self._read(key, types)

    def _read(self, key: str, types: frozenset[str] | None) -> Document | None:
        """The entry read a line at a time: only one mention or event is ever a dict (a whole-entry parse of a
        5 MB document held ~100 MB of dicts next to the objects built from them)."""
        p = self._path(key)
        if not p.exists():
            return None
        try:
            with open(p, "rb") as fh:
                head = orjson.loads(fh.readline())
                counts = _counts(head)
                mentions = _records(fh, counts[0])
                if types is None:
                    return document_from_parts(head, mentions, _records(fh, counts[1]))
                head["sentences"] = []
                return document_from_parts(head, (m for m in mentions if isinstance(m, dict) and m.get("type") in types), ())
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError, OSError):
            return None  # a damaged or wrongly shaped entry is re-extracted (and overwritten), never trusted

    def put(self, key: str, doc: Document) -> None:
        """Written atomically: an interrupted run leaves whole entries or none."""
        p = self._path(key)
        p.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(p, _entry_lines(doc))

    def put_entry(self, key: str, entry: bytes) -> None:
        """``put`` of an entry already encoded (``entry_bytes``), e.g. by the worker process that extracted it."""
        p = self._path(key)
        p.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(p, entry)

    def save_manifest(self, current: dict[str, str]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.root / "manifest.json", orjson.dumps(current, option=orjson.OPT_SORT_KEYS))


def _entry_lines(doc: Document) -> Iterator[bytes]:
    """A cache entry, one JSON record a line: the document's head with its mention and event counts, then each
    mention, then each event; written in blocks of lines, never as one string of the whole document."""
    head = document_head(doc)
    head["mentions"], head["events"] = len(doc.mentions), len(doc.events)
    yield orjson.dumps(head, option=orjson.OPT_APPEND_NEWLINE)
    del head
    for records, dump in ((doc.mentions, mention_to_dict), (doc.events, event_to_dict)):
        for k in range(0, len(records), WRITE_BLOCK):
            yield b"".join(orjson.dumps(dump(r), option=orjson.OPT_APPEND_NEWLINE) for r in records[k : k + WRITE_BLOCK])


def entry_bytes(doc: Document) -> bytes:
    """The bytes ``put`` writes for ``doc``, in one piece: what a worker process sends back instead of the document."""
    return b"".join(_entry_lines(doc))


def _counts(head: Any) -> tuple[int, int]:
    """The mention and event counts of an entry's head; an entry of another layout has none and is refused."""
    counts = head.get("mentions"), head.get("events")
    if not all(type(n) is int and n >= 0 for n in counts):
        raise ValueError("cached document: no record counts")
    return counts  # type: ignore[return-value]


def _records(fh: IO[bytes], n: int) -> Iterator[Any]:
    """The next ``n`` records of an entry, parsed one line at a time; a short entry is refused."""
    for _ in range(n):
        line = fh.readline()
        if not line:
            raise ValueError("cached document: truncated")
        yield orjson.loads(line)


def _atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Whole file or nothing; the temporary file is removed on any failure (disk full included)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for block in [data] if isinstance(data, bytes) else data:
                fh.write(block)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
