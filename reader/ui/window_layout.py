"""What the main window is made of, as ``setupUi`` would build it: the library and
the outline on the left, the text with its find bar in the middle, the Highlights /
Tags / Search / Set Aside tabs on the right, and the status bar's permanent parts (the
page of a PDF, a read-only library, the team folder).

The widgets become attributes of the window (``window.doc_view``, ``window.tabs``…);
connecting them to what they do is the window's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QWidget

from reader.ui.document_view import DocumentView
from reader.ui.find_bar import FindBar
from reader.ui.outline_model import OutlineModel
from reader.ui.outline_view import OutlineView
from reader.ui.page_indicator import PageIndicator
from reader.ui.panels.annotations_panel import AnnotationsPanel
from reader.ui.panels.common import header_label, stack
from reader.ui.panels.library_panel import LibraryPanel
from reader.ui.panels.search_panel import SearchPanel
from reader.ui.panels.set_aside_panel import SetAsidePanel
from reader.ui.panels.tags_panel import TagsPanel

TAB_HIGHLIGHTS, TAB_TAGS, TAB_SEARCH, TAB_SET_ASIDE = range(4)
PLACEHOLDER = "Open a document from the library, or File > Open (Ctrl+O)."
NO_HEADINGS = "No headings were found in this document: it reads as one section."
# The main window; typed loosely: no module but the app imports it.
MainWindowLike = Any


def setup_panes(window: MainWindowLike) -> None:
    """Build the window's panes and splitters and make them its central widget."""
    window.library_panel = LibraryPanel()
    window.outline_model = OutlineModel(window)
    window.outline = outline = OutlineView()
    outline.setModel(window.outline_model)
    outline.setHeaderHidden(True)
    outline.setUniformRowHeights(True)
    outline_box = QWidget()
    stack(outline_box, header_label("Outline"), outline)
    window.left = QSplitter(Qt.Orientation.Vertical)
    window.left.addWidget(window.library_panel)
    window.left.addWidget(outline_box)
    window.left.setSizes([300, 400])

    window.doc_view = DocumentView()
    window.doc_view.setPlaceholderText(PLACEHOLDER)
    window.find_bar = FindBar(window.doc_view)
    centre = QWidget()
    stack(centre, window.doc_view, window.find_bar)

    window.annotations_panel = AnnotationsPanel()
    window.tags_panel = TagsPanel()
    window.search_panel = SearchPanel()
    window.set_aside_panel = SetAsidePanel()
    window.tabs = tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(window.annotations_panel, "Highlights")
    tabs.addTab(window.tags_panel, "Tags")
    tabs.addTab(window.search_panel, "Search")
    tabs.addTab(window.set_aside_panel, "Set Aside")

    window.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(window.left)
    splitter.addWidget(centre)
    splitter.addWidget(tabs)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([280, 680, 320])
    splitter.setChildrenCollapsible(False)
    window.setCentralWidget(splitter)


def setup_status_bar(window: MainWindowLike, team_status: QWidget) -> None:
    """The status bar's permanent parts: the page being read (PDFs), a read-only
    library's reason, and the team folder's state."""
    bar = window.statusBar()
    window.page_indicator = PageIndicator()
    bar.addPermanentWidget(window.page_indicator)
    library = window.context.library
    if library.read_only:  # reading, search and exports work; every change says why not
        window.read_only_label = QLabel(f"Read-only library ({library.read_only})")
        window.read_only_label.setToolTip(
            f"{library.path}: changes cannot be saved ({library.read_only})"
        )
        bar.addPermanentWidget(window.read_only_label)
    bar.addPermanentWidget(team_status)
