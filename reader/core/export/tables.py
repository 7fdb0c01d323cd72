"""The same selection as CSV (for spreadsheets) and JSON (for scripts)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from reader import __version__
from reader.core.export.selection import ExportSelection
from reader.core.export.spreadsheet import csv_text
from reader.core.library_model import Excerpt, page_fields

CSV_COLUMNS = [
    "annotation_id",
    "document_id",
    "document_title",
    "document_date",
    "section_path",
    "start",
    "end",
    "quote",
    "note",
    "tags",
    "color",
    "author",
    "created",
    "modified",
]


def _values(ex: Excerpt, dates: dict[str, str | None]) -> tuple:
    """One excerpt's fields, in :data:`CSV_COLUMNS` order."""
    a = ex.annotation
    return (
        a.id, a.document_id, ex.document_title, dates.get(a.document_id), ex.location,
        a.start, a.end, a.quote, a.note, a.tags, a.color, a.author, a.created, a.modified,
    )  # fmt: skip


def _dates(sel: ExportSelection) -> dict[str, str | None]:
    return {doc_id: doc.date for doc_id, doc in sel.documents.items()}


def rows(sel: ExportSelection) -> list[dict[str, Any]]:
    """One flat record per excerpt; the section path carries the page (``, p. 12``) when the
    document has pages."""
    dates = _dates(sel)
    out = []
    for ex in sel.excerpts:
        row = dict(zip(CSV_COLUMNS, _values(ex, dates), strict=True))
        row["tags"] = list(row["tags"])
        out.append(row)
    return out


def _with_page(row: dict[str, object], ex: Excerpt) -> dict[str, object]:
    """JSON records of paged documents also give the page as a number, after the path."""
    if ex.page is None:
        return row
    out: dict[str, object] = {}
    for key, value in row.items():
        out[key] = value
        if key == "section_path":
            out.update(page_fields(ex.page, ex.page_label))
    return out


def to_csv(sel: ExportSelection) -> str:
    """Excerpts as CSV with a header row; tags are joined with "; " (cells guarded
    against formulas: :mod:`reader.core.export.spreadsheet`)."""
    dates = _dates(sel)
    tags = CSV_COLUMNS.index("tags")

    def records() -> Iterator[list[object]]:
        for ex in sel.excerpts:
            values = list(_values(ex, dates))
            values[tags] = "; ".join(values[tags])
            yield values

    return csv_text([CSV_COLUMNS, *records()])


def to_json(sel: ExportSelection) -> str:
    """Excerpts as JSON with what was selected and when."""
    data = {
        "generator": f"Policy Reader {__version__}",
        "exported": sel.exported,
        "selection": {"tags": sel.tags, "documents": sel.document_titles, "authors": sel.authors},
        "excerpts": [_with_page(row, ex) for row, ex in zip(rows(sel), sel.excerpts, strict=True)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
