"""``qdc-import`` reads a codebook CSV: Taguette's codebook export (its ``.qdc`` has no
descriptions, so this is the file that brings them over) and our ``qdc-export --csv``;
``qdpx-import`` says what to do with Taguette's project export (an SQLite database).

The Taguette-style file is built here the way Taguette 1.5.2's exporter writes one
(taguette/export.py ``codebook_csv``: ``csv.writer`` with its default CRLF, no BOM,
columns ``tag``, ``description``, ``number of highlights``, ``number of documents``,
tags flat with their ``/`` paths), not copied from a file Taguette wrote. Run against
the real Taguette by ``bench/interop_taguette.py``."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from reader.cli import main
from reader.core.export.codebook_csv import export_codebook_csv
from reader.core.library_model import CodebookEntry
from reader.core.refiqda import RefiQdaError, import_codebook, import_project
from reader.core.store import Library


def taguette_codebook_csv(rows: list[tuple[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["tag", "description", "number of highlights", "number of documents"])
    for path, description in rows:
        writer.writerow([path, description, 3, 1])
    return out.getvalue().encode("utf-8")


def tag_table(library: Library) -> dict[str, str]:
    return {n.path: n.description for top in library.tag_tree() for n in top.walk()}


def tag_counts(library: Library) -> dict[str, int]:
    return {n.path: n.count for top in library.tag_tree() for n in top.walk()}


def test_taguettes_codebook_csv_brings_paths_and_descriptions(library, tmp_path):
    path = tmp_path / "codebook.csv"
    path.write_bytes(
        taguette_codebook_csv([
            ("culture/education", "Schools, teaching"),
            ("économie", 'Markets and "trade"'),
            ("interesting", "Further review required"),
        ])
    )  # fmt: skip
    report = import_codebook(library, path)
    assert report.added == ["culture/education", "économie", "interesting"]
    assert tag_table(library) == {
        "culture": "",  # implied by its sub-tag, as Taguette's tree shows it
        "culture/education": "Schools, teaching",
        "économie": 'Markets and "trade"',
        "interesting": "Further review required",
    }
    assert report.paths_from_names == []  # a CSV's tag column is a path by definition
    again = import_codebook(library, path)
    assert again.added == [] and again.described == [] and again.unchanged == 3


def test_descriptions_of_existing_tags_are_set_and_their_highlights_kept(filled, tmp_path):
    before = tag_counts(filled)
    path = tmp_path / "codebook.csv"
    path.write_bytes(taguette_codebook_csv([("economy/finance", "Banks and loans")]))
    report = import_codebook(filled, path)
    assert report.described == ["economy/finance"] and report.added == []
    assert tag_table(filled)["economy/finance"] == "Banks and loans"
    assert tag_counts(filled) == before


def test_our_codebook_csv_reads_back(filled, library, tmp_path):
    filled.set_tag_description("economy", "Money, markets; la región")
    path = tmp_path / "ours.csv"
    export_codebook_csv(filled, path)  # BOM, CRLF
    import_codebook(library, path)
    assert tag_table(library) == tag_table(filled)


@pytest.mark.parametrize(
    "name, data, said",
    [
        ("none.csv", b"label,description\r\nx,y\r\n", "no column 'tag', 'name' or 'path'"),
        ("two.csv", b"tag,name\r\nx,y\r\n", "more than one of the columns"),
        ("empty.csv", b"tag,description\r\n   ,about nothing\r\n", "row 2 has no tag"),
        ("short.csv", b"description,tag\r\nonly one cell\r\n", "row 2 has 1 column(s), not 2"),
        ("twice.csv", b"tag\r\nEconomy\r\n\r\neconomy\r\n", "rows 2 and 4 are the same tag"),
        ("latin1.csv", "tag\r\nrégion\r\n".encode("latin-1"), "not UTF-8 text"),
        ("quote.csv", b'tag\r\n"never closed\r\n', "not a readable CSV"),
    ],
)
def test_a_bad_codebook_csv_is_refused_whole(library, tmp_path, name, data, said):
    library.apply_codebook([CodebookEntry("kept", "as it was")])
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RefiQdaError) as err:
        import_codebook(library, path)
    assert said in str(err.value) and "\n" not in str(err.value)
    assert tag_table(library) == {"kept": "as it was"}


def test_a_csv_is_known_by_its_header_whatever_its_name(library, tmp_path):
    path = tmp_path / "exported-from-taguette"
    path.write_bytes(b"\xef\xbb\xbfName,Description\r\nlaw/trade,Treaties\r\n")
    import_codebook(library, path)
    assert tag_table(library) == {"law": "", "law/trade": "Treaties"}


def test_qdc_import_of_a_csv_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "codebook.csv"
    path.write_bytes(taguette_codebook_csv([("culture/education", "Schools")]))
    assert main(["--db", str(tmp_path / "lib.db"), "qdc-import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  added      culture/education" in out
    assert main(["--db", str(tmp_path / "lib.db"), "describe-tag", "culture/education"]) == 0
    assert capsys.readouterr().out.strip() == "Schools"


def test_taguettes_project_database_is_refused_with_what_to_do(filled, tmp_path):
    path = tmp_path / "project.sqlite3"  # Taguette's project export is its SQLite database
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, path TEXT, description TEXT)")
    db.close()
    before = tag_table(filled)
    with pytest.raises(RefiQdaError) as err:
        import_project(filled, path)
    message = str(err.value)
    assert "an SQLite database, not a .qdpx project" in message and "codebook CSV" in message
    assert "\n" not in message and tag_table(filled) == before
