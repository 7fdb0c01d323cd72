"""Find in the open document (Ctrl+F): live matches, next/previous, a count."""

from __future__ import annotations

import re
from bisect import bisect_left

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.document_view import DocumentView

MAX_MATCHES = 5000  # drawing more than this helps nobody and slows typing


class FindBar(QWidget):
    """A bar under the reading view; Escape closes it."""

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[tuple[int, int]] = []  # Qt positions
        self.current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in document")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.find_next)
        self.count_label = QLabel("", self)
        self.count_label.setMinimumWidth(90)
        prev_btn = QToolButton(self, text="▲", toolTip="Previous match (Shift+F3)")
        next_btn = QToolButton(self, text="▼", toolTip="Next match (F3)")
        close_btn = QToolButton(self, text="✕", toolTip="Close (Esc)", autoRaise=True)
        prev_btn.clicked.connect(self.find_previous)
        next_btn.clicked.connect(self.find_next)
        close_btn.clicked.connect(self.close_bar)
        for w in (self.edit, self.count_label, prev_btn, next_btn, close_btn):
            layout.addWidget(w)
        layout.setStretch(0, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, self.find_previous)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar, seeded with the selection (if short), and focus it."""
        selected = self.view.textCursor().selectedText()
        if selected and len(selected) < 80 and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search(self.edit.text())

    def close_bar(self) -> None:
        """Hide the bar and its matches; focus goes back to the text."""
        self.hide()
        self.view.set_matches([], -1)
        self.view.setFocus()

    def search(self, query: str) -> None:
        """Find every case-insensitive occurrence of ``query`` in the reading view."""
        view = self.view.view
        self.matches, self.current = [], -1
        if query and view is not None:
            to_qt = self.view.offsets.to_qt
            for m in re.finditer(re.escape(query), view.text, re.IGNORECASE):
                self.matches.append((to_qt(m.start()), to_qt(m.end())))
                if len(self.matches) >= MAX_MATCHES:
                    break
        if self.matches:
            # Start from the caret, as editors do, rather than the top.
            starts = [s for s, _ in self.matches]
            self.current = bisect_left(starts, self.view.textCursor().selectionStart())
            self.current %= len(self.matches)
        self._show_current()

    def find_next(self) -> None:
        """Go to the next match (wrapping)."""
        self._step(1)

    def find_previous(self) -> None:
        """Go to the previous match (wrapping)."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        if self.matches:
            self.current = (self.current + delta) % len(self.matches)
        self._show_current()

    def _show_current(self) -> None:
        n = len(self.matches)
        if not self.edit.text():
            self.count_label.setText("")
        elif n == 0:
            self.count_label.setText("No matches")
        else:
            more = "+" if n >= MAX_MATCHES else ""
            self.count_label.setText(f"{self.current + 1} of {n}{more}")
        self.view.set_matches(self.matches, self.current)
        if self.current >= 0:
            start, end = self.matches[self.current]
            self.view.select_qt(start, end)
