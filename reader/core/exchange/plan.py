"""Plan a merge of shared annotations: find their documents, re-anchor, sort the rest.

Read-only: it asks the library for documents and texts, and decides for each shared
annotation where it goes. The store then applies the plan in one transaction, as
annotations (:meth:`Placed.annotation`) and annotations kept aside
(:meth:`Unplaced.pending`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.core.anchoring import Anchorer
from reader.core.exchange.matching import DocumentMatch, find_document
from reader.core.exchange.webannotation import SharedAnnotation, to_web_annotation
from reader.core.library_model import Annotation, DocumentInfo, PendingAnnotation
from reader.core.quotes import context


@dataclass(slots=True)
class Placed:
    """A shared annotation anchored in a library document."""

    shared: SharedAnnotation
    document_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    method: str  # how it was anchored: position, quote, whitespace, fuzzy

    def annotation(self) -> Annotation:
        """The annotation to merge into the library."""
        s = self.shared
        return Annotation(
            id=s.id,
            document_id=self.document_id,
            start=self.start,
            end=self.end,
            quote=self.quote,
            prefix=self.prefix,
            suffix=self.suffix,
            color=s.color,
            note=s.note,
            author=s.author,
            created=s.created,
            modified=s.modified,
            tags=list(s.tags),
        )


@dataclass(slots=True)
class Unplaced:
    """A shared annotation kept aside: an orphan (its document is here, its text is not)
    or one waiting for its document to be imported."""

    shared: SharedAnnotation
    document_id: str | None
    reason: str

    def pending(self) -> PendingAnnotation:
        """What the library keeps aside: the annotation as an exchange file holds it."""
        s = self.shared
        return PendingAnnotation(
            id=s.id,
            document_fingerprint=s.document_fingerprint,
            document_title=s.document_title,
            document_id=self.document_id,
            reason=self.reason,
            modified=s.modified,
            color=s.color,
            note=s.note,
            tags=list(s.tags),
            payload=json.dumps(to_web_annotation(s), ensure_ascii=False),
        )


@dataclass
class MergePlan:
    """What to do with each shared annotation, and which documents were matched how."""

    placed: list[Placed] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    matches: list[tuple[str, DocumentMatch]] = field(default_factory=list)

    def annotations(self) -> list[Annotation]:
        """The placed annotations, as the library merges them."""
        return [p.annotation() for p in self.placed]

    def pending(self) -> list[PendingAnnotation]:
        """The annotations to keep aside, as the library keeps them."""
        return [u.pending() for u in self.unplaced]


def newest_by_id(annotations: Sequence[SharedAnnotation]) -> list[SharedAnnotation]:
    """One annotation per id (the most recently modified), in first-seen order."""
    keep: dict[str, SharedAnnotation] = {}
    for ann in annotations:
        old = keep.get(ann.id)
        if old is None or ann.modified > old.modified:
            keep[ann.id] = ann
    return list(keep.values())


def place(
    shared: SharedAnnotation, document_id: str, text: str, anchorer: Anchorer
) -> Placed | Unplaced:
    """Re-anchor one annotation in a document's text."""
    anchor = anchorer.resolve(shared.selectors)
    if anchor is None:
        return Unplaced(shared, document_id, "its quoted text was not found in the document")
    prefix, suffix = context(text, anchor.start, anchor.end)
    return Placed(
        shared,
        document_id,
        anchor.start,
        anchor.end,
        text[anchor.start : anchor.end],
        prefix,
        suffix,
        anchor.method,
    )


def plan_merge(
    annotations: Sequence[SharedAnnotation],
    documents: Sequence[DocumentInfo],
    text_of: Callable[[str], str],
) -> MergePlan:
    """Decide, for every shared annotation, its document and span (or why it has none)."""
    plan = MergePlan()
    groups: dict[tuple[str | None, str | None], list[SharedAnnotation]] = defaultdict(list)
    for ann in newest_by_id(annotations):
        groups[(ann.document_fingerprint, ann.document_title)].append(ann)
    for (fingerprint, title), items in groups.items():
        match = find_document(
            fingerprint, title, [a.selectors.exact for a in items], documents, text_of
        )
        if match is None:
            for ann in items:
                plan.unplaced.append(Unplaced(ann, None, "its document is not in the library"))
            continue
        plan.matches.append((title or fingerprint or "?", match))
        text = text_of(match.document_id)
        anchorer = Anchorer(text)
        for ann in items:
            result = place(ann, match.document_id, text, anchorer)
            if isinstance(result, Placed):
                plan.placed.append(result)
            else:
                plan.unplaced.append(result)
    return plan
