"""A read-only, sortable table over Python objects: numbers sort as numbers.

Each column gives the text shown and the value sorted by; a
``QSortFilterProxyModel`` with ``sortRole = SORT_ROLE`` sorts on the values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 11


@dataclass(frozen=True)
class StatColumn(Generic[T]):
    """A column: header, text, the value it sorts by, and alignment."""

    header: str
    text: Callable[[T], str]
    value: Callable[[T], Any] | None = None  # default: the text, ignoring case
    numeric: bool = False  # right-aligned
    tooltip: Callable[[T], str] | None = None


class StatTableModel(QAbstractTableModel, Generic[T]):
    """Rows of objects shown through :class:`StatColumn` s."""

    def __init__(self, columns: Sequence[StatColumn[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        """The objects, in model order."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self.columns)
        ):
            return None
        obj, col = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(obj)
        if role == SORT_ROLE:
            return col.value(obj) if col.value else col.text(obj).lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(obj) if col.tooltip else col.text(obj)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == OBJECT_ROLE:
            return obj
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def sorting_proxy(model: QAbstractTableModel, parent: Any = None) -> QSortFilterProxyModel:
    """A proxy sorting ``model`` by :data:`SORT_ROLE` (numbers as numbers)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


def visible_objects(proxy: QSortFilterProxyModel) -> list[Any]:
    """The rows' objects in the order the proxy shows them."""
    return [proxy.index(r, 0).data(OBJECT_ROLE) for r in range(proxy.rowCount())]
