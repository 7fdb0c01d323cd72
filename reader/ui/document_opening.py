"""Opening documents in the main window: a stored one (from the library, a search hit,
another window), files through the background importer (File > Open, Open Recent,
files dropped on the window, teammates' documents), and the built-in guide.

The window keeps one :class:`DocumentOpening`; what it opens goes into the window's
:class:`~reader.ui.open_document.OpenDocument` and its views.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from reader.core.errors import ReaderError
from reader.core.gc_pause import paused_gc
from reader.core.importers import SUPPORTED_SUFFIXES
from reader.ui.importer import Importer, import_now
from reader.ui.resources import guide_path
from reader.ui.window_layout import NO_HEADINGS

APP_TITLE = "Policy Reader"
# The main window (its context, open_doc, views, session, settings, statusBar); typed
# loosely: no module but the app imports it.
MainWindowLike = Any


class DocumentOpening:
    """Opens documents in ``window``; owns the window's background importer."""

    def __init__(self, window: MainWindowLike) -> None:
        self.window = window
        self.importer = Importer(window.library, window)
        self.importer.finished.connect(self._on_import_finished)
        settings = window.settings
        # Open Recent lists what was imported, never a file that failed.
        self.importer.imported.connect(
            lambda path, _info: settings.add_recent_file(str(Path(path).resolve()))
        )
        self.importer.rejected.connect(
            lambda path, _error: settings.remove_recent_file(str(Path(path).resolve()))
        )
        self._open_after_import = False

    # --- stored documents ------------------------------------------------------
    def open_document(self, document_id: str, offset: int | None = None) -> bool:
        """Show a stored document, at ``offset`` or where it was last read."""
        w = self.window
        if w.doc is not None and w.doc.id == document_id:
            if offset is not None:
                w.doc_view.scroll_to_offset(offset)
            return True
        with paused_gc():
            try:
                doc = w.library.get_document(document_id)
            except ReaderError as exc:
                w.show_error(str(exc))
                return False
            w.session.save_position()
            w.open_doc.load(doc)
            w.context.current_document_id = doc.id
            w.find_bar.close_bar() if w.find_bar.isVisible() else None
            w.doc_view.load(doc, w.reading)
            w.outline_model.set_document(doc)
            w.outline.set_placeholder("" if doc.outline else NO_HEADINGS)
            w.page_indicator.set_document(doc)
            w.outline.expandToDepth(0)
            w.show_annotations()
        w.library_panel.select(doc.id)
        # Kept at once, not only on close: a crash or a power cut reopens it too.
        w.settings.set("session/document", doc.id)
        w.setWindowTitle(f"{doc.title} — {APP_TITLE}")
        meta = " · ".join(x for x in (doc.date, doc.source) if x)
        w.statusBar().showMessage(f"{doc.title}{'  ·  ' + meta if meta else ''}")
        w.doc_view.scroll_to_offset(w.settings.position(doc.id) if offset is None else offset)
        w.mark_reading_place(w.doc_view.top_offset())
        return True

    def close_document(self) -> None:
        """Show no document (the open one was deleted)."""
        w = self.window
        w.open_doc.load(None)
        w.context.current_document_id = None
        w.doc_view.load(None, None)
        w.outline_model.set_document(None)
        w.outline.set_placeholder("")
        w.page_indicator.set_document(None)
        w.show_annotations()
        w.setWindowTitle(APP_TITLE)

    def reread_document(self) -> None:
        """Re-read the open document's details (its title, date or source changed)."""
        w = self.window
        if w.doc is not None:
            w.open_doc.doc = w.library.get_document(w.doc.id)
            w.setWindowTitle(f"{w.doc.title} — {APP_TITLE}")

    def open_guide(self) -> None:
        """Import (once) and open the built-in guide."""
        w = self.window
        try:
            info = import_now(w.library, guide_path())
        except ReaderError as exc:
            w.show_error(str(exc))
            return
        w.refresh_library()
        self.open_document(info.id)

    # --- files -------------------------------------------------------------------
    def open_files(self) -> None:
        """File > Open: pick files to import, then open the last one."""
        recent = self.window.settings.recent_files()
        start = str(Path(recent[0]).parent) if recent else ""
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Open Documents", start, f"Documents ({patterns});;All files (*)"
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str], open_last: bool = True) -> bool:
        """Import files in the background; the last one imported opens when done."""
        paths = [str(Path(p)) for p in paths]
        self._open_after_import = open_last
        if not self.importer.start(paths):
            self.window.show_error("An import is already running; try again when it has finished.")
            return False
        self.window.statusBar().showMessage(f"Importing {len(paths)} file(s)…")
        return True

    def _on_import_finished(self, infos: list, errors: list) -> None:
        w = self.window
        # A new document may have adopted teammates' annotations that were waiting for it.
        w.refresh_after_merge()
        if infos:
            w.statusBar().showMessage(f"Imported {len(infos)} document(s)", 4000)
            if self._open_after_import:
                self.open_document(infos[-1].id)
        if errors:
            w.show_error("\n\n".join(errors), title="Some files could not be imported")

    def fill_recent_menu(self) -> None:
        """File > Open Recent: the files imported last, newest first."""
        menu = self.window.actions.recent_menu
        menu.clear()
        for path in self.window.settings.recent_files():
            action = menu.addAction(Path(path).name)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.import_files([p]))
        if menu.isEmpty():
            menu.addAction("No recent files").setEnabled(False)

    def drop(self, event: QDropEvent) -> None:
        """Import the files dropped on the window (anything else is not taken)."""
        urls: list[QUrl] = event.mimeData().urls()
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)
