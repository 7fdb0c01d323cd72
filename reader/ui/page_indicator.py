"""The page being read, for a paged document (PDF): a quiet label in the status bar.

The reading view shows a PDF as one flowing text (running headers and page numbers
hidden, paragraphs joined across breaks), so this is where the page is told: what a
citation would give ("p. iv" for a labelled page), and the position among all pages.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from reader.core.model import Document


class PageIndicator(QLabel):
    """``Page 5 of 13`` (``Page iv · 4 of 13`` when the PDF labels its pages); hidden for
    documents without pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.setToolTip("The page of the PDF at the top of the text")
        # In the text's colour: drawn disabled (muted) it was too faint to read.
        self.setContentsMargins(6, 0, 6, 0)
        self.hide()

    def set_document(self, doc: Document | None) -> None:
        """Follow ``doc``; shown only when it has pages."""
        self.doc = doc if doc is not None and doc.pages else None
        self.setVisible(self.doc is not None)
        if self.doc is None:
            self.clear()

    def show_offset(self, offset: int) -> None:
        """Tell the page holding ``offset`` (the text at the top of the view)."""
        if self.doc is None:
            return
        page = self.doc.page_at(offset) or 1
        total = len(self.doc.pages)
        label = self.doc.page_label_at(offset)
        if self.doc.page_labels:
            self.setText(f"Page {label} · {page} of {total}")
        else:
            self.setText(f"Page {page} of {total}")
