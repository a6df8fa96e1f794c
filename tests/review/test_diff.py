"""Diff review: every change kind on small hand-made output pairs, filters, exit code, HTML in a browser."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from pipeline.review.diff import diff_sides, dir_reader, read_side, render_html

EN = "ASEAN and the UN met in Bali in 2011."
AR = "تعاون الاتحاد الأفريقي والأمم المتحدة في عام 2017."
FR = "L'OIF et la CEDEAO ont signé un accord."


def _m(doc, text, type_, sub, entity=None, value=None, lang="en", occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    end = start + len(sub)
    return {"mention_id": f"{doc}-{type_}-{start}-{end}", "doc_id": doc, "type": type_, "text": sub, "start": start,
            "end": end, "sentence": 0, "lang": lang, "value": value, "entity_id": entity, "extractor": "t", "confidence": 1.0}


def _write(out, mentions, entities=(), events=()):
    out.mkdir(parents=True, exist_ok=True)
    docs = [{"doc_id": "d-en", "source": "en.txt", "lang": "en", "text": EN},
            {"doc_id": "d-ar", "source": "ar.txt", "lang": "ar", "text": AR},
            {"doc_id": "d-fr", "source": "fr.txt", "lang": "fr", "text": FR}]
    for name, recs in (("documents", docs), ("mentions", mentions), ("entities", entities), ("events", events), ("agreements", [])):
        (out / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")


def _ent(eid, name):
    return {"entity_id": eid, "type": "ORG", "name": name, "acronym": None, "names": {}, "kb": {}, "mention_count": 1, "doc_ids": []}


def _ev(date):
    s = EN.index("met")
    return {"event_id": "ev-1", "doc_id": "d-en", "type": "meeting", "status": "past", "date": date, "participants": [],
            "agreements": [], "location": None, "plover": {}, "lang": "en", "trigger": {"text": "met", "start": s, "end": s + 3}}


@pytest.fixture
def pair(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    _write(old, [
        _m("d-en", EN, "ORG", "ASEAN", "org:asean"),
        _m("d-en", EN, "ORG", "UN", "org:un"),
        _m("d-en", EN, "LOC", "Bali", value="Bali"),
        _m("d-en", EN, "DATE", "2011", value="2011"),
        _m("d-ar", AR, "ORG", "الاتحاد الأفريقي", "org:au", lang="ar"),
        _m("d-ar", AR, "ORG", "لأمم المتحدة", "org:un", lang="ar"),
        _m("d-fr", FR, "ORG", "OIF", "org:oif", lang="fr"),
        _m("d-fr", FR, "ORG", "CEDEAO", "org:ecowas", lang="fr"),
    ], [_ent("org:asean", "ASEAN"), _ent("org:un", "United Nations"), _ent("org:au", "African Union"),
        _ent("org:oif", "OIF"), _ent("org:ecowas", "ECOWAS")], [_ev("2011")])
    _write(new, [
        _m("d-en", EN, "ORG", "ASEAN", "org:asean"),                     # unchanged
        _m("d-en", EN, "ORG", "the UN", "org:un"),                       # boundary changed
        _m("d-en", EN, "ORG", "Bali", "org:x-bali"),                     # type changed
        _m("d-en", EN, "DATE", "2011", value="2011-01"),                 # value changed
        _m("d-en", EN, "EVENT", "met", value="meeting"),                 # added
        _m("d-ar", AR, "ORG", "الاتحاد الأفريقي", "org:x-au", lang="ar"),  # re-linked
        # لأمم المتحدة removed
        _m("d-fr", FR, "ORG", "OIF", "org:x-fr", lang="fr"),             # OIF and CEDEAO merged into one entity
        _m("d-fr", FR, "ORG", "CEDEAO", "org:x-fr", lang="fr"),
    ], [_ent("org:asean", "Association of Southeast Asian Nations"), _ent("org:un", "United Nations"),
        _ent("org:x-bali", "Bali"), _ent("org:x-au", "AU"), _ent("org:x-fr", "OIF")], [_ev("2011-05")])
    return old, new


def _kinds(result, type_=None):
    return sorted((c.kind, c.type) for c in result.changes if type_ is None or c.type == type_)


def test_diff_mention_change_kinds(pair):
    r = diff_sides(read_side(dir_reader(pair[0])), read_side(dir_reader(pair[1])))
    mention_changes = sorted((c.kind, c.type, c.source) for c in r.changes if c.type in ("ORG", "DATE", "LOC", "EVENT"))
    assert mention_changes == [
        ("added", "EVENT", "en.txt"),
        ("boundary changed", "ORG", "en.txt"),
        ("re-linked", "ORG", "ar.txt"),
        ("re-linked", "ORG", "fr.txt"),
        ("re-linked", "ORG", "fr.txt"),
        ("removed", "ORG", "ar.txt"),
        ("type changed", "ORG", "en.txt"),
        ("value changed", "DATE", "en.txt"),
    ]


def test_diff_entities_merged_attributes_and_events(pair):
    r = diff_sides(read_side(dir_reader(pair[0])), read_side(dir_reader(pair[1])))
    [merged] = [c for c in r.changes if c.kind == "merged"]
    assert merged.detail == "org:ecowas, org:oif -> org:x-fr"
    [attrs] = [c for c in r.changes if c.kind == "attributes changed" and c.type == "ENTITY"]
    assert attrs.detail == "org:asean: name"
    [ev] = [c for c in r.changes if c.type == "EVENT_RECORD"]
    assert (ev.kind, ev.detail) == ("attributes changed", "date")


def test_diff_entity_split_is_reported(tmp_path, pair):
    old, new = pair
    r = diff_sides(read_side(dir_reader(new)), read_side(dir_reader(old)))  # reversed: one entity becomes two
    [split] = [c for c in r.changes if c.kind == "split"]
    assert split.detail == "org:x-fr -> org:ecowas, org:oif"


def test_diff_identical_outputs_have_no_changes(pair):
    side = read_side(dir_reader(pair[0]))
    assert diff_sides(side, side).changes == []


def test_diff_cli_filters_json_and_exit_code(pair):
    cmd = [sys.executable, "-m", "pipeline", "diff", str(pair[0]), str(pair[1]), "--json", "--type", "ORG", "--lang", "ar", "--exit-code"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    data = json.loads(res.stdout)
    assert data["summary"] == {"re-linked": {"ORG": {"ar": 1}}, "removed": {"ORG": {"ar": 1}}}
    same = subprocess.run([sys.executable, "-m", "pipeline", "diff", str(pair[0]), str(pair[0]), "--exit-code"], capture_output=True, text=True, timeout=60)
    assert same.returncode == 0


def test_diff_html_marks_arabic_rtl(pair):
    old, new = (read_side(dir_reader(p)) for p in pair)
    page = render_html(diff_sides(old, new), old, new)
    assert '<div class="text" dir="rtl" lang="ar">' in page
    assert page.count('<mark class="entity') == 14  # old side: en 3, ar 2, fr 2; new side: en 4, ar 1, fr 2


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_diff_html_in_headless_browser_marks_and_rtl(pair, tmp_path):
    old, new = (read_side(dir_reader(p)) for p in pair)
    page = render_html(diff_sides(old, new), old, new)
    probe = """<script>
    const ar=document.querySelector('section[data-lang="ar"] .side.new .text');
    const mark=ar.querySelector('mark');const box=ar.getBoundingClientRect();const r=mark.getBoundingClientRect();
    document.body.setAttribute('data-probe', JSON.stringify({marks:document.querySelectorAll('mark.entity').length,
      direction:getComputedStyle(ar).direction, firstMarkOnRight:(r.left+r.right)/2 > box.left+box.width/2}));
    </script></body>"""
    (tmp_path / "review.html").write_text(page.replace("</body>", probe), encoding="utf-8")
    profile = tmp_path / "profile"
    url = (tmp_path / "review.html").as_uri()
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url], capture_output=True, text=True, timeout=120)
    import html as _html
    import re

    m = re.search(r'data-probe="([^"]*)"', dom.stdout)
    assert m, dom.stderr[-2000:]
    probe_data = json.loads(_html.unescape(m.group(1)))
    assert probe_data == {"marks": 14, "direction": "rtl", "firstMarkOnRight": True}
    shot = tmp_path / "review.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1200,900", url],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 1000
    print(f"screenshot: {shot}")


def _crafted(tmp_path):
    """A run folder whose ids and names carry markup: the page and the terminal must show them as text."""
    evil = 'd"><script>alert(1)</script>'
    side = tmp_path / "evil"
    side.mkdir()
    doc = {"doc_id": evil, "source": "[draft] <b>notes</b>.txt", "lang": "en", "text": EN}
    mention = _m(evil, EN, "ORG", "ASEAN", "org:[/bold]")
    (side / "documents.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (side / "mentions.jsonl").write_text(json.dumps(mention) + "\n", encoding="utf-8")
    empty = tmp_path / "empty-run"
    empty.mkdir()
    (empty / "documents.jsonl").write_text("", encoding="utf-8")
    return read_side(dir_reader(empty)), read_side(dir_reader(side)), evil


def test_diff_html_escapes_ids_in_text_attributes_and_links(tmp_path):
    old, new, evil = _crafted(tmp_path)
    page = render_html(diff_sides(old, new), old, new)
    assert "<script>alert(1)" not in page
    assert 'id="d%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"' in page
    assert 'href="#d%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"' in page
    assert 'data-doc="d&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert "[draft] &lt;b&gt;notes&lt;/b&gt;.txt" in page


def test_diff_terminal_prints_bracketed_names_verbatim(tmp_path, capsys):
    from pipeline.review.diff import render_terminal

    old, new, _ = _crafted(tmp_path)
    render_terminal(diff_sides(old, new))
    out = capsys.readouterr().out
    assert "added ORG [en] [draft] <b>notes</b>.txt: " in out


def test_diff_unknown_revision_is_a_coded_error():
    from pipeline.errors import PipelineError
    from pipeline.review.diff import rev_reader

    with pytest.raises(PipelineError, match=r"^\[E017\] 'no-such-rev' is not a revision of this repository \(unknown to git\)"):
        rev_reader("no-such-rev")


def test_diff_option_like_revision_never_reaches_git(monkeypatch):
    from pipeline.errors import PipelineError
    from pipeline.review import diff as d

    monkeypatch.setattr(d.subprocess, "run", lambda *a, **k: pytest.fail("git was called"))
    for rev in ("--output=/tmp/x", "-p", "HEAD..main", "a b", "HEAD:output/x"):
        with pytest.raises(PipelineError, match=r"^\[E017\] .* \(not a revision name\)"):
            d.rev_reader(rev)


def test_diff_folder_without_datasets_is_an_error_not_everything_added(tmp_path):
    res = subprocess.run([sys.executable, "-m", "pipeline", "diff", str(tmp_path), str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert res.stderr == f"error: [E018] {tmp_path}: no documents.jsonl. Give the output folder of a finished run.\n"


def test_diff_missing_folder_is_an_error(tmp_path):
    from pipeline.errors import PipelineError

    with pytest.raises(PipelineError, match=r"^\[E018\] .*/nope: is not a folder"):
        dir_reader(tmp_path / "nope")


def test_diff_broken_jsonl_line_names_file_and_line(pair):
    from pipeline.errors import PipelineError

    old = pair[0]
    with open(old / "mentions.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"doc_id": "d-en", "type": "ORG"\n')
    with pytest.raises(PipelineError, match=r"^\[E018\] .*old/mentions.jsonl:9: broken JSON line"):
        read_side(dir_reader(old))
