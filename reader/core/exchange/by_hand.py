"""Placing a teammate's annotation by hand: the user selects the passage it belongs to
(its quote was reworded in this edition) and it becomes a highlight there, keeping its
id, author, colour, note and tags."""

from __future__ import annotations

import json

from reader.core.errors import LibraryError
from reader.core.exchange.plan import Placed
from reader.core.exchange.validation import parse_annotation
from reader.core.library_model import Annotation, PendingAnnotation
from reader.core.quotes import context


def placed_by_hand(
    pending: PendingAnnotation, document_id: str, text: str, start: int, end: int
) -> Annotation:
    """The annotation ``pending`` becomes at ``text[start:end]`` of a document."""
    if not 0 <= start < end <= len(text):
        raise LibraryError("select the passage to place it on first")
    shared = parse_annotation(json.loads(pending.payload))
    prefix, suffix = context(text, start, end)
    quote = text[start:end]
    return Placed(shared, document_id, start, end, quote, prefix, suffix, "by hand").annotation()
