"""Benchmark (`make bench`): how the full pipeline's time and memory grow with document length and corpus size.

Rows: single documents of 100 KB, 1 MB and 5 MB in each language; corpora of 200, 1,000 and 10,000
sample-sized documents; 1,000 documents with `--jobs 2` and on a local Dask cluster (2 worker processes, one
thread each). Each row runs in a fresh process, so its peak RSS is its own, under a time limit, so a stage whose
cost grows with the square of the length marks its row "timeout" instead of hanging the run. In the same process,
after the run, the same texts are tokenised with spaCy blank pipelines: the ratio of the two throughputs is the
yardstick of issue 16 (target: the pipeline at >= 0.25x spaCy blank on the 200 documents).

    python bench/run_bench.py                  # every row, results into bench/ (long: see --list)
    python bench/run_bench.py --quick          # small rows only, results into a temporary folder
    python bench/run_bench.py --only doc-1m-vi --out bench   # refresh one row in bench/results.*
    python bench/run_bench.py --list           # the rows and their time limits

Inputs are built by bench/corpora.py; results are written by bench/report.py. Not a test.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import LANGS, DatasetSpec, ensure  # noqa: E402
from report import write_results  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
KB, MB = 1_000, 1_000_000


@dataclass(frozen=True)
class Row:
    """One measurement: a dataset, how it is run, and how long it may take (pipeline and spaCy pass together)."""

    name: str
    dataset: DatasetSpec
    jobs: int = 1
    executor: str = "local"  # local | dask
    timeout_s: int = 300
    quick: bool = False  # part of --quick


def _doc(size: int, label: str, lang: str, timeout_s: int, quick: bool = False) -> Row:
    name = f"doc-{label}-{lang}"
    return Row(name, DatasetSpec(name, "document", lang=lang, size_bytes=size), timeout_s=timeout_s, quick=quick)


def _corpus(n: int, label: str) -> DatasetSpec:
    return DatasetSpec(f"corpus-{label}", "corpus", documents=n)


def all_rows() -> list[Row]:
    """Every row, quick ones included, in the order of the table."""
    rows = [_doc(30 * KB, "30k", lang, 120, quick=True) for lang in LANGS]
    rows += [_doc(100 * KB, "100k", lang, 180) for lang in LANGS]
    rows += [_doc(1 * MB, "1m", lang, 300) for lang in LANGS]
    rows += [_doc(5 * MB, "5m", lang, 300) for lang in LANGS]
    c20, c200, c1k, c10k = _corpus(20, "20"), _corpus(200, "200"), _corpus(1_000, "1k"), _corpus(10_000, "10k")
    rows += [
        Row("corpus-20", c20, timeout_s=120, quick=True),
        Row("corpus-20-jobs2", c20, jobs=2, timeout_s=120, quick=True),
        Row("corpus-20-dask", c20, executor="dask", timeout_s=180, quick=True),
        Row("corpus-200", c200, timeout_s=300),
        Row("corpus-1k", c1k, timeout_s=600),
        Row("corpus-1k-jobs2", c1k, jobs=2, timeout_s=600),
        Row("corpus-1k-dask", c1k, executor="dask", timeout_s=600),
        Row("corpus-10k", c10k, timeout_s=1_800),
    ]
    return rows


def select(rows: list[Row], quick: bool, only: list[str]) -> list[Row]:
    """--only patterns (fnmatch, comma-separated) win; else the --quick rows; else every row but those."""
    if only:
        picked = [r for r in rows if any(fnmatch.fnmatchcase(r.name, p) for p in only)]
        if not picked:
            raise SystemExit(f"no row matches {only}; rows: {', '.join(r.name for r in rows)}")
        return picked
    if quick:
        return [r for r in rows if r.quick]
    return [r for r in rows if not r.quick]


class RssSampler:
    """Peak of the summed RSS of this process and all its children (pool or Dask workers), sampled 10x a second.

    ru_maxrss is exact but covers one process; workers live in other processes, so their memory is sampled."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self) -> int:
        import psutil

        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:  # a worker that just exited
                pass
        return total

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def spacy_blank_seconds(data: Path, manifest: dict[str, Any]) -> float:
    """Time spaCy blank pipelines (the languages the tokenise stage uses) take to tokenise the same texts.

    Pipelines are built and warmed before timing, and texts read beforehand: only tokenisation is timed."""
    import spacy

    from pipeline.config import load_config

    spacy_lang = getattr(load_config().typed.get("tokenise"), "spacy_lang", {"vi": "xx"})
    texts = [(spacy_lang.get(lang, lang), (data / f).read_text(encoding="utf-8")) for f, lang in manifest["files"].items()]
    nlps: dict[str, Any] = {}
    for code, text in texts:
        if code not in nlps:
            nlps[code] = spacy.blank(code)
            nlps[code]("warm up.")
        nlps[code].max_length = max(nlps[code].max_length, len(text) + 1)
    t0 = time.perf_counter()
    for code, text in texts:
        nlps[code](text)
    return time.perf_counter() - t0


def start_cluster(row: Row):
    """A local Dask cluster on the loopback interface, for the Dask rows; None for the others."""
    if row.executor != "dask":
        return None
    from distributed import LocalCluster

    return LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)


def pipeline_run(row: Row, data: Path, out: Path, scheduler: str | None) -> tuple[Any, float]:
    """One `pipeline run` through the library, timed from before the pipeline is imported (startup counts)."""
    t0 = time.perf_counter()
    from pipeline.config import load_config
    from pipeline.runtime.runner import RunOptions, run

    options = RunOptions(jobs=row.jobs, executor=row.executor, scheduler=scheduler, cache_dir=out / ".cache")
    report = run([data], out, load_config(), options=options)
    return report, time.perf_counter() - t0


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (pool workers; Dask workers once the cluster is
    closed): unlike wall time, it barely moves when other jobs share the machine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def row_worker(row: Row, data: Path, out: Path) -> dict[str, Any]:
    """Runs in the row's own process: the pipeline under the RSS sampler, then the spaCy pass."""
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    cluster = start_cluster(row)
    cluster_s = time.perf_counter() - t0
    try:
        with RssSampler() as rss:
            report, seconds = pipeline_run(row, data, out, cluster.scheduler_address if cluster else None)
    finally:
        if cluster is not None:
            cluster.close()
    main_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the spaCy pass
    cpu_s = cpu_seconds()
    spacy_s = spacy_blank_seconds(data, manifest)
    return {"seconds": seconds, "peak_rss_mb": max(rss.peak / 2**20, main_rss_mb), "peak_rss_main_mb": main_rss_mb,
            "spacy_blank_s": spacy_s, "cpu_s": round(cpu_s, 2), "extracted": report.documents, "failed": len(report.failed),
            "cluster_start_s": round(cluster_s, 3) if cluster_s > 0.01 else None,
            "timings": {k: round(v, 3) for k, v in sorted(report.timings.items())}}


def row_record(row: Row, manifest: dict[str, Any]) -> dict[str, Any]:
    """What every row reports whatever its outcome: its name, input and how it was run."""
    return {"name": row.name, "kind": row.dataset.kind, "lang": row.dataset.lang, "documents": manifest["documents"],
            "mb": round(manifest["bytes"] / MB, 4), "jobs": row.jobs, "executor": row.executor,
            "timeout_s": row.timeout_s, "load_average": round(os.getloadavg()[0], 2)}


def figures(record: dict[str, Any], res: dict[str, Any]) -> dict[str, Any]:
    """Throughputs and the spaCy ratio (pipeline documents/s / spaCy documents/s = spaCy s / pipeline s)."""
    s = res["seconds"]
    status = "ok" if res["failed"] == 0 and res["extracted"] == record["documents"] else "failed documents"
    return {**record, **res, "status": status, "seconds": round(s, 3), "docs_per_s": round(record["documents"] / s, 3),
            "mb_per_s": round(record["mb"] / s, 4), "peak_rss_mb": round(res["peak_rss_mb"], 1),
            "peak_rss_main_mb": round(res["peak_rss_main_mb"], 1), "spacy_blank_s": round(res["spacy_blank_s"], 4),
            "spacy_ratio": round(res["spacy_blank_s"] / s, 4)}


def run_limited(cmd: list[str], timeout_s: float, log: Path) -> tuple[str, str]:
    """Run `cmd` in its own process group; past `timeout_s` the whole group (pool or Dask workers too) is
    killed. Returns ("ok", stdout), ("timeout", "") or ("error (exit N, see LOG)", stdout)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True)
        try:
            stdout, _ = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return "timeout", ""
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # a worker left behind by a finished row must not slow the next one
    except ProcessLookupError:
        pass
    if proc.returncode != 0 or not stdout.strip():
        return f"error (exit {proc.returncode}, see {log})", stdout
    return "ok", stdout


def run_row(row: Row, work: Path, keep: bool) -> dict[str, Any]:
    """The row in a fresh process under its time limit; its datasets are removed afterwards unless --keep."""
    data, manifest = ensure(row.dataset, work, _POOLS)
    record = row_record(row, manifest)
    out = work / "out" / row.name
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--row", row.name, "--data", str(data), "--run-out", str(out)]
    status, stdout = run_limited(cmd, row.timeout_s, work / "logs" / f"{row.name}.log")
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
    if status != "ok":
        return {**record, "status": status}
    return figures(record, json.loads(stdout.strip().splitlines()[-1]))


_POOLS: dict[str, Any] = {}  # sentence pools, built once per benchmark run when a dataset is first needed


def machine() -> dict[str, Any]:
    """The conditions of the run: cores, Python, and the thread settings that change timings."""
    env = {k: os.environ[k] for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS") if k in os.environ}
    return {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "date": time.strftime("%Y-%m-%d %H:%M"), "env": env}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small rows only (< 2 minutes): checks the script works")
    ap.add_argument("--only", action="append", default=[], help="rows to run (names or fnmatch patterns, comma-separated)")
    ap.add_argument("--out", type=Path, help="results folder (default: bench/ for a full run, else a temporary folder)")
    ap.add_argument("--work", type=Path, help="folder for the generated inputs (default: a temporary folder, removed)")
    ap.add_argument("--timeout", type=int, help="time limit per row in seconds, for every row (default: per row)")
    ap.add_argument("--keep", action="store_true", help="keep generated inputs and each row's datasets")
    ap.add_argument("--list", action="store_true", help="list the rows and their time limits, run nothing")
    ap.add_argument("--row", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--run-out", type=Path, help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    rows = all_rows()
    if args.row:  # inside a row's own process
        row = next(r for r in rows if r.name == args.row)
        print(json.dumps(row_worker(row, args.data, args.run_out)))
        return
    only = [p for arg in args.only for p in arg.split(",") if p]
    chosen = select(rows, args.quick, only)
    if args.timeout:
        chosen = [replace(r, timeout_s=args.timeout) for r in chosen]
    if args.list:
        for r in chosen:
            print(f"{r.name:18} {r.dataset.kind:8} timeout {r.timeout_s:5d} s{'  (quick)' if r.quick else ''}")
        print(f"worst case (every row at its limit): {sum(r.timeout_s for r in chosen) / 60:.0f} min")
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    out = args.out or (BENCH_DIR if not (args.quick or only) else work / "results")
    results = {"machine": machine(), "rows": []}
    for row in chosen:
        t0 = time.perf_counter()
        results["rows"].append(run_row(row, work, args.keep))
        r = results["rows"][-1]
        print(f"{row.name}: {r['status']}, {r.get('seconds', '-')} s, {r.get('docs_per_s', '-')} docs/s, "
              f"peak {r.get('peak_rss_mb', '-')} MB, x spaCy {r.get('spacy_ratio', '-')} "
              f"(row took {time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    written = write_results(results, out, merge_existing=bool(only))
    print((out / "results.md").read_text(encoding="utf-8"))
    print("wrote " + ", ".join(map(str, written)), file=sys.stderr)
    if not (args.work or args.keep):
        shutil.rmtree(work / "data", ignore_errors=True)


if __name__ == "__main__":
    main()
