"""Changing annotations: push an undoable command, then tell views what changed.

Like Anki's ``aqt/operations``, views never call the store to change data; they
call these functions and listen to :attr:`Operations.changed`, refreshing only
what a :class:`~reader.ui.undo_commands.Change` says is affected.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.core.errors import ReaderError
from reader.core.library_model import Annotation
from reader.core.store import Library
from reader.core.tags import normalize_tag
from reader.ui.undo_commands import (
    Change,
    CreateAnnotation,
    DeleteAnnotation,
    SetColor,
    SetNote,
    TagAnnotation,
)


class Operations(QObject):
    """The one way the UI changes annotations."""

    changed = Signal(object)  # Change
    failed = Signal(str)  # a message for the user

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)
        self.author: str | None = None  # written on new highlights (Edit > Preferences)

    def _args(self) -> tuple:
        return self.library, self.changed.emit, self.failed.emit

    def highlight(
        self, document_id: str, start: int, end: int, color: str, source: str | None = None
    ) -> str | None:
        """Highlight ``start``-``end``; returns the new annotation's id (None on error).
        ``source`` is the document's text when the caller has it open."""
        cmd = CreateAnnotation(
            *self._args(), document_id, start, end, color, self.author or None, source=source
        )
        self.undo_stack.push(cmd)
        return cmd.annotation_id or None

    def record_coding(
        self, document_id: str, start: int, end: int, tags: list[str], author: str, color: str
    ) -> str | None:
        """A tagged highlight by ``author`` in one undo step (a reconciled coding)."""
        cmd = CreateAnnotation(
            *self._args(), document_id, start, end, color, author, tuple(tags), "Reconcile Clause"
        )
        self.undo_stack.push(cmd)
        return cmd.annotation_id or None

    def delete(self, ann: Annotation) -> None:
        """Delete a highlight."""
        self.undo_stack.push(DeleteAnnotation(*self._args(), ann))

    def recolor(self, ann: Annotation, color: str) -> None:
        """Give a highlight another colour."""
        if color != ann.color:
            self.undo_stack.push(SetColor(*self._args(), ann, color))

    def set_note(self, ann: Annotation, note: str) -> None:
        """Replace a highlight's note."""
        if note != ann.note:
            self.undo_stack.push(SetNote(*self._args(), ann, note))

    def set_tags(self, ann: Annotation, tags: list[str]) -> None:
        """Make ``tags`` the highlight's tags: one undo step of adds and removals."""
        try:
            wanted = {normalize_tag(t).lower(): normalize_tag(t) for t in tags if t.strip()}
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        have = {t.lower(): t for t in ann.tags}
        removals = [have[k] for k in have if k not in wanted]
        additions = [wanted[k] for k in wanted if k not in have]
        if not removals and not additions:
            return
        self.undo_stack.beginMacro("Edit Tags")
        for tag in removals:
            self.undo_stack.push(TagAnnotation(*self._args(), ann, tag, add=False))
        for tag in additions:
            self.undo_stack.push(TagAnnotation(*self._args(), ann, tag, add=True))
        self.undo_stack.endMacro()


__all__ = ["Change", "Operations"]
