"""The main window: library and outline on the left, the text in the middle,
highlights / tags / search on the right.

It owns no data: it gets the library, the undoable operations, the settings and
the theme from an :class:`AppContext` (as the other windows do), keeps the open
document in an :class:`OpenDocument`, and refreshes views from what a
:class:`Change` says was affected. It opens the secondary windows through the
context's registry and closes them all when it closes.

Its parts live beside it: the panes and the status bar are built in
:mod:`~reader.ui.window_layout`, documents open (and files import) through
:mod:`~reader.ui.document_opening`, the Analysis windows through
:mod:`~reader.ui.analysis_windows`, the commands and menus in :mod:`~reader.ui.actions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from reader.core.errors import ReaderError
from reader.core.library_model import Annotation, Excerpt, SearchHit
from reader.core.model import Document
from reader.core.reading import ReadingView
from reader.ui.actions import Actions
from reader.ui.analysis_windows import AnalysisWindows
from reader.ui.annotating import Annotating
from reader.ui.context import AppContext
from reader.ui.document_actions import DocumentActions
from reader.ui.document_opening import APP_TITLE, DocumentOpening
from reader.ui.keyboard import Keyboard
from reader.ui.open_document import OpenDocument
from reader.ui.operations import Change
from reader.ui.outline_model import OFFSET_ROLE
from reader.ui.refiqda_menu import RefiQdaMenu
from reader.ui.session import Session
from reader.ui.set_aside_actions import SetAsideActions
from reader.ui.sharing import Sharing
from reader.ui.tag_actions import TagActions
from reader.ui.team_menu import TeamMenu
from reader.ui.window_layout import TAB_SEARCH, TAB_SET_ASIDE, setup_panes, setup_status_bar

if TYPE_CHECKING:  # the secondary windows are built (and imported) on first use
    from reader.ui.agreement import AgreementWindow
    from reader.ui.compare.window import CompareWindow
    from reader.ui.statistics.window import StatisticsWindow

SEARCH_LIMIT = 100
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
        self.analysis = AnalysisWindows(context, self)
        self.open_doc = OpenDocument(self.library)
        self.opening = DocumentOpening(self)
        self.importer = self.opening.importer
        self.annotating = Annotating(self, context, lambda: (self.doc_view, self.open_doc))
        self._marked: str | None = None  # id of the highlight marked as under the caret
        self.errors: list[str] = []  # every error shown, newest last (tests read it)
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
        return self.analysis.compare

    @compare_window.setter
    def compare_window(self, window: None) -> None:
        # Only None: the next opening builds a new window (a test restarts it so).
        assert window is None
        self.analysis.forget_compare()

    @property
    def statistics_window(self) -> StatisticsWindow | None:
        """Analysis > Tag Statistics, once opened."""
        return self.analysis.statistics

    @property
    def agreement_window(self) -> AgreementWindow | None:
        """Analysis > Intercoder Agreement, once opened."""
        return self.analysis.agreement

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
        setup_panes(self)
        self.library_panel.openRequested.connect(self.open_document)
        self.outline.clicked.connect(self._on_outline_clicked)
        self.outline.activated.connect(self._on_outline_clicked)
        self.doc_view.topOffsetChanged.connect(self.mark_reading_place)
        self.doc_view.cursorOffsetChanged.connect(self._on_cursor_moved)
        self.annotations_panel.annotationActivated.connect(self.show_annotation)
        self.tags_panel.tagSelected.connect(self._on_tag_selected)
        self.tags_panel.excerptActivated.connect(self.show_excerpt)
        self.search_panel.searchRequested.connect(self.search_library)
        self.search_panel.hitActivated.connect(self.show_hit)
        self.set_aside_panel.documentRequested.connect(self.open_document)
        self.document_actions = DocumentActions(self)
        self.tag_actions = TagActions(self.tags_panel, self.operations, self)
        self.set_aside_actions = SetAsideActions(self)
        self.actions = Actions(self)
        self.actions.build_menus()
        self.keyboard = Keyboard(self)
        self.keyboard.build_menu()
        self.addToolBar(self.actions.build_toolbar())
        self.actions.check_color(self.current_color)
        self.actions.recent_menu.aboutToShow.connect(self.opening.fill_recent_menu)
        self.doc_view.context_actions = self.actions.context_actions()
        setup_status_bar(self, self.team.status)
        self.team.update_actions()
        self.statusBar().showMessage("Ready", 2000)

    # --- documents (see DocumentOpening) -------------------------------------------
    def open_document(self, document_id: str, offset: int | None = None) -> bool:
        """Show a stored document, at ``offset`` or where it was last read."""
        return self.opening.open_document(document_id, offset)

    def close_document(self) -> None:
        """Show no document (the open one was deleted)."""
        self.opening.close_document()

    def reread_document(self) -> None:
        """Re-read the open document's details (its title, date or source changed)."""
        self.opening.reread_document()

    def open_files(self) -> None:
        """File > Open: pick files to import, then open the last one."""
        self.opening.open_files()

    def import_files(self, paths: list[str], open_last: bool = True) -> bool:
        """Import files in the background; the last one imported opens when done."""
        return self.opening.import_files(paths, open_last)

    def open_guide(self) -> None:
        """Import (once) and open the built-in guide."""
        self.opening.open_guide()

    def _fill_recent_menu(self) -> None:
        self.opening.fill_recent_menu()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.opening.drop(event)

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
            self.show_annotations()
        self.refresh_tags()
        self.refresh_set_aside()

    def show_annotations(self) -> None:
        """Show the open document's highlights in the text and the Highlights pane."""
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
            self.show_annotations()
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

    def mark_reading_place(self, offset: int) -> None:
        """Mark the section being read (at text ``offset``, the top of the view) in the
        outline, and the page, for a PDF."""
        self.page_indicator.show_offset(offset)
        index = self.outline_model.index_for_offset(offset)
        if index.isValid() and index != self.outline.currentIndex():
            self.outline.mark(index)

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

    # --- analysis (see AnalysisWindows) ----------------------------------------------
    def open_compare(self) -> CompareWindow:
        """Analysis > Compare Documents: the compare window, A being the open document."""
        return self.analysis.open_compare()

    def show_statistics(self) -> StatisticsWindow:
        """Analysis > Tag Statistics (Ctrl+Shift+T): one window, raised if already open."""
        return self.analysis.show_statistics()

    def show_agreement(self) -> AgreementWindow:
        """Analysis > Intercoder Agreement: one window, raised if already open."""
        return self.analysis.show_agreement()

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
