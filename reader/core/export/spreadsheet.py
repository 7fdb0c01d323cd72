"""CSV as spreadsheets open it without an import dialog: UTF-8 with a byte-order mark
and CRLF line ends.

Excel takes a file as UTF-8 only when it starts with a BOM, and RFC 4180 ends records
with CRLF. LibreOffice Calc ignores the BOM and asks for the character set in its
Text Import dialog (choose "Unicode (UTF-8)"), or the accents show as ``CafÃ©``.
"""

from __future__ import annotations

import csv
import io

BOM = "\ufeff"


def for_spreadsheets(csv_text: str) -> str:
    """``csv_text`` (as our CSV exports write it) with a BOM and CRLF record ends.

    The records are parsed and written again, so only the line ends between records
    change: a line break inside a quoted cell stays as it was, and every cell keeps
    what it held (the formula guard's ``'`` included)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(csv.reader(io.StringIO(csv_text, newline="")))
    return BOM + out.getvalue()
