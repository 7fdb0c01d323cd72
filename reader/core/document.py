"""The shared pipeline after an importer: furniture, structure, metadata, clauses."""

from __future__ import annotations

from reader.core.clauses import split_clauses
from reader.core.fingerprint import fingerprint
from reader.core.furniture import mark_furniture
from reader.core.metadata import Metadata, derive
from reader.core.model import Block, Document
from reader.core.structure import analyse


def build_document(
    text: str,
    blocks: list[Block],
    fmt: str,
    *,
    encoding: str | None = None,
    filename: str | None = None,
    hints: Metadata | None = None,
    conventions: bool = True,
) -> Document:
    """Turn an importer's text and initial blocks into a :class:`Document`.

    :param blocks: blocks tiling ``text``; explicit headings (Markdown, HTML) come
        with kind ``heading`` and their source level, everything else unclassified.
    :param conventions: also look for headings written as text conventions.
    """
    mark_furniture(text, blocks)
    outline = analyse(text, blocks, conventions)
    meta = derive(text, blocks, hints or Metadata(), filename)
    return Document(
        id=fingerprint(text),
        title=meta.title or "Untitled",
        date=meta.date,
        source=meta.source,
        format=fmt,
        text=text,
        blocks=blocks,
        outline=outline,
        clauses=split_clauses(text, blocks),
        encoding=encoding,
        filename=filename,
    )
