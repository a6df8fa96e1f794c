"""The JSONL datasets: records built from documents, sorted, and written atomically.

Same input and config give byte-identical files: records are sorted, ids come from content, and nothing
here reads the clock, the environment or absolute paths.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

import jsonlines
import orjson

from pipeline.datasets.schema import MENTION_ATTRS, SCHEMA_VERSION
from pipeline.document import Document, Event, Mention, short_hash

DATASETS = ("documents", "mentions", "entities", "events", "agreements")


def dumps(obj: Any) -> str:
    return orjson.dumps(obj).decode("utf-8")


def mention_id(doc_id: str, m: Mention) -> str:
    return "m-" + short_hash(doc_id, m.type, m.start, m.end)


def event_id(doc_id: str, e: Event) -> str:
    return "ev-" + short_hash(doc_id, e.type, e.trigger.start, e.trigger.end)


def versioned(record: dict[str, Any]) -> dict[str, Any]:
    """The record with the contract's version first: readers can check it before anything else."""
    return {"schema_version": SCHEMA_VERSION, **record}


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "source": doc.source,
        "sources": sorted(doc.meta.get("duplicate_sources", [])) or [doc.source],
        "lang": doc.lang,
        "title": doc.title,
        "published": doc.published,
        "url": doc.url,
        "sha256": doc.sha256,
        "chars": len(doc.text),
        "text": doc.text,
    }


def mention_record(doc: Document, m: Mention, known_id: str | None = None) -> dict[str, Any]:
    """The mention's line; ``known_id``: its ``mention_id`` when the caller already hashed it (to sort by it)."""
    rec: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "mention_id": known_id if known_id is not None else mention_id(doc.doc_id, m),
        "doc_id": doc.doc_id,
        "type": m.type,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "lang": m.lang,
        "value": m.value,
        "entity_id": m.entity_id,
        "extractor": m.extractor,
        "confidence": round(float(m.confidence), 4),
    }
    for key in MENTION_ATTRS.get(m.type, ()):  # documented fields only; other attrs are internal
        if key in m.attrs:
            rec[key] = m.attrs[key]
    return rec


def event_record(doc: Document, e: Event, known_id: str | None = None) -> dict[str, Any]:
    """The event's line; ``known_id``: its ``event_id`` when the caller already hashed it (to sort by it)."""
    sent = doc.sentences[e.trigger.sentence] if 0 <= e.trigger.sentence < len(doc.sentences) else None
    rec = {
        "schema_version": SCHEMA_VERSION,
        "event_id": known_id if known_id is not None else event_id(doc.doc_id, e),
        "canonical_id": e.canonical_id,
        "doc_id": doc.doc_id,
        "type": e.type,
        "status": e.status,
        "plover": e.plover,
        "trigger": {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end},
        "date": e.date,
        "participants": list(e.participants),
        "agreements": list(e.agreements),
        "location": e.location,
        "sentence": e.trigger.sentence,
        "evidence": doc.text[sent.start : sent.end] if sent else None,
        "lang": doc.lang,
        "confidence": round(float(e.confidence), 4),
    }
    return rec


def doc_records(doc: Document) -> tuple[dict, list[dict], list[dict]]:
    """The document's line and its mention and event lines, each sorted by position."""
    return document_record(doc), list(mention_records(doc)), list(event_records(doc))


def mention_records(doc: Document) -> Iterator[dict[str, Any]]:
    """Mention lines sorted by (start, end, type, mention id), built one at a time as they are written: a long
    document's mentions are sorted as objects, never held as a list of records."""
    doc_id = doc.doc_id
    order = sorted(((m.start, m.end, m.type, mention_id(doc_id, m)), i) for i, m in enumerate(doc.mentions))
    for key, i in order:  # the index breaks ties as the stable sort of the records did; key[3]: the id, hashed once
        yield mention_record(doc, doc.mentions[i], key[3])


def event_records(doc: Document) -> Iterator[dict[str, Any]]:
    """Event lines sorted by (trigger start, trigger end, event id), built one at a time."""
    doc_id = doc.doc_id
    order = sorted(((e.trigger.start, e.trigger.end, event_id(doc_id, e)), i) for i, e in enumerate(doc.events))
    for key, i in order:
        yield event_record(doc, doc.events[i], key[2])


# Files a run writes into its output folder, and the hidden names of its own bookkeeping there.
RUN_FILES = tuple(f"{n}.jsonl" for n in DATASETS) + ("run.json",)
JOURNAL = ".commit.json"
_OWN_TEMP = re.compile(r"^\.(?P<name>[^/]+)\.(?:[a-z0-9_]{6,}\.tmp|prev)$")


class DatasetWriter:
    """Streams records into temporary files next to the outputs; ``commit`` puts them all in place as one unit.

    Until ``commit``, the previous outputs are untouched, so an interrupted run (Ctrl-C, SIGTERM, a crash)
    leaves them as they were. ``commit`` keeps a hard-linked copy of each previous file and writes a journal
    before the renames: a failure between two renames puts the previous files back, and a process killed
    there is completed by ``recover`` on the next run, so readers never keep a mix of old and new datasets.
    Temporary files are removed on every failure, a full disk included.
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.staged: dict[str, Path] = {}
        self.writers: dict[str, Any] = {}  # dataset file name -> its open binary temporary file

    def remove_stale(self) -> None:
        """This tool's temporary files that a killed run (SIGKILL, power loss) could not clean up; nothing else."""
        recover(self.out)
        for p in self.out.iterdir():
            m = _OWN_TEMP.match(p.name)
            if m and m.group("name") in RUN_FILES and p.is_file():
                p.unlink(missing_ok=True)

    def _tmp(self, name: str) -> tuple[int, Path]:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.out)
        self.staged[name] = Path(tmp)
        os.fchmod(fd, 0o644)
        return fd, Path(tmp)

    def write(self, dataset: str, record: dict) -> None:
        """One line: orjson's UTF-8 bytes written as they are. Why not a text file and ``jsonlines.Writer``: the
        same bytes, but each line was decoded to ``str`` and encoded back, and pass 2 writes tens of thousands
        of lines in the one process a ``--jobs`` run cannot parallelise."""
        self.write_encoded(dataset, orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))

    def write_encoded(self, dataset: str, data: bytes) -> None:
        """Lines already encoded as ``write`` encodes them (``runner.Rendered``: by a pass-2 worker process)."""
        fh = self.writers.get(f"{dataset}.jsonl")
        if fh is None:
            fd, _ = self._tmp(f"{dataset}.jsonl")
            fh = self.writers[f"{dataset}.jsonl"] = os.fdopen(fd, "wb")
        fh.write(data)

    def write_all(self, dataset: str, records: Iterable[dict]) -> None:
        for r in records:
            self.write(dataset, r)
        if f"{dataset}.jsonl" not in self.writers:  # an empty dataset is still a file
            self.write_bytes(f"{dataset}.jsonl", b"")

    def write_bytes(self, name: str, data: bytes) -> None:
        fd, _ = self._tmp(name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    def _close_writers(self) -> None:
        for fh in self.writers.values():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        self.writers.clear()

    def commit(self) -> None:
        """Every staged file in place, or (on failure) every previous file back in place."""
        self._close_writers()
        plan = sorted(self.staged.items())
        existed = {name for name, _ in plan if (self.out / name).exists()}
        for name in existed:
            backup = self.out / f".{name}.prev"
            backup.unlink(missing_ok=True)
            try:
                os.link(self.out / name, backup)
            except OSError:  # a file system without hard links
                shutil.copy2(self.out / name, backup)
        _write_journal(self.out, [(tmp.name, name) for name, tmp in plan])
        try:
            for name, tmp in plan:
                os.replace(tmp, self.out / name)
        except BaseException:
            _roll_back(self.out, [name for name, _ in plan], existed)
            raise
        _fsync_dir(self.out)
        _finish(self.out, [name for name, _ in plan])
        self.staged.clear()

    def abort(self) -> None:
        """Close and remove whatever is still staged; never raises (it runs while another error unwinds)."""
        for fh in self.writers.values():
            try:
                fh.close()
            except OSError:
                pass  # disk full: the buffered tail cannot be written, the file is removed below
        self.writers.clear()
        for tmp in self.staged.values():
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        self.staged.clear()


def _write_journal(out: Path, renames: list[tuple[str, str]]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f"{JOURNAL}.", suffix=".tmp", dir=out)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(orjson.dumps({"renames": renames}))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out / JOURNAL)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(out)


def _roll_back(out: Path, names: list[str], existed: set[str]) -> None:
    """Put every previous file back (from its hard-linked copy); remove the ones that did not exist before."""
    for name in names:
        backup = out / f".{name}.prev"
        if name in existed and backup.exists():
            os.replace(backup, out / name)
            backup.unlink(missing_ok=True)  # rename between two links of one file does nothing: drop the copy
        elif name not in existed:
            (out / name).unlink(missing_ok=True)
    (out / JOURNAL).unlink(missing_ok=True)


def _finish(out: Path, names: list[str]) -> None:
    (out / JOURNAL).unlink(missing_ok=True)
    for name in names:
        (out / f".{name}.prev").unlink(missing_ok=True)


def recover(out: str | Path) -> bool:
    """Complete a commit that a killed process left half done (the journal is written only once every new
    file is complete, so finishing its renames is always safe). True when there was one to complete."""
    out = Path(out)
    journal = out / JOURNAL
    if not journal.exists():
        return False
    try:
        renames = orjson.loads(journal.read_bytes())["renames"]
    except (orjson.JSONDecodeError, KeyError, TypeError, OSError):
        renames = []
    for tmp_name, name in renames:
        if (out / tmp_name).exists() and "/" not in tmp_name + name:
            os.replace(out / tmp_name, out / name)
    _finish(out, [name for _, name in renames])
    return True


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def render_jsonl(records: Iterable[dict]) -> bytes:
    buf = io.StringIO()
    with jsonlines.Writer(buf, dumps=dumps, flush=False) as writer:
        writer.write_all(records)
    return buf.getvalue().encode("utf-8")


def write_outputs(out_dir: str | Path, files: dict[str, bytes]) -> None:
    """Write whole files atomically (all renamed into place only once all are written)."""
    writer = DatasetWriter(out_dir)
    try:
        for name, data in files.items():
            writer.write_bytes(name, data)
        writer.commit()
    finally:
        writer.abort()
