"""What the window remembers between runs: geometry, splitters, theme, zoom, the
open document and the reading position in every document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.ui.theme import SYSTEM

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class Session:
    """Saves and restores a :class:`MainWindow` through its ``Settings``."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = window.settings

    def restore_view_settings(self) -> None:
        """Geometry, splitter sizes, tab, theme, zoom and furniture (before showing)."""
        w, s = self.window, self.settings
        geometry = s.bytes("window/geometry")
        if geometry is None or not w.restoreGeometry(geometry):
            w.resize(1280, 800)
        for key, splitter in (
            ("window/splitter", w.splitter),
            ("window/left", w.left),
            ("window/tags", w.tags_panel.splitter),
        ):
            s.restore_state(key, splitter)
        w.tabs.setCurrentIndex(s.integer("window/tab", 0))
        w.set_theme(s.string("view/theme", SYSTEM))
        w.doc_view.zoom = s.integer("view/zoom", 0)
        furniture = s.flag("view/furniture", True)
        w.actions.furniture.setChecked(furniture)
        w.doc_view.show_furniture = furniture
        color = s.string("annotate/color", w.current_color)
        w.current_color = color
        w.actions.check_color(color)

    def restore_document(self) -> None:
        """Reopen the last document; on first run with an empty library, the guide."""
        w = self.window
        last = self.settings.string("session/document")
        try:
            empty = not w.library.list_documents()
        except ReaderError:
            empty = False
        if empty:
            w.open_guide()
        elif last and w.library.document_info(last, missing_ok=True) is not None:
            w.open_document(last)

    def save_position(self) -> None:
        """Remember where the open document is being read."""
        w = self.window
        if w.doc is not None:
            self.settings.set_position(w.doc.id, w.doc_view.top_offset())

    def save(self) -> None:
        """Everything, on close."""
        w, s = self.window, self.settings
        self.save_position()
        s.set("window/geometry", w.saveGeometry())
        s.set("window/splitter", w.splitter.saveState())
        s.set("window/left", w.left.saveState())
        s.set("window/tags", w.tags_panel.splitter.saveState())
        s.set("window/tab", w.tabs.currentIndex())
        s.set("view/theme", w.theme.mode)
        s.set("view/zoom", w.doc_view.zoom)
        s.set("view/furniture", w.doc_view.show_furniture)
        s.set("annotate/color", w.current_color)
        s.set("session/document", w.doc.id if w.doc else "")
        s.sync()
