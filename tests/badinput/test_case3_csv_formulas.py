"""Issue 18, case 3: a note holding a bare carriage return and a formula
(``safe\\r=cmd|' /C calc'!A0``), arriving through share-import, is written to CSV quoted
and with the formula guarded after the line break, not only at the cell's start."""

from __future__ import annotations

import csv
import io
import json
import re

from badinput_helpers import span

from reader.core.exchange import export_collection, import_files
from reader.core.export import select, to_csv
from reader.core.export.spreadsheet import csv_text, safe_cell

NOTE = "safe\r=cmd|' /C calc'!A0"


def test_a_teammates_formula_after_a_carriage_return_is_guarded(lib, tmp_path):
    library, doc_id = lib
    s, e = span(library, doc_id, "Banks will cooperate.")
    library.add_annotation(doc_id, s, e, note="harmless", author="ben")
    shared = export_collection(library)
    item = shared["first"]["items"][0]
    item["body"] = [{"type": "TextualBody", "purpose": "commenting", "value": NOTE}]
    item["modified"] = "2030-01-01T00:00:00Z"
    path = tmp_path / "ben.json"
    path.write_text(json.dumps(shared), encoding="utf-8")
    import_files(library, [path])

    text = to_csv(select(library))
    # A spreadsheet reading it: two records, the note one cell, the formula inert.
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert len(records) == 2
    note = records[1][records[0].index("note")]
    assert note == "safe\r'=cmd|' /C calc'!A0"
    # A tool splitting rows at any line break still meets no line starting a formula.
    for line in re.split(r"\r\n|\r|\n", text):
        assert not line.startswith(("=", "+", "@", "-c"))


def test_every_line_of_a_cell_is_guarded():
    assert safe_cell("a\n=1+1\r\n+2\r@x\n-3\n- item\n-") == "a\n'=1+1\r\n'+2\r'@x\n'-3\n- item\n-"
    assert safe_cell("=A1") == "'=A1" and safe_cell("plain") == "plain" and safe_cell(3) == 3


def test_any_cell_with_a_line_break_is_quoted():
    text = csv_text([["a", "b"], ["x\ry", "z\nw"]])
    assert text == 'a,b\n"x\ry","z\nw"\n'
