"""Plain data passed between the core, the store, the exports and the UI.

Character offsets into ``Document.text`` (Python ``str`` indices, i.e. code points)
are the one currency between layers. The blocks of a document tile its text exactly:
``"".join(text[b.start:b.end] for b in blocks) == text``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Block kinds.
BLANK = "blank"  # whitespace between blocks
TITLE = "title"  # the document's own title line (metadata, not in the outline)
HEADING = "heading"  # an outline node's heading
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
CODE = "code"
FURNITURE = "furniture"  # page debris: kept in the text, shown apart, never in the outline

# Furniture roles of a paged source (PDF): repeated on every page (running lines, page
# numbers, rotated margin text, a table's header row printed again on the next page),
# never worth reading, so the reading view hides them and rejoins a paragraph across them.
PAGE_ROLES = frozenset(
    {"page-header", "page-footer", "page-number", "page-margin", "repeated-header"}
)
# Notes at the foot of a page: shown apart (after the paragraph they interrupt), never in
# the text flow; a paragraph runs across them as across a page break.
NOTE_ROLES = frozenset({"footnote"})


# Furniture hidden in the source (a web page's hidden elements: page-break markers, text
# for screen readers only): kept in the text, never shown, a paragraph runs across it.
HIDDEN_ROLES = frozenset({"hidden"})


def is_gap(block: Block) -> bool:
    """A blank run, page furniture or a footnote: what a paragraph may run across."""
    return block.kind == BLANK or (
        block.kind == FURNITURE
        and (block.role in PAGE_ROLES or block.role in NOTE_ROLES or block.role in HIDDEN_ROLES)
    )


def is_note(block: Block) -> bool:
    """A footnote block (see :data:`NOTE_ROLES`)."""
    return block.kind == FURNITURE and block.role in NOTE_ROLES


CONTENT_KINDS = frozenset({PARAGRAPH, LIST_ITEM, QUOTE})


@dataclass(slots=True)
class Block:
    """A run of the stored text with one role.

    ``content_start``/``content_end`` bound the meaningful text inside the block:
    without surrounding whitespace, Markdown ``#`` marks or a list bullet.
    """

    kind: str
    start: int
    end: int
    content_start: int
    content_end: int
    level: int = 0  # outline level (1 = top) for headings
    label: str | None = None  # "Part IV", "2.", "(3)" for headings and numbered items
    title: str | None = None  # heading title without its label
    role: str | None = None  # furniture role: breadcrumb, date, widget, rule, related, ...
    continues: bool = False  # a paragraph that continues the previous one (broken mid-sentence)

    def to_dict(self) -> dict[str, Any]:
        """The block as JSON-ready data."""
        d: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "content_start": self.content_start,
            "content_end": self.content_end,
        }
        for key in ("level", "label", "title", "role", "continues"):
            value = getattr(self, key)
            if value:
                d[key] = value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Block:
        """Inverse of :meth:`to_dict`."""
        return cls(
            kind=d["kind"],
            start=d["start"],
            end=d["end"],
            content_start=d["content_start"],
            content_end=d["content_end"],
            level=d.get("level", 0),
            label=d.get("label"),
            title=d.get("title"),
            role=d.get("role"),
            continues=d.get("continues", False),
        )


@dataclass(slots=True)
class OutlineNode:
    """A node of the document outline: ``Part IV`` > ``2.`` > ``(3)``.

    ``start`` is where its heading starts; ``end`` is where the next heading of the
    same or a higher level starts (or where the document's body ends).
    """

    label: str | None
    title: str
    level: int
    start: int
    end: int
    block: int  # index of the heading block
    children: list[OutlineNode] = field(default_factory=list)

    @property
    def display(self) -> str:
        """``Part IV Further Strengthening ...``: label and title as one line."""
        if self.label and self.title:
            # Chinese numbering runs into its title: "一、总体要求", "（一）指导思想".
            tight = self.label[-1] in "、）．" or (
                self.label[-1] == ")" and "\u4e00" <= self.title[0] <= "\u9fff"
            )
            return f"{self.label}{'' if tight else ' '}{self.title}"
        return self.label or self.title

    def to_dict(self) -> dict[str, Any]:
        """The node and its subtree as JSON-ready data."""
        return {
            "label": self.label,
            "title": self.title,
            "level": self.level,
            "start": self.start,
            "end": self.end,
            "children": [c.to_dict() for c in self.children],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], block: int = -1) -> OutlineNode:
        """Inverse of :meth:`to_dict` (``block`` is not part of the JSON form)."""
        return cls(
            label=d["label"],
            title=d["title"],
            level=d["level"],
            start=d["start"],
            end=d["end"],
            block=d.get("block", block),
            children=[cls.from_dict(c) for c in d.get("children", [])],
        )

    def walk(self) -> list[OutlineNode]:
        """This node and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(slots=True)
class Clause:
    """A sentence, or a bullet item taken as one unit, inside a content block."""

    start: int
    end: int
    block: int  # index of the block the clause starts in
    kind: str = "sentence"  # "sentence" | "item"

    def to_dict(self) -> dict[str, Any]:
        """The clause as JSON-ready data."""
        return {"start": self.start, "end": self.end, "block": self.block, "kind": self.kind}


@dataclass(slots=True)
class Document:
    """An imported document: its exact text and what the core found in it."""

    id: str  # SHA-256 (hex) of the normalised text
    title: str
    date: str | None  # YYYY-MM-DD
    source: str | None
    format: str  # "text" | "markdown" | "html" | "pdf" | "docx"
    text: str
    # Lists as an importer builds them; read from the library, compact read-only tables
    # (reader.core.compact_model) that equal the lists they were made from.
    blocks: Sequence[Block]
    outline: list[OutlineNode]
    clauses: Sequence[Clause]
    encoding: str | None = None
    filename: str | None = None
    pages: list[int] = field(default_factory=list)  # start offset of each page; [] if unpaged
    # What each page has printed as its number ("iv", "A-1"), when the source says (PDF
    # page labels); [] when the physical numbers are the page numbers.
    page_labels: list[str] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The 1-based physical page holding ``offset``, or None without pages."""
        return page_at(self.pages, offset)

    def page_label_at(self, offset: int) -> str | None:
        """The page number a citation gives for ``offset``: the printed label when the
        source has page labels, else the physical number; None without pages."""
        page = self.page_at(offset)
        if page is None:
            return None
        return self.page_labels[page - 1] if self.page_labels else str(page)

    def iter_nodes(self) -> list[OutlineNode]:
        """Every outline node in document order."""
        out: list[OutlineNode] = []
        for node in self.outline:
            out.extend(node.walk())
        return out

    def section_path(self, offset: int) -> list[OutlineNode]:
        """The chain of outline nodes (outermost first) that contain ``offset``."""
        return section_path_in(self.outline, offset)

    def section_path_text(self, offset: int, sep: str = " > ") -> str:
        """``Part IV > 2. In the Economic Field > (3) Financial Cooperation``.

        See :func:`path_text`.
        """
        return path_text(self.section_path(offset), sep)

    def location_at(self, offset: int) -> str:
        """Where ``offset`` stands as a citation gives it: section path and page,
        ``Part IV > (3) Financial Cooperation, p. 12``."""
        from reader.core.library_model import cite_location

        return cite_location(self.section_path_text(offset), self.page_label_at(offset))

    def metadata(self) -> dict[str, Any]:
        """Title, date, source and identity, as JSON-ready data."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "filename": self.filename,
        }


def _node_start(node: OutlineNode) -> int:
    return node.start


def section_path_in(outline: list[OutlineNode], offset: int) -> list[OutlineNode]:
    """The chain of nodes of ``outline`` (outermost first) that contain ``offset``."""
    path: list[OutlineNode] = []
    nodes = outline
    while nodes:
        # Siblings are in document order and do not overlap: only the last one
        # starting at or before ``offset`` can hold it (found by bisection: an import
        # asks this for every one of thousands of sections).
        i = bisect_right(nodes, offset, key=_node_start) - 1
        if i < 0 or not nodes[i].start <= offset < nodes[i].end:
            break
        path.append(nodes[i])
        nodes = nodes[i].children
    return path


_ROMAN = frozenset("IVXLCDMivxlcdm")


def names_itself(label: str) -> bool:
    """Whether a heading's label says what it heads without its title: ``Part IV``,
    ``Article 5``, ``Appendix A``, ``§ 4``, ``第一章``; not a bare number (``4.``, ``IV.``,
    ``(a)``), which alone tells a reader nothing."""
    word = ""
    for ch in label + " ":
        if ch == "§" or "\u3400" <= ch <= "\u9fff":  # § 4; a CJK label (第一章) is words
            return True
        if ch.isalpha():
            word += ch
            continue
        if len(word) >= 2 and not _ROMAN.issuperset(word):
            return True
        word = ""
    return False


def path_text(path: Sequence[OutlineNode], sep: str = " > ") -> str:
    """A section path as a citation gives it: ``Part IV > 2. In the Economic Field >
    (3) Financial Cooperation``. The outermost node shows only its label when the label
    names itself (:func:`names_itself`); a bare number (``4.``) keeps its title, and
    inner nodes show label and title."""
    parts = []
    for i, node in enumerate(path):
        if i == 0 and len(path) > 1 and node.label and names_itself(node.label):
            parts.append(node.label)
        else:
            parts.append(node.display)
    return sep.join(parts)


def page_at(pages: list[int], offset: int) -> int | None:
    """The 1-based page of ``offset`` given page start offsets (None when ``pages`` is empty)."""
    if not pages:
        return None
    return max(1, bisect_right(pages, offset))
