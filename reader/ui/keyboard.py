"""The keyboard-only workflow of the main window.

- F6 / Shift+F6 move the focus through the panes (library, outline, text, the side
  pane shown); Esc in any pane goes back to the text.
- N / Shift+N go to the next / previous highlight, Alt+Down / Alt+Up to the next /
  previous outline section, from the caret.
- F1 (Help > Keyboard Shortcuts) shows every shortcut, read from the window's actions
  and from :data:`PANE_KEYS`, so the sheet cannot drift from what the keys do.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.panels.common import PaneKeys

# Keys a pane handles itself (not window shortcuts): shown in the sheet as they are.
PANE_KEYS: list[tuple[str, str, str]] = [
    ("Any pane", "Esc", "Back to the text"),
    ("Library list", "Delete", "Delete the selected document (undoable)"),
    ("Tags pane", "F2", "Rename the selected tag (merges into an existing name)"),
    ("Tags pane", "Delete", "Delete the selected tag (undoable)"),
    ("Tags pane", "Menu / Shift+F10", "Rename, recolour, describe or delete the tag"),
    ("Lists", "Enter", "Open the item selected"),
    ("Note editor", "Ctrl+Enter", "Save the note"),
]

MainWindowLike = Any  # the main window: typed loosely, no module but the app imports it


class Keyboard:
    """Pane cycling, highlight and section navigation, and the shortcuts sheet."""

    def __init__(self, window: MainWindowLike) -> None:
        self.window = window
        w = window

        def make(text: str, slot: Callable[[], object], *keys: str, tip: str = "") -> QAction:
            action = QAction(text, w)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setStatusTip(tip)
            action.triggered.connect(lambda _c=False: slot())
            w.addAction(action)
            return action

        self.next_pane = make("Next &Pane", lambda: self.cycle(1), "F6")
        self.previous_pane = make("Pre&vious Pane", lambda: self.cycle(-1), "Shift+F6")
        self.next_highlight = make(
            "&Next Highlight", lambda: self.go_highlight(1), "N", tip="Caret to the next highlight"
        )
        self.previous_highlight = make(
            "P&revious Highlight", lambda: self.go_highlight(-1), "Shift+N"
        )
        self.next_section = make("Next &Section", lambda: self.go_section(1), "Alt+Down")
        self.previous_section = make("Previous S&ection", lambda: self.go_section(-1), "Alt+Up")
        self.shortcuts = make(
            "&Keyboard Shortcuts", self.show_sheet, "F1", tip="Every key, from the menus"
        )
        for view in self._pane_widgets():
            PaneKeys(view, {Qt.Key.Key_Escape: self.back_to_text})

    def build_menu(self) -> None:
        """A Go menu before Help, and Help > Keyboard Shortcuts."""
        bar = self.window.menuBar()
        help_menu = next(a.menu() for a in bar.actions() if a.text() == "&Help")
        go = QMenu("&Go", self.window)
        go.addActions([self.next_highlight, self.previous_highlight])
        go.addSeparator()
        go.addActions([self.next_section, self.previous_section])
        go.addSeparator()
        go.addActions([self.next_pane, self.previous_pane])
        bar.insertMenu(help_menu.menuAction(), go)
        help_menu.addAction(self.shortcuts)

    # --- panes ---------------------------------------------------------------------
    def _pane_widgets(self) -> list[QWidget]:
        w = self.window
        return [
            w.library_panel.view,
            w.outline,
            w.annotations_panel.view,
            w.tags_panel.tree,
            w.tags_panel.excerpts,
            w.search_panel.edit,
            w.search_panel.view,
            w.set_aside_panel.view,
        ]

    def cycle_order(self) -> list[QWidget]:
        """The panes F6 visits: library, outline, text, then the side pane shown."""
        w = self.window
        side = {
            w.annotations_panel: w.annotations_panel.view,
            w.tags_panel: w.tags_panel.tree,
            w.search_panel: w.search_panel.edit,
            w.set_aside_panel: w.set_aside_panel.view,
        }.get(w.tabs.currentWidget(), w.annotations_panel.view)
        return [w.library_panel.view, w.outline, w.doc_view, side]

    def cycle(self, step: int) -> None:
        """Focus the next (``step`` 1) or previous (-1) pane."""
        order = self.cycle_order()
        focused = self.window.focusWidget()
        current = next(
            (i for i, pane in enumerate(order) if focused is pane or pane.isAncestorOf(focused)),
            2 - step,  # from elsewhere: F6 goes to the side pane, Shift+F6 to the outline
        )
        order[(current + step) % len(order)].setFocus(Qt.FocusReason.OtherFocusReason)

    def back_to_text(self) -> None:
        """Esc in a pane: the caret back in the text."""
        self.window.doc_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- moving in the text ------------------------------------------------------------
    def go_highlight(self, step: int) -> None:
        """Put the caret in the next / previous highlight after / before the caret."""
        w = self.window
        annotations = w.annotations
        offset = w.doc_view.cursor_offset()
        starts = [a.start for a in annotations]
        if step > 0:
            i = bisect_right(starts, offset)
        else:
            current = w.current_annotation()
            i = bisect_left(starts, current.start if current else offset) - 1
        if not 0 <= i < len(annotations):
            w.statusBar().showMessage(
                "No more highlights" if annotations else "No highlights in this document", 3000
            )
            return
        ann = annotations[i]
        w.doc_view.move_caret(ann.start)
        w.doc_view.scroll_to_offset(ann.start, margin=120)
        w.statusBar().showMessage(f"Highlight {i + 1} of {len(annotations)}", 3000)

    def go_section(self, step: int) -> None:
        """Put the caret at the start of the next / previous outline section."""
        w = self.window
        if w.doc is None:
            return
        starts = sorted({n.start for root in w.doc.outline for n in root.walk()})
        offset = w.doc_view.cursor_offset()
        i = bisect_right(starts, offset) if step > 0 else bisect_left(starts, offset) - 1
        if not 0 <= i < len(starts):
            w.statusBar().showMessage("No more sections", 3000)
            return
        w.doc_view.move_caret(starts[i])
        w.doc_view.scroll_to_offset(starts[i])

    # --- the sheet -------------------------------------------------------------------
    def show_sheet(self) -> QWidget:
        """Help > Keyboard Shortcuts."""
        from reader.ui.shortcuts_sheet import ShortcutsSheet

        sheet = ShortcutsSheet(self.window.menuBar(), PANE_KEYS, self.window)
        sheet.show()
        return sheet
