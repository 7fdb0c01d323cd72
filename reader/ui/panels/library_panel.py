"""The library pane: every imported document as a card, as Zotero lists items.

A card gives the title wrapped over up to two lines with the highlight count beside it,
then the date and source, and, for documents sharing a title, what tells them apart
(the file name first; :mod:`reader.core.document_labels` decides). Sorted by title,
date, when imported or highlight count. Enter or a click opens a document; Delete asks
to delete the selected one; the context menu is the window's
(:class:`~reader.ui.document_actions.DocumentActions`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from reader.core.document_labels import LIST_CHOICES, distinctions, kind_of
from reader.core.library_model import DocumentInfo
from reader.ui.panels.card_text import one_line
from reader.ui.panels.cards import Card, CardList, newest_first
from reader.ui.panels.common import PaneKeys, header_label, select_row, stack
from reader.ui.row_model import Column, RowModel

TITLE_LINES = 2
EMPTY = "No documents yet.\n\nDrop files here, or use File > Open (Ctrl+O)."
SORTS = {
    "Title": lambda d: (d.title.casefold(), d.date or "", d.id),
    "Date (newest first)": lambda d: (-_day(d.date), d.title.casefold(), d.id),
    "Recently added": lambda d: (newest_first(d.imported), d.id),
    "Most highlights": lambda d: (-d.annotations, d.title.casefold(), d.id),
}


def _day(date: str | None) -> int:
    """``2016-11-24`` -> 20161124 (no date: 0, after every dated one newest first)."""
    digits = "".join(ch for ch in (date or "")[:10] if ch.isdigit())
    return int(digits.ljust(8, "0")) if digits else 0


def count_text(count: int) -> str:
    """``1 highlight``, ``34 highlights``."""
    return f"{count} highlight{'s' * (count != 1)}"


class LibraryPanel(QWidget):
    """Lists documents; activating one asks to open it."""

    openRequested = Signal(str)  # document id
    deleteRequested = Signal(object)  # DocumentInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._apart: dict[str, str] = {}  # id -> what tells it from same-title ones
        self.model: RowModel[DocumentInfo] = RowModel(
            [Column("Document", self.label, self.tooltip)], self, card=self._card
        )
        self.cards = CardList(self.model, lambda d: self.openRequested.emit(d.id), SORTS, self)
        self.view = self.cards.view
        self.view.set_placeholder(EMPTY)
        self.view.setAccessibleName("Library")
        PaneKeys(self.view, {Qt.Key.Key_Delete: self._delete_current})
        stack(self, header_label("Library"), self.cards)

    def label(self, d: DocumentInfo) -> str:
        """The title, with what tells it apart in brackets when another has the same
        (what type-ahead in the list and screen readers go by)."""
        apart = self._apart.get(d.id)
        return f"{d.title} ({apart})" if apart else d.title

    def tooltip(self, d: DocumentInfo) -> str:
        """Everything known of the document, a line each."""
        lines = [
            d.title,
            d.date and f"Date: {d.date}",
            d.source and f"Source: {d.source}",
            f"File: {d.filename or '—'} ({kind_of(d)})",
            f"Imported: {d.imported[:10]}",
            count_text(d.annotations),
        ]
        return "\n".join(line for line in lines if line)

    def _card(self, d: DocumentInfo) -> Card:
        return Card(
            one_line(d.title, 300),
            quote_lines=TITLE_LINES,
            badge=str(d.annotations) if d.annotations else "",
            meta=" · ".join(x for x in (d.date, d.source) if x),
            byline=self._apart.get(d.id, ""),
        )

    def _delete_current(self) -> None:
        if (info := self.current()) is not None:
            self.deleteRequested.emit(info)

    def current(self) -> DocumentInfo | None:
        """The document selected in the list."""
        return self.model.row_object(self.view.currentIndex())

    def set_documents(self, docs: list[DocumentInfo], current_id: str | None = None) -> None:
        """Show ``docs`` in the chosen order and select the open one."""
        self._apart = distinctions(docs, LIST_CHOICES)
        self.cards.set_rows(docs)
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
