"""Tag lens: one tag's excerpts from two documents, side by side in outline order."""

from __future__ import annotations

from typing import Protocol

from reader.core.library_model import Excerpt


class ExcerptSource(Protocol):
    """What the lens needs of the library (``Library.excerpts``)."""

    def excerpts(self, tags: tuple[str, ...] = ..., document_id: str | None = ...) -> list[Excerpt]:
        """Live excerpts with every tag in ``tags`` (or a sub-tag), in one document."""
        ...


def tag_lens(
    library: ExcerptSource, doc_a_id: str, doc_b_id: str, tag: str
) -> tuple[list[Excerpt], list[Excerpt]]:
    """The live excerpts tagged ``tag`` (or a sub-tag) in each document, in text order.

    Text order is outline order: the outline nests in the text. Overlapping highlights
    keep the order of their starts, then ends.
    """

    def of(doc_id: str) -> list[Excerpt]:
        found = library.excerpts(tags=(tag,), document_id=doc_id)
        return sorted(found, key=lambda e: (e.annotation.start, e.annotation.end))

    return of(doc_a_id), of(doc_b_id)
