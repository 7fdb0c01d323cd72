"""A document open in a view, with its live annotations in text order.

The main window and each pane of the compare window show a document and its
highlights; this keeps the one copy of that state each of them needs: the document,
its reading view, the annotations sorted by position, which one is at an offset, and
how an undoable :class:`~reader.ui.undo_commands.Change` updates them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from reader.core.errors import ReaderError
from reader.core.library_model import Annotation
from reader.core.model import Document
from reader.core.reading import ReadingView, build_reading_view
from reader.core.store import Library
from reader.ui.undo_commands import Change


class OpenDocument:
    """``doc`` (None: nothing open) and its ``annotations``, read from ``library``."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.doc: Document | None = None
        self.reading: ReadingView | None = None
        self.annotations: list[Annotation] = []
        self._starts: list[int] = []
        self._by_id: dict[str, Annotation] = {}

    def load(self, doc: Document | None) -> None:
        """Open ``doc`` (None: close) and read its annotations."""
        self.doc = doc
        self.reading = build_reading_view(doc) if doc is not None else None
        self.reload()

    def reload(self) -> list[Annotation]:
        """Re-read every live annotation of the document."""
        self.annotations = self.library.annotations(self.doc.id) if self.doc else []
        self._starts = [a.start for a in self.annotations]
        self._by_id = {a.id: a for a in self.annotations}
        return self.annotations

    def touches(self, change: Change) -> bool:
        """Whether ``change`` is about this document."""
        return self.doc is not None and change.document_id == self.doc.id

    def apply(self, change: Change) -> Annotation | None:
        """Re-read the one annotation ``change`` touched (call when :meth:`touches`):
        re-reading all of a document's highlights would cost more than a keystroke
        allows. Returns it (``deleted`` set when it went); None when it could not be
        read, and every annotation was re-read instead."""
        try:
            ann = self.library.get_annotation(change.annotation_id)
        except ReaderError:
            self.reload()
            return None
        # Found and placed by bisection: a document may carry many thousands.
        old = self._by_id.pop(ann.id, None)
        if old is not None:
            i = bisect_left(self.annotations, _key(old), key=_key)
            while self.annotations[i].id != old.id:
                i += 1
            del self.annotations[i], self._starts[i]
        if ann.deleted is None:
            i = bisect_right(self.annotations, _key(ann), key=_key)
            self.annotations.insert(i, ann)
            self._starts.insert(i, ann.start)
            self._by_id[ann.id] = ann
        return ann

    def annotation_at(self, offset: int) -> Annotation | None:
        """The innermost (latest starting) annotation containing ``offset``."""
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            ann = self.annotations[i]
            if ann.start <= offset < ann.end:
                return ann
            i -= 1
        return None


def _key(ann: Annotation) -> tuple[int, int]:
    return ann.start, ann.end
