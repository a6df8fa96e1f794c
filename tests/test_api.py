"""The Python API: load once, ``nlp(text)``, ``nlp.pipe(...)`` lazily and in order, ``nlp.reconcile(docs)``,
and the README's example, which must run and print what the README says it prints."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys

import pytest

from pipeline.api import Doc, Pipeline, make_doc
from tests.conftest import ROOT

# The README's "Python API" example and its output, duplicated exactly (the test below checks README.md carries
# the same text once the section is merged).
README_EXAMPLE = '''import pipeline

nlp = pipeline.load()  # params.yaml and models/ are read once (installed package data, else the checkout)
doc = nlp("The Association of Southeast Asian Nations (ASEAN) and the United Nations "
          "held their 10th summit in Bangkok on 3 November 2019.")
for m in doc.mentions:                       # in text order
    print(m.type, repr(m.text), m.start, m.end, m.value, m.entity_id)
for e in doc.events:
    print(e.type, e.date, e.participants, e.location)

texts = ["ASEAN and the UN signed a Memorandum of Understanding in 2019.",
         {"id": "fr-1", "text": "Le PNUD et l'UNESCO ont signé un accord le 3 mai 2020.", "lang": "fr"}]
docs = list(nlp.pipe(texts))   # lazily and in order; nlp.pipe(texts, n_process=2) uses worker processes
corpus = nlp.reconcile(docs)   # canonical organisations, agreements and events across the batch
print(docs[1].id, [e["entity_id"] for e in corpus.entities])
'''

README_OUTPUT = '''ORG 'Association of Southeast Asian Nations' 4 42 None org:asean
ORG 'ASEAN' 44 49 None org:asean
ORG 'United Nations' 59 73 None org:un
EVENT 'summit' 90 96 summit None
LOC 'Bangkok' 100 107 Bangkok None
DATE '3 November 2019' 111 126 2019-11-03 None
summit 2019-11-03 ['org:asean', 'org:un'] Bangkok
fr-1 ['org:asean', 'org:un', 'org:undp', 'org:unesco']
'''


@pytest.fixture(scope="module")
def nlp(config, resources):
    return Pipeline(config, resources)


def _readme_blocks() -> tuple[str, str] | None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)
    if len(section) < 2:
        return None
    code = re.search(r"```python\n(.*?)```", section[1], re.S)
    out = re.search(r"```text\n(.*?)```", section[1], re.S)
    return code.group(1), out.group(1)


def test_readme_api_example_runs_and_prints_the_documented_output():
    blocks = _readme_blocks()
    if blocks is not None:
        assert blocks == (README_EXAMPLE, README_OUTPUT)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(README_EXAMPLE, "README-example", "exec"), {"__name__": "readme_example"})
    assert buf.getvalue() == README_OUTPUT


def test_import_pipeline_is_light_and_exposes_version_and_load():
    code = ("import sys, pipeline; print(pipeline.__version__, 'spacy' in sys.modules, callable(pipeline.load), "
            "'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["0.1.0", "False", "True", "False"]


def test_call_returns_doc_with_typed_mentions_at_text_offsets(nlp):
    doc = nlp("The United Nations Development Programme (UNDP) opened an office in Hanoi on 14 February 2022.")
    assert isinstance(doc, Doc)
    assert doc.lang == "en"
    got = [(m.type, m.text, m.value, m.entity_id) for m in doc.mentions if m.type in ("ORG", "DATE")]
    assert got == [("ORG", "United Nations Development Programme", None, "org:undp"),
                   ("ORG", "UNDP", None, "org:undp"), ("DATE", "14 February 2022", "2022-02-14", None)]
    assert all(doc.text[m.start : m.end] == m.text for m in doc.mentions)


def test_arabic_clitic_mention_starts_inside_the_word(nlp):
    doc = nlp("وقّعت رابطة أمم جنوب شرق آسيا والأمم المتحدة مذكرة تفاهم في جاكرتا في 12 آذار/مارس 2019.")
    un = [m for m in doc.mentions if m.entity_id == "org:un"]
    assert [(m.text, m.start, m.end) for m in un] == [("الأمم المتحدة", 31, 44)]
    assert doc.text[30] == "و"


def test_caller_doc_id_is_kept_and_language_can_be_forced(nlp):
    doc = nlp("ASEAN", lang="en", doc_id="note-7")
    assert (doc.id, doc.source, doc.lang, doc.lang_given) == ("note-7", "note-7", "en", True)
    assert nlp("ASEAN", lang="en").id == doc.doc_id


def test_text_is_normalised_like_an_ingested_file():
    doc = make_doc("ASEAN\r\nUN\u200b met")
    assert doc.text == "ASEAN\nUN met"


def test_second_call_reuses_the_loaded_stages_and_resources(nlp):
    nlp("The UN and ASEAN met in Jakarta in 2019.")
    stages = [id(s) for s in nlp.extractor.stages]
    loaded = set(nlp.resources._cache)
    nlp("The UNDP and ASEAN met in Manila in 2020.")
    assert [id(s) for s in nlp.extractor.stages] == stages
    assert set(nlp.resources._cache) == loaded


def test_pipe_is_lazy_and_keeps_input_order(nlp):
    consumed = []

    def texts():
        for i, t in enumerate(["ASEAN met the UN in 2011.", "UNESCO met the UNDP in 2012.", "WHO met in 2013."]):
            consumed.append(i)
            yield {"id": f"d{i}", "text": t}

    it = nlp.pipe(texts())
    first = next(it)
    assert (first.id, consumed) == ("d0", [0])
    rest = list(it)
    assert [d.id for d in rest] == ["d1", "d2"]
    assert [m.value for m in rest[0].mentions if m.type == "DATE"] == ["2012"]


def test_pipe_does_not_reconcile_but_reconcile_links_one_agreement_across_documents(nlp):
    docs = list(nlp.pipe([
        "On 12 March 2019, ASEAN and the United Nations signed the ASEAN-UN Memorandum of Understanding on Disaster Management.",
        "The ASEAN-UN Memorandum of Understanding on Disaster Management was reviewed in Hanoi.",
    ]))
    assert [[m.entity_id for m in d.mentions if m.type == "AGREEMENT"] for d in docs] == [[None], [None]]
    corpus = nlp.reconcile(docs)
    ids = [[m.entity_id for m in d.mentions if m.type == "AGREEMENT"] for d in docs]
    assert len(corpus.agreements) == 1
    agreement_id = corpus.agreements[0]["agreement_id"]
    assert ids == [[agreement_id], [agreement_id]]
    assert [[a["agreement_id"] for a in d.agreements] for d in docs] == [[agreement_id], [agreement_id]]
    assert corpus.agreements[0]["parties"] == ["org:asean", "org:un"]
    assert [e["entity_id"] for e in docs[0].entities] == ["org:asean", "org:un"]


def test_pipe_with_worker_processes_gives_the_serial_result(nlp):
    texts = ["ASEAN met the UN in Bangkok in 2011.", "Le PNUD et l'UNESCO ont signé un accord le 3 mai 2020."]
    serial = [d.to_records() for d in nlp.pipe(texts)]
    parallel = [d.to_records() for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert parallel == serial


def test_load_takes_a_config_path_that_limits_the_stages(tmp_path):
    import pipeline

    params = tmp_path / "params.yaml"
    params.write_text("stages: [language, tokenise]\n", encoding="utf-8")
    nlp = pipeline.load(config=params)
    assert nlp.stage_names == ["language", "tokenise"]
    doc = nlp("ASEAN and the United Nations met in 2011.")
    assert (doc.lang, doc.mentions, len(doc.sentences)) == ("en", [], 1)


def test_a_record_without_text_is_a_clear_error(nlp):
    from pipeline.errors import PipelineError

    with pytest.raises(PipelineError, match=r"\[E030\] a document needs a string 'text'"):
        nlp({"id": "x"})
