"""Command line: ``pipeline run``, ``pipeline evaluate``, ``pipeline export``, ``pipeline diff``."""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.runtime.threads import cap_blas_threads

cap_blas_threads()  # before anything can import numpy (py3langid): one BLAS thread per process

import click  # noqa: E402

from pipeline.errors import PipelineError  # noqa: E402

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
@click.option("--follow-links", is_flag=True, help="Read symbolic links that point outside the input folder (skipped and reported by default).")
@click.option("--wait", "lock_wait", default=0.0, show_default=True, type=click.FloatRange(0), help="Seconds to wait when another run holds --out.")
def run(paths: tuple[Path, ...], out_dir: Path, config_path: Path | None, models_dir: Path | None, strict: bool,
        jobs: int, executor: str, scheduler: str | None, no_cache: bool, cache_dir: Path | None, quiet: bool,
        follow_links: bool, lock_wait: float) -> None:
    """Run the pipeline over PATHS (files or folders; default: corpus/) and write datasets to --out."""
    from pipeline.config import load_config
    from pipeline.errors import InputError
    from pipeline.knowledge.resources import Resources
    from pipeline.runtime.runner import RunOptions
    from pipeline.runtime.runner import run as run_pipeline

    if executor == "dask" and not scheduler:
        _fail("--executor dask needs --scheduler ADDRESS")
    options = RunOptions(jobs=jobs, executor=executor, scheduler=scheduler, cache_dir=cache_dir, use_cache=not no_cache,
                         strict=strict, follow_links=follow_links, lock_wait=lock_wait)
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
    except OSError as exc:  # disk full, permissions: temporary files are gone, previous datasets intact
        click.echo(f"error: cannot write {out_dir}: {exc.strerror or exc}; previous datasets kept", err=True)
        sys.exit(1)
    if not quiet and not report.kept_previous:
        _summary(report, out_dir)
    for f in report.failed:
        click.echo(f"failed: {f['source']}: {f['error']} ({f['action']})", err=True)
    if report.kept_previous:
        click.echo(f"every document failed: the datasets in {out_dir}/ were left as they were", err=True)
    if report.failed:
        sys.exit(EXIT_SOME_FAILED)


@main.command()
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path, exists=True, file_okay=False), help="Folder of gold *.jsonl files.")
@click.option("--pred", "pred_dir", required=True, type=click.Path(path_type=Path, exists=True, file_okay=False), help="Output folder of a run.")
@click.option("--metrics", "metrics_path", default="metrics.json", show_default=True, type=click.Path(path_type=Path),
              help="A folder: one small DVC metric file per language (F1 per type). A .json file: the full result.")
@click.option("--detail", "detail_path", default=None, type=click.Path(path_type=Path), help="Full result (P/R/F1 exact and overlap, counts, linking, problems); not a DVC metric.")
@click.option("--plots", "plots_path", default=None, type=click.Path(path_type=Path), help="F1 by type x language: .svg writes a chart that renders offline; .json writes rows for a DVC data plot.")
@click.option("--errors", "errors_path", default=None, type=click.Path(path_type=Path), help="List every miss, false alarm, boundary and DATE value error with context (.jsonl: JSON lines; else text).")
@click.option("--name", default="", help="A title for the table.")
def evaluate(gold_dir: Path, pred_dir: Path, metrics_path: Path, detail_path: Path | None, plots_path: Path | None,
             errors_path: Path | None, name: str) -> None:
    """Score a run's datasets against gold annotations: P/R/F1 per type x language and more."""
    from pipeline.review.evaluate import GoldError, render_table
    from pipeline.review.evaluate import evaluate as score

    errors: list[dict] | None = [] if errors_path else None
    try:
        result = score(gold_dir, pred_dir, errors)
    except GoldError as exc:
        _fail(str(exc))
        return
    click.echo(render_table(result, name or str(gold_dir)))
    _write_scores(result, metrics_path, detail_path, plots_path, name or str(gold_dir))
    if errors_path and errors is not None:
        _write_errors(errors, errors_path)


def _write_file(path: Path, data: bytes) -> None:
    from pipeline.datasets.export import write_outputs

    write_outputs(path.parent if str(path.parent) else Path("."), {path.name: data})


def _write_scores(result: dict, metrics_path: Path, detail_path: Path | None, plots_path: Path | None, title: str) -> None:
    """The DVC metrics folder (one small file per language; files of languages no longer scored removed),
    the full result, and the plot (SVG chart or JSON rows)."""
    import orjson

    from pipeline.datasets.export import write_outputs
    from pipeline.review.evaluate import metric_files, plot_rows, render_svg

    opts = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    if metrics_path.suffix == ".json":
        _write_file(metrics_path, orjson.dumps(result, option=opts) + b"\n")
    else:
        files = metric_files(result)
        write_outputs(metrics_path, files)
        for stale in sorted(set(p.name for p in metrics_path.glob("*.json")) - set(files)):
            (metrics_path / stale).unlink()
    if detail_path:
        _write_file(detail_path, orjson.dumps(result, option=opts) + b"\n")
    if plots_path and plots_path.suffix == ".svg":
        _write_file(plots_path, render_svg(result, title).encode("utf-8"))
    elif plots_path:
        _write_file(plots_path, orjson.dumps(plot_rows(result), option=opts) + b"\n")


def _write_errors(errors: list[dict], path: Path) -> None:
    from pipeline.datasets.export import render_jsonl
    from pipeline.review.evaluate import render_errors, sort_errors

    data = render_jsonl(sort_errors(errors)) if path.suffix == ".jsonl" else render_errors(errors).encode("utf-8")
    _write_file(path, data)
    click.echo(f"{len(errors)} errors -> {path}", err=True)


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
@click.option("--format", "fmt", type=click.Choice(["plover", "label-studio", "spacy", "brat"]), default="plover", show_default=True,
              help="plover: events as PLOVER JSON lines; label-studio: tasks with predictions (JSON); spacy: a DocBin (.spacy); brat: OUT_FILE is a folder of .txt/.ann pairs.")
@click.option("--datasets", default="output", show_default=True, type=click.Path(path_type=Path, exists=True, file_okay=False), help="Output folder of a run.")
def export(out_file: Path, fmt: str, datasets: Path) -> None:
    """Write a run in an interchange format: PLOVER events, Label Studio tasks, a spaCy DocBin or brat files."""
    from pipeline.datasets.export import render_jsonl, write_outputs

    if fmt == "plover":
        from pipeline.datasets.plover import plover_records

        records = plover_records(datasets)
        write_outputs(out_file.parent if str(out_file.parent) else Path("."), {out_file.name: render_jsonl(records)})
        click.echo(f"{len(records)} PLOVER records -> {out_file}", err=True)
        return
    try:
        _export_annotations(out_file, fmt, datasets)
    except PipelineError as exc:
        _fail(str(exc))


def _export_annotations(out_file: Path, fmt: str, datasets: Path) -> None:
    from pipeline import __version__
    from pipeline.datasets.gold_import import read_run

    docs = read_run(datasets)
    if fmt == "label-studio":
        import json

        from pipeline.datasets import labelstudio

        data = json.dumps(labelstudio.tasks(docs, f"ie-pipeline {__version__}"), ensure_ascii=False, indent=1)
        config = out_file.with_name(out_file.stem + ".label_config.xml")
        _write_file(out_file, data.encode("utf-8") + b"\n")
        _write_file(config, labelstudio.label_config().encode("utf-8"))
        click.echo(f"{len(docs)} Label Studio tasks -> {out_file} (labelling interface: {config})", err=True)
    elif fmt == "spacy":
        from pipeline.datasets.spacy_docbin import write_docbin

        click.echo(f"{write_docbin(docs, out_file)} spaCy docs -> {out_file}", err=True)
    else:
        from pipeline.datasets.brat import write_brat

        click.echo(f"{write_brat(docs, out_file)} brat documents -> {out_file}/", err=True)


@main.command()
@click.option("--from", "source_format", type=click.Choice(["label-studio", "brat"]), required=True, help="Format of the corrected annotations.")
@click.argument("annotations", type=click.Path(path_type=Path, exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Folder for gold *.jsonl files (corpus/gold format).")
def gold(source_format: str, annotations: Path, out_dir: Path) -> None:
    """Turn corrected annotations (a Label Studio JSON export, or a folder of brat pairs) into gold files."""
    from pipeline.datasets.gold_import import write_gold

    try:
        if source_format == "label-studio":
            from pipeline.datasets.labelstudio import read_export

            records, texts = read_export(annotations)
        else:
            from pipeline.datasets.brat import read_brat

            records, texts = read_brat(annotations)
        written = write_gold(records, out_dir, texts)
    except PipelineError as exc:
        _fail(str(exc))
        return
    click.echo(f"{sum(written.values())} gold records in {len(written)} files -> {out_dir}/", err=True)


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
