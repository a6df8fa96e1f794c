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


def _earlier_run(out):
    out.mkdir()
    files = {"documents.jsonl": '{"doc_id":"doc-0000000000000001"}\n', "mentions.jsonl": "", "run.json": "{}\n"}
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_cli_config_of_the_wrong_type_exits_2_and_writes_nothing(tmp_path):
    before = _earlier_run(tmp_path / "o")
    bad = tmp_path / "bad.yaml"
    bad.write_text('stages: [language, tokenise]\nlanguage: {sample_chars: "100"}\n', encoding="utf-8")
    res = _cli("run", str(CORPUS), "--out", str(tmp_path / "o"), "--config", str(bad))
    assert res.returncode == 2
    assert res.stderr == f"error: [E010] section 'language': 'sample_chars' must be a whole number, got '100' (str). Fix it in {bad}.\n"
    assert {p.name: p.read_bytes() for p in (tmp_path / "o").iterdir()} == before


def test_cli_invalid_yaml_exits_2_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("language: [1\n", encoding="utf-8")
    res = _cli("run", str(CORPUS), "--out", str(tmp_path / "o"), "--config", str(bad))
    assert res.returncode == 2 and res.stderr.startswith("error: [E013]") and "Traceback" not in res.stderr
    assert not (tmp_path / "o").exists()


def test_cli_out_at_the_file_system_root_exits_2(tmp_path):
    res = _cli("run", str(CORPUS), "--out", "/")
    assert res.returncode == 2
    assert res.stderr == "error: [E015] --out /: is the root of the file system. Give an empty or new folder, or the folder of an earlier run.\n"


def test_cli_disk_full_exits_1_with_one_line(tmp_path, monkeypatch):
    import errno

    from click.testing import CliRunner

    import pipeline.runtime.runner as runner_mod
    from pipeline.cli import main

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(runner_mod, "run", full)
    res = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 1
    assert res.output == f"error: cannot write {tmp_path / 'o'}: No space left on device; previous datasets kept\n"
