"""Lists of cards, as the Zotero and Hypothesis sidebars show annotations: a colour bar,
the quote wrapped over up to three lines (matched words emphasised), then where it
stands, its tags, its note and who wrote it, each on a line of its own.

A :class:`CardList` is a sort box above a list view over a
:class:`~reader.ui.row_model.RowModel` whose rows give a :class:`Card` (``CARD_ROLE``);
the :class:`CardDelegate` lays each card out for the width of the pane, so nothing is
cut to a few characters however narrow the pane or however many authors there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtGui import QTextLayout as Layout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.colors import COLORS
from reader.ui.panels.card_text import height, lines, path_lines
from reader.ui.panels.common import Placeholder
from reader.ui.row_model import CARD_ROLE, RowModel

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
QUOTE_LINES = 3
NOTE_LINES = 2
PAD = 6  # pixels around a card's text
BAR = 4  # width of the colour bar
BADGE_PAD = 5  # pixels either side of a badge's text
HEIGHT_CACHE = 20000  # card heights remembered (a few widths of a big document's cards)
PATH_LINES = 2  # a section path wraps over two lines before it is shortened


@dataclass(slots=True)
class Card:
    """What one card shows; empty fields take no line."""

    quote: str
    emphasis: list[tuple[int, int]] = field(default_factory=list)  # spans of ``quote``
    color: QColor | None = None  # the bar on the left (the highlight's colour)
    heading: str = ""  # the document, where cards come from several
    quote_lines: int = QUOTE_LINES
    badge: str = ""  # a count beside the quote's first line, at the right
    meta: str = ""  # a muted line under the quote (a document's date and source)
    where: str = ""  # section path and page
    tags: str = ""
    note: str = ""
    byline: str = ""  # author (and date)


class CardDelegate(QStyledItemDelegate):
    """Draws a :class:`Card` per row, as tall as its text needs at the view's width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self._heights: dict[tuple, int] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        bold = QFont(small)
        bold.setBold(True)
        return base, small, bold

    def _blocks(
        self, card: Card, option: QStyleOptionViewItem, width: int
    ) -> list[tuple[Layout, str]]:
        """The card's text blocks, top to bottom, each with its role in the card."""
        base, small, bold = self._fonts(option)
        emphasis = []
        for start, end in card.emphasis:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setBackground(QColor(255, 200, 0, 110))
            rng = Layout.FormatRange()
            rng.start, rng.length, rng.format = start, end - start, fmt
            emphasis.append(rng)
        blocks: list[tuple[Layout, str]] = []
        if card.heading:
            blocks.append((lines(card.heading, bold, width, 1), "heading"))
        quote_width = width - self._badge_width(card, small)
        blocks.append((lines(card.quote, base, quote_width, card.quote_lines, emphasis), "quote"))
        if card.meta:
            blocks.append((lines(card.meta, small, width, 1), "muted"))
        if card.where:
            # Wrapped, then shortened in its middle: its head and its end stay in sight.
            blocks.append((path_lines(card.where, small, width, PATH_LINES), "muted"))
        if card.tags:
            blocks.append((lines(card.tags, small, width, 1), "tags"))
        if card.note:
            italic = QFont(small)
            italic.setItalic(True)
            blocks.append((lines("✎ " + card.note, italic, width, NOTE_LINES), "note"))
        if card.byline:
            blocks.append((lines(card.byline, small, width, 1), "muted"))
        return blocks

    @staticmethod
    def _badge_width(card: Card, font: QFont) -> int:
        """Pixels the badge takes beside the quote, its gap included (none: 0)."""
        if not card.badge:
            return 0
        return QFontMetrics(font).horizontalAdvance(card.badge) + 2 * BADGE_PAD + PAD

    def texts(self, card: Card, option: QStyleOptionViewItem, width: int) -> list[str]:
        """The lines' texts as drawn at ``width`` (what a reader sees; tests read it)."""
        return [layout.text() for layout, _ in self._blocks(card, option, width)]

    def _text_width(self) -> int:
        return self.view.viewport().width() - 2 * PAD - BAR - 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return super().sizeHint(option, index)
        width = self._text_width()
        # The list lays every card out again after each change: heights of cards seen at
        # this width are remembered, so only new or changed cards cost a text layout.
        key = (
            width, card.quote, card.heading, card.where, card.tags, card.note, card.byline,
            card.meta, card.badge, card.quote_lines,
        )  # fmt: skip
        tall = self._heights.get(key)
        if tall is None:
            blocks = self._blocks(card, option, width)
            tall = sum(height(layout) for layout, _ in blocks) + 2 * PAD + 2 * len(blocks) - 1
            if len(self._heights) > HEIGHT_CACHE:
                self._heights.clear()
            self._heights[key] = tall
        return QSize(self.view.viewport().width(), tall)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        painter.save()
        palette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            # A tint of the accent, not the accent itself: the card's muted and tag lines
            # stay readable on it.
            accent = QColor(palette.color(QPalette.ColorRole.Highlight))
            accent.setAlpha(110 if _is_dark(palette) else 55)
            painter.fillRect(rect, accent)
        elif index.row() % 2:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        if card.color is not None:
            bar = QRect(rect.left() + 1, rect.top() + 3, BAR, rect.height() - 6)
            painter.fillRect(bar, card.color)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        colors = {
            "quote": text, "heading": text, "note": text, "muted": muted,
            "tags": _tag_color(palette),
        }  # fmt: skip
        x = rect.left() + BAR + PAD + 1
        y = rect.top() + PAD
        blocks = self._blocks(card, option, self._text_width())
        for layout, role in blocks:
            painter.setPen(colors[role])
            layout.draw(painter, QPointF(x, y))
            if role == "quote" and card.badge:
                self._paint_badge(painter, card.badge, option, rect.right() - PAD, y)
            y += height(layout) + 2
        if selected or option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def _paint_badge(
        self, painter: QPainter, text: str, option: QStyleOptionViewItem, right: int, top: int
    ) -> None:
        """``text`` (a count) in a rounded box whose right edge is at ``right``."""
        _base, small, _bold = self._fonts(option)
        metrics = QFontMetrics(small)
        box = QRectF(
            right - metrics.horizontalAdvance(text) - 2 * BADGE_PAD,
            top + 1,
            metrics.horizontalAdvance(text) + 2 * BADGE_PAD,
            metrics.height() + 2,
        )
        palette = option.palette
        painter.save()  # the brush would fill the focus frame drawn after
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _tag_color(palette: QPalette) -> QColor:
    return QColor("#7fb2ff") if _is_dark(palette) else QColor("#1f5fae")


Sort = Callable[[Any], Any]


class CardView(Placeholder, QListView):
    """A list of cards that says, when it has none, what would fill it (``placeholder``)."""


class CardList(QWidget, Generic[T]):
    """A "Sort by" box above a list of cards; activating a card (click, Enter) calls
    ``on_activate`` with its row's object."""

    sortChanged = Signal(str)

    def __init__(
        self,
        model: RowModel[T],
        on_activate: Callable[[T], None],
        sorts: dict[str, Sort],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.sorts = sorts
        self.sort_box = QComboBox(self)
        self.sort_box.addItems(list(sorts))
        self.sort_box.setAccessibleName("Sort by")
        self.sort_box.currentTextChanged.connect(self._resort)
        label = QLabel("&Sort by:", self)
        label.setBuddy(self.sort_box)
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(6, 2, 6, 2)
        self.bar.addWidget(label)
        self.bar.addWidget(self.sort_box, 1)
        self.view = CardView(self)
        self.view.setModel(model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # thousands of cards stay snappy
        self.view.setBatchSize(200)
        self.view.setWordWrap(True)
        self._reveal_left = 0
        self._reveal_timer = QTimer(self, interval=15)
        self._reveal_timer.timeout.connect(self._reveal_again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.bar)
        layout.addWidget(self.view)

        def activate(index: QModelIndex) -> None:
            obj = model.row_object(index)
            if obj is not None:
                on_activate(obj)

        self.view.clicked.connect(activate)
        self.view.activated.connect(activate)

    def reveal(self, row: int) -> None:
        """Make ``row`` current and keep it in sight while the list lays itself out (in
        batches: a big list's first scroll lands short of where the row ends up)."""
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._reveal_left = 20
        self._reveal_timer.start()

    def _reveal_again(self) -> None:
        index = self.view.currentIndex()
        self._reveal_left -= 1
        if not index.isValid() or self._reveal_left <= 0:
            self._reveal_timer.stop()
            return
        self.view.scrollTo(index)

    def sort_key(self) -> Sort:
        """How the rows are ordered now."""
        return self.sorts[self.sort_box.currentText()]

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows`` in the chosen order."""
        self.model.set_rows(sorted(rows, key=self.sort_key()))

    def upsert(self, obj: T, same: Callable[[T], bool]) -> None:
        """Show one new or changed row in its place for the chosen order."""
        self.model.upsert(obj, same, self.sort_key())

    def _resort(self, name: str) -> None:
        current = self.model.row_object(self.view.currentIndex())
        self.set_rows(self.model.rows())
        if current is not None:
            row = self.model.find_row(lambda r: r is current)
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row, 0))
        self.sortChanged.emit(name)


def newest_first(iso: str) -> float:
    """A sort key putting later ISO-8601 times first."""
    try:
        return -datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def color_order(color: str) -> int:
    """A sort key: the picker's colours in their order, then any other colour."""
    return COLORS.index(color) if color in COLORS else len(COLORS)
