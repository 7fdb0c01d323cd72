"""The Annotate commands (highlight, select a clause, recolour, tags, note, delete) on
whichever view a window says, through the context's undoable operations.

The main window and the compare window's panes both use them: each says which view
and which :class:`OpenDocument` the commands act on at the moment they run.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow

from reader.core.library_model import Annotation
from reader.ui import dialogs
from reader.ui.context import AppContext
from reader.ui.document_view import DocumentView
from reader.ui.open_document import OpenDocument
from reader.ui.tag_editor import tags_by_use

Target = Callable[[], tuple[DocumentView, OpenDocument]]


class Annotating:
    """The commands of ``window`` acting on ``target()``: a view and its open document."""

    def __init__(self, window: QMainWindow, context: AppContext, target: Target) -> None:
        self.window = window
        self.context = context
        self.target = target

    def _say(self, message: str, ms: int = 4000) -> None:
        self.window.statusBar().showMessage(message, ms)

    def current_annotation(self) -> Annotation | None:
        """The highlight the caret (or the selection's start) is in."""
        view, open_doc = self.target()
        return open_doc.annotation_at(view.qt_to_offset(view.textCursor().selectionStart()))

    def highlight_selection(self) -> str | None:
        """Highlight the selection in the current colour; returns the new id."""
        view, open_doc = self.target()
        span = view.selected_span()
        if open_doc.doc is None or span is None:
            self._say("Select some text first (Alt+click selects a clause)")
            return None
        ann_id = self.context.operations.highlight(
            open_doc.doc.id, span[0], span[1], self.context.current_color, open_doc.doc.text
        )
        cursor = view.textCursor()
        cursor.setPosition(cursor.selectionStart())  # drop the selection: show the colour
        view.setTextCursor(cursor)
        return ann_id

    def select_clause(self) -> None:
        """Select the clause at the caret."""
        view, _open_doc = self.target()
        if not view.select_clause():
            self._say("No clause at the cursor", 3000)

    def recolor(self, name: str) -> None:
        """Apply colour ``name`` to the selection (a new highlight) or the highlight at
        the caret."""
        view, _open_doc = self.target()
        if view.selected_span() is not None:
            self.highlight_selection()
        elif (ann := self.current_annotation()) is not None:
            self.context.operations.recolor(ann, name)

    def _target_annotation(self) -> Annotation | None:
        """The highlight to tag/note: the one at the caret, else the selection highlighted now."""
        view, _open_doc = self.target()
        if view.selected_span() is not None:
            ann_id = self.highlight_selection()
            return self.context.library.get_annotation(ann_id) if ann_id else None
        ann = self.current_annotation()
        if ann is None:
            self._say("Put the cursor in a highlight, or select text")
        return ann

    def edit_tags(self) -> None:
        """Ctrl+T: edit the tags of the highlight at the caret."""
        ann = self._target_annotation()
        if ann is None:
            return
        tags = dialogs.ask_tags(self.window, ann, tags_by_use(self.context.library.tag_tree()))
        if tags is not None:
            self.context.operations.set_tags(ann, tags)

    def edit_note(self) -> None:
        """Ctrl+Shift+N: write or edit the note of the highlight at the caret."""
        ann = self._target_annotation()
        if ann is None:
            return
        note = dialogs.ask_note(self.window, ann)
        if note is not None:
            self.context.operations.set_note(ann, note)

    def delete_highlight(self) -> None:
        """Delete the highlight at the caret (undoable)."""
        ann = self.current_annotation()
        if ann is not None:
            self.context.operations.delete(ann)
