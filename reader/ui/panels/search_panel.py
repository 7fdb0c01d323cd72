"""Library search (Ctrl+Shift+F): full-text over every document and note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from reader.core.library_model import SearchHit
from reader.ui.panels.common import header_label, stack, strip_marks, table_view
from reader.ui.row_model import Column, RowModel


def _tooltip(h: SearchHit) -> str:
    kind = "Note" if h.kind == "note" else "Text"
    return f"{h.document_title}\n{h.location}\n\n{kind}: {strip_marks(h.snippet)}"


class SearchPanel(QWidget):
    """A query field and ranked hits with snippets and section paths."""

    searchRequested = Signal(str)
    hitActivated = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText('Search all documents and notes ("a phrase", trade*, OR)')
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(lambda: self.searchRequested.emit(self.edit.text()))
        self.model: RowModel[SearchHit] = RowModel(
            [
                Column("Match", lambda h: ("✎ " if h.kind == "note" else "") + h.snippet, _tooltip),
                Column("Document", lambda h: h.document_title, _tooltip),
                Column("Section", lambda h: h.location, _tooltip),
            ],
            self,
        )
        self.view = table_view(
            self.model, self.hitActivated.emit, widths={1: 110, 2: 120}, elide_left=(2,)
        )
        self.title = header_label("Search the library")
        stack(self, self.title, self.edit, self.view, spacing=2)

    def focus_query(self) -> None:
        """Put the caret in the query field, text selected."""
        self.edit.setFocus()
        self.edit.selectAll()

    def set_results(self, query: str, hits: list[SearchHit], error: str = "") -> None:
        """Show ``hits`` for ``query`` (or a message)."""
        self.model.set_rows(hits)
        if error:
            self.title.setText(error)
        elif query:
            self.title.setText(f"{len(hits)} result(s) for “{query}”")
        else:
            self.title.setText("Search the library")
