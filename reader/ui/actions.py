"""Every command of the main window as a ``QAction``, with its shortcut, in menus.

Shortcuts (all listed in the menus so they can be discovered):
Ctrl+O open, Ctrl+E export excerpts, Ctrl+F find, F3/Shift+F3 next/previous,
Ctrl+Shift+F library search, Ctrl+Shift+K intercoder agreement,
Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo, Ctrl++/Ctrl+-/Ctrl+0 zoom, H highlight,
Ctrl+1..5 colour, Ctrl+L select clause, Ctrl+T tags, Ctrl+Shift+N note,
Delete remove highlight, Ctrl+Shift+D compare documents, Ctrl+Shift+T tag statistics.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from reader.ui.theme import DARK, LIGHT, PICKER_COLORS, SYSTEM, highlight_color

StdKey = QKeySequence.StandardKey
Key = str | StdKey


def key_sequences(*keys: Key) -> list[QKeySequence]:
    """The sequences for ``keys`` in order, each once (a standard key stands for this
    platform's main binding of it).

    Qt treats one sequence bound twice as ambiguous and fires neither: on X11 the
    standard Redo key *is* Ctrl+Shift+Z, so "Ctrl+Shift+Z" plus ``StdKey.Redo`` would
    leave redo dead on the keyboard.
    """
    sequences: list[QKeySequence] = []
    seen: set[str] = set()
    for key in keys:
        sequence = QKeySequence(key)
        name = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        if name and name not in seen:
            seen.add(name)
            sequences.append(sequence)
    return sequences


def color_icon(name: str) -> QIcon:
    """A small square of a highlight colour."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(highlight_color(name, dark=False))
    return QIcon(pixmap)


class Actions:
    """Creates the window's actions, connects them to its methods, builds menus."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        w = window

        def make(
            text: str,
            slot: Callable[[], object] | None,
            shortcut: Key | list[Key] | None = None,
            tip: str = "",
            checkable: bool = False,
        ) -> QAction:
            action = QAction(text, w)
            if shortcut is not None:
                shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
                action.setShortcuts(key_sequences(*shortcuts))
            action.setStatusTip(tip)
            action.setCheckable(checkable)
            if slot is not None:
                action.triggered.connect(lambda _checked=False: slot())
            w.addAction(action)  # shortcuts work even when a menu bar is hidden
            return action

        # File
        self.open = make("&Open…", w.open_files, StdKey.Open, "Import and open documents")
        self.recent_menu = QMenu("Open &Recent", w)
        sharing = w.sharing
        self.export = make(
            "&Export Excerpts…",
            sharing.export_excerpts,
            "Ctrl+E",
            "Export tagged excerpts as Markdown, CSV or JSON",
        )
        self.share = make(
            "&Share Annotations…",
            sharing.share_annotations,
            None,
            "Save annotations in a file for teammates (W3C Web Annotation)",
        )
        self.import_shared = make(
            "&Import Shared Annotations…",
            sharing.import_shared,
            None,
            "Merge annotation files from teammates",
        )
        refi = w.refiqda
        self.qdc_export = make(
            "Export &Codebook…", refi.export_codebook, None, "Tags as a REFI-QDA codebook (.qdc)"
        )
        self.codebook_csv_export = make(
            "Export Codebook as CS&V (Taguette)…",
            refi.export_codebook_csv,
            None,
            "Tags and descriptions as the codebook CSV Taguette imports",
        )
        self.qdpx_export = make(
            "Export &Project…",
            refi.export_project,
            None,
            "Documents, tags and annotations as a REFI-QDA project (.qdpx)",
        )
        self.qdc_import = make(
            "&Import Codebook…", refi.import_codebook, None, "Tags from a REFI-QDA codebook"
        )
        self.qdpx_import = make(
            "Import P&roject…",
            refi.import_project,
            None,
            "Documents, tags and annotations from a REFI-QDA project (.qdpx)",
        )
        team = w.team
        self.sync = make(
            "S&ync Team Folder",
            team.sync,
            "Ctrl+Shift+Y",
            "Merge teammates' annotations and share yours (git: pull, commit, push)",
        )
        self.sync.setIconText("Sync")
        team.sync_action = self.sync
        self.team_documents = make(
            "Import &Teammates' Documents",
            team.import_documents,
            None,
            "Import the documents in the team folder that this library lacks",
        )
        self.guide = make("Policy Reader &Guide", w.open_guide, None, "Open the built-in guide")
        self.quit = make("&Quit", w.close, StdKey.Quit)
        # Edit
        self.undo = w.operations.undo_stack.createUndoAction(w, "&Undo")
        self.undo.setShortcuts(key_sequences(StdKey.Undo))
        self.redo = w.operations.undo_stack.createRedoAction(w, "&Redo")
        self.redo.setShortcuts(key_sequences(StdKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        w.addAction(self.undo)
        w.addAction(self.redo)
        # Toolbar twins with fixed labels: the menu's "Undo Edit Tags" would make
        # the toolbar jump as the text changes.
        stack = w.operations.undo_stack
        self.undo_button = QAction("Undo", w, toolTip="Undo (Ctrl+Z)", enabled=False)
        self.undo_button.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QAction(
            "Redo", w, toolTip="Redo (Ctrl+Shift+Z or Ctrl+Y)", enabled=False
        )
        self.redo_button.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.copy = make("&Copy", w.copy_selection, StdKey.Copy)
        self.find = make("&Find…", w.find_bar.open_bar, StdKey.Find, "Find in this document")
        self.find_next = make("Find &Next", w.find_bar.find_next, ["F3", StdKey.FindNext])
        self.find_prev = make(
            "Find &Previous", w.find_bar.find_previous, ["Shift+F3", StdKey.FindPrevious]
        )
        self.search = make(
            "&Search Library…", w.show_search, "Ctrl+Shift+F", "Search every document and note"
        )
        self.preferences = make(
            "Pre&ferences…", w.edit_preferences, StdKey.Preferences, "Your name; the team folder"
        )
        # Annotate
        annotating = w.annotating
        self.highlight = make(
            "&Highlight", annotating.highlight_selection, "H", "Highlight the selection"
        )
        self.select_clause = make(
            "Select &Clause",
            annotating.select_clause,
            "Ctrl+L",
            "Select the clause at the cursor (Alt+click)",
        )
        self.tag = make("&Tags…", annotating.edit_tags, "Ctrl+T", "Tag the highlight at the cursor")
        self.note = make(
            "&Note…", annotating.edit_note, "Ctrl+Shift+N", "Write a note on the highlight"
        )
        self.delete = make("&Delete Highlight", annotating.delete_highlight, StdKey.Delete)
        self.color_group = QActionGroup(w)
        self.colors: list[QAction] = []
        for n, name in enumerate(PICKER_COLORS, 1):
            action = make(
                name.capitalize(),
                lambda name=name: w.choose_color(name),
                f"Ctrl+{n}",
                f"Highlight (or recolour) in {name}",
                checkable=True,
            )
            action.setIcon(color_icon(name))
            action.setData(name)
            self.color_group.addAction(action)
            self.colors.append(action)
        # View
        self.zoom_in = make("Zoom &In", w.zoom_in, [StdKey.ZoomIn, "Ctrl+="])
        self.zoom_out = make("Zoom &Out", w.zoom_out, StdKey.ZoomOut)
        self.zoom_reset = make("&Actual Size", w.zoom_reset, "Ctrl+0")
        self.furniture = make(
            "Show Page &Furniture",
            w.toggle_furniture,
            None,
            "Show breadcrumbs, footers and related-news lists",
            checkable=True,
        )
        # Analysis
        self.statistics = make(
            "Tag &Statistics…",
            w.show_statistics,
            "Ctrl+Shift+T",
            "Tag counts, co-occurrence and tags by section",
        )
        self.compare = make(
            "&Compare Documents…",
            w.open_compare,
            "Ctrl+Shift+D",
            "Align two documents section by section and see what changed",
        )
        self.agreement = make(
            "Intercoder &Agreement…",
            w.show_agreement,
            "Ctrl+Shift+K",
            "Compare coders' tags on a document: kappa, alpha, disagreements",
        )
        self.theme_group = QActionGroup(w)
        self.themes: dict[str, QAction] = {}
        for mode, label in ((SYSTEM, "&System"), (LIGHT, "&Light"), (DARK, "&Dark")):
            action = make(label, lambda mode=mode: w.set_theme(mode), checkable=True)
            self.theme_group.addAction(action)
            self.themes[mode] = action

    def check_color(self, name: str) -> None:
        """Show ``name`` as the current highlight colour."""
        for action in self.colors:
            action.setChecked(action.data() == name)

    def build_menus(self) -> None:
        """The menu bar."""
        bar = self.window.menuBar()
        file = bar.addMenu("&File")
        file.addAction(self.open)
        file.addMenu(self.recent_menu)
        file.addSeparator()
        docs = self.window.document_actions
        file.addActions([docs.details, docs.delete])
        file.addSeparator()
        file.addAction(self.export)
        file.addSeparator()
        file.addActions([self.share, self.import_shared])
        file.addActions([self.sync, self.team_documents])
        refi = file.addMenu("REFI-&QDA")
        refi.addActions(
            [
                self.qdc_export,
                self.codebook_csv_export,
                self.qdpx_export,
                self.qdc_import,
                self.qdpx_import,
            ]
        )
        file.addSeparator()
        file.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        for a in (self.undo, self.redo, None, self.copy, None, self.find, self.find_next):
            edit.addAction(a) if a else edit.addSeparator()
        edit.addAction(self.find_prev)
        edit.addAction(self.search)
        edit.addSeparator()
        edit.addAction(self.preferences)
        annotate = bar.addMenu("&Annotate")
        for a in (self.highlight, self.select_clause, None):
            annotate.addAction(a) if a else annotate.addSeparator()
        colors = annotate.addMenu("Highlight &Colour")
        colors.addActions(self.colors)
        annotate.addSeparator()
        annotate.addActions([self.tag, self.note, self.delete])
        view = bar.addMenu("&View")
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view.addSeparator()
        view.addAction(self.furniture)
        theme = view.addMenu("&Theme")
        theme.addActions(list(self.themes.values()))
        analysis = bar.addMenu("A&nalysis")
        analysis.addActions([self.compare, self.statistics, self.agreement])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.guide)

    def build_toolbar(self) -> QToolBar:
        """The main toolbar: the few commands used all the time."""
        bar = QToolBar("Main", self.window)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.addAction(self.open)
        bar.addSeparator()
        bar.addAction(self.highlight)
        bar.addActions(self.colors)
        bar.addAction(self.tag)
        bar.addAction(self.note)
        bar.addSeparator()
        bar.addActions([self.undo_button, self.redo_button])
        bar.addSeparator()
        bar.addActions([self.find, self.search])
        bar.addSeparator()
        bar.addAction(self.sync)
        return bar

    def context_actions(self) -> list[QAction | None]:
        """Actions put first in the reading view's context menu (None: a separator)."""
        return [self.highlight, self.select_clause, None, self.tag, self.note, self.delete]
