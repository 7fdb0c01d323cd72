"""A read-only table model over a list of Python objects, one row each.

The library, annotations, excerpts and search-result lists differ only in their
columns, so each is a :class:`RowModel` with a list of :class:`Column` s.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's object
CARD_ROLE = Qt.ItemDataRole.UserRole + 2  # what a card list draws for the row (any column)


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column: header, display text, and optional tooltip / colour swatch."""

    header: str
    text: Callable[[T], str]
    tooltip: Callable[[T], str] | None = None
    swatch: Callable[[T], QColor | None] | None = None
    align_right: bool = False


class RowModel(QAbstractTableModel, Generic[T]):
    """Rows of objects shown through :class:`Column` s."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        parent: Any = None,
        card: Callable[[T], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._card = card
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def upsert(self, obj: T, same: Callable[[T], bool], order: Callable[[T], Any]) -> int:
        """Replace the row ``same`` matches with ``obj`` (or insert it), keeping the rows
        sorted by ``order``; returns its row. One row changes, so views keep their state."""
        old = self.find_row(same)
        if old >= 0:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._rows[old]
            self.endRemoveRows()
        row = bisect_right(self._rows, order(obj), key=order)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, obj)
        self.endInsertRows()
        return row

    def replace(self, same: Callable[[T], bool], obj: T) -> bool:
        """Put ``obj`` in place of the row ``same`` matches (same position); False if none."""
        row = self.find_row(same)
        if row < 0:
            return False
        self._rows[row] = obj
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return True

    def remove(self, same: Callable[[T], bool]) -> bool:
        """Remove the row ``same`` matches; False if there is none."""
        row = self.find_row(same)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def rows(self) -> list[T]:
        """The objects shown, in order."""
        return list(self._rows)

    def row_object(self, index: Index) -> T | None:
        """The object of ``index``'s row."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def find_row(self, predicate: Callable[[T], bool]) -> int:
        """The first row whose object satisfies ``predicate``, or -1."""
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    # --- Qt overrides -------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = 0) -> Any:
        obj = self.row_object(index)
        if obj is None or not 0 <= index.column() < len(self._columns):
            return None
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(obj)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(obj) if col.tooltip else col.text(obj)
        if role == Qt.ItemDataRole.DecorationRole and col.swatch:
            return col.swatch(obj)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return obj
        if role == CARD_ROLE and self._card is not None:
            return self._card(obj)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None
