"""The main window: library and outline on the left, the text in the middle,
highlights / tags / search on the right.

It owns no data: it gets the library, the undoable operations, the settings and
the theme from an :class:`AppContext` (as the other windows do), keeps the open
document in an :class:`OpenDocument`, and refreshes views from what a
:class:`Change` says was affected. It opens the secondary windows through the
context's registry and closes them all when it closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
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
from reader.core.reading import ReadingView
from reader.ui.actions import Actions
from reader.ui.annotating import Annotating
from reader.ui.context import AppContext
from reader.ui.document_actions import DocumentActions
from reader.ui.document_view import DocumentView
from reader.ui.find_bar import FindBar
from reader.ui.importer import Importer, import_now
from reader.ui.keyboard import Keyboard
from reader.ui.open_document import OpenDocument, paused_gc
from reader.ui.operations import Change
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
from reader.ui.set_aside_actions import SetAsideActions
from reader.ui.sharing import Sharing
from reader.ui.tag_actions import TagActions
from reader.ui.team_menu import TeamMenu

if TYPE_CHECKING:  # the secondary windows are built (and imported) on first use
    from reader.ui.agreement import AgreementWindow
    from reader.ui.compare.window import CompareWindow
    from reader.ui.statistics.window import StatisticsWindow

APP_TITLE = "Policy Reader"
SEARCH_LIMIT = 100
TAB_SEARCH, TAB_SET_ASIDE = 2, 3
COMPARE, STATISTICS, AGREEMENT = "compare", "statistics", "agreement"  # secondary windows


EXTERNAL_CHECK_MS = 3000
# Not an annotation id: makes the next caret move mark the highlight under it again.
_REMARK = "\0"


class MainWindow(QMainWindow):
    """The reader over ``context`` (whose settings tests point at a temporary file)."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.library = context.library
        self.settings = context.settings
        self.theme = context.theme
        self.operations = context.operations
        self.operations.changed.connect(self._on_change)
        self.operations.failed.connect(self.show_error)
        context.errorRaised.connect(self.show_error)
        context.reloaded.connect(self._reload_views)
        context.excerptRequested.connect(self._on_excerpt_requested)
        context.spanRequested.connect(self.show_span)
        context.colorChanged.connect(lambda name: self.actions.check_color(name))
        self.sharing = Sharing(context, self, lambda: self.tags_panel.current_tag())
        self.refiqda = RefiQdaMenu(context, self)
        self.team = TeamMenu(context, self, lambda paths: self.import_files(paths, False))
        self.importer = Importer(self.library, self)
        self.importer.finished.connect(self._on_import_finished)
        # Open Recent lists what was imported, never a file that failed.
        self.importer.imported.connect(
            lambda path, _info: self.settings.add_recent_file(str(Path(path).resolve()))
        )
        self.importer.rejected.connect(
            lambda path, _error: self.settings.remove_recent_file(str(Path(path).resolve()))
        )
        self.open_doc = OpenDocument(self.library)
        self.annotating = Annotating(self, context, lambda: (self.doc_view, self.open_doc))
        self._marked: str | None = None  # id of the highlight marked as under the caret
        self.errors: list[str] = []  # every error shown, newest last (tests read it)
        self._open_after_import = False
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self._build()
        self.session = Session(context, self)
        self.session.restore_view_settings()
        self.refresh_library()
        self.refresh_tags()
        self.refresh_set_aside()
        # Another process (a CLI call, a second window) may change the library: look
        # for its commits every few seconds, which costs one PRAGMA when nothing changed.
        self._data_version = self.library.data_version()
        self._watch = QTimer(self, interval=EXTERNAL_CHECK_MS)
        self._watch.timeout.connect(self.check_external_changes)
        self._watch.start()
        # The team folder: a first look once the window is up, then file events.
        QTimer.singleShot(0, context.team.start)

    # --- what is open ------------------------------------------------------------
    @property
    def doc(self) -> Document | None:
        """The open document (None: none)."""
        return self.open_doc.doc

    @property
    def reading(self) -> ReadingView | None:
        """How the open document is shown (furniture apart, paragraphs rejoined)."""
        return self.open_doc.reading

    @property
    def annotations(self) -> list[Annotation]:
        """The open document's live highlights, in text order."""
        return self.open_doc.annotations

    @property
    def current_color(self) -> str:
        """The colour new highlights get."""
        return self.context.current_color

    @property
    def compare_window(self) -> CompareWindow | None:
        """Analysis > Compare Documents, once opened."""
        return self.context.windows.get(COMPARE)  # type: ignore[return-value]

    @compare_window.setter
    def compare_window(self, window: None) -> None:
        # Only None: the next opening builds a new window (a test restarts it so).
        assert window is None
        self.context.windows.forget(COMPARE)

    @property
    def statistics_window(self) -> StatisticsWindow | None:
        """Analysis > Tag Statistics, once opened."""
        return self.context.windows.get(STATISTICS)  # type: ignore[return-value]

    @property
    def agreement_window(self) -> AgreementWindow | None:
        """Analysis > Intercoder Agreement, once opened."""
        return self.context.windows.get(AGREEMENT)  # type: ignore[return-value]

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
        self.left.setSizes([300, 400])

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

        self.document_actions = DocumentActions(self)
        self.tag_actions = TagActions(self.tags_panel, self.operations, self)
        self.set_aside_actions = SetAsideActions(self)
        self.actions = Actions(self)
        self.actions.build_menus()
        self.keyboard = Keyboard(self)
        self.keyboard.build_menu()
        self.addToolBar(self.actions.build_toolbar())
        self.actions.check_color(self.current_color)
        self.actions.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.doc_view.context_actions = self.actions.context_actions()
        self.page_indicator = PageIndicator()
        self.statusBar().addPermanentWidget(self.page_indicator)
        reason = self.context.library.read_only
        if reason:  # reading, search and exports work; every change says why it cannot
            self.read_only_label = QLabel(f"Read-only library ({reason})")
            self.read_only_label.setToolTip(
                f"{self.context.library.path}: changes cannot be saved ({reason})"
            )
            self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.team.status)
        self.team.update_actions()
        self.statusBar().showMessage("Ready", 2000)

    # --- documents ---------------------------------------------------------
    def open_document(self, document_id: str, offset: int | None = None) -> bool:
        """Show a stored document, at ``offset`` or where it was last read."""
        if self.doc is not None and self.doc.id == document_id:
            if offset is not None:
                self.doc_view.scroll_to_offset(offset)
            return True
        with paused_gc():
            try:
                doc = self.library.get_document(document_id)
            except ReaderError as exc:
                self.show_error(str(exc))
                return False
            self.session.save_position()
            self.open_doc.load(doc)
            self.context.current_document_id = doc.id
            self.find_bar.close_bar() if self.find_bar.isVisible() else None
            self.doc_view.load(doc, self.reading)
            self.outline_model.set_document(doc)
            self.page_indicator.set_document(doc)
            self.outline.expandToDepth(0)
            self._show_annotations()
        self.library_panel.select(doc.id)
        self.setWindowTitle(f"{doc.title} — {APP_TITLE}")
        meta = " · ".join(x for x in (doc.date, doc.source) if x)
        self.statusBar().showMessage(f"{doc.title}{'  ·  ' + meta if meta else ''}")
        self.doc_view.scroll_to_offset(self.settings.position(doc.id) if offset is None else offset)
        self._on_scrolled(self.doc_view.top_offset())
        return True

    def close_document(self) -> None:
        """Show no document (the open one was deleted)."""
        self.open_doc.load(None)
        self.context.current_document_id = None
        self.doc_view.load(None, None)
        self.outline_model.set_document(None)
        self.page_indicator.set_document(None)
        self._show_annotations()
        self.setWindowTitle(APP_TITLE)

    def reread_document(self) -> None:
        """Re-read the open document's details (its title, date or source changed)."""
        if self.doc is not None:
            self.open_doc.doc = self.library.get_document(self.doc.id)
            self.setWindowTitle(f"{self.doc.title} — {APP_TITLE}")

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
        documents = self.library.list_documents()
        self.library_panel.set_documents(documents, self.doc.id if self.doc else None)
        self.search_panel.document_dates = {d.id: d.date or "" for d in documents}

    def refresh_tags(self) -> None:
        """Re-read the tag tree and the excerpts of the selected tag."""
        self.tags_panel.set_tags(self.library.tag_tree())
        self._on_tag_selected(self.tags_panel.current_tag())
        self.context.tagsChanged.emit()

    def refresh_set_aside(self) -> None:
        """Re-read the shared annotations not placed yet; the tab shows how many."""
        items = self.library.set_aside()
        self.set_aside_panel.set_items(items)
        label = f"Set Aside ({len(items)})" if items else "Set Aside"
        self.tabs.setTabText(TAB_SET_ASIDE, label)

    def refresh_after_merge(self) -> None:
        """Annotations arrived outside the undo stack (shared files, adopted on import):
        every view of every window that shows annotations re-reads them."""
        self.context.reload_all()

    def _reload_views(self) -> None:
        self.refresh_library()
        if self.doc is not None:
            self.open_doc.reload()
            self._show_annotations()
        self.refresh_tags()
        self.refresh_set_aside()

    def _show_annotations(self) -> None:
        self.doc_view.set_annotations(self.annotations)
        self.annotations_panel.set_annotations(self.annotations, self.doc)
        self._marked = _REMARK
        self._on_cursor_moved(self.doc_view.cursor_offset())

    def _on_change(self, change: Change) -> None:
        ann = None
        in_open_document = self.open_doc.touches(change)
        if in_open_document:
            ann = self._apply_change(change)
        if change.count and in_open_document and ann is not None:
            self.library_panel.set_count(self.doc.id, len(self.annotations))
        elif change.count:
            self.refresh_library()
        # Excerpt rows show colours and notes too: the tags pane refreshes when the
        # change touched tags or a tagged highlight (an untagged one is not listed there).
        if change.tags or ann is None or ann.tags:
            self.refresh_tags()

    def _apply_change(self, change: Change) -> Annotation | None:
        """Update the views showing the one annotation ``change`` touched."""
        ann = self.open_doc.apply(change)
        if ann is None:
            self._show_annotations()
            return None
        if ann.deleted is None:
            self.doc_view.upsert_annotation(ann)
            self.annotations_panel.upsert_annotation(ann)
        else:
            self.doc_view.remove_annotation(ann.id)
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

    def current_annotation(self) -> Annotation | None:
        """The highlight the caret (or selection start) is in."""
        return self.annotating.current_annotation()

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

    def _on_excerpt_requested(self, excerpt: Excerpt) -> None:
        # Asked from another window (a double click in the statistics): come to front.
        self.show_excerpt(excerpt)
        self.raise_()
        self.activateWindow()

    def show_span(self, document_id: str, start: int, end: int) -> None:
        """Open a document with ``start``-``end`` selected (the agreement window asks)."""
        if self.open_document(document_id, start):
            self.doc_view.select_span(start, end)

    def show_statistics(self) -> StatisticsWindow:
        """Analysis > Tag Statistics (Ctrl+Shift+T): one window, raised if already open."""
        from reader.ui.statistics.window import StatisticsWindow

        return self.context.windows.open(STATISTICS, lambda: StatisticsWindow(self.context, self))

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
    def choose_color(self, name: str) -> None:
        """Make ``name`` the current colour; apply it to the selection or the highlight."""
        self.context.set_current_color(name)
        self.actions.check_color(name)
        self.annotating.recolor(name)

    def show_agreement(self) -> AgreementWindow:
        """Analysis > Intercoder Agreement: one window, raised if already open."""
        from reader.ui.agreement import AgreementWindow

        def prepare(window: AgreementWindow, new: bool) -> None:
            if not new:
                window.fill_documents(self.context.current_document_id)

        return self.context.windows.open(
            AGREEMENT, lambda: AgreementWindow(self.context, self), prepare
        )

    def edit_preferences(self) -> None:
        """Edit > Preferences: your name as author of new highlights; the team folder."""
        self.team.edit_preferences()

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
        from reader.ui.compare.window import CompareWindow

        return self.context.windows.open(
            COMPARE,
            lambda: CompareWindow(self.context, self),
            lambda window, _new: window.choose(self.context.current_document_id),
        )

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
        # First: they save their state in the settings, and none may read the library
        # once it is closed.
        self.context.windows.close_all()
        self.context.team.close()  # writes a pending change of your team file
        self.close_owned_windows()
        self.session.save()
        super().closeEvent(event)


def connect_system_theme(window: MainWindow) -> None:
    """Follow the desktop's light/dark switch while the theme is "system"."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: window._on_system_scheme_changed()
    )
