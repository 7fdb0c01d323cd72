"""A read-only table model over a list of Python objects, one row each.

The library, annotations, excerpts and search-result lists differ only in their
columns, so each is a :class:`RowModel` with a list of :class:`Column` s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's object


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

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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

    def refresh_swatches(self) -> None:
        """Colours changed (a theme switch): repaint without resetting selection."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

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
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None
