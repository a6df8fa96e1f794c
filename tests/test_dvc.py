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
    assert metrics.returncode == 0 and "metrics/sample.json" in metrics.stdout
    shutil.rmtree(clone, ignore_errors=True)
