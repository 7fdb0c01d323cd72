"""The library's hierarchical tags, with counts, as a Qt tree model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.core.library_model import TagNode
from reader.ui.tree_model import TreeModel

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the tag's full path: "economy/trade"


class TagModel(TreeModel[TagNode]):
    """Read-only tree of :class:`TagNode` s: ``trade (12)``."""

    def set_tags(self, roots: list[TagNode]) -> None:
        """Show the tag tree ``roots`` (as returned by ``Library.tag_tree``)."""
        self._reset(roots, lambda n: n.children)

    def index_for_path(self, path: str) -> QModelIndex:
        """The index of tag ``path`` (case-insensitive), or invalid."""
        key = path.lower()
        for i, node in enumerate(self._items):
            if node.path.lower() == key:
                return self.index_of(i)
        return QModelIndex()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        node = self.item(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.name}  ({node.count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            described = f"\n{node.description}" if node.description else ""
            return f"{node.path}: {node.count} highlight(s){described}"
        if role == PATH_ROLE:
            return node.path
        if role == Qt.ItemDataRole.FontRole and not node.exists:
            font = QFont()
            font.setItalic(True)  # only implied by its sub-tags
            return font
        return None
