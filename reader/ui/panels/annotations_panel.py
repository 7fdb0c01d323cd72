"""The open document's highlights as cards: colour, quote, where it stands (section
path and page), tags, note and, once several people annotated, author; sorted by
position, date, colour or author."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from reader.core.library_model import Annotation
from reader.core.model import Document
from reader.ui.panels.card_text import one_line
from reader.ui.panels.cards import Card, CardList, color_order, newest_first
from reader.ui.panels.common import header_label, short, stack, swatch
from reader.ui.row_model import Column, RowModel

NO_DOCUMENT = "Open a document to see its highlights here."
NO_HIGHLIGHTS = (
    "No highlights yet.\n\nSelect text and press H to highlight it "
    "(Ctrl+L selects the clause at the caret)."
)
SORTS = {
    "Position": lambda a: (a.start, a.end),
    "Date (newest first)": lambda a: (newest_first(a.created), a.start),
    "Colour": lambda a: (color_order(a.color), a.start),
    "Author": lambda a: ((a.author or "").lower(), a.start),
}


class AnnotationsPanel(QWidget):
    """Lists highlights; clicking one asks to show it."""

    annotationActivated = Signal(object)  # Annotation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.shows_authors = False  # whose highlight it is, once several people's are here
        self.model: RowModel[Annotation] = RowModel(
            [
                Column(
                    "Highlight", lambda a: short(a.quote), self._tooltip, lambda a: swatch(a.color)
                ),
                Column("Section", self.location, self._tooltip),
                Column("Tags", lambda a: ", ".join(a.tags), self._tooltip),
                Column("Note", lambda a: short(a.note), self._tooltip),
                Column("By", lambda a: a.author or "", self._tooltip),
            ],
            self,
            card=self._card,
        )
        self.cards = CardList(self.model, self.annotationActivated.emit, SORTS, self)
        self.view = self.cards.view
        self.view.set_placeholder(NO_DOCUMENT)
        self.title = header_label("Highlights")
        stack(self, self.title, self.cards)

    def location(self, a: Annotation) -> str:
        """Section path and page of a highlight's start in the open document."""
        return self.doc.location_at(a.start) if self.doc is not None else ""

    def _card(self, a: Annotation) -> Card:
        by = (a.author or "unknown author") if self.shows_authors else ""
        return Card(
            one_line(a.quote),
            color=swatch(a.color),
            where=self.location(a),
            tags=" · ".join(a.tags),
            note=one_line(a.note),
            byline=f"— {by}" if by else "",
        )

    def _tooltip(self, a: Annotation) -> str:
        parts = [f"“{short(a.quote, 600)}”"]
        if where := self.location(a):
            parts.insert(0, where)
        if a.tags:
            parts.append("Tags: " + ", ".join(a.tags))
        if a.note:
            parts.append("Note: " + a.note)
        if a.author:
            parts.append("By: " + a.author)
        return "\n\n".join(parts)

    def set_annotations(self, annotations: list[Annotation], doc: Document | None = None) -> None:
        """Show the open document's live highlights."""
        self.doc = doc
        self.view.set_placeholder(NO_HIGHLIGHTS if doc is not None else NO_DOCUMENT)
        self.shows_authors = len({a.author for a in annotations}) > 1
        self.cards.set_rows(annotations)
        self._after_change()

    def upsert_annotation(self, ann: Annotation) -> None:
        """Show one new or changed highlight in its place for the chosen order."""
        self.cards.upsert(ann, lambda a: a.id == ann.id)
        self._after_change()

    def remove_annotation(self, annotation_id: str) -> None:
        """Stop listing one highlight."""
        self.model.remove(lambda a: a.id == annotation_id)
        self._after_change()

    def _after_change(self) -> None:
        rows = self.model.rows()
        # Whose highlight it is matters once teammates' are merged in; for one author
        # a byline would only repeat the same name on every card.
        authors = len({a.author for a in rows}) > 1
        if authors != self.shows_authors:
            self.shows_authors = authors
            self.model.set_rows(rows)  # every card gains or loses its byline
        self.title.setText(f"Highlights ({len(rows)})" if rows else "Highlights")

    def select(self, annotation_id: str | None) -> None:
        """Mark the highlight under the caret, without emitting activation."""
        row = self.model.find_row(lambda a: a.id == annotation_id)
        if row >= 0:
            self.cards.reveal(row)
        else:
            self.view.clearSelection()
