"""The library pane: every imported document with its date and highlight count."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from reader.core.library_model import DocumentInfo
from reader.ui.panels.common import header_label, select_row, stack, table_view
from reader.ui.row_model import Column, RowModel


class LibraryPanel(QWidget):
    """Lists documents; activating one asks to open it."""

    openRequested = Signal(str)  # document id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowModel[DocumentInfo] = RowModel(
            [
                Column(
                    "Title",
                    lambda d: d.title,
                    tooltip=lambda d: f"{d.title}\n{d.source or ''}\n{d.filename or ''}".strip(),
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
        stack(self, header_label("Library"), self.view)

    def set_documents(self, docs: list[DocumentInfo], current_id: str | None = None) -> None:
        """Show ``docs`` and select the open one."""
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
