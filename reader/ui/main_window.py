"""The main window: library and outline on the left, the text in the middle,
highlights / tags / search on the right.

It owns no data: documents and annotations come from the :class:`Library`, every
change goes through :class:`Operations` (undoable), and views are refreshed from
what a :class:`Change` says was affected.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTreeView,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.importers import SUPPORTED_SUFFIXES
from reader.core.library_model import Annotation, Excerpt, SearchHit
from reader.core.model import Document
from reader.core.reading import ReadingView, build_reading_view
from reader.core.store import DEFAULT_COLOR, Library
from reader.ui import dialogs, preferences
from reader.ui.actions import Actions
from reader.ui.document_view import DocumentView
from reader.ui.find_bar import FindBar
from reader.ui.importer import Importer, import_now
from reader.ui.operations import Change, Operations
from reader.ui.outline_model import OFFSET_ROLE, OutlineModel
from reader.ui.page_indicator import PageIndicator
from reader.ui.panels.annotations_panel import AnnotationsPanel
from reader.ui.panels.common import header_label, stack
from reader.ui.panels.library_panel import LibraryPanel
from reader.ui.panels.search_panel import SearchPanel
from reader.ui.panels.set_aside_panel import SetAsidePanel
from reader.ui.panels.tags_panel import TagsPanel
from reader.ui.refiqda_menu import RefiQdaMenu
from reader.ui.resources import guide_path
from reader.ui.session import Session
from reader.ui.settings import Settings, default_settings
from reader.ui.sharing import Sharing
from reader.ui.tag_editor import tags_by_use
from reader.ui.theme import Theme

if TYPE_CHECKING:
    from reader.ui.compare.window import CompareWindow

APP_TITLE = "Policy Reader"
SEARCH_LIMIT = 100
TAB_HIGHLIGHTS, TAB_TAGS, TAB_SEARCH, TAB_SET_ASIDE = 0, 1, 2, 3


EXTERNAL_CHECK_MS = 3000
# Not an annotation id: makes the next caret move mark the highlight under it again.
_REMARK = "\0"


class MainWindow(QMainWindow):
    """The reader. ``settings`` is injectable so tests never touch the user's own."""

    def __init__(
        self,
        library: Library,
        settings: QSettings | None = None,
        theme: Theme | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = Settings(settings if settings is not None else default_settings())
        app = QApplication.instance()
        self.theme = theme or Theme(app)  # type: ignore[arg-type]
        self.operations = Operations(library, self)
        self.operations.changed.connect(self._on_change)
        self.operations.failed.connect(self.show_error)
        self.operations.author = preferences.author(self.settings)
        self.sharing = Sharing(self)
        self.refiqda = RefiQdaMenu(self)
        self.importer = Importer(library, self)
        self.importer.finished.connect(self._on_import_finished)
        # Open Recent lists what was imported, never a file that failed.
        self.importer.imported.connect(
            lambda path, _info: self.settings.add_recent_file(str(Path(path).resolve()))
        )
        self.importer.rejected.connect(
            lambda path, _error: self.settings.remove_recent_file(str(Path(path).resolve()))
        )
        self.doc: Document | None = None
        self.reading: ReadingView | None = None
        self.annotations: list[Annotation] = []
        self._marked: str | None = None  # id of the highlight marked as under the caret
        self._ann_starts: list[int] = []
        self.current_color = DEFAULT_COLOR
        self.errors: list[str] = []  # every error shown, newest last (tests read it)
        self._open_after_import = False
        self.compare_window: CompareWindow | None = None
        self.statistics_window = None  # Analysis > Tag Statistics, made when first opened
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self._build()
        self.session = Session(self)
        self.session.restore_view_settings()
        self.refresh_library()
        self.refresh_tags()
        self.refresh_set_aside()
        # Another process (a CLI call, a second window) may change the library: look
        # for its commits every few seconds, which costs one PRAGMA when nothing changed.
        self._data_version = library.data_version()
        self._watch = QTimer(self, interval=EXTERNAL_CHECK_MS)
        self._watch.timeout.connect(self.check_external_changes)
        self._watch.start()

    def check_external_changes(self) -> bool:
        """Re-read what another process committed since the last look; True if it did."""
        try:
            version = self.library.data_version()
        except Exception:  # noqa: BLE001 - a closed or busy library: look again later
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self.refresh_after_merge()
        return True

    # --- construction ------------------------------------------------------
    def _build(self) -> None:
        self.library_panel = LibraryPanel()
        self.library_panel.openRequested.connect(self.open_document)
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(True)
        self.outline.clicked.connect(self._on_outline_clicked)
        self.outline.activated.connect(self._on_outline_clicked)
        outline_box = QWidget()
        stack(outline_box, header_label("Outline"), self.outline)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.library_panel)
        self.left.addWidget(outline_box)
        self.left.setSizes([220, 480])

        self.doc_view = DocumentView()
        self.doc_view.setPlaceholderText(
            "Open a document from the library, or File > Open (Ctrl+O)."
        )
        self.doc_view.topOffsetChanged.connect(self._on_scrolled)
        self.doc_view.cursorOffsetChanged.connect(self._on_cursor_moved)
        self.find_bar = FindBar(self.doc_view)
        centre = QWidget()
        stack(centre, self.doc_view, self.find_bar)

        self.annotations_panel = AnnotationsPanel()
        self.annotations_panel.annotationActivated.connect(self.show_annotation)
        self.tags_panel = TagsPanel()
        self.tags_panel.tagSelected.connect(self._on_tag_selected)
        self.tags_panel.excerptActivated.connect(self.show_excerpt)
        self.search_panel = SearchPanel()
        self.search_panel.searchRequested.connect(self.search_library)
        self.search_panel.hitActivated.connect(self.show_hit)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.annotations_panel, "Highlights")
        self.tabs.addTab(self.tags_panel, "Tags")
        self.tabs.addTab(self.search_panel, "Search")
        self.set_aside_panel = SetAsidePanel()
        self.set_aside_panel.documentRequested.connect(self.open_document)
        self.tabs.addTab(self.set_aside_panel, "Set Aside")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 680, 320])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.actions = Actions(self)
        self.actions.build_menus()
        self.addToolBar(self.actions.build_toolbar())
        self.actions.check_color(self.current_color)
        self.actions.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.doc_view.context_actions = self.actions.context_actions()
        self.page_indicator = PageIndicator()
        self.statusBar().addPermanentWidget(self.page_indicator)
        self.statusBar().showMessage("Ready", 2000)

    # --- documents ---------------------------------------------------------
    def open_document(self, document_id: str, offset: int | None = None) -> bool:
        """Show a stored document, at ``offset`` or where it was last read."""
        if self.doc is not None and self.doc.id == document_id:
            if offset is not None:
                self.doc_view.scroll_to_offset(offset)
            return True
        try:
            doc = self.library.get_document(document_id)
        except ReaderError as exc:
            self.show_error(str(exc))
            return False
        self.session.save_position()
        self.doc, self.reading = doc, build_reading_view(doc)
        self.find_bar.close_bar() if self.find_bar.isVisible() else None
        self.doc_view.load(doc, self.reading)
        self.outline_model.set_document(doc)
        self.page_indicator.set_document(doc)
        self.outline.expandToDepth(0)
        self._reload_annotations()
        self.library_panel.select(doc.id)
        self.setWindowTitle(f"{doc.title} — {APP_TITLE}")
        meta = " · ".join(x for x in (doc.date, doc.source) if x)
        self.statusBar().showMessage(f"{doc.title}{'  ·  ' + meta if meta else ''}")
        self.doc_view.scroll_to_offset(self.settings.position(doc.id) if offset is None else offset)
        self._on_scrolled(self.doc_view.top_offset())
        return True

    def open_files(self) -> None:
        """File > Open: pick files to import, then open the last one."""
        start = (
            str(Path(self.settings.recent_files()[0]).parent)
            if self.settings.recent_files()
            else ""
        )
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open Documents", start, f"Documents ({patterns});;All files (*)"
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str], open_last: bool = True) -> bool:
        """Import files in the background; the last one imported opens when done."""
        paths = [str(Path(p)) for p in paths]
        self._open_after_import = open_last
        if not self.importer.start(paths):
            self.show_error("An import is already running; try again when it has finished.")
            return False
        self.statusBar().showMessage(f"Importing {len(paths)} file(s)…")
        return True

    def _on_import_finished(self, infos: list, errors: list) -> None:
        # A new document may have adopted teammates' annotations that were waiting for it.
        self.refresh_after_merge()
        if infos:
            self.statusBar().showMessage(f"Imported {len(infos)} document(s)", 4000)
            if self._open_after_import:
                self.open_document(infos[-1].id)
        if errors:
            self.show_error("\n\n".join(errors), title="Some files could not be imported")

    def open_guide(self) -> None:
        """Import (once) and open the built-in guide."""
        try:
            info = import_now(self.library, guide_path())
        except ReaderError as exc:
            self.show_error(str(exc))
            return
        self.refresh_library()
        self.open_document(info.id)

    def _fill_recent_menu(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        for path in self.settings.recent_files():
            action = menu.addAction(Path(path).name)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.import_files([p]))
        if menu.isEmpty():
            menu.addAction("No recent files").setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls: list[QUrl] = event.mimeData().urls()
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # --- refreshing views ----------------------------------------------------
    def refresh_library(self) -> None:
        """Re-read the document list (titles, dates, highlight counts)."""
        self.library_panel.set_documents(
            self.library.list_documents(), self.doc.id if self.doc else None
        )

    def refresh_tags(self) -> None:
        """Re-read the tag tree and the excerpts of the selected tag."""
        self.tags_panel.set_tags(self.library.tag_tree())
        self._on_tag_selected(self.tags_panel.current_tag())
        if self.statistics_window is not None:
            self.statistics_window.library_changed()

    def refresh_set_aside(self) -> None:
        """Re-read the shared annotations not placed yet; the tab shows how many."""
        items = self.library.set_aside()
        self.set_aside_panel.set_items(items)
        label = f"Set Aside ({len(items)})" if items else "Set Aside"
        self.tabs.setTabText(TAB_SET_ASIDE, label)

    def refresh_after_merge(self) -> None:
        """Annotations arrived outside the undo stack (shared files, adopted on import):
        every view that shows annotations re-reads them."""
        self.refresh_library()
        if self.doc is not None:
            self._reload_annotations()
        self.refresh_tags()
        self.refresh_set_aside()
        if self.compare_window is not None:
            self.compare_window.refresh_after_merge()

    def _reload_annotations(self) -> None:
        self.annotations = self.library.annotations(self.doc.id) if self.doc else []
        self._ann_starts = [a.start for a in self.annotations]
        self.doc_view.set_annotations(self.annotations)
        self.annotations_panel.set_annotations(self.annotations, self.doc)
        self._marked = _REMARK
        self._on_cursor_moved(self.doc_view.cursor_offset())

    def _on_change(self, change: Change) -> None:
        ann = None
        in_open_document = self.doc is not None and change.document_id == self.doc.id
        if in_open_document:
            ann = self._apply_change(change.annotation_id)
        if change.count and in_open_document and ann is not None:
            self.library_panel.set_count(self.doc.id, len(self.annotations))
        elif change.count:
            self.refresh_library()
        # Excerpt rows show colours and notes too: the tags pane refreshes when the
        # change touched tags or a tagged highlight (an untagged one is not listed there).
        if change.tags or ann is None or ann.tags:
            self.refresh_tags()

    def _apply_change(self, annotation_id: str) -> Annotation | None:
        """Re-read one changed annotation and update the views that show it (re-reading
        all of a document's highlights would cost far more than a keystroke allows)."""
        try:
            ann = self.library.get_annotation(annotation_id)
        except ReaderError:
            self._reload_annotations()
            return None
        self.annotations = [a for a in self.annotations if a.id != ann.id]
        if ann.deleted is None:
            insort(self.annotations, ann, key=lambda a: (a.start, a.end))
            self.doc_view.upsert_annotation(ann)
        else:
            self.doc_view.remove_annotation(ann.id)
        self._ann_starts = [a.start for a in self.annotations]
        if ann.deleted is None:
            self.annotations_panel.upsert_annotation(ann)
        else:
            self.annotations_panel.remove_annotation(ann.id)
        self._marked = _REMARK  # the highlight under the caret may be this one, changed
        self._on_cursor_moved(self.doc_view.cursor_offset())
        return ann

    # --- navigation ----------------------------------------------------------
    def _on_outline_clicked(self, index: QModelIndex) -> None:
        offset = index.data(OFFSET_ROLE)
        if offset is not None:
            self.doc_view.scroll_to_offset(offset)
            # The caret follows, so Ctrl+L / Shift+arrows start from the section read.
            self.doc_view.move_caret(offset)

    def _on_scrolled(self, offset: int) -> None:
        """Mark the section being read in the outline (and the page, for a PDF)."""
        self.page_indicator.show_offset(offset)
        index = self.outline_model.index_for_offset(offset)
        if index.isValid() and index != self.outline.currentIndex():
            self.outline.setCurrentIndex(index)
            self.outline.scrollTo(index)

    def _annotation_at(self, offset: int) -> Annotation | None:
        # The innermost (latest starting) highlight containing the offset.
        i = bisect_right(self._ann_starts, offset) - 1
        while i >= 0:
            ann = self.annotations[i]
            if ann.start <= offset < ann.end:
                return ann
            i -= 1
        return None

    def current_annotation(self) -> Annotation | None:
        """The highlight the caret (or selection start) is in."""
        cursor = self.doc_view.textCursor()
        return self._annotation_at(self.doc_view.qt_to_offset(cursor.selectionStart()))

    def _on_cursor_moved(self, _offset: int) -> None:
        ann = self.current_annotation()
        marked = ann.id if ann else None
        if marked == self._marked:
            return  # caret moved within the same highlight (or outside any): nothing to redo
        self._marked = marked
        self.doc_view.set_current_annotation(marked)
        self.annotations_panel.select(marked)

    def show_annotation(self, ann: Annotation) -> None:
        """Open a highlight's document and put the caret in it, scrolled into view."""
        if self.open_document(ann.document_id):
            self.doc_view.select_span(ann.start, ann.end)
            cursor = self.doc_view.textCursor()
            cursor.setPosition(cursor.selectionStart())  # caret in it, highlight colour visible
            self.doc_view.setTextCursor(cursor)

    def show_excerpt(self, excerpt: Excerpt) -> None:
        """Open an excerpt in place."""
        self.show_annotation(excerpt.annotation)

    def show_statistics(self) -> None:
        """Analysis > Tag Statistics (Ctrl+Shift+T)."""
        from reader.ui.statistics.window import show_statistics

        show_statistics(self)

    def show_hit(self, hit: SearchHit) -> None:
        """Open a search hit's document with the matching passage selected."""
        if self.open_document(hit.document_id):
            self.doc_view.select_span(hit.start, hit.end)

    def _on_tag_selected(self, tag: str) -> None:
        excerpts = self.library.excerpts(tags=[tag]) if tag else []
        self.tags_panel.set_excerpts(tag, excerpts)

    def show_search(self) -> None:
        """Ctrl+Shift+F: the search tab with the caret in its field."""
        self.tabs.setCurrentIndex(TAB_SEARCH)
        self.search_panel.focus_query()

    def search_library(self, query: str) -> None:
        """Full-text search over every document and note."""
        if not query.strip():
            self.search_panel.set_results("", [])
            return
        try:
            hits = self.library.search(query, limit=SEARCH_LIMIT)
        except ReaderError as exc:
            self.search_panel.set_results(query, [], error=str(exc))
            return
        self.search_panel.set_results(query, hits)

    # --- annotating ------------------------------------------------------------
    def highlight_selection(self) -> str | None:
        """Highlight the selection in the current colour; returns the new id."""
        span = self.doc_view.selected_span()
        if self.doc is None or span is None:
            self.statusBar().showMessage(
                "Select some text first (Alt+click selects a clause)", 4000
            )
            return None
        ann_id = self.operations.highlight(self.doc.id, span[0], span[1], self.current_color)
        cursor = self.doc_view.textCursor()
        cursor.setPosition(cursor.selectionStart())  # drop the selection: show the colour
        self.doc_view.setTextCursor(cursor)
        return ann_id

    def select_clause(self) -> None:
        """Select the clause at the caret."""
        if not self.doc_view.select_clause():
            self.statusBar().showMessage("No clause at the cursor", 3000)

    def choose_color(self, name: str) -> None:
        """Make ``name`` the current colour; apply it to the selection or the highlight."""
        self.current_color = name
        self.actions.check_color(name)
        if self.doc_view.selected_span() is not None:
            self.highlight_selection()
        elif (ann := self.current_annotation()) is not None:
            self.operations.recolor(ann, name)

    def _target_annotation(self) -> Annotation | None:
        """The highlight to tag/note: the one at the caret, else the selection highlighted now."""
        if self.doc_view.selected_span() is not None:
            ann_id = self.highlight_selection()
            return self.library.get_annotation(ann_id) if ann_id else None
        ann = self.current_annotation()
        if ann is None:
            self.statusBar().showMessage("Put the cursor in a highlight, or select text", 4000)
        return ann

    def edit_tags(self) -> None:
        """Ctrl+T: edit the tags of the highlight at the caret."""
        ann = self._target_annotation()
        if ann is None:
            return
        tags = dialogs.ask_tags(self, ann, tags_by_use(self.library.tag_tree()))
        if tags is not None:
            self.operations.set_tags(ann, tags)

    def edit_note(self) -> None:
        """Ctrl+Shift+N: write or edit the note of the highlight at the caret."""
        ann = self._target_annotation()
        if ann is None:
            return
        note = dialogs.ask_note(self, ann)
        if note is not None:
            self.operations.set_note(ann, note)

    def delete_highlight(self) -> None:
        """Delete the highlight at the caret (undoable)."""
        ann = self.current_annotation()
        if ann is not None:
            self.operations.delete(ann)

    def show_agreement(self) -> None:
        """Analysis > Intercoder Agreement: one window, raised if already open."""
        from reader.ui.agreement import AgreementWindow

        if getattr(self, "agreement_window", None) is None:
            self.agreement_window = AgreementWindow(self)
        else:
            self.agreement_window.fill_documents(self.doc.id if self.doc else None)
        self.agreement_window.show()
        self.agreement_window.raise_()
        self.agreement_window.activateWindow()

    def edit_preferences(self) -> None:
        """Edit > Preferences: the name written as author of new highlights."""
        name = preferences.ask_author(self, self.operations.author or "")
        if name is not None:
            self.settings.set(preferences.AUTHOR_KEY, name)
            self.operations.author = preferences.author(self.settings)

    def copy_selection(self) -> None:
        """Copy the selected text (from whichever text widget has focus)."""
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self.doc_view and hasattr(focus, "copy"):
            focus.copy()
        else:
            self.doc_view.copy()

    # --- view ------------------------------------------------------------------
    def zoom_in(self) -> None:
        """Ctrl++: larger text."""
        self.doc_view.set_zoom(self.doc_view.zoom + 1)

    def zoom_out(self) -> None:
        """Ctrl+-: smaller text."""
        self.doc_view.set_zoom(self.doc_view.zoom - 1)

    def zoom_reset(self) -> None:
        """Ctrl+0: the default size."""
        self.doc_view.set_zoom(0)

    def toggle_furniture(self) -> None:
        """Show or hide page furniture (muted either way)."""
        self.doc_view.set_furniture_visible(self.actions.furniture.isChecked())

    def set_theme(self, mode: str) -> None:
        """View > Theme: system, light or dark."""
        self.theme.apply(mode)
        self.actions.themes[self.theme.mode].setChecked(True)
        self.doc_view.set_dark(self.theme.is_dark)

    def _on_system_scheme_changed(self) -> None:
        if self.theme.mode == "system":
            self.doc_view.set_dark(self.theme.is_dark)

    # --- analysis ----------------------------------------------------------------
    def open_compare(self) -> CompareWindow:
        """Analysis > Compare Documents: the compare window, A being the open document."""
        from reader.ui.compare.window import CompareWindow  # built on first use

        if self.compare_window is None:
            self.compare_window = CompareWindow(
                self.operations, self.settings, lambda: self.current_color, self
            )
        window = self.compare_window
        window.choose(self.doc.id if self.doc else None)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    # --- messages and closing ------------------------------------------------
    def show_error(self, message: str, title: str = "Policy Reader") -> None:
        """Tell the user what went wrong, without blocking (the app keeps working)."""
        self.errors.append(message)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def close_owned_windows(self) -> None:
        """Close every window and dialog this one owns (statistics, agreement, compare,
        messages, import progress) and stop every timer under it: none may outlive the
        window, nor read the library once it is closed."""
        self.importer.shutdown()
        for widget in self.findChildren(QWidget):
            if widget.isWindow():
                widget.close()
        for timer in self.findChildren(QTimer):
            timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_owned_windows()  # first: they save their state in the settings
        self.session.save()
        super().closeEvent(event)


def connect_system_theme(window: MainWindow) -> None:
    """Follow the desktop's light/dark switch while the theme is "system"."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: window._on_system_scheme_changed()
    )
