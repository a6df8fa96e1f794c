"""Command line: ``pipeline run``, ``pipeline evaluate``, ``pipeline export``, ``pipeline diff``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.errors import PipelineError

ROOT = Path(__file__).resolve().parent.parent


EXIT_SOME_FAILED = 3  # the batch finished and its datasets were written, but some documents failed


def _terminate_cleanly() -> None:
    """SIGTERM unwinds like Ctrl-C, so temporary files are removed and previous outputs stay intact."""
    import signal

    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, handler)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ie-pipeline")
def main() -> None:
    """Extract organisations, dates, events and agreements from multilingual documents into JSONL datasets."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path), help="Directory for the JSONL datasets.")
@click.option("--config", "config_path", default=None, type=click.Path(path_type=Path), help="params.yaml to use (default: the project's).")
@click.option("--models", "models_dir", default=None, type=click.Path(path_type=Path), help="models/ directory (default: the project's).")
@click.option("--strict", is_flag=True, help="Stop at the first document that fails (exit 1, previous outputs untouched).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256), help="Worker processes for the per-document stages.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Run per-document stages locally or on a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://host:8786) for --executor dask.")
@click.option("--no-cache", is_flag=True, help="Re-extract every document instead of reusing cached results.")
@click.option("--cache-dir", default=None, type=click.Path(path_type=Path), help="Per-document cache (default: OUT/.cache).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def run(paths: tuple[Path, ...], out_dir: Path, config_path: Path | None, models_dir: Path | None, strict: bool,
        jobs: int, executor: str, scheduler: str | None, no_cache: bool, cache_dir: Path | None, quiet: bool) -> None:
    """Run the pipeline over PATHS (files or folders; default: corpus/) and write datasets to --out."""
    from pipeline.config import load_config
    from pipeline.errors import InputError
    from pipeline.knowledge.resources import Resources
    from pipeline.runtime.runner import RunOptions
    from pipeline.runtime.runner import run as run_pipeline

    if executor == "dask" and not scheduler:
        _fail("--executor dask needs --scheduler ADDRESS")
    options = RunOptions(jobs=jobs, executor=executor, scheduler=scheduler, cache_dir=cache_dir, use_cache=not no_cache, strict=strict)
    from pipeline.runtime.runner import StrictFailure

    _terminate_cleanly()
    try:
        config = load_config(config_path)
        resources = Resources(models_dir)
        report = run_pipeline(list(paths) or [Path("corpus")], out_dir, config, resources,
                              progress=None if quiet else _progress(), options=options)
    except StrictFailure as exc:
        click.echo(f"error: --strict: {exc}; nothing written", err=True)
        sys.exit(1)
    except (PipelineError, InputError) as exc:
        _fail(str(exc))
        return
    if not quiet:
        _summary(report, out_dir)
    for f in report.failed:
        click.echo(f"failed: {f['source']}: {f['error']} ({f['action']})", err=True)
    if report.failed:
        sys.exit(EXIT_SOME_FAILED)


@main.command()
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path, exists=True, file_okay=False), help="Folder of gold *.jsonl files.")
@click.option("--pred", "pred_dir", required=True, type=click.Path(path_type=Path, exists=True, file_okay=False), help="Output folder of a run.")
@click.option("--metrics", "metrics_path", default="metrics.json", show_default=True, type=click.Path(path_type=Path), help="Where to write the scores (a DVC metric).")
@click.option("--plots", "plots_path", default=None, type=click.Path(path_type=Path), help="Where to write F1 by type x language rows (a DVC plot).")
@click.option("--name", default="", help="A title for the table.")
def evaluate(gold_dir: Path, pred_dir: Path, metrics_path: Path, plots_path: Path | None, name: str) -> None:
    """Score a run's datasets against gold annotations: P/R/F1 per type x language and more."""
    import orjson

    from pipeline.review.evaluate import GoldError, plot_rows, render_table
    from pipeline.review.evaluate import evaluate as score
    from pipeline.datasets.export import write_outputs

    try:
        result = score(gold_dir, pred_dir)
    except GoldError as exc:
        _fail(str(exc))
        return
    click.echo(render_table(result, name or str(gold_dir)))
    opts = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    write_outputs(metrics_path.parent if str(metrics_path.parent) else Path("."), {metrics_path.name: orjson.dumps(result, option=opts) + b"\n"})
    if plots_path:
        write_outputs(plots_path.parent, {plots_path.name: orjson.dumps(plot_rows(result), option=opts) + b"\n"})


@main.command()
@click.argument("old", required=False, type=click.Path(path_type=Path))
@click.argument("new", required=False, type=click.Path(path_type=Path))
@click.option("--rev", default=None, help="Compare the datasets committed at this git revision (read through DVC's API or git) with NEW (default: output/).")
@click.option("--rerun", is_flag=True, help="Run the current code over the corpus into a temporary folder and compare output/ with it.")
@click.option("--corpus", "corpus_dir", default="corpus", show_default=True, type=click.Path(path_type=Path), help="Corpus for --rerun.")
@click.option("--out", "out_dir", default="output", show_default=True, help="Output folder (for --rev and --rerun).")
@click.option("--type", "types", multiple=True, help="Only these types (ORG, DATE, AGREEMENT, EVENT, LOC, ENTITY, AGREEMENT_RECORD, EVENT_RECORD).")
@click.option("--lang", "langs", multiple=True, help="Only these languages.")
@click.option("--doc", "docs", multiple=True, help="Only these documents (doc_id or source).")
@click.option("--kind", "kinds", multiple=True, help="Only these change kinds (added, removed, 'boundary changed', ...).")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("--html", "html_path", default=None, type=click.Path(path_type=Path), help="Write a self-contained review page.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when anything differs (for CI).")
def diff(old: Path | None, new: Path | None, rev: str | None, rerun: bool, corpus_dir: Path, out_dir: str, types, langs, docs,
         kinds, as_json: bool, html_path: Path | None, exit_code: bool) -> None:
    """Show what changed between two runs: OLD and NEW output folders, --rev REV, or --rerun."""
    import json as _json
    import tempfile

    from pipeline.review import diff as d

    try:
        if rerun:
            from pipeline.config import load_config
            from pipeline.runtime.runner import run as run_pipeline

            tmp = Path(tempfile.mkdtemp(prefix="pipeline-rerun-"))
            run_pipeline([corpus_dir], tmp, load_config())
            old_side, new_side = d.read_side(d.dir_reader(old or out_dir)), d.read_side(d.dir_reader(tmp))
        elif rev:
            old_side = d.read_side(d.rev_reader(rev, out_dir))
            new_side = d.read_side(d.dir_reader(old or new or out_dir))
        else:
            if not (old and new):
                _fail("give OLD and NEW output folders, or --rev REV, or --rerun")
            old_side, new_side = d.read_side(d.dir_reader(old)), d.read_side(d.dir_reader(new))
    except (FileNotFoundError, PipelineError) as exc:
        _fail(str(exc))
        return
    result = d.diff_sides(old_side, new_side).filtered(set(types), set(langs), set(docs), set(kinds))
    if as_json:
        click.echo(_json.dumps(result.as_json(), ensure_ascii=False, indent=1))
    else:
        d.render_terminal(result)
    if html_path:
        from pipeline.datasets.export import write_outputs

        write_outputs(html_path.parent, {html_path.name: d.render_html(result, old_side, new_side).encode("utf-8")})
        click.echo(f"review page: {html_path}", err=True)
    if exit_code and result.changes:
        sys.exit(1)


@main.command()
@click.argument("out_file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["plover"]), default="plover", show_default=True, help="Interchange format.")
@click.option("--datasets", default="output", show_default=True, type=click.Path(path_type=Path, exists=True, file_okay=False), help="Output folder of a run.")
def export(out_file: Path, fmt: str, datasets: Path) -> None:
    """Write the events of a run in an interchange format (PLOVER JSON lines)."""
    from pipeline.datasets.export import render_jsonl, write_outputs
    from pipeline.datasets.plover import plover_records

    records = plover_records(datasets)
    write_outputs(out_file.parent if str(out_file.parent) else Path("."), {out_file.name: render_jsonl(records)})
    click.echo(f"{len(records)} PLOVER records -> {out_file}", err=True)


def _progress():
    """A progress bar on a terminal; silence when output is redirected (CI, pipes, DVC)."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    def start():
        bar = Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed} documents"), TimeElapsedColumn(), transient=True)
        bar.start()
        task = bar.add_task("extracting", total=None)
        import atexit

        atexit.register(bar.stop)
        return lambda: bar.advance(task)

    return start


def _summary(report, out_dir: Path) -> None:
    counts = report.counts.get("datasets", {})
    parts = ", ".join(f"{n} {name}" for name, n in counts.items())
    c = report.cache
    click.echo(f"{report.documents} documents -> {out_dir}/: {parts}; {len(report.failed)} failed; "
               f"{c.new} new, {c.changed} changed, {c.reused} reused, {c.removed} removed; "
               f"{report.timings.get('total', 0):.2f}s", err=True)


if __name__ == "__main__":
    main()
