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
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat
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
from reader.ui.row_model import CARD_ROLE, RowModel

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
QUOTE_LINES = 3
NOTE_LINES = 2
PAD = 6  # pixels around a card's text
BAR = 4  # width of the colour bar
HEIGHT_CACHE = 20000  # card heights remembered (a few widths of a big document's cards)
OPEN, CLOSE = "«", "»"  # the marks search snippets put around matched words


@dataclass(slots=True)
class Card:
    """What one card shows; empty fields take no line."""

    quote: str
    emphasis: list[tuple[int, int]] = field(default_factory=list)  # spans of ``quote``
    color: QColor | None = None  # the bar on the left (the highlight's colour)
    heading: str = ""  # the document, where cards come from several
    where: str = ""  # section path and page
    tags: str = ""
    note: str = ""
    byline: str = ""  # author (and date)


def unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A search snippet on one line without its «marks», and the spans they marked."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    start = None
    for ch in " ".join(snippet.split()):
        if ch == OPEN:
            start = len(out)
        elif ch == CLOSE:
            if start is not None and len(out) > start:
                spans.append((start, len(out)))
            start = None
        else:
            out.append(ch)
    return "".join(out), spans


def one_line(text: str, limit: int = 800) -> str:
    """``text`` with its white space collapsed, cut at ``limit`` characters (a card shows
    three lines: laying out a whole long quote would only cost time)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _lines(
    text: str,
    font: QFont,
    width: int,
    max_lines: int,
    formats: Sequence[Layout.FormatRange] = (),
) -> Layout:
    """``text`` laid out in at most ``max_lines`` lines of ``width`` pixels, the last
    ending in "…" when the text goes on."""
    text = " ".join(text.split())
    layout = _layout(text, font, width, formats)
    if layout.lineCount() > max_lines:
        last = layout.lineAt(max_lines - 1)
        # Plain ints: a QTextLine dies with the layout it belongs to, replaced below.
        line_start = last.textStart()
        cut = line_start + last.textLength()
        # Shorten the last line until it and the ellipsis fit.
        while cut > line_start:
            layout = _layout(text[:cut].rstrip() + "…", font, width, formats)
            if layout.lineCount() <= max_lines:
                break
            cut -= max(1, (cut - line_start) // 8)
    return layout


def _layout(text: str, font: QFont, width: int, formats: Sequence[Layout.FormatRange]) -> Layout:
    layout = Layout(text, font)
    layout.setFormats(list(formats))
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 20))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


def _height(layout: Layout) -> int:
    return int(layout.boundingRect().height() + 0.999)


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
            blocks.append((_lines(card.heading, bold, width, 1), "heading"))
        blocks.append((_lines(card.quote, base, width, QUOTE_LINES, emphasis), "quote"))
        if card.where:
            # A path too long for the line keeps its end: the deepest section and page.
            where = QFontMetrics(small).elidedText(card.where, Qt.TextElideMode.ElideLeft, width)
            blocks.append((_lines(where, small, width, 1), "muted"))
        if card.tags:
            blocks.append((_lines(card.tags, small, width, 1), "tags"))
        if card.note:
            italic = QFont(small)
            italic.setItalic(True)
            blocks.append((_lines("✎ " + card.note, italic, width, NOTE_LINES), "note"))
        if card.byline:
            blocks.append((_lines(card.byline, small, width, 1), "muted"))
        return blocks

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
        key = (width, card.quote, card.heading, card.where, card.tags, card.note, card.byline)
        height = self._heights.get(key)
        if height is None:
            blocks = self._blocks(card, option, width)
            height = sum(_height(layout) for layout, _ in blocks) + 2 * PAD + 2 * len(blocks) - 1
            if len(self._heights) > HEIGHT_CACHE:
                self._heights.clear()
            self._heights[key] = height
        return QSize(self.view.viewport().width(), height)

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
        for layout, role in self._blocks(card, option, self._text_width()):
            painter.setPen(colors[role])
            layout.draw(painter, QPointF(x, y))
            y += _height(layout) + 2
        if selected or option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _tag_color(palette: QPalette) -> QColor:
    return QColor("#7fb2ff") if _is_dark(palette) else QColor("#1f5fae")


Sort = Callable[[Any], Any]


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
        self.view = QListView(self)
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
