"""One side of the compare window: a reading view of a whole document, with its
highlights (usable as in the main window) and the selected pair's word diff beneath.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextEdit, QWidget

from reader.core.document_labels import caption
from reader.core.library_model import Annotation
from reader.core.model import Document
from reader.core.store import Library
from reader.ui.compare.diff_paint import WHOLE_UNITS, DiffSpan, diff_format
from reader.ui.document_view import DocumentView
from reader.ui.highlighter import _selection
from reader.ui.open_document import OpenDocument
from reader.ui.operations import Change
from reader.ui.panels.common import header_label, stack

ExtraSelection = QTextEdit.ExtraSelection


class CompareView(DocumentView):
    """A :class:`DocumentView` that paints diff spans under its highlights."""

    focused = Signal()  # the user came to this view (the Annotate commands act here)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diff: list[DiffSpan] = []
        self._units: list[tuple[int, int, str]] = []  # Qt spans of whole units
        self._runs: list[tuple[int, int, str]] = []  # Qt spans of diff runs, sorted
        self._run_starts: list[int] = []

    def load(self, doc, view) -> None:  # noqa: ANN001 - same signature as DocumentView
        self.diff, self._units, self._runs, self._run_starts = [], [], [], []
        super().load(doc, view)

    def set_diff(self, spans: list[DiffSpan]) -> None:
        """Paint ``spans`` (text offsets), replacing what was painted before."""
        self.diff = sorted(spans, key=lambda s: (s.start, s.end))
        self._units, self._runs = [], []
        if self.highlighter is not None:
            for span in self.diff:
                start, end = self.highlighter.qt_span(span.start, span.end)
                spans = self._units if span.kind in WHOLE_UNITS else self._runs
                spans.append((start, end, span.kind))
        self._run_starts = [r[0] for r in self._runs]
        self._refresh_selections()

    def _diff_selections(self) -> list[ExtraSelection]:
        # Like highlights, only the runs near the viewport go to Qt (runs never overlap).
        lo, hi = self._visible_range()
        first = max(0, bisect_left(self._run_starts, lo) - 1)
        last = bisect_right(self._run_starts, hi)
        spans = self._units + [r for r in self._runs[first:last] if r[1] > lo]
        doc = self.document()
        return [_selection(doc, s, e, diff_format(kind, self.dark)) for s, e, kind in spans]

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def setExtraSelections(self, selections: list[ExtraSelection]) -> None:
        # Diff first, so a highlight over changed words shows its own colour on top.
        runs = self._diff_selections() if getattr(self, "_units", None) is not None else []
        super().setExtraSelections(runs + list(selections))


class ComparePane(QWidget):
    """A caption and a :class:`CompareView` over one document of the library."""

    def __init__(self, side: str, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side  # "a" | "b"
        self.open_doc = OpenDocument(library)
        self._caption = ""
        self.caption: QLabel = header_label("")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        # Elided to the pane's width: its text must never widen the pane (or the window).
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.view = CompareView(self)
        self.view.cursorOffsetChanged.connect(lambda _o: self.mark_current())
        stack(self, self.caption, self.view)

    @property
    def doc(self) -> Document | None:
        """The document shown (None: none)."""
        return self.open_doc.doc

    @property
    def annotations(self) -> list[Annotation]:
        """Its live highlights, in text order."""
        return self.open_doc.annotations

    def load(self, doc: Document) -> None:
        """Show ``doc`` from its start, with its highlights."""
        self.open_doc.load(doc)
        self.view.load(doc, self.open_doc.reading)
        # The text went in through another cursor, which pushed the caret to the end: a
        # pane shown later would scroll there to keep the caret in view.
        self.view.move_caret(0)
        self.view.verticalScrollBar().setValue(0)
        self.set_caption(caption(self.side, doc))
        self._show_annotations()

    def clear(self) -> None:
        """Show no document."""
        self.open_doc.load(None)
        self.view.load(None, None)
        self.set_caption(f"{self.side.upper()}: (none)")
        self._show_annotations()

    def set_caption(self, text: str) -> None:
        """The caption above the text, elided to the pane's width (full text in a tooltip)."""
        self._caption = text
        self.caption.setToolTip(text)
        self._elide()

    def _elide(self) -> None:
        width = max(40, self.width() - 16)
        self.caption.setText(
            self.caption.fontMetrics().elidedText(self._caption, Qt.TextElideMode.ElideRight, width)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    # --- highlights ----------------------------------------------------------
    def reload_annotations(self) -> None:
        """Re-read every highlight of the document."""
        self.open_doc.reload()
        self._show_annotations()

    def _show_annotations(self) -> None:
        self.view.set_annotations(self.open_doc.annotations)
        self.mark_current()

    def apply_change(self, change: Change) -> None:
        """Redraw the one highlight ``change`` touched, if it belongs to this document."""
        if not self.open_doc.touches(change):
            return
        ann = self.open_doc.apply(change)
        if ann is None:
            self._show_annotations()
            return
        if ann.deleted is None:
            self.view.upsert_annotation(ann)
        else:
            self.view.remove_annotation(ann.id)
        self.mark_current()

    def current_annotation(self) -> Annotation | None:
        """The innermost highlight at the caret (or the selection's start)."""
        offset = self.view.qt_to_offset(self.view.textCursor().selectionStart())
        return self.open_doc.annotation_at(offset)

    def mark_current(self) -> None:
        """Underline the highlight that tag/note/delete would act on."""
        ann = self.current_annotation()
        self.view.set_current_annotation(ann.id if ann else None)
