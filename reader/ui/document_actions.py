"""Managing documents in the window: Document Details… (F2: title, date, source) and
Delete Document (Delete in the library list), both undoable, from the Document menu
and the library list's context menu.

They act on the document selected in the library list when it has the focus, else on
the open one. When a document changes, the views showing it re-read it; a deleted open
document is closed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.core.library_model import DocumentInfo
from reader.ui.document_dialog import DocumentDialog

# The main window (its context, library_panel, doc, open_document, close_document,
# reread_document, statusBar); typed loosely: no module but the app imports it.
MainWindowLike = Any


class DocumentActions:
    """The document commands of the main window ``window``."""

    def __init__(self, window: MainWindowLike) -> None:
        self.window = window
        self.operations = window.context.operations
        self.details = QAction("Document &Details…", window)
        self.details.setShortcut("F2")
        self.details.setStatusTip("Correct the title, date or source of a document")
        self.details.triggered.connect(lambda _c=False: self.edit_details())
        self.delete = QAction("D&elete Document", window)
        self.delete.setStatusTip("Move the document and its highlights to the trash (undoable)")
        self.delete.triggered.connect(lambda _c=False: self.delete_document())
        window.addAction(self.details)
        panel = window.library_panel
        panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.view.customContextMenuRequested.connect(self._context_menu)
        panel.deleteRequested.connect(lambda info: self.delete_document(info))
        self.operations.documentChanged.connect(self._on_changed)

    def target(self) -> DocumentInfo | None:
        """The document selected in the library list when it has the focus, else the
        open one."""
        panel = self.window.library_panel
        if panel.view.hasFocus() and (info := panel.current()) is not None:
            return info
        doc = self.window.doc
        return self.window.library.document_info(doc.id, missing_ok=True) if doc else None

    def edit_details(self, info: DocumentInfo | None = None) -> None:
        """Open the details dialog; apply what the user changed (one undo step)."""
        info = info or self.target()
        if info is None:
            self.window.statusBar().showMessage("Open or select a document first", 3000)
            return
        dialog = DocumentDialog(info, self.window)
        if dialog.exec() == DocumentDialog.DialogCode.Accepted:
            self.operations.edit_document(info, dialog.edit())

    def delete_document(self, info: DocumentInfo | None = None) -> None:
        """Move a document and its highlights to the trash (Ctrl+Z brings them back)."""
        info = info or self.target()
        if info is None:
            return
        self.operations.delete_document(info)
        self.window.statusBar().showMessage(
            f"Deleted “{info.title}” and its {info.annotations} highlight(s); "
            "Edit > Undo (Ctrl+Z) brings them back",
            8000,
        )

    def menu_for(self, info: DocumentInfo) -> QMenu:
        """The library list's context menu for one document."""
        panel = self.window.library_panel
        menu = QMenu(panel.view)
        menu.addAction("Open", lambda: self.window.open_document(info.id))
        menu.addAction("Details…", lambda: self.edit_details(info))
        menu.addSeparator()
        menu.addAction("Delete Document", lambda: self.delete_document(info))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        panel = self.window.library_panel
        info = panel.model.row_object(panel.view.indexAt(pos))
        if info is None:
            return
        menu = self.menu_for(info)
        menu.exec(panel.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_changed(self, document_id: str) -> None:
        window = self.window
        present = window.library.in_library(document_id)
        if window.doc is not None and window.doc.id == document_id:
            if present:
                window.reread_document()
            else:
                window.close_document()
        # Counts, tags, excerpts and the other windows: the document's highlights came
        # or went with it.
        window.context.reload_all()
