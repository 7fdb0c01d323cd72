"""The reading view as plain text: what ``main.py text FILE`` prints.

Researchers copy clean text from it, and it lets anyone check an extraction: the text
the reading view shows, one block a paragraph, with running headers, footers, page
numbers, footnotes and other page furniture left out. The JSON form keeps every block
of the view, each marked with its kind (and furniture role), its page and the span of
the stored text it shows.
"""

from __future__ import annotations

from typing import Any

from reader.core.model import FURNITURE, Document
from reader.core.reading import build_reading_view


def reading_text(doc: Document) -> str:
    """The reading view's text without furniture or footnotes, blocks separated by a
    blank line."""
    view = build_reading_view(doc)
    return "\n\n".join(rb.text for rb in view.blocks if rb.kind != FURNITURE) + "\n"


def reading_blocks(doc: Document) -> list[dict[str, Any]]:
    """Every block of the reading view as JSON-ready data: ``kind`` (``title``,
    ``heading``, ``paragraph``, ``list_item``, ``furniture`` ...), ``role`` for furniture
    (``footnote``, ``breadcrumb`` ...), ``level`` for headings, ``text``, the stored-text
    span ``start``/``end`` and, for a paged document, its ``page``."""
    view = build_reading_view(doc)
    out = []
    for rb in view.blocks:
        d: dict[str, Any] = {"kind": rb.kind}
        if rb.role:
            d["role"] = rb.role
        if rb.level:
            d["level"] = rb.level
        d["text"] = rb.text
        d["start"], d["end"] = rb.source_start, rb.source_end
        if doc.pages:
            d["page"] = doc.page_at(rb.source_start)
        out.append(d)
    return out
