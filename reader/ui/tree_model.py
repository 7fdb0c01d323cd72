"""A read-only ``QAbstractItemModel`` over a plain Python tree.

Items are numbered in a flat list and an index carries its item's number as its
internal id, so no Python object has to outlive Qt's pointers (the trap of
``internalPointer`` with temporary objects). Subclasses supply the data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROOT = -1


class TreeModel(QAbstractItemModel, Generic[T]):
    """Flattened tree: ``_items[i]`` with parent ``_parent[i]`` and ``_children[i]``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []
        self._parent: list[int] = []
        self._row: list[int] = []
        self._children: dict[int, list[int]] = {ROOT: []}

    def _reset(self, roots: Sequence[T], children_of: Callable[[T], Sequence[T]]) -> None:
        """Replace the whole tree (a model reset: views collapse and reselect)."""
        self.beginResetModel()
        self._items, self._parent, self._row = [], [], []
        self._children = {ROOT: []}

        def add(item: T, parent: int) -> None:
            i = len(self._items)
            self._items.append(item)
            self._parent.append(parent)
            siblings = self._children[parent]
            self._row.append(len(siblings))
            siblings.append(i)
            self._children[i] = []
            for child in children_of(item):
                add(child, i)

        for root in roots:
            add(root, ROOT)
        self.endResetModel()

    def item(self, index: Index) -> T | None:
        """The item behind ``index`` (None for the invisible root)."""
        if not index.isValid():
            return None
        return self._items[index.internalId()]

    def index_of(self, number: int, column: int = 0) -> QModelIndex:
        """The index of item number ``number`` (its place in ``_items``)."""
        return self.createIndex(self._row[number], column, number)

    # --- Qt overrides -------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.columnCount(parent):
            return QModelIndex()
        siblings = self._children.get(parent.internalId() if parent.isValid() else ROOT, [])
        if not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        p = self._parent[index.internalId()]
        if p == ROOT:
            return QModelIndex()
        return self.createIndex(self._row[p], 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else ROOT, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
