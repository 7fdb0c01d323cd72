"""Plain data of a comparison between two documents: units, pairs, alignment, diff ops.

Like the rest of the core, every span is a character offset into the ``Document.text``
of the document the unit belongs to.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from reader.core.library_model import cite_location

# Unit kinds.
SECTION = "section"  # an outline node (or a node's own text before its first child)
PARAGRAPH = "paragraph"  # a body paragraph of a document without a usable outline

# Pair methods: what the alignment relied on.
BY_TITLE = "title"
BY_TEXT = "text"
BY_TITLE_AND_TEXT = "title+text"
# A paragraph saying little on its own, paired with the section of the paragraph before.
BY_CONTEXT = "context"

# Diff op kinds (as difflib names them; "replace" is shown as reworded).
EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"
REPLACE = "replace"


@dataclass(slots=True, frozen=True)
class Unit:
    """One comparable piece of a document: a section or a body paragraph."""

    key: str  # stable within the document: "n12" (outline node) or "p7" (paragraph)
    kind: str  # SECTION | PARAGRAPH
    start: int  # span in Document.text (heading included for sections)
    end: int
    body_start: int  # where the unit's own text starts (after its heading), for diffs
    label: str | None  # heading label ("(1)"), None for paragraphs
    title: str  # heading title; for paragraphs the first words
    path: str  # citation: "Part IV > 5. ... > (1) Military Exchanges and Cooperation"
    page: int | None = None  # physical page where the unit starts (paged sources only)
    page_label: str | None = None  # the number that page prints ("iv"), for citations

    @property
    def display(self) -> str:
        """Label and title as one line: ``(1) Military Exchanges and Cooperation``."""
        if self.label and self.title:
            return f"{self.label} {self.title}"
        return self.label or self.title

    @property
    def citation(self) -> str:
        """Path and page as a citation gives them: ``Part IV > (1) Trade, p. 3``."""
        return cite_location(self.path or self.display, self.page_label or self.page)

    def to_dict(self) -> dict[str, Any]:
        """The unit as JSON-ready data (``page``/``page_label`` only when it has them)."""
        d = asdict(self)
        for key in ("page", "page_label"):
            if d[key] is None:
                del d[key]
        return d


@dataclass(slots=True)
class Pair:
    """Two units, one from each document, that speak about the same thing."""

    a: Unit
    b: Unit
    score: float  # 0..1 confidence of the alignment
    method: str  # BY_TITLE | BY_TEXT | BY_TITLE_AND_TEXT | BY_CONTEXT
    similarity: float  # 0..1 text similarity of the two units' bodies

    def to_dict(self) -> dict[str, Any]:
        """The pair as JSON-ready data (scores rounded to 3 decimals)."""
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "score": round(self.score, 3),
            "method": self.method,
            "similarity": round(self.similarity, 3),
        }


@dataclass(slots=True)
class Alignment:
    """How the units of document A correspond to those of document B."""

    doc_a: str  # document ids
    doc_b: str
    pairs: list[Pair]  # in A's document order; a unit may be in several pairs (splits)
    only_a: list[Unit]
    only_b: list[Unit]

    def to_dict(self) -> dict[str, Any]:
        """The alignment as JSON-ready data."""
        return {
            "doc_a": self.doc_a,
            "doc_b": self.doc_b,
            "pairs": [p.to_dict() for p in self.pairs],
            "only_a": [u.to_dict() for u in self.only_a],
            "only_b": [u.to_dict() for u in self.only_b],
        }

    def counterparts(self, side: str, key: str) -> list[Unit]:
        """The units paired with unit ``key`` of side ``"a"`` or ``"b"``, in order."""
        if side == "a":
            return [p.b for p in self.pairs if p.a.key == key]
        if side == "b":
            return [p.a for p in self.pairs if p.b.key == key]
        raise ValueError(f"side must be 'a' or 'b', not {side!r}")


@dataclass(slots=True, frozen=True)
class DiffOp:
    """One run of a word diff, with ABSOLUTE offsets into each document's text."""

    kind: str  # EQUAL | INSERT | DELETE | REPLACE
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def to_dict(self) -> dict[str, Any]:
        """The op as JSON-ready data."""
        return asdict(self)
