"""Benchmark inputs: single long documents and corpora of sample-sized documents, built from sample sentences.

Why synthetic: the sample has five documents, far too few and too short to show how cost grows with length or
corpus size. Documents are made by repeating sentences and headings of the sample and development documents
(never the frozen test set) of one language, with years shifted so copies are not identical, in paragraphs of
one to five sentences. Every build is seeded by the dataset's name, so a row measures the same text whichever
rows run with it. Sizes are UTF-8 bytes (1 MB = 10**6 bytes), so MB/s means the same for every script.
"""

from __future__ import annotations

import json
import random
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ar", "en", "fr", "vi")
SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+")
YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-3][0-9])(?![0-9])")
MIN_SENTENCE_WORDS = 4
FINAL = (".", "!", "?", "؟", "…", ":", "»", '"', ")")


@dataclass
class Pool:
    """Sentences and headings of one language, the units documents are built from."""

    sentences: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DatasetSpec:
    """One benchmark input: a single document (`lang`, `size_bytes`) or a corpus (`documents`)."""

    name: str
    kind: str  # "document" | "corpus"
    lang: str | None = None
    size_bytes: int = 0
    documents: int = 0


def source_files(root: Path = ROOT) -> list[Path]:
    """The sample and development documents; corpus/test/ is frozen and never read."""
    return sorted((root / "corpus").glob("*.txt")) + sorted((root / "corpus" / "dev").glob("*.txt"))


def identify(texts: list[str]) -> list[str]:
    """Language of each source file, with the same identifier the pipeline uses, limited to the four languages."""
    import py3langid

    py3langid.set_languages(list(LANGS))
    return [py3langid.classify(t)[0] for t in texts]


def build_pools(files: list[Path] | None = None) -> dict[str, Pool]:
    """Split every source file into sentences (of lines ending in final punctuation) and headings (other lines)."""
    files = source_files() if files is None else files
    texts = [f.read_text(encoding="utf-8") for f in files]
    pools = {lang: Pool() for lang in LANGS}
    for text, lang in zip(texts, identify(texts)):
        for line in (ln.strip() for ln in text.splitlines()):
            if not line:
                continue
            if not line.endswith(FINAL):
                pools[lang].headings.append(line)
            else:
                pools[lang].sentences.extend(p for p in SENTENCE_END.split(line) if len(p.split()) >= MIN_SENTENCE_WORDS)
    return pools


def vary(sentence: str, rng: random.Random) -> str:
    """Shift every year of the sentence by the same few years, so repeated sentences are not byte-identical."""
    shift = rng.randint(-6, 6)
    return YEAR.sub(lambda m: str(int(m.group(1)) + shift), sentence)


def paragraphs(pool: Pool, rng: random.Random):
    """Endless seeded stream of paragraphs: sometimes a heading, else one to five varied sentences."""
    while True:
        if pool.headings and rng.random() < 0.15:
            yield rng.choice(pool.headings)
        else:
            yield " ".join(vary(rng.choice(pool.sentences), rng) for _ in range(rng.randint(1, 5)))


def make_text(pool: Pool, size_bytes: int, rng: random.Random) -> str:
    """Paragraphs separated by blank lines until the next one would pass `size_bytes` (UTF-8)."""
    out: list[str] = []
    total = 0
    for para in paragraphs(pool, rng):
        n = len(para.encode("utf-8")) + 2
        if total + n > size_bytes:
            if out:
                return "\n\n".join(out) + "\n"
            continue  # the first paragraph alone is too long: draw another
        out.append(para)
        total += n
    raise AssertionError("unreachable")


def seed_for(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


def sample_sizes(root: Path = ROOT) -> tuple[int, int]:
    """Smallest and largest sample document (bytes): corpus documents are drawn between the two."""
    sizes = [p.stat().st_size for p in sorted((root / "corpus").glob("*.txt"))]
    return min(sizes), max(sizes)


def build(spec: DatasetSpec, dest: Path, pools: dict[str, Pool]) -> dict:
    """Write the dataset's .txt files under `dest` and a manifest (file -> language, total bytes)."""
    rng = random.Random(seed_for(spec.name))
    dest.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    if spec.kind == "document":
        files[f"{spec.name}.txt"] = spec.lang or "en"
        texts = [make_text(pools[spec.lang or "en"], spec.size_bytes, rng)]
    else:
        low, high = sample_sizes()
        texts = []
        for i in range(spec.documents):
            lang = LANGS[i % len(LANGS)]
            files[f"d{i:05d}_{lang}.txt"] = lang
            texts.append(make_text(pools[lang], rng.randint(low, high), rng))
    total = 0
    for fname, text in zip(files, texts):
        data = text.encode("utf-8")
        (dest / fname).write_bytes(data)
        total += len(data)
    manifest = {"name": spec.name, "files": files, "bytes": total, "documents": len(files)}
    (dest / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def ensure(spec: DatasetSpec, work: Path, pools_cache: dict) -> tuple[Path, dict]:
    """Build the dataset once per work folder; later rows on the same dataset reuse it."""
    dest = work / "data" / spec.name
    manifest_path = dest / "manifest.json"
    if manifest_path.exists():
        return dest, json.loads(manifest_path.read_text(encoding="utf-8"))
    if "pools" not in pools_cache:
        pools_cache["pools"] = build_pools()
    return dest, build(spec, dest, pools_cache["pools"])
