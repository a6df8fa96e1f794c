"""The benchmark script's own machinery on tiny inputs: the table, targets and chart writer on a fake results
dict, the row selection, the seeded document builder and the per-row time limit. Nothing here times the
pipeline; speed is measured by `make bench`, never asserted."""

from __future__ import annotations

import importlib
import json
import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(BENCH))
    try:
        yield {name: importlib.import_module(name) for name in ("report", "corpora", "run_bench")}
    finally:
        sys.path.remove(str(BENCH))


def _row(name, kind="corpus", documents=200, mb=1.2, seconds=10.0, status="ok", lang=None, **extra):
    row = {"name": name, "kind": kind, "lang": lang, "documents": documents, "mb": mb, "jobs": 1, "executor": "local",
           "timeout_s": 300, "status": status}
    if status == "ok":
        row.update(seconds=seconds, docs_per_s=documents / seconds, mb_per_s=mb / seconds, cpu_s=seconds * 0.9, peak_rss_mb=180.0,
                   spacy_blank_s=seconds * 0.3, spacy_ratio=0.3)
    row.update(extra)
    return row


def _fake_results():
    return {"machine": {"cores": 2, "python": "3.11.7", "date": "2026-01-01 00:00"}, "rows": [
        _row("doc-1m-vi", kind="document", documents=1, mb=1.0, seconds=20.0, lang="vi"),
        _row("doc-5m-vi", kind="document", documents=1, mb=5.0, status="timeout", lang="vi"),
        _row("corpus-200", documents=200, mb=1.25, seconds=8.0),
        _row("corpus-1k", documents=1000, mb=6.5, seconds=30.0),
        _row("corpus-1k-jobs2", documents=1000, mb=6.5, seconds=20.0, jobs=2),
    ]}


def test_table_gives_figures_of_finished_rows_and_the_limit_of_timed_out_ones(bench):
    md = bench["report"].markdown(_fake_results())
    assert "| corpus-200 | 200 documents, --jobs 1 | 200 | 1.250 | 8.00 | 7.2 | 25.00 | 0.156 | 180.0 | 2.400 | 0.300x |" in md
    assert "| doc-5m-vi | one vi document, --jobs 1 | 1 | 5.000 | timeout (> 300 s) |  |  |  |  |  |  |" in md
    assert "| corpus-1k-jobs2 | 1,000 documents, --jobs 2 |" in md
    assert "corpus-10k" not in md.split("Targets")[0]


def test_targets_say_met_and_not_met_from_the_rows(bench):
    md = bench["report"].markdown(_fake_results())
    assert "- Full pipeline / spaCy blank throughput, 200 documents: 0.300x (target >= 0.25x: met)" in md
    assert "- `--jobs 2` speed-up on 1,000 documents: 1.50x (target >= 1.7x: NOT met)" in md
    assert "- vi: time per MB at 5 MB / at 1 MB n/a (flat = 1; target <= 1.125: not measured)" in md
    assert "- Peak RSS, 10,000 documents: n/a MB (target < 300 MB: not measured)" in md


def test_writer_merges_a_refreshed_row_into_existing_results(bench, tmp_path):
    report = bench["report"]
    report.write_results(_fake_results(), tmp_path, with_chart=False)
    refreshed = {"machine": {"cores": 2}, "rows": [_row("doc-5m-vi", kind="document", documents=1, mb=5.0, seconds=40.0, lang="vi")]}
    report.write_results(refreshed, tmp_path, merge_existing=True, with_chart=False)
    rows = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["rows"]
    assert [r["name"] for r in rows] == ["doc-1m-vi", "doc-5m-vi", "corpus-200", "corpus-1k", "corpus-1k-jobs2"]
    assert rows[1]["status"] == "ok" and rows[1]["seconds"] == 40.0
    assert "- vi: time per MB at 5 MB / at 1 MB 0.40x (flat = 1; target <= 1.125: met); 5 MB in 40.0 s" in (
        tmp_path / "results.md").read_text(encoding="utf-8")


def test_chart_is_a_png_when_matplotlib_is_installed(bench, tmp_path):
    pytest.importorskip("matplotlib")
    written = bench["report"].write_results(_fake_results(), tmp_path)
    assert [p.name for p in written] == ["results.json", "results.md", "throughput.png"]
    assert (tmp_path / "throughput.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_only_picks_rows_by_pattern_and_quick_rows_stay_out_of_the_full_run(bench):
    rb = bench["run_bench"]
    rows = rb.all_rows()
    assert [r.name for r in rb.select(rows, False, ["doc-5m-*"])] == ["doc-5m-ar", "doc-5m-en", "doc-5m-fr", "doc-5m-vi"]
    full = [r.name for r in rb.select(rows, False, [])]
    assert "corpus-1k-dask" in full and "corpus-10k" in full and not any(r.quick for r in rb.select(rows, False, []))
    assert all(r.quick for r in rb.select(rows, True, []))
    with pytest.raises(SystemExit):
        rb.select(rows, False, ["no-such-row"])


def test_built_document_is_seeded_and_stays_under_its_size(bench):
    corpora = bench["corpora"]
    pool = corpora.Pool(sentences=["The ASEAN Regional Forum met in Jakarta in July 2019.",
                                   "Le Conseil de sécurité s'est réuni à New York en 2021."],
                        headings=["Press release"])
    one = corpora.make_text(pool, 5_000, random.Random(7))
    assert one == corpora.make_text(pool, 5_000, random.Random(7))
    assert 4_000 < len(one.encode("utf-8")) <= 5_000
    assert len(set(one.split("\n\n"))) > 3  # years shifted, sentences regrouped: not one paragraph repeated


def test_sources_never_include_the_frozen_test_set(bench):
    files = bench["corpora"].source_files()
    assert files and not any("test" in p.relative_to(BENCH.parent / "corpus").parts for p in files)


def test_row_past_its_time_limit_is_reported_as_timeout(bench, tmp_path):
    status, out = bench["run_bench"].run_limited([sys.executable, "-c", "import time; time.sleep(60)"], 0.5,
                                                 tmp_path / "row.log")
    assert (status, out) == ("timeout", "")
    status, out = bench["run_bench"].run_limited([sys.executable, "-c", "print('{}')"], 30, tmp_path / "row.log")
    assert (status, out.strip()) == ("ok", "{}")


def test_years_of_a_varied_sentence_move_together(bench):
    varied = bench["corpora"].vary("The ASEAN-UN Plan of Action 2016-2020 was adopted in 2016.", random.Random(3))
    years = [int(y) for y in bench["corpora"].YEAR.findall(varied)]
    assert len(years) == 3 and years[1] - years[0] == 4 and years[2] == years[0]
    assert bench["corpora"].vary("No year here, only 45 delegates.", random.Random(3)) == "No year here, only 45 delegates."
