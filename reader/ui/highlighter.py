"""Highlights and find matches drawn over the reading view with extra selections.

Nothing is written into the ``QTextDocument`` (the Frescobaldi way): each
highlight is a cursor span with a background format, which stays cheap for
thousands of highlights and leaves the document's offsets untouched.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.core.library_model import Annotation
from reader.core.reading import ReadingView
from reader.ui.offsets import OffsetMap
from reader.ui.theme import highlight_color

ExtraSelection = QTextEdit.ExtraSelection
NOTE_MARK, NOTE_MARK_DARK = QColor("#9a5b00"), QColor("#ffc870")  # underline of noted ones


def _selection(doc: QTextDocument, start: int, end: int, fmt: QTextCharFormat) -> ExtraSelection:
    sel = ExtraSelection()
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    sel.cursor = cursor
    sel.format = fmt
    return sel


class Highlighter:
    """Turns annotations (text offsets) and find matches (Qt positions) into selections."""

    def __init__(self, doc: QTextDocument, view: ReadingView, offsets: OffsetMap) -> None:
        self.doc = doc
        self.view = view
        self.offsets = offsets
        self._formats: dict[tuple[str, bool, bool, bool], QTextCharFormat] = {}

    def qt_span(self, start: int, end: int) -> tuple[int, int]:
        """The Qt positions showing text span ``start``-``end``."""
        d0, d1 = self.view.display_span(start, end)
        return self.offsets.to_qt(d0), self.offsets.to_qt(d1)

    def _format(
        self, color: str, dark: bool, current: bool, has_note: bool = False
    ) -> QTextCharFormat:
        # One shared format per colour: thousands of highlights share a handful.
        key = (color, dark, current, has_note)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(highlight_color(color, dark))
            if has_note and not current:
                # The note marker: a highlight that carries a note is underlined solidly.
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(NOTE_MARK_DARK if dark else NOTE_MARK)
            if current:
                # The highlight under the cursor: underlined, so it is clear what
                # Ctrl+T / Ctrl+Shift+N / Delete act on.
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor("#8a8a8a"))
            self._formats[key] = fmt
        return fmt

    def span_selections(
        self, spans: Iterable[tuple[int, int, Annotation]], dark: bool, current_id: str | None
    ) -> list[ExtraSelection]:
        """Selections for ``(qt_start, qt_end, annotation)`` spans (already mapped).

        Highlights carrying a note are underlined (the note marker). Overlapping
        highlights of one colour (and note or not) are drawn as one span (the same pixels;
        far fewer selections to paint when highlights pile up), and the highlight under
        the caret is drawn last, on top, with its underline.
        """
        by_color: dict[tuple[str, bool], list[list[int]]] = {}  # (colour, has note)
        current = None
        for start, end, ann in spans:  # sorted by start
            if end <= start:
                continue
            if ann.id == current_id:
                current = (start, end, ann.color)
                continue
            runs = by_color.setdefault((ann.color, bool(ann.note)), [])
            if runs and start <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        out = [
            _selection(self.doc, start, end, self._format(color, dark, False, noted))
            for (color, noted), runs in by_color.items()
            for start, end in runs
        ]
        if current is not None:
            out.append(
                _selection(self.doc, current[0], current[1], self._format(current[2], dark, True))
            )
        return out

    def match_selections(
        self, matches: list[tuple[int, int]], current: int, dark: bool
    ) -> list[ExtraSelection]:
        """Find matches (Qt positions): all outlined softly, the current one strongly."""
        soft = QTextCharFormat()
        soft.setBackground(QColor(120, 160, 255, 90 if dark else 70))
        strong = QTextCharFormat()
        strong.setBackground(QColor("#ff9800" if not dark else "#c46a00"))
        strong.setForeground(QColor("#000000" if not dark else "#ffffff"))
        return [
            _selection(self.doc, s, e, strong if i == current else soft)
            for i, (s, e) in enumerate(matches)
        ]
