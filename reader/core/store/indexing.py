"""What the library indexes for a document: searchable chunks and section paths.

Pure functions (no SQL), shared by the store and by the migrations that backfill
older libraries.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from typing import Any

from reader.core.model import (
    BLANK,
    FURNITURE,
    Block,
    Clause,
    OutlineNode,
    path_text,
)

# Paragraphs are split on blank lines when a document comes without blocks.
_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")
# Consecutive paragraphs of one section are indexed together up to this size: fewer
# rows keep ranking a very common word fast (bm25 costs about 1 us a row), while a
# snippet still comes from the best 32 words and a hit still maps to its section.
CHUNK_CHARS = 2000


def search_chunks(
    text: str, blocks: Sequence[Block], outline: list[OutlineNode] | None = None
) -> list[tuple[int, int]]:
    """Spans of ``text`` to index for search: runs of headings, paragraphs and items.

    A span never crosses a section boundary, so its start gives the section path of
    every hit in it. Page furniture is left out: a breadcrumb repeated on every page
    would only add noise to the ranking.
    """
    if blocks:
        pieces = [
            (b.content_start, b.content_end)
            for b in blocks
            if b.kind not in (BLANK, FURNITURE)
            and b.content_end > b.content_start
            and text[b.content_start : b.content_end].strip()
        ]
    else:
        pieces = [m.span() for m in _PARAGRAPH.finditer(text)]
    boundaries = sorted(
        {x for root in outline or [] for node in root.walk() for x in (node.start, node.end)}
    )
    chunks: list[tuple[int, int]] = []
    region = -1
    for start, end in pieces:
        here = bisect.bisect_right(boundaries, start)
        if chunks and here == region and end - chunks[-1][0] <= CHUNK_CHARS:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
            region = here
    return chunks


def section_rows(outline: list[OutlineNode]) -> list[tuple[int, int, int, str]]:
    """``(start, end, depth, path)`` for every node of a document's ``outline``.

    The deepest row containing an offset gives that offset's section path, so
    excerpts and search find it in SQL without loading the outline.
    """
    rows = []

    def visit(nodes: list[OutlineNode], above: list[OutlineNode]) -> None:
        # The walk holds each node's ancestors: its path is them and itself, with no
        # search from the root again for every one of thousands of sections.
        for node in nodes:
            chain = [*above, node]
            if node.end > node.start:
                rows.append((node.start, node.end, len(above), path_text(chain)))
            visit(node.children, chain)

    visit(outline, [])
    return rows


def outline_to_json(nodes: list[OutlineNode]) -> str:
    """The outline as JSON, keeping each node's heading block index."""

    def node_dict(node: OutlineNode) -> dict[str, Any]:
        d = node.to_dict()
        d["block"] = node.block
        d["children"] = [node_dict(c) for c in node.children]
        return d

    return json.dumps([node_dict(n) for n in nodes], ensure_ascii=False)


# Opening a document rebuilds tens of thousands of blocks and clauses: the stored keys
# are the fields' names, so each is built from its dict as the JSON is read (one dict
# alive at a time, not all of them), and the slower from_dict path stays for anything
# stored otherwise.


def outline_from_json(data: str) -> list[OutlineNode]:
    """Inverse of :func:`outline_to_json`."""
    try:
        return json.loads(data, object_hook=lambda d: OutlineNode(**d))
    except TypeError:
        return [OutlineNode.from_dict(d) for d in json.loads(data)]


def blocks_to_json(blocks: list[Block]) -> str:
    """Blocks as compact JSON."""
    return json.dumps([b.to_dict() for b in blocks], ensure_ascii=False)


def blocks_from_json(data: str) -> list[Block]:
    """Inverse of :func:`blocks_to_json`."""
    try:
        return json.loads(data, object_hook=lambda d: Block(**d))
    except TypeError:
        return [Block.from_dict(d) for d in json.loads(data)]


def clauses_to_json(clauses: list[Clause]) -> str:
    """Clauses as compact JSON."""
    return json.dumps([c.to_dict() for c in clauses])


def clauses_from_json(data: str) -> list[Clause]:
    """Inverse of :func:`clauses_to_json`."""
    try:
        return json.loads(data, object_hook=lambda d: Clause(**d))
    except TypeError:
        return [
            Clause(start=d["start"], end=d["end"], block=d["block"], kind=d.get("kind", "sentence"))
            for d in json.loads(data)
        ]
