"""What the panes share: a list view over a :class:`RowModel`, and pane headers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.row_model import RowModel
from reader.ui.theme import highlight_color

ELIDE_AT = 200


class ElideLeftDelegate(QStyledItemDelegate):
    """Cuts a long value at its start: a section path keeps its deepest section and the
    page (``…(3) Financial Cooperation, p. 12``), which say most."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class Placeholder:
    """For a list or tree view: when it has no rows it says, muted, what would fill it
    ("No highlights yet. Select text and press H."), as an empty pane should."""

    placeholder = ""

    def set_placeholder(self, text: str) -> None:
        """What the empty view says (repainted at once)."""
        if text != self.placeholder:
            self.placeholder = text
            self.viewport().update()  # type: ignore[attr-defined]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)  # type: ignore[misc]
        model = self.model()  # type: ignore[attr-defined]
        if self.placeholder and model is not None and model.rowCount() == 0:
            viewport = self.viewport()  # type: ignore[attr-defined]
            painter = QPainter(viewport)
            painter.setPen(viewport.palette().color(QPalette.ColorRole.PlaceholderText))
            area = viewport.rect().adjusted(12, 12, -12, -12)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, int(flags) | int(Qt.TextFlag.TextWordWrap), self.placeholder)
            painter.end()


class PlaceholderTree(Placeholder, QTreeView):
    """A tree view that says what would fill it when it is empty."""


def short(text: str, limit: int = ELIDE_AT) -> str:
    """One line of at most ``limit`` characters (views elide further by width)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def swatch(color: str) -> QColor:
    """The colour square shown beside a highlight in lists (the light shade reads in both)."""
    return highlight_color(color, dark=False)


def strip_marks(snippet: str) -> str:
    """A search snippet without its match marks."""
    return snippet.replace("«", "").replace("»", "")


def header_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A small bold caption above a pane."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(6, 6, 6, 2)
    return label


def stack(parent: QWidget, *children: QWidget, spacing: int = 0) -> QVBoxLayout:
    """Lay ``children`` out top to bottom in ``parent``, edge to edge."""
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for child in children:
        layout.addWidget(child)
    return layout


def select_row(
    view: QAbstractItemView, model: RowModel[Any], predicate: Callable[[Any], bool]
) -> None:
    """Make the first row matching ``predicate`` current (or clear the selection)."""
    row = model.find_row(predicate)
    if row >= 0:
        view.setCurrentIndex(model.index(row, 0))
        view.scrollTo(model.index(row, 0))  # the caret's highlight in sight in the pane
    else:
        view.clearSelection()


def table_view(
    model: RowModel[Any],
    on_activate: Callable[[Any], None],
    stretch: int = 0,
    widths: dict[int, int] | None = None,
    elide_left: tuple[int, ...] = (),
) -> QTableView:
    """A flat list of rows with columns; activating (click/Enter) calls ``on_activate``.

    Columns in ``elide_left`` (section paths) are cut at their start when too narrow.

    A table, not a tree: after a row is inserted a QTreeView lays out every row again,
    which takes milliseconds per change in a document with thousands of highlights.
    """
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(False)
    for col in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch if col == stretch else QHeaderView.ResizeMode.Interactive
        )
        header.setSectionResizeMode(col, mode)
    for col, width in (widths or {}).items():
        view.setColumnWidth(col, width)
    if elide_left:
        delegate = ElideLeftDelegate(view)
        for col in elide_left:
            view.setItemDelegateForColumn(col, delegate)

    def activate(index: QModelIndex) -> None:
        obj = model.row_object(index)
        if obj is not None:
            on_activate(obj)

    # A single click opens, as the issue asks; Enter does too (activated).
    view.clicked.connect(activate)
    view.activated.connect(activate)
    return view


class PaneKeys(QObject):
    """Keys a list or tree handles itself before the window's shortcuts see them:
    Delete in the library list deletes the document, in the tag tree the tag, not the
    highlight at the caret (the window's Delete). ``keys``: key -> what it does."""

    def __init__(self, view: QWidget, keys: dict[Qt.Key, Callable[[], object]]) -> None:
        super().__init__(view)
        self.keys = keys
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and (action := self.keys.get(Qt.Key(event.key()))) is not None
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key goes to the view, not to a window shortcut
                return True
            if event.type() == QEvent.Type.KeyPress:
                action()
                return True
        return super().eventFilter(watched, event)
