"""The library's hierarchical tags, with counts, as a Qt tree model.

A tag can be dragged onto another (to become its sub-tag) or onto the empty space
below the tree (to the top level); the model does not change itself, it asks for the
move (:attr:`TagModel.moveRequested`), which the undoable operations carry out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from reader.core.library_model import TagNode
from reader.ui.tree_model import TreeModel

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the tag's full path: "economy/trade"
TAG_MIME = "application/x-policy-reader-tag"
Index = QModelIndex | QPersistentModelIndex


class TagModel(TreeModel[TagNode]):
    """Tree of :class:`TagNode` s: ``trade (12)``; tags drag onto tags."""

    moveRequested = Signal(str, str)  # tag path, new parent path ("": top level)

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

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # the top level
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TAG_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        paths = [i.data(PATH_ROLE) for i in indexes if i.isValid()]
        if paths:
            data.setData(TAG_MIME, QByteArray(paths[0].encode("utf-8")))
        return data

    def _dragged(self, data: QMimeData) -> str:
        return bytes(data.data(TAG_MIME).data()).decode("utf-8") if data.hasFormat(TAG_MIME) else ""

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        tag = self._dragged(data)
        target = parent.data(PATH_ROLE) if parent.isValid() else ""
        current_parent = tag.rpartition("/")[0]
        return (
            bool(tag)
            and target.lower() != current_parent.lower()
            and not (target.lower() == tag.lower() or target.lower().startswith(tag.lower() + "/"))
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = parent.data(PATH_ROLE) if parent.isValid() else ""
        self.moveRequested.emit(self._dragged(data), target)
        # False: the view must not remove the dragged row itself; the tree is re-read.
        return False

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
