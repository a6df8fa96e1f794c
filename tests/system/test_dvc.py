"""DVC reproduces the datasets offline on a fresh clone; a second repro has nothing to do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_dvc_repro_on_fresh_clone_then_nothing_to_do(tmp_path):
    dvc = Path(sys.executable).parent / "dvc"
    if not dvc.exists():
        pytest.skip("the dvc extra is not installed")
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "DVC_NO_ANALYTICS": "1"}
    first = subprocess.run([str(dvc), "repro"], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    second = subprocess.run([str(dvc), "repro"], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0 and "Data and pipelines are up to date." in second.stdout, second.stdout
    metrics = subprocess.run([str(dvc), "metrics", "show", "--json"], cwd=clone, env=env, capture_output=True, text=True, timeout=120)
    assert metrics.returncode == 0 and "metrics/sample/all.json" in metrics.stdout
    shutil.rmtree(clone, ignore_errors=True)


LANGS = ("ar", "de", "en", "es", "fr", "id", "pt", "ru", "vi")  # more languages than today: the width must not grow


def _scored_run(tmp_path: Path) -> tuple[Path, Path]:
    """Gold and predictions in nine languages, each with an ORG, a DATE, an AGREEMENT and an EVENT."""
    import json

    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    text = "UNESCO signed the Paris Agreement on 3 May 2021."
    spans = {"ORG": (0, 6), "EVENT": (7, 13), "AGREEMENT": (18, 33), "DATE": (37, 47)}
    docs, mentions = [], []
    for lang in LANGS:
        docs.append({"doc_id": f"doc-{lang}", "source": f"{lang}.txt", "lang": lang, "text": text})
        recs = [{"doc": f"{lang}.txt", "type": t, "start": a, "end": b, "text": text[a:b], "value": "2021-05-03"}
                for t, (a, b) in spans.items()]
        (gold / f"{lang}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        mentions += [{"doc_id": f"doc-{lang}", "type": t, "start": a, "end": b - (t == "ORG"), "text": "",
                      "value": "2021-05-03"} for t, (a, b) in spans.items()]
    (pred / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (pred / "mentions.jsonl").write_text("".join(json.dumps(m) + "\n" for m in mentions), encoding="utf-8")
    return gold, pred


def _evaluate_stages() -> dict[str, dict]:
    import yaml

    stages = yaml.safe_load((ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    return {name: st for name, st in stages.items() if name.startswith("evaluate")}


def _option(cmd: str, name: str) -> str:
    words = cmd.split()
    return words[words.index(name) + 1]


def test_dvc_metrics_are_small_per_language_folders_and_plots_are_svg():
    stages = _evaluate_stages()
    assert {"evaluate_sample", "evaluate_dev"} <= set(stages)
    for name, st in stages.items():
        metrics = [next(iter(m)) if isinstance(m, dict) else m for m in st["metrics"]]
        plots = [next(iter(p)) if isinstance(p, dict) else p for p in st["plots"]]
        assert metrics == [_option(st["cmd"], "--metrics")], name
        assert plots == [_option(st["cmd"], "--plots")] and plots[0].endswith(".svg"), name


@pytest.mark.slow
def test_dvc_metrics_show_fits_120_columns_and_plots_render_offline(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    dvc = Path(sys.executable).parent / "dvc"
    if not dvc.exists():
        pytest.skip("the dvc extra is not installed")
    gold, pred = _scored_run(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "DVC_NO_ANALYTICS": "1", "COLUMNS": "300"}
    subprocess.run([str(dvc), "init", "--no-scm", "-q"], cwd=repo, env=env, check=True)
    declared = {}
    for name, st in _evaluate_stages().items():
        cmd = st["cmd"]
        args = ["evaluate", "--gold", str(gold), "--pred", str(pred), "--name", name]
        for opt in ("--metrics", "--detail", "--plots", "--errors"):
            if opt in cmd.split():
                args += [opt, str(repo / _option(cmd, opt))]
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 0, res.output
        declared[name] = {"cmd": "true", "metrics": st["metrics"], "plots": st["plots"]}
    import yaml

    (repo / "dvc.yaml").write_text(yaml.safe_dump({"stages": declared}), encoding="utf-8")
    shown = subprocess.run([str(dvc), "metrics", "show"], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) == 1 + len(declared) * (len(LANGS) + 1)  # header + one row per language and "all", for both sets
    assert lines[0].split() == ["Path", "AGREEMENT", "DATE", "DATE_value", "EVENT", "EVENT_type_date", "ORG"]
    assert max(len(line) for line in lines) <= 120, shown.stdout
    assert "metrics/dev/de.json" in shown.stdout
    out = subprocess.run([str(dvc), "plots", "show", "-o", str(tmp_path / "plots")], cwd=repo, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    html = (tmp_path / "plots" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html and html.count("<img") == len(declared)
    images = sorted(p.name for p in (tmp_path / "plots" / "static").iterdir())
    assert images == sorted(f"workspace_metrics_f1_{name.split('_', 1)[1]}.svg" for name in declared)
