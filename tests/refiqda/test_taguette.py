"""Taguette 1.5: it imports codebooks only as CSV (``tag``, ``description``), and its
own ``.qdc`` writes a hierarchical tag as one flat code with ``/`` in its name.

The ``.qdc`` here is written the way Taguette's exporter writes one (taguette/export.py:
a flat list of codes named by their full path, upper-case uuid5 GUIDs, no descriptions,
an empty ``Sets``); the CSV is read back the way its importer reads one
(taguette/import_codebook.py: guess the charset, then the ``tag`` column and the
optional ``description``)."""

from __future__ import annotations

import codecs
import csv
import io
import uuid

from chardet import UniversalDetector

from reader.cli import main
from reader.core.export.codebook_csv import export_codebook_csv
from reader.core.refiqda import import_codebook

TAGUETTE_NS = uuid.UUID("51B2B2B7-27EB-4ECB-9D56-E75B0A0496C2")


def taguette_qdc(paths: list[str]) -> bytes:
    codes = "".join(
        f'<Code guid="{str(uuid.uuid5(TAGUETTE_NS, p)).upper()}" name="{p}" isCodable="true"/>'
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.5.2">'
        f"<Codes>{codes}</Codes><Sets/></CodeBook>"
    ).encode()


def read_as_taguette(data: bytes) -> list[dict[str, str]]:
    """Taguette's list_tags_csv, in short: detect the charset, read tag and description."""
    detector = UniversalDetector()
    detector.feed(data)
    detector.close()
    charset = detector.result["encoding"] or "utf-8"
    reader = csv.reader(codecs.getreader(charset)(io.BytesIO(data)))
    header = [cell.lower() for cell in next(reader)]
    tag, description = header.index("tag"), header.index("description")
    return [{"path": row[tag], "description": row[description]} for row in reader if any(row)]


def test_taguettes_qdc_with_slashes_nests_its_tags(library, tmp_path):
    path = tmp_path / "taguette.qdc"
    path.write_bytes(taguette_qdc(["culture", "culture/education", "économie/échanges"]))
    report = import_codebook(library, path)
    assert report.added == ["culture", "culture/education", "économie/échanges"]
    assert report.paths_from_names == ["culture/education", "économie/échanges"]
    assert report.summary().endswith(
        "2 code name(s) with '/' read as tag paths (as Taguette writes them)"
    )
    tree = {n.path: [c.path for c in n.children] for top in library.tag_tree() for n in top.walk()}
    assert tree["culture"] == ["culture/education"]
    assert tree["économie"] == ["économie/échanges"]  # implied by its sub-tag
    # importing it again changes nothing
    again = import_codebook(library, path)
    assert again.added == [] and again.unchanged == 3


def test_the_cli_says_which_names_were_read_as_paths(tmp_path, capsys):
    path = tmp_path / "taguette.qdc"
    path.write_bytes(taguette_qdc(["culture/education"]))
    assert main(["--db", str(tmp_path / "lib.db"), "qdc-import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  from name  culture/education" in out and "read as tag paths" in out


def test_codebook_csv_in_taguettes_columns(filled, tmp_path):
    filled.set_tag_description("cooperation", '=HYPERLINK(x), says "who"')
    path = tmp_path / "tags.csv"
    assert export_codebook_csv(filled, path) == 6
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftag,description\r\n")
    rows = read_as_taguette(data)
    assert [r["path"] for r in rows] == [
        "cooperation",
        "deleted-only",
        "economy",
        "economy/finance",
        "región",
        "región/América",
    ]
    assert rows[3]["description"] == "Loans, banks & <swap> lines"
    assert rows[0]["description"] == '\'=HYPERLINK(x), says "who"'  # formula guard


def test_qdc_export_csv_on_the_command_line(filled, tmp_path, capsys):
    out = tmp_path / "codebook.csv"
    assert main(["--db", str(filled.path), "qdc-export", "--csv", "-o", str(out)]) == 0
    assert read_as_taguette(out.read_bytes())[2] == {"path": "economy", "description": ""}
    assert "6 code(s)" in capsys.readouterr().err
