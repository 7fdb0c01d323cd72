"""Highlighting, tagging and notes in the compare window's panes.

The commands act on the pane used last, through the main window's
:class:`Operations` (so they are undoable there too, and its lists refresh).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from reader.core.library_model import Annotation
from reader.ui import dialogs
from reader.ui.actions import StdKey, key_sequences
from reader.ui.compare.pane import ComparePane
from reader.ui.operations import Operations
from reader.ui.tag_editor import tags_by_use


class PaneAnnotating:
    """The Annotate actions of a compare window; ``pane()`` says which pane they act on."""

    def __init__(
        self,
        window: QMainWindow,
        operations: Operations,
        pane: Callable[[], ComparePane],
        color: Callable[[], str],
    ) -> None:
        self.window = window
        self.operations = operations
        self.library = operations.library
        self.pane = pane
        self.color = color

        def make(text: str, slot: Callable[[], object], shortcut: str | StdKey) -> QAction:
            action = QAction(text, window)
            action.setShortcuts(key_sequences(shortcut))
            action.triggered.connect(lambda _checked=False: slot())
            window.addAction(action)
            return action

        self.highlight = make("&Highlight", self.highlight_selection, "H")
        self.select_clause = make("Select &Clause", self.select_clause_at_caret, "Ctrl+L")
        self.tag = make("&Tags…", self.edit_tags, "Ctrl+T")
        self.note = make("&Note…", self.edit_note, "Ctrl+Shift+N")
        self.delete = make("&Delete Highlight", self.delete_highlight, StdKey.Delete)
        stack = operations.undo_stack
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

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 4000)

    def highlight_selection(self) -> str | None:
        """Highlight the pane's selection in the current colour; returns the new id."""
        pane = self.pane()
        span = pane.view.selected_span()
        if pane.doc is None or span is None:
            self._say("Select some text first (Alt+click selects a clause)")
            return None
        ann_id = self.operations.highlight(pane.doc.id, span[0], span[1], self.color())
        cursor = pane.view.textCursor()
        cursor.setPosition(cursor.selectionStart())  # drop the selection: show the colour
        pane.view.setTextCursor(cursor)
        return ann_id

    def select_clause_at_caret(self) -> None:
        """Select the clause at the pane's caret."""
        if not self.pane().view.select_clause():
            self._say("No clause at the cursor")

    def _target(self) -> Annotation | None:
        """The highlight at the caret, else the selection highlighted now."""
        pane = self.pane()
        if pane.view.selected_span() is not None:
            ann_id = self.highlight_selection()
            return self.library.get_annotation(ann_id) if ann_id else None
        ann = pane.current_annotation()
        if ann is None:
            self._say("Put the cursor in a highlight, or select text")
        return ann

    def edit_tags(self) -> None:
        """Ctrl+T: edit the tags of the highlight at the caret."""
        ann = self._target()
        if ann is not None:
            tags = dialogs.ask_tags(self.window, ann, tags_by_use(self.library.tag_tree()))
            if tags is not None:
                self.operations.set_tags(ann, tags)

    def edit_note(self) -> None:
        """Ctrl+Shift+N: write or edit the note of the highlight at the caret."""
        ann = self._target()
        if ann is not None:
            note = dialogs.ask_note(self.window, ann)
            if note is not None:
                self.operations.set_note(ann, note)

    def delete_highlight(self) -> None:
        """Delete the highlight at the caret (undoable)."""
        ann = self.pane().current_annotation()
        if ann is not None:
            self.operations.delete(ann)
