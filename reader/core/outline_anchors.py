"""Outline entries a source names but its text does not print, anchored at a block.

A PDF's bookmark may point at a spot whose page prints no title (a journal's reference
list starts without a "References" line). Writing the bookmark's title into the stored
text would invent a line the source does not hold; instead the outline gets a node
whose title is the bookmark's, starting at the block that stands where it points.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from reader.core.model import BLANK, FURNITURE, Document, OutlineNode
from reader.core.structure import nest_outline


@dataclass(slots=True)
class Anchor:
    """An outline entry without a heading in the text: its node starts at the block
    that starts at (or holds) ``start``."""

    start: int
    level: int
    title: str


def add_anchors(doc: Document, anchors: list[Anchor]) -> None:
    """Put ``anchors`` into the document's outline, each before any heading that
    starts at the same block; nesting and ends follow from the levels, as for
    headings."""
    if not anchors:
        return
    starts = [b.start for b in doc.blocks]
    body_end = max(
        (b.end for b in doc.blocks if b.kind not in (BLANK, FURNITURE)), default=len(doc.text)
    )
    entries: list[tuple[int, int, OutlineNode]] = []
    for n in doc.iter_nodes():
        node = OutlineNode(n.label, n.title, n.level, n.start, body_end, n.block)
        entries.append((n.start, 1, node))
    for a in anchors:
        i = max(0, bisect_right(starts, a.start) - 1)
        node = OutlineNode(None, a.title, max(1, a.level), doc.blocks[i].start, body_end, i)
        entries.append((node.start, 0, node))
    entries.sort(key=lambda e: (e[0], e[1]))
    doc.outline = nest_outline([node for _, _, node in entries], body_end)
