"""The same selection as CSV (for spreadsheets) and JSON (for scripts)."""

from __future__ import annotations

import json
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


def rows(sel: ExportSelection) -> list[dict[str, Any]]:
    """One flat record per excerpt; the section path carries the page (``, p. 12``) when the
    document has pages."""
    out = []
    for ex in sel.excerpts:
        a = ex.annotation
        doc = sel.documents.get(a.document_id)
        out.append(
            {
                "annotation_id": a.id,
                "document_id": a.document_id,
                "document_title": ex.document_title,
                "document_date": doc.date if doc else None,
                "section_path": ex.location,
                "start": a.start,
                "end": a.end,
                "quote": a.quote,
                "note": a.note,
                "tags": list(a.tags),
                "color": a.color,
                "author": a.author,
                "created": a.created,
                "modified": a.modified,
            }
        )
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
    records = rows(sel)
    for row in records:
        row["tags"] = "; ".join(row["tags"])
    return csv_text([CSV_COLUMNS, *([row[c] for c in CSV_COLUMNS] for row in records)])


def to_json(sel: ExportSelection) -> str:
    """Excerpts as JSON with what was selected and when."""
    data = {
        "generator": f"Policy Reader {__version__}",
        "exported": sel.exported,
        "selection": {"tags": sel.tags, "documents": sel.document_titles, "authors": sel.authors},
        "excerpts": [_with_page(row, ex) for row, ex in zip(rows(sel), sel.excerpts, strict=True)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
