"""Changing annotations: push an undoable command, then tell views what changed.

Like Anki's ``aqt/operations``, views never call the store to change data; they
call these functions and listen to :attr:`Operations.changed`, refreshing only
what a :class:`~reader.ui.undo_commands.Change` says is affected.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.core.document_edits import MetadataEdit
from reader.core.errors import ReaderError
from reader.core.library_model import Annotation, DocumentInfo
from reader.core.store import Library
from reader.core.tags import SEPARATOR, normalize_tag, tag_includes
from reader.ui.document_commands import DeleteDocument, EditDocument
from reader.ui.tag_commands import TagChange
from reader.ui.undo_commands import (
    Change,
    CreateAnnotation,
    DeleteAnnotation,
    SetColor,
    SetNote,
    SignAnnotations,
    TagAnnotation,
)


class Operations(QObject):
    """The one way the UI changes annotations."""

    changed = Signal(object)  # Change
    documentChanged = Signal(str)  # id of a document edited, deleted or brought back
    tagsChanged = Signal()  # tags renamed, moved, deleted, recoloured or described
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

    def sign(self, annotation_ids: list[str], author: str) -> None:
        """Write ``author`` on highlights that have none, as one undo step."""
        if annotation_ids and author:
            self.undo_stack.push(
                SignAnnotations(
                    self.library, self.tagsChanged.emit, self.failed.emit, annotation_ids, author
                )
            )

    def edit_document(self, info: DocumentInfo, edit: MetadataEdit) -> None:
        """Correct a document's title, date and/or source (checked before the push)."""
        try:
            edit = edit.cleaned()
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        old = (info.title, info.date or "", info.source or "")
        if all(new is None or new == was for new, was in zip(edit_fields(edit), old, strict=True)):
            return
        self.undo_stack.push(
            EditDocument(self.library, self.documentChanged.emit, self.failed.emit, info, edit)
        )

    def delete_document(self, info: DocumentInfo) -> None:
        """Move a document and its annotations to the trash."""
        self.undo_stack.push(
            DeleteDocument(self.library, self.documentChanged.emit, self.failed.emit, info)
        )

    # --- tags -------------------------------------------------------------------
    def _tag_change(
        self, text: str, scope: list[str], change: object, also: list[str] = ()
    ) -> None:
        self.undo_stack.push(
            TagChange(
                self.library, self.tagsChanged.emit, self.failed.emit, text, scope, change, also
            )  # type: ignore[arg-type]
        )

    def rename_tag(self, old: str, new: str) -> None:
        """Rename ``old`` (with its sub-tags) to ``new``, merging where ``new`` exists."""
        try:
            old, new = normalize_tag(old), normalize_tag(new)
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        if old == new:
            return
        self._tag_change(
            f"Rename Tag {old} to {new}", [old], lambda: self.library.rename_tag(old, new), [new]
        )

    def move_tag(self, tag: str, parent: str) -> None:
        """Put ``tag`` (with its sub-tags) under ``parent`` ("": at the top level)."""
        name = tag.rsplit(SEPARATOR, 1)[-1]
        if parent and tag_includes(tag, parent):
            self.failed.emit(f"cannot move {tag} under itself")
            return
        self.rename_tag(tag, f"{parent}{SEPARATOR}{name}" if parent else name)

    def delete_tag(self, tag: str) -> None:
        """Remove ``tag`` and its sub-tags from every highlight (the highlights stay)."""
        self._tag_change(f"Delete Tag {tag}", [tag], lambda: self.library.delete_tag(tag))

    def recolor_tag(self, tag: str, color: str) -> None:
        """Paint every highlight carrying ``tag`` in ``color``; the tag takes it too."""
        self._tag_change(f"Recolour Tag {tag}", [tag], lambda: self.library.recolor_tag(tag, color))

    def describe_tag(self, tag: str, description: str) -> None:
        """Say what ``tag`` means ("" clears it)."""
        self._tag_change(
            f"Describe Tag {tag}", [tag], lambda: self.library.set_tag_description(tag, description)
        )


def edit_fields(edit: MetadataEdit) -> tuple[str | None, str | None, str | None]:
    """Title, date and source of an edit, in that order."""
    return edit.title, edit.date, edit.source


__all__ = ["Change", "Operations"]
