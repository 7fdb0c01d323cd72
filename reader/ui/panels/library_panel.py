"""The library pane: every imported document with its date and highlight count.

Documents sharing a title say what tells them apart (file name, source) after it;
Delete in the list asks to delete the selected document.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from reader.core.document_labels import LIST_CHOICES, document_labels
from reader.core.library_model import DocumentInfo
from reader.ui.panels.common import PaneKeys, header_label, select_row, stack, table_view
from reader.ui.row_model import Column, RowModel


class LibraryPanel(QWidget):
    """Lists documents; activating one asks to open it."""

    openRequested = Signal(str)  # document id
    deleteRequested = Signal(object)  # DocumentInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, str] = {}
        self.model: RowModel[DocumentInfo] = RowModel(
            [
                Column(
                    "Title",
                    lambda d: self._labels.get(d.id, d.title),
                    tooltip=lambda d: "\n".join(
                        x for x in (d.title, d.date, d.source, d.filename) if x
                    ),
                ),
                Column("Date", lambda d: d.date or ""),
                Column(
                    "✎", lambda d: str(d.annotations) if d.annotations else "", align_right=True
                ),
            ],
            self,
        )
        self.view = table_view(self.model, lambda d: self.openRequested.emit(d.id))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        PaneKeys(self.view, {Qt.Key.Key_Delete: self._delete_current})
        # A long title cut in its middle keeps the end that tells same-title ones apart.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        stack(self, header_label("Library"), self.view)

    def _delete_current(self) -> None:
        if (info := self.current()) is not None:
            self.deleteRequested.emit(info)

    def current(self) -> DocumentInfo | None:
        """The document selected in the list."""
        return self.model.row_object(self.view.currentIndex())

    def set_documents(self, docs: list[DocumentInfo], current_id: str | None = None) -> None:
        """Show ``docs`` and select the open one."""
        self._labels = document_labels(docs, LIST_CHOICES)
        self.model.set_rows(docs)
        self.select(current_id)

    def set_count(self, document_id: str, count: int) -> None:
        """Show a new highlight count for one document (no query for the others)."""
        row = self.model.find_row(lambda d: d.id == document_id)
        if row >= 0:
            info = self.model.rows()[row]
            self.model.replace(lambda d: d.id == document_id, replace(info, annotations=count))

    def select(self, document_id: str | None) -> None:
        """Mark the open document without opening anything."""
        select_row(self.view, self.model, lambda d: d.id == document_id)
