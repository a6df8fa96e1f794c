"""Reading documents: files or folder trees of .txt, .md, .html/.htm and .jsonl into ``Document`` records.

Every problem with one input becomes an ``InputError`` naming the file; the batch goes on.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import orjson

from pipeline.config import IngestParams
from pipeline.document import Document
from pipeline.errors import E_NO_INPUT, InputError, PipelineError


@dataclass(frozen=True)
class Source:
    path: Path
    rel: str  # POSIX path relative to the corpus root
    problem: str | None = None  # why it is reported and skipped instead of read (special file, outside link)


# What marks a folder as the output of a run: its datasets and their run.json. Such folders (and every
# folder given in ``exclude``: the current run's output and cache) are never walked as input.
RUN_MARKERS = ("run.json", "documents.jsonl")
# Bytes a character can take in any encoding we decode (UTF-8 and UTF-16 at most 4): reading
# ``max_chars * BYTES_PER_CHAR`` bytes is always enough for ``max_chars`` characters, and bounds memory.
BYTES_PER_CHAR = 4
# A JSONL line holds JSON-escaped text (``\uXXXX`` is 6 bytes a character, a surrogate pair 12).
JSONL_BYTES_PER_CHAR = 12


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
    _refuse_binary(data, source)
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


def _refuse_binary(head: bytes, source: str) -> None:
    """A file signature of a binary format (PDF, images, archives, executables) means no text to read."""
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(source, f"binary file ({kind}), no text layer to read")


def find_sources(paths: list[str | Path], params: IngestParams, exclude: Iterable[str | Path] = (),
                 follow_links: bool = False) -> list[Source]:
    """Every ingestible file under the given paths, in a stable order.

    Output folders (``exclude``, and any folder holding a run's datasets) are not walked; special files
    (pipes, devices, sockets) and links leaving the tree are listed with a problem so they are reported.
    """
    found: list[Source] = []
    exts = {e.lower() for e in params.extensions}
    skip = {_resolved(p) for p in exclude}
    for raw in paths:
        root = Path(raw)
        if (root.exists() and not root.is_dir()) or (root.is_symlink() and not root.exists()):
            found.append(Source(root, root.name))  # a file given by name (a special one is reported when read)
            continue
        if not root.is_dir():
            raise PipelineError(f"[E009] input path {root} does not exist")
        found.extend(_walk(root, exts, params, skip, follow_links))
    found.sort(key=lambda s: s.rel)
    if not found:
        raise PipelineError(E_NO_INPUT.format(paths=", ".join(str(p) for p in paths)))
    return found


def _resolved(p: str | Path) -> str:
    return os.path.realpath(p)


def is_run_folder(path: Path) -> bool:
    """A folder that holds a run's datasets (written by this tool): never read back as input."""
    return all((path / name).is_file() for name in RUN_MARKERS)


def _walk(root: Path, exts: set[str], params: IngestParams, skip: set[str], follow_links: bool) -> Iterator[Source]:
    top = _resolved(root)
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if d not in params.skip_dirs and not d.startswith(".")
                             and _resolved(here / d) not in skip and not is_run_folder(here / d))
        if here != root and is_run_folder(here):
            continue
        for name in sorted(filenames):
            p = here / name
            if p.suffix.lower() in exts:
                yield Source(p, p.relative_to(root).as_posix(), _problem(p, top, follow_links))


def _problem(p: Path, top: str, follow_links: bool) -> str | None:
    """Why a walked file is not read: a link out of the corpus tree, or not a regular file."""
    if p.is_symlink() and p.exists() and not follow_links:
        target = _resolved(p)
        if os.path.commonpath([top, target]) != top:
            return "symbolic link to a file outside the corpus folder (give --follow-links to read it)"
    try:
        mode = p.stat().st_mode
    except OSError:
        return None  # dangling link or vanished file: reported as unreadable when read
    return None if stat.S_ISREG(mode) else f"not a regular file ({_file_kind(mode)})"


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
             (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder"))
    return next((label for test, label in kinds if test(mode)), "special file")


def open_regular(path: Path, source: str) -> IO[bytes]:
    """Open for reading without blocking on a pipe, and only if it is a regular file (checked on the open file)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(source, f"unreadable: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(source, f"not a regular file ({_file_kind(mode)})")
    return os.fdopen(fd, "rb")


def read_capped(path: Path, source: str, cap: int) -> tuple[bytes, int]:
    """At most ``cap`` bytes of a regular file and its full size: memory stays bounded whatever the file."""
    with open_regular(path, source) as fh:
        size = os.fstat(fh.fileno()).st_size
        try:
            data = fh.read(cap)
        except OSError as exc:
            raise InputError(source, f"unreadable: {exc.strerror or exc}") from None
    return data, size


def _trim_partial_tail(data: bytes) -> bytes:
    """Drop a multi-byte character cut in half by the read cap (UTF-8 lead byte without all its continuations)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data[: len(data) // 2 * 2]
    for back in range(1, min(4, len(data)) + 1):
        b = data[-back]
        if b & 0xC0 == 0x80:
            continue
        if b >= 0xC0 and back < (2 if b < 0xE0 else 3 if b < 0xF0 else 4):
            return data[:-back]
        break
    return data


def read_source(src: Source, params: IngestParams) -> Iterator[Document | InputError]:
    """Documents from one file (several for .jsonl); an InputError for whatever cannot be read."""
    if src.problem:
        yield InputError(src.rel, src.problem)
        return
    suffix = src.path.suffix.lower()
    cap = params.max_chars * BYTES_PER_CHAR + BYTES_PER_CHAR
    try:
        if suffix == ".jsonl":
            yield from _jsonl_source(src, params)
            return
        data, size = read_capped(src.path, src.rel, cap)
        if size > len(data):
            data = _trim_partial_tail(data)
        text, encoding = decode(data, src.rel)
    except InputError as err:
        yield err
        return
    notes: list[str] = []
    if encoding != "utf-8":
        notes.append(f"decoded as {encoding}")
    published = None
    if suffix in (".html", ".htm"):
        try:
            title, published, text = _html_main_text(text)
        except Exception as exc:  # lxml/trafilatura on markup beyond repair
            yield InputError(src.rel, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
            return
        if not text.strip():
            yield InputError(src.rel, "HTML page without extractable main text")
            return
    else:
        title = None
    text = normalise_text(text, notes)
    published = normalise_published(published, notes)
    doc = Document(source=src.rel, text=text, title=title, published=published, meta={"encoding": encoding},
                   notes=notes)
    yield from _checked(doc, params, size if size > len(data) else None)


def _checked(doc: Document, params: IngestParams, file_bytes: int | None = None) -> Iterator[Document | InputError]:
    """Refuse empty documents; cut giant ones to ``max_chars`` (``file_bytes``: the file was read only in part)."""
    if not doc.text.strip():
        yield InputError(doc.source, "empty or whitespace-only document")
        return
    if file_bytes is not None:
        doc.notes.append(f"truncated from {file_bytes} bytes to {min(len(doc.text), params.max_chars)} characters")
        doc.text = doc.text[: params.max_chars]
    elif len(doc.text) > params.max_chars:
        doc.notes.append(f"truncated from {len(doc.text)} to {params.max_chars} characters")
        doc.text = doc.text[: params.max_chars]
    yield doc


def _html_main_text(html: str) -> tuple[str | None, str | None, str]:
    """Main text of a web page (navigation, menus and footers dropped), its title and its publication date.

    The date comes from the page's own metadata (``<meta property="article:published_time">``, JSON-LD
    ``datePublished``, ``<time>``...) as trafilatura reads it, without guessing from the URL or today's date;
    relative dates in the text are then resolved against it.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html, extensive=False)
    title = meta.title if meta is not None and meta.title else None
    published = meta.date if meta is not None and meta.date else None
    return title, published, text


def _jsonl_source(src: Source, params: IngestParams) -> Iterator[Document | InputError]:
    """Stream a JSONL file line by line (memory bounded by the longest line, itself capped)."""
    limit = params.max_chars * JSONL_BYTES_PER_CHAR + 65536
    with open_regular(src.path, src.rel) as fh:
        head = fh.peek(8192)[:8192] if hasattr(fh, "peek") else b""
        _refuse_binary(head, src.rel)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 JSONL: small enough to read whole
            text, _ = decode(fh.read(limit), src.rel)
            yield from _jsonl_documents(src, enumerate(text.splitlines(), start=1), params)
            return
        yield from _jsonl_documents(src, _jsonl_lines(fh, src.rel, limit), params)


def _jsonl_lines(fh: IO[bytes], source: str, limit: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text or the error for an over-long or undecodable line)."""
    lineno = 0
    while True:
        raw = fh.readline(limit)
        if not raw:
            return
        lineno += 1
        if len(raw) >= limit and not raw.endswith(b"\n"):
            while (rest := fh.readline(limit)) and not rest.endswith(b"\n"):
                pass  # skip the remainder of the over-long line without holding it
            yield lineno, InputError(f"{source}:{lineno}", f"line longer than {limit} bytes")
            continue
        try:
            yield lineno, raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError:
            try:
                yield lineno, decode(raw, f"{source}:{lineno}")[0]
            except InputError as err:
                yield lineno, err


def _jsonl_documents(src: Source, lines: Iterable[tuple[int, Any]], params: IngestParams) -> Iterator[Document | InputError]:
    for lineno, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
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
        yield from _checked(_jsonl_document(src, lineno, rec), params)


def _jsonl_document(src: Source, lineno: int, rec: dict[str, Any]) -> Document:
    """A document from one JSONL record, its optional fields checked and normalised (notes say what was done)."""
    ident = rec.get("id")
    if ident is not None and not isinstance(ident, (str, int)):
        ident = None
    source = f"{src.rel}#{safe_id(str(ident))}" if ident is not None else f"{src.rel}#L{lineno}"
    notes: list[str] = []
    lang = normalise_lang(rec.get("lang"), notes)
    return Document(
        source=source,
        text=normalise_text(rec["text"], notes),
        notes=notes,
        lang=lang,
        lang_given=lang is not None,
        title=_text_field(rec, "title", notes),
        published=normalise_published(rec.get("published"), notes),
        url=_text_field(rec, "url", notes),
        meta={"id": ident} if ident is not None else {},
    )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def safe_id(value: str, limit: int = 200) -> str:
    """An id or path safe to print on one log line: control and bidi characters escaped, length capped."""
    out = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    return out if len(out) <= limit else out[:limit] + "…"


_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$")


def normalise_lang(value: Any, notes: list[str]) -> str | None:
    """``EN``, ``en-US``, ``en_GB`` -> ``en`` (the primary language subtag); anything else is dropped with a note."""
    if value is None or value == "":
        return None
    match = _LANG.match(value.strip().lower()) if isinstance(value, str) else None
    if match is None:
        notes.append(f"ignored 'lang' value {safe_id(repr(value), 40)} (not a language code); language identified from the text")
        return None
    if match.group(1) != value:
        notes.append(f"'lang' {safe_id(value, 40)} read as {match.group(1)}")
    return match.group(1)


def _text_field(rec: dict[str, Any], key: str, notes: list[str]) -> str | None:
    value = rec.get(key)
    if value is None or isinstance(value, str):
        return value or None
    notes.append(f"ignored '{key}' ({type(value).__name__}, not a text)")
    return None


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_YEAR_IN = re.compile(r"\d{4}")
_PERIOD_FORMAT = {"year": "%Y", "month": "%Y-%m"}


def normalise_published(value: Any, notes: list[str]) -> str | None:
    """``published`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: ISO kept, other formats read by dateparser.

    Only values with a 4-digit year are read (so nothing depends on today's date); anything else is dropped
    with a note and the document is still extracted.
    """
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    text = value.strip() if isinstance(value, str) else ""
    if _ISO_DATE.match(text):
        return text
    parsed = _parse_date(text) if _YEAR_IN.search(text) else None
    if parsed is None:
        notes.append(f"ignored 'published' value {safe_id(repr(value), 60)} (not a date)")
        return None
    if parsed != text:
        notes.append(f"'published' {safe_id(text, 60)} read as {parsed}")
    return parsed


def _parse_date(text: str) -> str | None:
    try:
        from dateparser.date import DateDataParser

        data = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first"}).get_date_data(text)
    except Exception:  # noqa: BLE001 - dateparser missing or failing: the value is not a date
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.strftime(_PERIOD_FORMAT.get(data.period or "day", "%Y-%m-%d"))


def iter_documents(paths: list[str | Path], params: IngestParams, exclude: Iterable[str | Path] = (),
                   follow_links: bool = False) -> Iterator[Document | InputError]:
    for src in find_sources(paths, params, exclude, follow_links):
        yield from read_source(src, params)
