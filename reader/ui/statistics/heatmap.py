"""The co-occurrence matrix as a heat map: a table whose cells a delegate paints.

Rows carry the tag names; columns are numbered (the row's number prefixes its
name), so 30+ tags stay readable; every header and cell has a tooltip. The
diagonal (a tag's own excerpts) is drawn in grey, apart from the colour scale.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.analysis.cooccurrence import CooccurrenceMatrix

Index = QModelIndex | QPersistentModelIndex
COUNT_ROLE = Qt.ItemDataRole.UserRole + 20
# A sequential scale (light yellow -> orange -> dark red) that reads in both themes.
SCALE = [QColor("#fff7bc"), QColor("#fec44f"), QColor("#ec7014"), QColor("#993404")]
DIAGONAL = QColor("#d9d9d9")


def heat_color(value: int, maximum: int) -> QColor:
    """The colour of ``value`` on a scale from 1 to ``maximum``."""
    if maximum <= 1:
        return SCALE[-1] if value else SCALE[0]
    t = max(0.0, min(1.0, (value - 1) / (maximum - 1)))
    pos = t * (len(SCALE) - 1)
    i = min(int(pos), len(SCALE) - 2)
    f = pos - i
    a, b = SCALE[i], SCALE[i + 1]
    return QColor(
        round(a.red() + (b.red() - a.red()) * f),
        round(a.green() + (b.green() - a.green()) * f),
        round(a.blue() + (b.blue() - a.blue()) * f),
    )


class CooccurrenceModel(QAbstractTableModel):
    """The matrix: display text is the count (blank for 0), tooltips name both tags."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = CooccurrenceMatrix([], [], None)
        self.maximum = 0

    def set_matrix(self, matrix: CooccurrenceMatrix) -> None:
        """Show ``matrix``."""
        self.beginResetModel()
        self.matrix = matrix
        self.maximum = matrix.maximum
        self.endResetModel()

    def tags_at(self, index: Index) -> tuple[str, str]:
        """The row's and the column's tag."""
        return self.matrix.tags[index.row()], self.matrix.tags[index.column()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.tags)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.rowCount(parent)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.matrix.tags):
            return None
        count = self.matrix.counts[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == COUNT_ROLE:
            return count
        if role == Qt.ItemDataRole.ToolTipRole:
            a, b = self.tags_at(index)
            if a == b:
                return f"{a}: {count} excerpt(s)"
            return f"{a} × {b}: {count} time(s) on the same or overlapping text"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if not 0 <= section < len(self.matrix.tags):
            return None
        tag = self.matrix.tags[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{section + 1}"
                if orientation == Qt.Orientation.Horizontal
                else (f"{section + 1}. {tag}")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{section + 1}. {tag}"
        return None


class HeatDelegate(QStyledItemDelegate):
    """Fills each cell with its colour on the scale; the count on top."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        count = index.data(COUNT_ROLE) or 0
        maximum = getattr(model, "maximum", 0)
        rect = option.rect.adjusted(1, 1, -1, -1)
        painter.save()
        if index.row() == index.column():
            fill = DIAGONAL
        elif count:
            fill = heat_color(count, maximum)
        else:
            fill = option.palette.base().color()
        painter.fillRect(rect, fill)
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(option.palette.highlight().color(), 2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if count:
            dark = fill.lightnessF() < 0.5
            painter.setPen(QColor("white") if dark else QColor("#202020"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.restore()


class HeatLegend(QWidget):
    """The colour scale from 1 to the largest count, with the diagonal's swatch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.maximum = 0
        self.setMinimumHeight(self.fontMetrics().height() + 8)

    def set_maximum(self, maximum: int) -> None:
        """The largest off-diagonal count shown."""
        self.maximum = maximum
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        fm = self.fontMetrics()
        h = fm.height()
        y = (self.height() - h) // 2
        x = 0
        text_color = self.palette().windowText().color()

        def label(text: str) -> None:
            nonlocal x
            painter.setPen(text_color)
            width = fm.horizontalAdvance(text)
            painter.drawText(QRect(x, y, width, h), Qt.AlignmentFlag.AlignVCenter, text)
            x += width + 6

        label("co-occurrences:")
        if self.maximum:
            label("1")
            bar = QRect(x, y + 2, 140, h - 4)
            gradient = QLinearGradient(bar.left(), 0, bar.right(), 0)
            for i, color in enumerate(SCALE):
                gradient.setColorAt(i / (len(SCALE) - 1), color)
            painter.fillRect(bar, gradient)
            x += bar.width() + 6
            label(str(self.maximum))
        else:
            label("none")
        x += 12
        painter.fillRect(QRect(x, y + 2, h - 4, h - 4), DIAGONAL)
        x += h
        label("diagonal: the tag's excerpts")
        painter.end()
