"""Reading documents: files or folder trees of .txt, .md, .html/.htm and .jsonl into ``Document`` records.

Every problem with one input becomes an ``InputError`` naming the file; the batch goes on.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import orjson

from pipeline.config import IngestParams
from pipeline.document import Document
from pipeline.errors import E_NO_INPUT, InputError, PipelineError


@dataclass(frozen=True)
class Source:
    path: Path
    rel: str  # POSIX path relative to the corpus root


# Invisible format characters that break matching and carry no content: zero-width space/joiners, word
# joiner, soft hyphen, inner BOMs, and bidi marks, embeddings, overrides and isolates.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Arabic presentation forms (legacy PDF/Word exports): folded to the base letters with NFKC, only there.
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")
# File signatures of binary formats that can arrive with a text extension.
_MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
          b"PK\x03\x04": "ZIP/Office archive", b"\x7fELF": "executable"}


def normalise_text(text: str, notes: list[str] | None = None) -> str:
    """The canonical text every offset indexes: no BOM, ``\\n`` line endings, NFC, no invisible controls."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, n_invisible = _INVISIBLE.subn("", text)
    text, n_forms = _PRESENTATION.subn(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if notes is not None and n_invisible:
        notes.append(f"removed {n_invisible} zero-width/bidi control characters")
    if notes is not None and n_forms:
        notes.append(f"folded {n_forms} runs of Arabic presentation forms")
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as UTF-8, else as the encoding charset-normalizer detects; returns (text, encoding)."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"binary file ({kind}), no text layer to read")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "not valid UTF-8 and no text encoding could be detected")
    return str(best), best.encoding


def find_sources(paths: list[str | Path], params: IngestParams) -> list[Source]:
    """Every ingestible file under the given paths, in a stable order."""
    found: list[Source] = []
    exts = {e.lower() for e in params.extensions}
    for raw in paths:
        root = Path(raw)
        if root.is_file() or (root.is_symlink() and not root.exists()):
            found.append(Source(root, root.name))
            continue
        if not root.is_dir():
            raise PipelineError(f"[E009] input path {root} does not exist")
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in params.skip_dirs and not d.startswith("."))
            for name in sorted(filenames):
                p = Path(dirpath) / name
                if p.suffix.lower() in exts:
                    found.append(Source(p, p.relative_to(root).as_posix()))
    found.sort(key=lambda s: s.rel)
    if not found:
        raise PipelineError(E_NO_INPUT.format(paths=", ".join(str(p) for p in paths)))
    return found


def read_source(src: Source, params: IngestParams) -> Iterator[Document | InputError]:
    """Documents from one file (several for .jsonl); an InputError for whatever cannot be read."""
    try:
        data = src.path.read_bytes()
    except OSError as exc:
        yield InputError(src.rel, f"unreadable: {exc.strerror or exc}")
        return
    try:
        text, encoding = decode(data, src.rel)
    except InputError as err:
        yield err
        return
    suffix = src.path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_documents(src, text, params)
        return
    notes: list[str] = []
    if encoding != "utf-8":
        notes.append(f"decoded as {encoding}")
    if suffix in (".html", ".htm"):
        try:
            title, text = _html_main_text(text)
        except Exception as exc:  # lxml/trafilatura on markup beyond repair
            yield InputError(src.rel, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
            return
        if not text.strip():
            yield InputError(src.rel, "HTML page without extractable main text")
            return
    else:
        title = None
    text = normalise_text(text, notes)
    yield from _checked(Document(source=src.rel, text=text, title=title, meta={"encoding": encoding}, notes=notes), params)


def _checked(doc: Document, params: IngestParams) -> Iterator[Document | InputError]:
    if not doc.text.strip():
        yield InputError(doc.source, "empty or whitespace-only document")
        return
    if len(doc.text) > params.max_chars:
        doc.notes.append(f"truncated from {len(doc.text)} to {params.max_chars} characters")
        doc.text = doc.text[: params.max_chars]
    yield doc


def _html_main_text(html: str) -> tuple[str | None, str]:
    """Main text of a web page (navigation, menus and footers dropped) and its title."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None and meta.title else None
    return title, text


def _jsonl_documents(src: Source, text: str, params: IngestParams) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{src.rel}:{lineno}"
        try:
            rec = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON line: {exc}")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield InputError(where, "a JSONL document needs an object with a string 'text' field")
            continue
        ident = rec.get("id")
        source = f"{src.rel}#{ident}" if ident is not None else f"{src.rel}#L{lineno}"
        lang = rec.get("lang")
        notes: list[str] = []
        doc = Document(
            source=source,
            text=normalise_text(rec["text"], notes),
            notes=notes,
            lang=lang if isinstance(lang, str) and lang else None,
            lang_given=bool(lang),
            title=rec.get("title"),
            published=rec.get("published"),
            url=rec.get("url"),
            meta={"id": ident} if ident is not None else {},
        )
        yield from _checked(doc, params)


def iter_documents(paths: list[str | Path], params: IngestParams) -> Iterator[Document | InputError]:
    for src in find_sources(paths, params):
        yield from read_source(src, params)
