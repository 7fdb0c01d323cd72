"""Plain data the library (store) takes and returns: documents, annotations, tags,
excerpts, search hits, what the analyses read, codebook entries, teammates'
annotations set aside.

Like :mod:`reader.core.model`, these carry character offsets into ``Document.text``
and are JSON-ready through ``to_dict``. They live here, below the store, so that the
store needs nothing from the features (analysis, exchange, REFI-QDA) built on it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def cite_location(section_path: str, page: int | str | None) -> str:
    """``Part IV > (3) Financial Cooperation, p. 12``; just the path when there is no page.

    ``page`` is what the page shows as its number: a label ("iv") or the physical number.
    """
    if page is None:
        return section_path
    return f"{section_path}, p. {page}" if section_path else f"p. {page}"


def page_fields(page: int | None, label: str | None) -> dict[str, Any]:
    """JSON fields for a page: ``page`` (physical) and ``page_label`` (printed), each
    only when there is one."""
    out: dict[str, Any] = {}
    if page is not None:
        out["page"] = page
    if label is not None:
        out["page_label"] = label
    return out


@dataclass(slots=True)
class DocumentInfo:
    """A row of the library's document list (no text, no structure)."""

    id: str
    title: str
    date: str | None
    source: str | None
    format: str
    filename: str | None
    length: int  # characters of text
    imported: str  # ISO-8601 UTC
    annotations: int = 0  # live (not deleted) annotations

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data."""
        return asdict(self)


@dataclass(slots=True)
class Annotation:
    """A highlight: a span of a document's text with what the researcher said about it.

    ``prefix``/``suffix`` hold up to :data:`CONTEXT_CHARS` characters either side of
    the quote, so the span can be found again if offsets ever stop matching.
    """

    id: str  # uuid4
    document_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    author: str | None
    created: str  # ISO-8601 UTC
    modified: str
    deleted: str | None = None  # when it was deleted; None while live
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The annotation as JSON-ready data."""
        return asdict(self)


@dataclass(slots=True)
class Excerpt:
    """An annotation with where it stands: document title and section path."""

    annotation: Annotation
    document_title: str
    section_path: str  # "Part IV > 2. In the Economic Field > (3) Financial Cooperation"
    page: int | None = None  # 1-based physical page of the start, for paged documents (PDF)
    page_label: str | None = None  # the number printed on that page ("iv"), when labelled

    @property
    def location(self) -> str:
        """The section path with the page, as a citation gives it: ``Part IV > ..., p. 12``."""
        return cite_location(self.section_path, self.page_label or self.page)

    def to_dict(self) -> dict[str, Any]:
        """Flat JSON-ready form: the annotation's fields plus title, section path and page
        (and the printed page label, when the document has labels)."""
        d = self.annotation.to_dict()
        d["document_title"] = self.document_title
        d["section_path"] = self.section_path
        d.update(page_fields(self.page, self.page_label))
        return d


@dataclass(slots=True)
class TagNode:
    """A node of the tag tree. ``count`` is live annotations carrying this tag or a sub-tag.

    ``exists`` is False for a parent that is only implied by its children's paths
    (``economy`` when only ``economy/trade`` was ever used).
    """

    name: str  # last path segment: "trade"
    path: str  # full path: "economy/trade"
    count: int = 0
    exists: bool = True
    children: list[TagNode] = field(default_factory=list)
    description: str = ""  # what the tag means (codebooks carry it); "" when none

    def walk(self) -> list[TagNode]:
        """This node and all its descendants, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def to_dict(self) -> dict[str, Any]:
        """The node and its subtree as JSON-ready data."""
        return {
            "name": self.name,
            "path": self.path,
            "count": self.count,
            "exists": self.exists,
            "description": self.description,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(slots=True)
class SearchHit:
    """One ranked full-text match, in a document's text or in an annotation's note."""

    kind: str  # "text" | "note"
    document_id: str
    document_title: str
    start: int  # text hits: the first matching words; note hits: the annotation's span
    end: int
    section_path: str
    snippet: str  # matched terms wrapped in the marks passed to search()
    rank: float  # bm25: lower is better
    annotation_id: str | None = None
    page: int | None = None  # 1-based physical page of ``start``, for paged documents (PDF)
    page_label: str | None = None  # the number printed on that page, when labelled

    @property
    def location(self) -> str:
        """The section path with the page, as a citation gives it: ``Part IV > ..., p. 12``."""
        return cite_location(self.section_path, self.page_label or self.page)

    def to_dict(self) -> dict[str, Any]:
        """The hit as JSON-ready data; ``page``/``page_label`` only when there is one."""
        d = asdict(self)
        del d["page"], d["page_label"]
        d.update(page_fields(self.page, self.page_label))
        return d


# --- what the analyses read (Library.coding_data) -------------------------------------


@dataclass(slots=True)
class CodedSpan:
    """A live annotation as the statistics see it: where it is, who made it, its tags."""

    annotation_id: str
    document_id: str
    start: int
    end: int
    author: str | None
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """An outline section of a document (a row of the library's ``sections`` table)."""

    start: int
    end: int
    depth: int  # 0 = top level
    path: str  # "Part IV > 2. In the Economic Field"


@dataclass(slots=True)
class DocumentLayout:
    """What the statistics need of a document: its clauses and its outline sections."""

    id: str
    title: str
    clauses: list[tuple[int, int]]  # (start, end), in text order
    sections: list[Section] = field(default_factory=list)


@dataclass(slots=True)
class CodingData:
    """The documents considered and their live annotations."""

    documents: list[DocumentLayout]
    spans: list[CodedSpan]

    def considered_spans(self) -> list[CodedSpan]:
        """The spans in the documents considered (others are ignored everywhere)."""
        ids = {d.id for d in self.documents}
        return [s for s in self.spans if s.document_id in ids]


# --- codebooks (REFI-QDA) ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    """A code of a codebook as a tag: its path and what the codebook says of it
    (``guid``/``color`` None: not given)."""

    path: str
    description: str = ""
    guid: str | None = None
    color: str | None = None  # "#RRGGBB"
    codable: bool = True


@dataclass(frozen=True, slots=True)
class CodeIdentity:
    """What a tag keeps from an imported codebook (None: derive it as for any tag)."""

    guid: str | None
    color: str | None
    codable: bool


# --- teammates' annotations (team exchange) ---------------------------------------------


@dataclass(slots=True)
class PendingAnnotation:
    """A teammate's annotation that could not be placed, kept aside as received:
    an orphan (``document_id`` set: its document is here, its text is not) or one
    waiting for its document (``document_id`` None)."""

    id: str
    document_fingerprint: str | None
    document_title: str | None
    document_id: str | None
    reason: str
    modified: str
    color: str
    note: str
    tags: list[str]
    payload: str  # the annotation as an exchange file holds it (Web Annotation JSON)


@dataclass(slots=True)
class MergeCounts:
    """What a merge did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    set_aside: int = 0


@dataclass(slots=True)
class SetAside:
    """A shared annotation kept aside, as listed to the user."""

    id: str
    quote: str
    document_title: str | None
    document_fingerprint: str | None
    document_id: str | None
    reason: str
    author: str | None


@dataclass(frozen=True, slots=True)
class Tombstone:
    """A deleted annotation as teammates learn of it: its id, when it was deleted and
    whose it was (a team folder carries these so deletions reach everyone)."""

    id: str
    deleted: str  # ISO-8601 UTC
    author: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """The file a document was imported from, as recorded then."""

    document_id: str
    path: str
    size: int
    sha256: str
