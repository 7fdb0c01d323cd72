"""Cut a document into comparable units: outline sections, or body paragraphs.

A structured document (a policy paper: Part > field > section) is compared section by
section: the leaves of its outline, plus a node's own text before its first child
when it has some (a field's preamble). A document without a usable outline (a news
report) is compared paragraph by paragraph, paragraphs broken mid-sentence joined.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from reader.core.compare.model import PARAGRAPH, SECTION, Unit
from reader.core.model import CONTENT_KINDS, FURNITURE, Block, Document, OutlineNode

# Fewer sections than this and the outline says little: compare paragraphs instead.
MIN_SECTIONS = 2
# Words of a paragraph shown as its title.
TITLE_WORDS = 8


def comparison_units(doc: Document) -> list[Unit]:
    """The units of ``doc`` in document order: sections if it has an outline, else paragraphs."""
    sections = section_units(doc)
    if len(sections) >= MIN_SECTIONS:
        return sections
    return paragraph_units(doc)


def section_units(doc: Document) -> list[Unit]:
    """One unit per outline leaf, and per inner node whose own text precedes its children."""
    starts = [b.start for b in doc.blocks]
    units: list[Unit] = []
    for index, node in enumerate(doc.iter_nodes()):
        end = node.children[0].start if node.children else node.end
        body_start = _heading_end(doc, starts, node)
        if node.children and not _has_content(doc.blocks, starts, body_start, end):
            continue
        units.append(
            Unit(
                key=f"n{index}",
                kind=SECTION,
                start=node.start,
                end=end,
                body_start=body_start,
                label=node.label,
                title=node.title,
                path=doc.section_path_text(node.start),
                page=doc.page_at(node.start),
                page_label=doc.page_label_at(node.start),
            )
        )
    return units


def paragraph_units(doc: Document) -> list[Unit]:
    """One unit per body paragraph (list items and quotes count), skipping title and furniture."""
    spans: list[list[int]] = []
    for block in doc.blocks:
        if block.kind not in CONTENT_KINDS:
            continue
        if block.continues and spans:
            spans[-1][1] = block.content_end
        else:
            spans.append([block.content_start, block.content_end])
    units = []
    for number, (start, end) in enumerate(spans, 1):
        units.append(
            Unit(
                key=f"p{number}",
                kind=PARAGRAPH,
                start=start,
                end=end,
                body_start=start,
                label=None,
                title=_first_words(doc.text[start:end]),
                path=_paragraph_path(doc, start, number),
                page=doc.page_at(start),
                page_label=doc.page_label_at(start),
            )
        )
    return units


def text_spans(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``doc.text[start:end]`` that are not page furniture, in order.

    Running headers, page numbers, web widgets and "Related" lists sit inside a
    section's span but are no part of what it says: compared, they would read as
    added or removed words.
    """
    starts = [b.start for b in doc.blocks]
    spans: list[tuple[int, int]] = []
    pos = start
    i = max(bisect_right(starts, start) - 1, 0)
    while i < len(doc.blocks) and doc.blocks[i].start < end:
        block = doc.blocks[i]
        if block.kind == FURNITURE and block.end > start:
            if block.start > pos:
                spans.append((pos, block.start))
            pos = max(pos, block.end)
        i += 1
    if pos < end:
        spans.append((pos, end))
    return spans


def span_text(doc: Document, start: int, end: int) -> str:
    """``doc.text[start:end]`` without its page furniture."""
    return "".join(doc.text[s:e] for s, e in text_spans(doc, start, end))


def _heading_end(doc: Document, starts: list[int], node: OutlineNode) -> int:
    """Where the node's heading block ends (its own text begins)."""
    i = bisect_right(starts, node.start) - 1
    if i >= 0 and doc.blocks[i].end > node.start:
        return min(doc.blocks[i].end, node.end)
    return node.start


def _has_content(blocks: Sequence[Block], starts: list[int], start: int, end: int) -> bool:
    i = max(bisect_right(starts, start) - 1, 0)
    while i < len(blocks) and blocks[i].start < end:
        b = blocks[i]
        if b.kind in CONTENT_KINDS and b.content_end > start and b.content_end > b.content_start:
            return True
        i += 1
    return False


def _first_words(text: str) -> str:
    words = text.split()
    head = " ".join(words[:TITLE_WORDS])
    return head + " …" if len(words) > TITLE_WORDS else head


def _paragraph_path(doc: Document, start: int, number: int) -> str:
    """``Paragraph 7``, inside its section when the document has a (thin) outline."""
    section = doc.section_path_text(start)
    return f"{section} > Paragraph {number}" if section else f"Paragraph {number}"
