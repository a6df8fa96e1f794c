"""Benchmark: throughput and peak memory of the full pipeline at 1x, 10x and 100x the sample corpus, next to
a spaCy blank tokenisation pass (the floor of any spaCy-based pipeline) and dateparser's search_dates.

Run with `make bench`. Each corpus size runs in a fresh process so its peak RSS is its own. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1, 10, 100)


def build_corpus(factor: int, dest: Path) -> tuple[int, int]:
    """factor x the sample's document count, resampled with replacement (seeded); each copy made unique."""
    sample = sorted((ROOT / "corpus").glob("*.txt"))
    rng = random.Random(factor)
    dest.mkdir(parents=True, exist_ok=True)
    n = len(sample) * factor
    total = 0
    for i in range(n):
        src = sample[i % len(sample)] if factor == 1 else rng.choice(sample)
        text = src.read_text(encoding="utf-8") + f"\n\n[copy {i}]\n"
        (dest / f"d{i:05d}_{src.name}").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return n, total


def worker(corpus: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from pipeline.config import load_config
    from pipeline.runtime.runner import RunOptions, run

    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    t0 = time.perf_counter()
    report = run([corpus], out, load_config(), options=RunOptions(use_cache=True, cache_dir=out / ".cache"))
    elapsed = time.perf_counter() - t0
    return {"documents": report.documents, "seconds": elapsed, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "stage_seconds": {k: round(v, 3) for k, v in report.timings.items() if k.startswith("stage:")}}


def baselines(corpus: Path) -> dict:
    """spaCy blank tokenisation and dateparser over the same texts; the date stage alone for comparison."""
    sys.path.insert(0, str(ROOT))
    import spacy

    from pipeline.config import load_config
    from pipeline.stages.dates import search_dates_baseline
    from pipeline.ingest import iter_documents
    from pipeline.knowledge.resources import Resources
    from pipeline.runtime.runner import Extractor

    config = load_config()
    docs = [d for d in iter_documents([corpus], config.ingest)]
    lang_ex = Extractor(load_config(overrides={"stages": ["language"]}), Resources())
    docs = [lang_ex(d) for d in docs]
    nbytes = sum(len(d.text.encode("utf-8")) for d in docs)
    nlps = {}
    for d in docs:  # warm-up: pipelines built and run once before timing
        code = {"vi": "xx"}.get(d.lang, d.lang)
        if code not in nlps:
            nlps[code] = spacy.blank(code)
            nlps[code](d.text)
    t0 = time.perf_counter()
    for d in docs:
        nlps[{"vi": "xx"}.get(d.lang, d.lang)](d.text)
    spacy_s = time.perf_counter() - t0
    date_ex = Extractor(load_config(overrides={"stages": ["language", "tokenise", "dates"]}), Resources())
    seen = set()
    for d in docs:
        if d.lang not in seen:
            seen.add(d.lang)
            date_ex(d)
    t0 = time.perf_counter()
    for d in docs:
        date_ex(d)
    dates_stage_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        search_dates_baseline(d.text, d.lang)
    search_s = time.perf_counter() - t0
    return {"documents": len(docs), "mb": nbytes / 1e6, "spacy_blank_s": spacy_s, "date_stage_s": dates_stage_s,
            "search_dates_s": search_s}


def chart(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax1 = plt.subplots(figsize=(7, 4))
    x = [r["factor"] for r in rows]
    ax1.plot(x, [r["docs_per_s"] for r in rows], "o-", color="tab:blue", label="documents/s")
    ax1.set_xscale("log")
    ax1.set_xlabel("corpus size (x the sample)")
    ax1.set_ylabel("documents/s", color="tab:blue")
    ax2 = ax1.twinx()
    ax2.plot(x, [r["peak_rss_mb"] for r in rows], "s--", color="tab:red", label="peak RSS (MB)")
    ax2.set_ylabel("peak RSS (MB)", color="tab:red")
    ax2.set_ylim(0, max(r["peak_rss_mb"] for r in rows) * 1.3)
    ax1.set_title(f"Full pipeline throughput and peak memory ({os.cpu_count()} cores)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--baselines", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return
    if args.baselines:
        print(json.dumps(baselines(args.baselines)))
        return
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    rows = []
    for factor in (int(s) for s in args.sizes.split(",")):
        n, nbytes = build_corpus(factor, work / f"x{factor}")
        res = json.loads(subprocess.run([sys.executable, __file__, "--worker", str(work / f"x{factor}")], check=True,
                                        capture_output=True, text=True).stdout.strip().splitlines()[-1])
        rows.append({"factor": factor, "documents": n, "mb": round(nbytes / 1e6, 3), "seconds": round(res["seconds"], 2),
                     "docs_per_s": round(n / res["seconds"], 1), "mb_per_s": round(nbytes / 1e6 / res["seconds"], 3),
                     "peak_rss_mb": round(res["peak_rss_mb"], 1), "stage_seconds": res["stage_seconds"]})
        print(f"{factor}x: {rows[-1]}", file=sys.stderr)
    base_dir = work / ("x10" if (work / "x10").exists() else "x1")
    base = json.loads(subprocess.run([sys.executable, __file__, "--baselines", str(base_dir)], check=True,
                                     capture_output=True, text=True).stdout.strip().splitlines()[-1])
    one = rows[0]
    lines = [f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}. Full pipeline, cold per-document cache, one process.", "",
             "| corpus | documents | MB | seconds | documents/s | MB/s | peak RSS (MB) |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['factor']}x | {r['documents']} | {r['mb']} | {r['seconds']} | {r['docs_per_s']} | {r['mb_per_s']} | {r['peak_rss_mb']} |")
    ref = next((r for r in rows if r["documents"] == base["documents"]), one)
    lines += ["", f"Same texts, warm pipelines ({base['documents']} documents, {base['mb']:.3f} MB):", "",
              "| pass | seconds | MB/s |", "|---|---|---|",
              f"| spaCy blank tokenisation (floor) | {base['spacy_blank_s']:.3f} | {base['mb'] / base['spacy_blank_s']:.2f} |",
              f"| date stage (language + tokenise + dates) | {base['date_stage_s']:.3f} | {base['mb'] / base['date_stage_s']:.2f} |",
              f"| dateparser search_dates | {base['search_dates_s']:.3f} | {base['mb'] / base['search_dates_s']:.2f} |",
              f"| full pipeline (incl. loading, reconciliation, export) | {ref['seconds']} | {ref['mb_per_s']} |", "",
              f"Ratios: full pipeline / spaCy floor = {ref['seconds'] / base['spacy_blank_s']:.1f}x the time; "
              f"search_dates / date stage = {base['search_dates_s'] / base['date_stage_s']:.1f}x the time."]
    table = "\n".join(lines)
    print(table)
    out = ROOT / "bench"
    (out / "results.md").write_text(table + "\n", encoding="utf-8")
    (out / "results.json").write_text(json.dumps({"cores": os.cpu_count(), "sizes": rows, "baselines": base}, indent=1) + "\n", encoding="utf-8")
    chart(rows, out / "throughput.png")


if __name__ == "__main__":
    main()
