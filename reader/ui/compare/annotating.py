"""The compare window's Annotate menu: the shared commands of
:mod:`reader.ui.annotating` on the pane used last, with the main window's shortcuts.

They go through the context's :class:`Operations`, so they are undoable from either
window and the main window's lists refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from reader.ui.actions import StdKey, key_sequences
from reader.ui.annotating import Annotating


class PaneActions:
    """The Annotate actions of a compare window, acting through ``annotating``."""

    def __init__(self, window: QMainWindow, annotating: Annotating) -> None:
        def make(text: str, slot: Callable[[], object], shortcut: str | StdKey) -> QAction:
            action = QAction(text, window)
            action.setShortcuts(key_sequences(shortcut))
            action.triggered.connect(lambda _checked=False: slot())
            window.addAction(action)
            return action

        self.highlight = make("&Highlight", annotating.highlight_selection, "H")
        self.select_clause = make("Select &Clause", annotating.select_clause, "Ctrl+L")
        self.tag = make("&Tags…", annotating.edit_tags, "Ctrl+T")
        self.note = make("&Note…", annotating.edit_note, "Ctrl+Shift+N")
        self.delete = make("&Delete Highlight", annotating.delete_highlight, StdKey.Delete)
        stack = annotating.context.operations.undo_stack
        self.undo = stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(key_sequences(StdKey.Undo))
        self.redo = stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts(key_sequences(StdKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        window.addActions([self.undo, self.redo])

    def actions(self) -> list[QAction | None]:
        """The menu's actions in order (None: a separator)."""
        return [
            self.undo, self.redo, None, self.highlight, self.select_clause, None,
            self.tag, self.note, self.delete,
        ]  # fmt: skip
