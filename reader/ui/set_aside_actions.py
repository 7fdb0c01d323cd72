"""Teammates' annotations set aside, handled in the Set Aside pane: Place Here (the
passage selected in the open document: its quote was reworded in this edition) and
Dismiss (Delete), both undoable; Open Document for an orphan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMenu

from reader.core.errors import ReaderError
from reader.core.exchange.by_hand import placed_by_hand
from reader.core.library_model import Annotation, PendingAnnotation, SetAside
from reader.core.store import Library
from reader.ui.panels.common import PaneKeys

MainWindowLike = Any  # the main window: typed loosely, no module but the app imports it


class _AsideCommand(QUndoCommand):
    def __init__(
        self, library: Library, done: Callable[[], None], on_error: Callable[[str], None],
        text: str, forward: Callable[[], object], back: Callable[[], object],
    ) -> None:  # fmt: skip
        super().__init__(text)
        self.library, self._done, self._on_error = library, done, on_error
        self.forward, self.back = forward, back

    def _run(self, call: Callable[[], object]) -> None:
        try:
            call()
        except ReaderError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        self._done()

    def redo(self) -> None:
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.back)


class SetAsideActions:
    """Place Here and Dismiss for the Set Aside pane of ``window``."""

    def __init__(self, window: MainWindowLike) -> None:
        self.window = window
        self.context = window.context
        view = window.set_aside_panel.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        PaneKeys(view, {Qt.Key.Key_Delete: lambda: self.dismiss(self.current())})

    def current(self) -> SetAside | None:
        """The item selected in the pane."""
        panel = self.window.set_aside_panel
        return panel.model.row_object(panel.view.currentIndex())

    def _push(self, text: str, forward: Callable[[], object], back: Callable[[], object]) -> None:
        ops = self.context.operations
        ops.undo_stack.push(
            _AsideCommand(
                self.context.library, self.context.reload_all, ops.failed.emit, text, forward, back
            )
        )

    def place_here(self, item: SetAside | None) -> bool:
        """Make ``item`` a highlight on the passage selected in the open document."""
        w = self.window
        span = w.doc_view.selected_span()
        if item is None or w.doc is None or span is None:
            w.show_error("Select the passage in the document first, then choose Place Here.")
            return False
        library = self.context.library
        try:
            pending: PendingAnnotation = library.pending_annotation(item.id)
            ann: Annotation = placed_by_hand(pending, w.doc.id, w.doc.text, *span)
        except ReaderError as exc:
            w.show_error(str(exc))
            return False
        self._push("Place Shared Annotation", lambda: library.place_pending(ann),
                   lambda: library.unplace(pending))  # fmt: skip
        return True

    def dismiss(self, item: SetAside | None) -> None:
        """Drop ``item`` (undo keeps it aside again)."""
        if item is None:
            return
        library = self.context.library
        pending = library.pending_annotation(item.id)
        self._push("Dismiss Shared Annotation", lambda: library.dismiss_pending(item.id),
                   lambda: library.keep_aside(pending))  # fmt: skip

    def menu_for(self, item: SetAside) -> QMenu:
        """The context menu of one item."""
        menu = QMenu(self.window.set_aside_panel.view)
        place = menu.addAction("Place Here (on the selected text)", lambda: self.place_here(item))
        place.setEnabled(self.window.doc_view.selected_span() is not None)
        if item.document_id is not None:
            menu.addAction("Open Its Document", lambda: self.window.open_document(item.document_id))
        menu.addSeparator()
        menu.addAction("Dismiss\tDel", lambda: self.dismiss(item))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        view = self.window.set_aside_panel.view
        item = self.window.set_aside_panel.model.row_object(view.indexAt(pos))
        if item is not None:
            menu = self.menu_for(item)
            menu.exec(view.viewport().mapToGlobal(pos))
            menu.deleteLater()
