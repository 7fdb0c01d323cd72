"""The REFI-QDA subcommands, end to end through ``main.py``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile

from test_cli_exchange import PAPER, run


def test_codebook_and_project_between_two_libraries(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert run(a, "import", str(PAPER)).returncode == 0
    quote = ["--quote", "Banks will cooperate.", "--tag", "economy/finance", "--author", "ana"]
    assert run(a, "annotate", "Trade Policy", *quote).returncode == 0
    out = run(a, "describe-tag", "economy/finance", "Loans and banks")
    assert out.returncode == 0 and out.stdout.strip() == "Loans and banks"
    qdc = tmp_path / "tags.qdc"
    out = run(a, "qdc-export", "-o", str(qdc))
    assert out.returncode == 0, out.stderr
    assert "2 code(s)" in out.stderr
    out = run(b, "qdc-import", str(qdc), "--json")
    assert json.loads(out.stdout) == {
        "added": ["economy", "economy/finance"],
        "described": [],
        "unchanged": 0,
        "paths_from_names": [],
    }
    assert run(b, "describe-tag", "economy/finance").stdout.strip() == "Loans and banks"
    assert (
        "0 tag(s) added, 0 description(s) updated, 2 unchanged"
        in run(b, "qdc-import", str(qdc)).stdout
    )
    qdpx = tmp_path / "p.qdpx"
    out = run(a, "qdpx-export", "-o", str(qdpx), "--doc", "Trade Policy", "--author", "ana")
    assert out.returncode == 0, out.stderr
    assert "1 document(s), 1 annotation(s)" in out.stderr
    with zipfile.ZipFile(qdpx) as zf:
        assert "project.qde" in zf.namelist()
        [source] = [n for n in zf.namelist() if n.startswith("sources/")]
        text = zf.read(source).decode("utf-8")
        qde = ET.fromstring(zf.read("project.qde"))
    [sel] = qde.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert text[start:end] == "Banks will cooperate."
    # The project comes in whole into a third library: document, tag, annotation, author.
    c = tmp_path / "c.db"
    out = run(c, "qdpx-import", str(qdpx))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("1 document(s) (1 new), 1 annotation(s): 1 added")
    assert "  added      Trade Policy" in out.stdout
    report = json.loads(run(c, "qdpx-import", str(qdpx), "--json").stdout)
    assert (report["added"], report["unchanged"], report["authors"]) == (0, 1, ["ana"])
    assert report["left_out"] == []
    assert run(c, "tags").stdout == "economy  1\n  finance  1\n"
    # An author with nothing to export is refused in one line; no file is written.
    empty = tmp_path / "empty.qdpx"
    out = run(a, "qdpx-export", "-o", str(empty), "--author", "ana", "--author", "nobody")
    assert out.returncode == 2 and not empty.exists()
    assert out.stderr == "error: no annotations by nobody in the documents exported\n"


def test_bad_codebook_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.qdc"
    bad.write_text("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code name='x'/></Codes>")
    out = run(tmp_path / "x.db", "qdc-import", str(bad))
    assert out.returncode == 2
    assert out.stderr.startswith("error: bad.qdc: not well-formed XML")
    assert len(out.stderr.strip().splitlines()) == 1
    out = run(tmp_path / "x.db", "describe-tag", "nope", "x")
    assert out.returncode == 2 and "unknown tag: nope" in out.stderr


def test_describe_tag_on_an_implied_parent_creates_it(tmp_path):
    db = tmp_path / "x.db"
    assert run(db, "import", str(PAPER)).returncode == 0
    quote = ["--quote", "Banks will cooperate.", "--tag", "security/military"]
    assert run(db, "annotate", "Trade Policy", *quote).returncode == 0
    out = run(db, "describe-tag", "security", "Peace and defence")
    assert (out.returncode, out.stdout.strip()) == (0, "Peace and defence")
    assert run(db, "describe-tag", "security").stdout.strip() == "Peace and defence"
