"""What the main window remembers between runs: geometry, splitters, theme, zoom, the
colour, how each list of cards is sorted, the open document and the reading position in
every document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from reader.core.errors import ReaderError
from reader.ui.theme import SYSTEM

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QSplitter, QTabWidget

    from reader.core.model import Document
    from reader.ui.actions import Actions
    from reader.ui.context import AppContext
    from reader.ui.document_view import DocumentView
    from reader.ui.panels.annotations_panel import AnnotationsPanel
    from reader.ui.panels.cards import CardList
    from reader.ui.panels.library_panel import LibraryPanel
    from reader.ui.panels.search_panel import SearchPanel
    from reader.ui.panels.tags_panel import TagsPanel


class SessionWindow(Protocol):
    """What the session saves and restores of a window (the main window has it all)."""

    splitter: QSplitter
    left: QSplitter
    tabs: QTabWidget
    tags_panel: TagsPanel
    library_panel: LibraryPanel
    annotations_panel: AnnotationsPanel
    search_panel: SearchPanel
    doc_view: DocumentView
    actions: Actions

    @property
    def doc(self) -> Document | None: ...

    def restoreGeometry(self, geometry: QByteArray) -> bool: ...

    def saveGeometry(self) -> QByteArray: ...

    def resize(self, width: int, height: int) -> None: ...

    def set_theme(self, mode: str) -> None: ...

    def open_document(self, document_id: str, offset: int | None = None) -> bool: ...

    def open_guide(self) -> None: ...


def _card_lists(w: SessionWindow) -> dict[str, CardList]:
    """The window's lists of cards, by the settings key their sort order is kept under."""
    return {
        "sort/library": w.library_panel.cards,
        "sort/highlights": w.annotations_panel.cards,
        "sort/excerpts": w.tags_panel.excerpt_cards,
        "sort/search": w.search_panel.cards,
    }


class Session:
    """Saves and restores ``window`` through the context's ``Settings``."""

    def __init__(self, context: AppContext, window: SessionWindow) -> None:
        self.context = context
        self.window = window
        self.settings = context.settings

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
        self.context.set_current_color(s.string("annotate/color", self.context.current_color))
        for key, cards in _card_lists(w).items():
            name = s.string(key)
            if name in cards.sorts:  # a sort renamed or removed since: keep the default
                cards.sort_box.setCurrentText(name)

    def restore_document(self) -> None:
        """Reopen the last document; on first run with an empty library, the guide."""
        w, library = self.window, self.context.library
        last = self.settings.string("session/document")
        try:
            empty = not library.list_documents()
        except ReaderError:
            empty = False
        if empty:
            w.open_guide()
        elif last and library.in_library(last):
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
        s.set("view/theme", self.context.theme.mode)
        s.set("view/zoom", w.doc_view.zoom)
        s.set("view/furniture", w.doc_view.show_furniture)
        s.set("annotate/color", self.context.current_color)
        for key, cards in _card_lists(w).items():
            s.set(key, cards.sort_box.currentText())
        s.set("session/document", w.doc.id if w.doc else "")
        s.sync()
