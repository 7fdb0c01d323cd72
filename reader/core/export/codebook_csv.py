"""The tag system as a codebook CSV, in the shape Taguette imports: columns ``tag`` and
``description``, one row per tag (``economy/trade`` as its path; a parent only implied
by its sub-tags gets a row too, before them).

Taguette 1.5 refuses a REFI-QDA ``.qdc`` and imports codebooks only from CSV. It guesses
the file's character set, and a short file with a few accents is easily taken for
Latin-1; a byte-order mark settles it, so the file is written for spreadsheets (UTF-8
with a BOM, CRLF), which Excel opens as is too. Cells a spreadsheet would run as a
formula get the usual ``'`` guard.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.atomic import write_atomic
from reader.core.errors import ReaderError
from reader.core.export.spreadsheet import csv_text, for_spreadsheets

if TYPE_CHECKING:
    from reader.core.library_model import TagNode
    from reader.core.store import Library

COLUMNS = ("tag", "description")


def codebook_csv(roots: list[TagNode]) -> str:
    """The CSV text for a tag tree (parents before their sub-tags)."""
    rows = [COLUMNS, *((n.path, n.description) for root in roots for n in root.walk())]
    return for_spreadsheets(csv_text(rows))


def export_codebook_csv(library: Library, path: str | Path) -> int:
    """Write the library's tags as a codebook CSV to ``path`` (atomically); returns
    how many tags it holds."""
    roots = library.tag_tree()
    if not roots:
        raise ReaderError("there are no tags to export as a codebook")
    write_atomic(path, codebook_csv(roots))
    return sum(1 for root in roots for _ in root.walk())
