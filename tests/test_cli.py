from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import CORPUS, ROOT


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_cli_run_end_to_end_on_corpus(tmp_path):
    res = _cli("run", str(CORPUS), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert "5 documents" in res.stderr
    for name in ("documents", "mentions", "entities", "events", "agreements"):
        assert (tmp_path / "out" / f"{name}.jsonl").exists()
    assert json.loads((tmp_path / "out" / "run.json").read_text())["documents"] == 5


def test_cli_run_on_other_folder_with_unsupported_language_and_a_bad_file(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "de.txt").write_text("Die Afrikanische Union und die Vereinten Nationen arbeiten seit 2017 eng zusammen.", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    res = _cli("run", str(src), "--out", str(tmp_path / "o"))
    assert res.returncode == 3, res.stderr  # finished, datasets written, one document failed
    assert "failed: empty.txt: empty or whitespace-only document (skipped)" in res.stderr
    docs = [json.loads(l) for l in (tmp_path / "o" / "documents.jsonl").read_text().splitlines()]
    assert [(d["source"], d["lang"]) for d in docs] == [("de.txt", "de")]
    res = _cli("run", str(src), "--out", str(tmp_path / "o"), "--strict")
    assert res.returncode == 1


def test_cli_usage_error_is_one_line_and_nonzero(tmp_path):
    res = _cli("run", str(tmp_path / "missing"), "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "does not exist" in res.stderr


def test_cli_help_on_every_command():
    for args in (["--help"], ["run", "--help"]):
        res = _cli(*args)
        assert res.returncode == 0 and "Usage:" in res.stdout
