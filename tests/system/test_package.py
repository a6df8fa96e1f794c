"""A real package: the wheel carries models/ and params.yaml, so an installed copy (not editable) runs
``pipeline run`` and the API from any folder, and ``--models`` / ``--config`` still override the defaults.

The wheel is built offline from a copy of the sources (``--no-build-isolation``, nothing written into the
checkout) and installed with ``--no-deps`` into a fresh virtual environment that sees this environment's
dependencies (spaCy & co.) through a ``.pth`` line but not its editable install of this project.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "params.yaml", "models", "pipeline")


def _run(cmd: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; returns its bin/ folder."""
    pytest.importorskip("setuptools.command.bdist_wheel", reason="setuptools>=70.1 (the dev extra) builds wheels offline")
    tmp = tmp_path_factory.mktemp("package")
    src, dist, venv = tmp / "src", tmp / "dist", tmp / "venv"
    src.mkdir()
    for name in SOURCES:
        p = ROOT / name
        if p.is_dir():
            shutil.copytree(p, src / name, ignore=shutil.ignore_patterns("__pycache__", "_data"))
        else:
            shutil.copy2(p, src / name)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), "."], src)
    wheel = next(dist.glob("ie_pipeline-*.whl"))
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp)
    python = venv / "bin" / "python"
    purelib = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp).stdout.strip())
    (purelib / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)], tmp)
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A working folder far from the checkout, with one document."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("ASEAN and the United Nations held a summit in Bangkok on 3 November 2019.\n",
                                   encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_wheel_ships_models_and_params_as_package_data(installed):
    code = ("import pipeline, pipeline.config as c, pipeline.knowledge.resources as r; "
            "print(pipeline.__file__); print(c.DEFAULT_PARAMS); print(r.DEFAULT_MODELS); print(pipeline.__version__)")
    out = _run([str(installed / "python"), "-c", code], installed).stdout.split()
    package = Path(out[0]).parent
    assert not package.is_relative_to(ROOT)
    assert out[1:] == [str(package / "_data" / "params.yaml"), str(package / "_data" / "models"), "0.1.0"]
    assert (package / "_data" / "models" / "orgs" / "kb").is_dir()


@pytest.mark.slow
def test_installed_pipeline_run_from_another_folder_matches_the_checkout(installed, elsewhere, config, resources):
    import json

    from pipeline.runtime.runner import run

    _run([str(installed / "pipeline"), "run", "docs", "--out", "out", "--quiet"], elsewhere)
    run([elsewhere / "docs"], elsewhere / "checkout-out", config, resources)
    for name in ("documents.jsonl", "mentions.jsonl", "events.jsonl", "entities.jsonl", "agreements.jsonl"):
        assert (elsewhere / "out" / name).read_bytes() == (elsewhere / "checkout-out" / name).read_bytes(), name
    info = json.loads((elsewhere / "out" / "run.json").read_text(encoding="utf-8"))
    assert (info["package_version"], info["counts"]["mentions_per_type"]["ORG"]) == ("0.1.0", 2)


@pytest.mark.slow
def test_installed_pipeline_honours_config_and_models_overrides(installed, elsewhere):
    import json

    (elsewhere / "params.yaml").write_text("stages: [language, tokenise, orgs]\n", encoding="utf-8")
    shutil.copytree(ROOT / "models", elsewhere / "my-models")
    _run([str(installed / "pipeline"), "run", "docs", "--out", "out", "--quiet", "--config", "params.yaml",
          "--models", "my-models"], elsewhere)
    info = json.loads((elsewhere / "out" / "run.json").read_text(encoding="utf-8"))
    assert (info["stages"], sorted(info["counts"]["mentions_per_type"])) == (["language", "tokenise", "orgs"], ["ORG"])
    shutil.rmtree(elsewhere / "my-models" / "orgs")  # no organisation knowledge base in the override
    _run([str(installed / "pipeline"), "run", "docs", "--out", "out2", "--quiet", "--models", "my-models"], elsewhere)
    info = json.loads((elsewhere / "out2" / "run.json").read_text(encoding="utf-8"))
    assert (info["stages"][-1], info["counts"]["datasets"]["entities"]) == ("events", 0)


@pytest.mark.slow
def test_installed_api_runs_from_another_folder(installed, elsewhere):
    code = ("import pipeline; nlp = pipeline.load(); d = nlp(open('docs/note.txt').read()); "
            "print([(m.type, m.text, m.value) for m in d.mentions if m.type in ('ORG', 'DATE')])")
    out = _run([str(installed / "python"), "-c", code], elsewhere).stdout.strip()
    assert out == "[('ORG', 'ASEAN', None), ('ORG', 'United Nations', None), ('DATE', '3 November 2019', '2019-11-03')]"
