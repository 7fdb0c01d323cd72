"""Helpers to state expected outlines compactly in tests."""

from __future__ import annotations

from reader.core.model import Document, OutlineNode


def tree(nodes: list[OutlineNode]) -> list:
    """Nested ``(display, children)`` tuples; leaves are plain display strings."""
    out = []
    for n in nodes:
        out.append((n.display, tree(n.children)) if n.children else n.display)
    return out


def check_offsets(doc: Document) -> None:
    """Every node starts at its heading and nests inside its parent's span."""

    def walk(nodes: list[OutlineNode], lo: int, hi: int, level: int) -> None:
        for n in nodes:
            assert lo <= n.start <= n.end <= hi, (n.display, lo, n.start, n.end, hi)
            assert n.level == level
            heading = " ".join(doc.text[n.start : n.end].split()).lstrip("# \t")
            assert heading.startswith(n.label or n.title), (n.display, heading[:40])
            walk(n.children, n.start, n.end, level + 1)

    walk(doc.outline, 0, len(doc.text), 1)


def blocks_of(doc: Document, kind: str, attr: str) -> list[tuple[object, str]]:
    """``(block.<attr>, content)`` of every block of ``kind``, in order."""
    return [
        (getattr(b, attr), doc.text[b.content_start : b.content_end])
        for b in doc.blocks
        if b.kind == kind
    ]
