"""The output folder of a run: checked before anything is written, and locked while a run writes into it.

``--out`` must be a new or empty folder, or the folder of an earlier run (updated in place): never the
corpus itself, ``/``, a file, or a folder holding things this tool did not write (their ``.*.tmp`` files
included). One run at a time writes into a folder; a second one is told who holds it.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from pipeline.datasets.export import JOURNAL, RUN_FILES
from pipeline.errors import E_BAD_OUT, E_LOCKED, PipelineError
from pipeline.ingest import is_run_folder

CACHE_DIR = ".cache"
LOCK_FILE = "lock"  # under OUT/.cache: hidden, and ignored by git with the cache
_OWN_HIDDEN = tuple(f".{name}." for name in RUN_FILES) + (JOURNAL, ".gitignore")


def check_output_folder(out: Path, inputs: list[Path]) -> None:
    """Raise a coded error (exit 2) unless ``out`` is a folder this run may write into."""
    real = Path(os.path.realpath(out))
    if real == Path(real.anchor):
        raise PipelineError(E_BAD_OUT.format(path=out, problem="is the root of the file system"))
    if out.exists() and not out.is_dir():
        raise PipelineError(E_BAD_OUT.format(path=out, problem="is a file, not a folder"))
    for src in inputs:
        if src.is_dir() and Path(os.path.realpath(src)) == real:
            raise PipelineError(E_BAD_OUT.format(path=out, problem=f"is the input folder {src} itself"))
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir() if not _ours(p))
        if foreign:
            shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
            raise PipelineError(E_BAD_OUT.format(path=out, problem=f"holds files this tool did not write ({shown})"))


def _ours(p: Path) -> bool:
    """Written by a run: datasets, run.json, the cache, our hidden bookkeeping, or a folder of nothing else."""
    name = p.name
    if name in RUN_FILES or name == CACHE_DIR or name.startswith(_OWN_HIDDEN):
        return True
    if not p.is_dir() or p.is_symlink():
        return False
    return is_run_folder(p) or all(_ours(child) for child in p.iterdir())  # nested run folders, even emptied


class OutputLock:
    """An exclusive ``flock`` on OUT/.cache/lock, released when the run ends (or its process dies)."""

    def __init__(self, out: Path, wait_seconds: float = 0.0) -> None:
        self.path = out / CACHE_DIR / LOCK_FILE
        self.wait_seconds = wait_seconds
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise PipelineError(E_LOCKED.format(path=self.path.parent.parent, holder=holder)) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "a process that did not say its id"
