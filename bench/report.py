"""Benchmark results as files: results.json (every figure), results.md (the table the README includes) and a chart
of time against input size on log-log axes with a slope-1 reference line (linear cost runs parallel to it).

Kept apart from the timing code so the writer can be tested on a small fake results dict, without running
anything. Rows that timed out or failed stay in the table with their status instead of figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CHART_NAME = "throughput.png"
TARGET_SPACY_RATIO = 0.25  # full-pipeline docs/s / spaCy blank docs/s on the 200-document corpus
TARGET_JOBS2_SPEEDUP = 1.7  # --jobs 2 against --jobs 1 on 1,000 documents
TARGET_PER_MB_GROWTH = 4.5 / 4  # 1 MB -> 4 MB at most 4.5x the time: time per MB grows at most 1.125x
TARGET_5MB_SECONDS = 60.0
TARGET_5MB_RSS_MB = 400.0
TARGET_10K_RSS_MB = 300.0

COLUMNS = ("row", "input", "documents", "MB", "seconds", "CPU s", "documents/s", "MB/s", "peak RSS (MB)",
           "spaCy blank (s)", "x spaCy throughput")


def _num(value: Any, digits: int, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:.{digits}f}{unit}"


def describe(row: dict[str, Any]) -> str:
    """What the row ran, in words: the input and how it was run."""
    if row["kind"] == "document":
        what = f"one {row.get('lang')} document"
    else:
        what = f"{row['documents']:,} documents"
    how = {"dask": "Dask, 2 workers"}.get(row.get("executor", "local"), f"--jobs {row.get('jobs', 1)}")
    return f"{what}, {how}"


def table_row(row: dict[str, Any]) -> str:
    """One Markdown row; a row that did not finish shows its status in place of its figures."""
    head = [row["name"], describe(row), f"{row['documents']:,}", _num(row.get("mb"), 3)]
    if row.get("status") != "ok":
        status = row.get("status", "not run")
        if status == "timeout":
            status = f"timeout (> {row.get('timeout_s')} s)"
        return "| " + " | ".join(head + [status] + [""] * (len(COLUMNS) - len(head) - 1)) + " |"
    ratio = row.get("spacy_ratio")
    cells = [_num(row["seconds"], 2), _num(row.get("cpu_s"), 1), _num(row["docs_per_s"], 2), _num(row["mb_per_s"], 3),
             _num(row["peak_rss_mb"], 1), _num(row.get("spacy_blank_s"), 3), _num(ratio, 3, "x")]
    return "| " + " | ".join(head + cells) + " |"


def _by_name(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in results.get("rows", [])}


def _ok(rows: dict[str, dict[str, Any]], name: str) -> dict[str, Any] | None:
    row = rows.get(name)
    return row if row and row.get("status") == "ok" else None


def _verdict(value: float | None, target: float, higher_is_better: bool) -> str:
    if value is None:
        return "not measured"
    met = value >= target if higher_is_better else value <= target
    return "met" if met else "NOT met"


def throughput_targets(rows: dict[str, dict[str, Any]]) -> list[str]:
    """The issue's throughput targets: spaCy ratio on 200 documents, --jobs 2 speed-up on 1,000."""
    lines = []
    c200 = _ok(rows, "corpus-200")
    ratio = c200.get("spacy_ratio") if c200 else None
    lines.append(f"- Full pipeline / spaCy blank throughput, 200 documents: {_num(ratio, 3, 'x')} "
                 f"(target >= {TARGET_SPACY_RATIO}x: {_verdict(ratio, TARGET_SPACY_RATIO, True)})")
    one, two = _ok(rows, "corpus-1k"), _ok(rows, "corpus-1k-jobs2")
    speedup = one["seconds"] / two["seconds"] if one and two else None
    lines.append(f"- `--jobs 2` speed-up on 1,000 documents: {_num(speedup, 2, 'x')} "
                 f"(target >= {TARGET_JOBS2_SPEEDUP}x: {_verdict(speedup, TARGET_JOBS2_SPEEDUP, True)})")
    dask = _ok(rows, "corpus-1k-dask")
    if one and dask:
        lines.append(f"- Dask (2 workers) speed-up on 1,000 documents: {one['seconds'] / dask['seconds']:.2f}x")
    return lines


def length_targets(rows: dict[str, dict[str, Any]]) -> list[str]:
    """Per language: time per MB from 1 MB to 5 MB, the 5 MB time and its peak memory; then 10,000 documents."""
    lines = []
    langs = sorted({r["lang"] for r in rows.values() if r["kind"] == "document" and r.get("lang")})
    for lang in langs:
        small, big = _ok(rows, f"doc-1m-{lang}"), _ok(rows, f"doc-5m-{lang}")
        growth = (big["seconds"] / big["mb"]) / (small["seconds"] / small["mb"]) if small and big else None
        seconds, rss = (big["seconds"], big["peak_rss_mb"]) if big else (None, None)
        lines.append(f"- {lang}: time per MB at 5 MB / at 1 MB {_num(growth, 2, 'x')} (flat = 1; target <= "
                     f"{TARGET_PER_MB_GROWTH:.3f}: {_verdict(growth, TARGET_PER_MB_GROWTH, False)}); 5 MB in "
                     f"{_num(seconds, 1)} s (target < {TARGET_5MB_SECONDS:.0f} s: "
                     f"{_verdict(seconds, TARGET_5MB_SECONDS, False)}), peak RSS {_num(rss, 0)} MB (target < "
                     f"{TARGET_5MB_RSS_MB:.0f} MB: {_verdict(rss, TARGET_5MB_RSS_MB, False)})")
    big_corpus = _ok(rows, "corpus-10k")
    rss = big_corpus["peak_rss_mb"] if big_corpus else None
    lines.append(f"- Peak RSS, 10,000 documents: {_num(rss, 0)} MB (target < {TARGET_10K_RSS_MB:.0f} MB: "
                 f"{_verdict(rss, TARGET_10K_RSS_MB, False)})")
    return lines


def markdown(results: dict[str, Any]) -> str:
    """The table, the issue's targets with met / NOT met, and the chart link."""
    m = results.get("machine", {})
    rows = results.get("rows", [])
    lines = [f"Machine: {m.get('cores', '?')} cores, Python {m.get('python', '?')}; run {m.get('date', '?')}. "
             "Full pipeline (`pipeline run`, cold per-document cache), each row in a fresh process; seconds include "
             "loading, reconciliation and export; CPU s adds the workers' CPU time and, unlike seconds, hardly changes when "
             "other jobs share the machine. Peak RSS includes worker processes. spaCy blank: "
             "`spacy.blank(lang)` tokenisation of the same texts in the same process after the run (pipelines "
             "built before timing); x spaCy throughput = pipeline documents/s / spaCy blank documents/s.", "",
             "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += [table_row(r) for r in rows]
    named = _by_name(results)
    lines += ["", "Targets of issue 16:", ""] + throughput_targets(named) + length_targets(named)
    lines += ["", f"![time against input size, log-log, with a slope-1 reference]({CHART_NAME})", "",
              "The chart's slope-1 line goes through the smallest finished row: with a fixed startup cost a linear "
              "pipeline stays on or under it as sizes grow; a cost growing faster than the length climbs above it. "
              "Red triangles are rows stopped at their time limit (the true time is higher)."]
    return "\n".join(lines) + "\n"


def chart(results: dict[str, Any], path: Path) -> bool:
    """Time against MB on log-log axes, one series per kind of input, and a slope-1 line through the
    smallest finished point; peak RSS against MB beside it. Returns False when matplotlib is missing."""
    try:
        import matplotlib
    except ImportError:
        return False
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker  # noqa: F401  (matplotlib.ticker.FuncFormatter below)

    done = [r for r in results.get("rows", []) if r.get("status") == "ok" and r.get("mb")]
    fig, (ax, ax_rss) = plt.subplots(1, 2, figsize=(11, 4.2))
    for label, series in _series(done).items():
        xs, ys = zip(*sorted((r["mb"], r["seconds"]) for r in series))
        ax.plot(xs, ys, "o-", label=label)
        ax_rss.plot(xs, [r["peak_rss_mb"] for r in sorted(series, key=lambda r: r["mb"])], "s--", label=label)
    _timeouts(ax, results)
    if done:
        anchor = min(done, key=lambda r: r["mb"])
        top = max(r["mb"] for r in results.get("rows", []) if r.get("mb"))
        xs = [anchor["mb"], top]
        ax.plot(xs, [anchor["seconds"] * x / anchor["mb"] for x in xs], ":", color="grey", label="slope 1 (linear)")
    ax.set(xscale="log", yscale="log", xlabel="input size (MB, log)", ylabel="seconds (log)",
           title="Full pipeline time against input size")
    ax_rss.set(xscale="log", xlabel="input size (MB, log)", ylabel="peak RSS (MB)", title="Peak memory")
    ax_rss.set_ylim(bottom=0)
    plain = matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}")
    for axis in (ax.xaxis, ax.yaxis, ax_rss.xaxis):
        axis.set_major_formatter(plain)
        axis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.legend(fontsize=7)
    ax_rss.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def _series(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Single documents per language; serial corpora together; each parallel way of running on its own."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r["kind"] == "document":
            key = f"one document ({r.get('lang')})"
        elif r.get("executor") == "dask":
            key = "corpus, Dask 2 workers"
        else:
            key = f"corpus, --jobs {r.get('jobs', 1)}"
        out.setdefault(key, []).append(r)
    return out


def _timeouts(ax, results: dict[str, Any]) -> None:
    """A timed-out row is drawn at its time limit with an upward triangle: the true time is above it."""
    late = [r for r in results.get("rows", []) if r.get("status") == "timeout" and r.get("mb")]
    if late:
        ax.plot([r["mb"] for r in late], [r["timeout_s"] for r in late], "^", color="red", label="timeout (lower bound)")


def merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Rows of `new` replace rows of the same name in `old` (so `--only ROW` can refresh one row); the
    machine description is the newer one; the row order is old rows first, new ones appended."""
    if "rows" not in old:  # results of the older benchmark script: nothing to keep
        return new
    rows = {r["name"]: r for r in old["rows"]}
    rows.update({r["name"]: r for r in new.get("rows", [])})
    return {**old, **new, "rows": list(rows.values())}


def write_results(results: dict[str, Any], out_dir: Path, merge_existing: bool = False, with_chart: bool = True) -> list[Path]:
    """results.json, results.md and (with_chart, when matplotlib is installed) the chart under `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "results.json"
    if merge_existing and json_path.exists():
        results = merge(json.loads(json_path.read_text(encoding="utf-8")), results)
    json_path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path = out_dir / "results.md"
    md_path.write_text(markdown(results), encoding="utf-8")
    written = [json_path, md_path]
    if with_chart and chart(results, out_dir / CHART_NAME):
        written.append(out_dir / CHART_NAME)
    return written
