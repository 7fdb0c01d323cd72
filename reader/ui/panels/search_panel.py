"""Library search (Ctrl+Shift+F): full-text over every document and note, searched as
you type (after a short pause), hits shown as cards with the matched words emphasised."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from reader.core.library_model import SearchHit
from reader.ui.panels.card_text import unmark
from reader.ui.panels.cards import Card, CardList
from reader.ui.panels.common import header_label, stack, strip_marks
from reader.ui.row_model import Column, RowModel

TYPING_PAUSE_MS = 300  # search once the user stops typing this long
NO_QUERY = "Type above to search the text of every document and every note."


def _tooltip(h: SearchHit) -> str:
    kind = "Note" if h.kind == "note" else "Text"
    return f"{h.document_title}\n{h.location}\n\n{kind}: {strip_marks(h.snippet)}"


def hit_card(h: SearchHit) -> Card:
    """A hit as a card: its document, the snippet with the matched words emphasised,
    and where it stands."""
    text, spans = unmark(h.snippet)
    return Card(
        text,
        emphasis=spans,
        heading=h.document_title,
        where=h.location,
        byline="✎ in a note on a highlight" if h.kind == "note" else "",
    )


class SearchPanel(QWidget):
    """A query field and ranked hits with snippets and section paths."""

    searchRequested = Signal(str)
    hitActivated = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_dates: dict[str, str] = {}  # document id -> date, for sorting
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText('Search all documents and notes ("a phrase", trade*, OR)')
        self.edit.setClearButtonEnabled(True)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._search_now)
        self.edit.textEdited.connect(lambda _text: self._pause.start())
        self.edit.returnPressed.connect(self._search_now)
        self.model: RowModel[SearchHit] = RowModel(
            [
                Column("Match", lambda h: ("✎ " if h.kind == "note" else "") + h.snippet, _tooltip),
                Column("Document", lambda h: h.document_title, _tooltip),
                Column("Section", lambda h: h.location, _tooltip),
            ],
            self,
            card=hit_card,
        )
        sorts = {
            "Relevance": lambda h: h.rank,
            "Document and position": lambda h: (h.document_title.lower(), h.document_id, h.start),
            "Document date (newest first)": lambda h: (
                _descending(self.document_dates.get(h.document_id, "")),
                h.rank,
            ),
        }
        self.cards = CardList(self.model, self.hitActivated.emit, sorts, self)
        self.view = self.cards.view
        self.view.set_placeholder(NO_QUERY)
        self.title = header_label("Search the library")
        stack(self, self.title, self.edit, self.cards, spacing=2)

    def _search_now(self) -> None:
        self._pause.stop()
        self.searchRequested.emit(self.edit.text())

    def focus_query(self) -> None:
        """Put the caret in the query field, text selected."""
        self.edit.setFocus()
        self.edit.selectAll()

    def set_results(self, query: str, hits: list[SearchHit], error: str = "") -> None:
        """Show ``hits`` for ``query`` (or a message)."""
        self.cards.set_rows(hits)
        self.view.set_placeholder(
            f"Nothing matches “{query}”.\n\nFewer words, or trade* for every word that "
            "starts so, find more."
            if query and not error
            else ("" if error else NO_QUERY)
        )
        if error:
            self.title.setText(error)
        elif query:
            self.title.setText(f"{len(hits)} result(s) for “{query}”")
        else:
            self.title.setText("Search the library")


def _descending(date: str) -> tuple[int, ...]:
    """A sort key putting later ISO dates (``2016``, ``2016-11-24``) first, none last."""
    return tuple(-ord(c) for c in date) if date else (1,)
