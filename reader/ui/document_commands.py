"""Undoable changes to documents: corrected metadata, and deletion to the trash.

Each command calls one store method each way and then says which document changed;
the views re-read it (its title, whether it is still in the library).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.document_edits import MetadataEdit
from reader.core.errors import ReaderError
from reader.core.library_model import DocumentInfo
from reader.core.store import Library

Notify = Callable[[str], None]  # the id of the document that changed
ReportError = Callable[[str], None]


class DocumentCommand(QUndoCommand):
    """Base: runs a store call, reports the document changed, turns errors into messages."""

    def __init__(
        self, library: Library, notify: Notify, on_error: ReportError, info: DocumentInfo, text: str
    ) -> None:
        super().__init__(text)
        self.library, self.info = library, info
        self._notify, self._on_error = notify, on_error

    def _run(self, call: Callable[[], object]) -> None:
        try:
            call()
        except ReaderError as exc:
            self.setObsolete(True)  # another process changed it: this step cannot replay
            self._on_error(str(exc))
            return
        self._notify(self.info.id)


class EditDocument(DocumentCommand):
    """Correct title, date and/or source; the old values are kept for undo."""

    def __init__(
        self, library: Library, notify: Notify, on_error: ReportError,
        info: DocumentInfo, edit: MetadataEdit,
    ) -> None:  # fmt: skip
        super().__init__(library, notify, on_error, info, "Edit Document Details")
        self.new = edit
        self.old = MetadataEdit(info.title, info.date or "", info.source or "")

    def redo(self) -> None:
        self._run(lambda: self.library.edit_document(self.info.id, self.new))

    def undo(self) -> None:
        self._run(lambda: self.library.edit_document(self.info.id, self.old))


class DeleteDocument(DocumentCommand):
    """Move a document and its annotations to the trash; undo brings both back."""

    def __init__(
        self, library: Library, notify: Notify, on_error: ReportError, info: DocumentInfo
    ) -> None:
        super().__init__(library, notify, on_error, info, f"Delete “{info.title}”")

    def redo(self) -> None:
        self._run(lambda: self.library.delete_document(self.info.id))

    def undo(self) -> None:
        self._run(lambda: self.library.undelete_document(self.info.id))
