"""``--excel``: CSV that spreadsheets open as is (UTF-8 with a BOM, CRLF record ends),
with the same cells as the plain CSV, formula guard included."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.export.spreadsheet import csv_text, for_spreadsheets, safe_cell
from reader.core.importers import parse_text
from reader.core.store import Library

TEXT = "Café policy\n\nThe café tax is =SUM(A1). Prices rise.\n"


def _library(path):
    with Library.open(path) as lib:
        doc, _ = lib.add_document(parse_text(TEXT, filename="cafe.txt"))
        lib.annotate_quote(
            doc.id, "=SUM(A1)", tags=["économie"], note="line one\nline two", author="Zoë"
        )


def test_export_csv_excel_starts_with_a_bom_and_ends_records_with_crlf(tmp_path):
    db = tmp_path / "lib.db"
    _library(db)
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert main(["--db", str(db), "export-csv", "-o", str(plain)]) == 0
    assert main(["--db", str(db), "export-csv", "--excel", "-o", str(excel)]) == 0
    data = excel.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfannotation_id,")
    assert data.count(b"\r\n") == 2  # the header and one record
    assert b"line one\nline two" in data  # a line break inside a cell stays as it was
    assert "Café" in data.decode("utf-8-sig") and "économie" in data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == list(csv.reader(io.StringIO(plain.read_text(encoding="utf-8"), newline="")))
    assert rows[1][rows[0].index("quote")] == "'=SUM(A1)"  # the formula guard is kept


def test_stats_and_cooccurrence_take_excel_too(tmp_path, capsys):
    db = tmp_path / "lib.db"
    _library(db)
    for command in ("stats", "cooccurrence"):
        out = tmp_path / f"{command}.csv"
        assert main(["--db", str(db), command, "--excel", "-o", str(out)]) == 0
        data = out.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
        assert b"\n" not in data.replace(b"\r\n", b"")


def test_for_spreadsheets_keeps_every_cell():
    text = 'a,b\n"x\ny","1,2"\n\'=1,"q""uote"\n'
    out = for_spreadsheets(text)
    assert out == '\ufeffa,b\r\n"x\ny","1,2"\r\n\'=1,"q""uote"\r\n'


CELLS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(alphabet=st.sampled_from(list("ab ,\"\r\n\t=+-@'é")), max_size=12),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=1, max_size=5), max_size=4))
def test_csv_text_writes_what_the_csv_module_writes(rows):
    # Our writer must give the csv module's Excel dialect, record by record ("\r\n"
    # record ends, so a cell with a bare "\r" is quoted too), with every cell guarded.
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    expected = ""
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow([safe_cell(v) for v in row])
        expected += buf.getvalue()[:-2] + "\n"
    assert csv_text(rows) == expected
