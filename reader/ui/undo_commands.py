"""Undoable changes to annotations: each command calls one store method each way.

Creating is ``add_annotation`` the first time and ``undelete_annotation`` on every
redo after an undo, so the annotation keeps its id (and any tags added later in
the stack still point at it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from reader.core.errors import ReaderError
from reader.core.library_model import Annotation
from reader.core.store import Library


@dataclass(frozen=True)
class Change:
    """What a command changed, so each view refreshes only what it must."""

    document_id: str
    annotation_id: str
    tags: bool = False  # the tag tree or tag counts changed
    count: bool = False  # the number of live annotations changed
    note: bool = False  # note text changed (search results may differ)


Notify = Callable[[Change], None]
ReportError = Callable[[str], None]


class AnnotationCommand(QUndoCommand):
    """Base: runs store calls, reports what changed, and turns errors into messages."""

    def __init__(self, library: Library, notify: Notify, on_error: ReportError, text: str):
        super().__init__(text)
        self.library = library
        self._notify = notify
        self._on_error = on_error
        self.document_id = ""
        self.annotation_id = ""

    def _run(self, call: Callable[[], Annotation | None], **what: bool) -> None:
        try:
            ann = call()
        except ReaderError as exc:
            # Another process may have changed the library; nothing is lost, but
            # this step can no longer be replayed.
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        if ann is not None:
            self.document_id, self.annotation_id = ann.document_id, ann.id
        self._notify(Change(self.document_id, self.annotation_id, **what))


class CreateAnnotation(AnnotationCommand):
    """Highlight a span (with ``tags``: one step, e.g. a reconciled coding)."""

    def __init__(
        self, library: Library, notify: Notify, on_error: ReportError,
        document_id: str, start: int, end: int, color: str, author: str | None = None,
        tags: tuple[str, ...] = (), text: str = "Highlight", source: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(library, notify, on_error, text)
        self.document_id, self.start, self.end, self.color = document_id, start, end, color
        self.author, self.tags = author, tags
        self.source = source  # the document's text, when the window holds it (faster)

    def redo(self) -> None:
        if self.annotation_id:
            self._run(lambda: self.library.undelete_annotation(self.annotation_id), count=True)
        else:
            self._run(
                lambda: self.library.add_annotation(
                    self.document_id,
                    self.start,
                    self.end,
                    color=self.color,
                    author=self.author,
                    tags=self.tags,
                    text=self.source,
                ),
                count=True,
                tags=bool(self.tags),
            )

    def undo(self) -> None:
        self._run(lambda: self.library.delete_annotation(self.annotation_id), count=True, tags=True)


class DeleteAnnotation(AnnotationCommand):
    """Delete a highlight (recoverably)."""

    def __init__(self, library: Library, notify: Notify, on_error: ReportError, ann: Annotation):
        super().__init__(library, notify, on_error, "Delete Highlight")
        self.document_id, self.annotation_id = ann.document_id, ann.id

    def redo(self) -> None:
        self._run(lambda: self.library.delete_annotation(self.annotation_id), count=True, tags=True)

    def undo(self) -> None:
        self._run(
            lambda: self.library.undelete_annotation(self.annotation_id), count=True, tags=True
        )


class TagAnnotation(AnnotationCommand):
    """Add one tag (``add=True``) or remove it."""

    def __init__(
        self, library: Library, notify: Notify, on_error: ReportError,
        ann: Annotation, tag: str, add: bool,
    ) -> None:  # fmt: skip
        super().__init__(library, notify, on_error, f"{'Tag' if add else 'Untag'} {tag}")
        self.document_id, self.annotation_id = ann.document_id, ann.id
        self.tag, self.add = tag, add

    def _apply(self, add: bool) -> None:
        method = self.library.tag_annotation if add else self.library.untag_annotation
        self._run(lambda: method(self.annotation_id, self.tag), tags=True)

    def redo(self) -> None:
        self._apply(self.add)

    def undo(self) -> None:
        self._apply(not self.add)


class SetColor(AnnotationCommand):
    """Recolour a highlight; the old colour is kept for undo."""

    def __init__(
        self, library: Library, notify: Notify, on_error: ReportError, ann: Annotation, color: str
    ) -> None:
        super().__init__(library, notify, on_error, "Change Colour")
        self.document_id, self.annotation_id = ann.document_id, ann.id
        self.old, self.new = ann.color, color

    def redo(self) -> None:
        self._run(lambda: self.library.set_color(self.annotation_id, self.new))

    def undo(self) -> None:
        self._run(lambda: self.library.set_color(self.annotation_id, self.old))


class SetNote(AnnotationCommand):
    """Replace a highlight's note; the old note is kept for undo."""

    def __init__(
        self, library: Library, notify: Notify, on_error: ReportError, ann: Annotation, note: str
    ) -> None:
        super().__init__(library, notify, on_error, "Edit Note")
        self.document_id, self.annotation_id = ann.document_id, ann.id
        self.old, self.new = ann.note, note

    def redo(self) -> None:
        self._run(lambda: self.library.set_note(self.annotation_id, self.new), note=True)

    def undo(self) -> None:
        self._run(lambda: self.library.set_note(self.annotation_id, self.old), note=True)


class SignAnnotations(QUndoCommand):
    """Write your name on highlights made before you had one (undo: nobody's again),
    so your team file carries them."""

    def __init__(
        self, library: Library, notify: Callable[[], None], on_error: ReportError,
        annotation_ids: list[str], author: str,
    ) -> None:  # fmt: skip
        super().__init__(f"Sign {len(annotation_ids)} Highlights")
        self.library, self.ids, self.author = library, annotation_ids, author
        self._notify, self._on_error = notify, on_error

    def _set(self, author: str | None) -> None:
        try:
            self.library.set_authors(self.ids, author)
        except ReaderError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        self._notify()

    def redo(self) -> None:
        self._set(self.author)

    def undo(self) -> None:
        self._set(None)
