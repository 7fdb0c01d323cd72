"""The outline of the open document (Parts > fields > sections) as a Qt tree model."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from reader.core.model import Document, OutlineNode
from reader.ui.tree_model import TreeModel

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1  # start offset of the node's heading


class OutlineModel(TreeModel[OutlineNode]):
    """Read-only tree of a document's :class:`OutlineNode` s."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._starts: list[int] = []
        self._doc: Document | None = None

    def set_document(self, doc: Document | None) -> None:
        """Show ``doc``'s outline (or nothing)."""
        self._doc = doc
        self._reset(doc.outline if doc else [], lambda n: n.children)
        # Items are numbered in document order, so starts are sorted.
        self._starts = [n.start for n in self._items]

    def index_for_offset(self, offset: int) -> QModelIndex:
        """The deepest node whose section contains text ``offset`` (invalid if none)."""
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            node = self._items[i]
            if node.start <= offset < node.end:
                return self.index_of(i)
            i = self._parent[i]  # a later sibling's child ended: try the enclosing node
        return QModelIndex()

    def tooltip(self, node: OutlineNode) -> str:
        """The section's whole title (the pane cuts long ones), and its page in a PDF."""
        doc = self._doc
        if doc is None or not doc.pages:
            return node.display
        return f"{node.display}\np. {doc.page_label_at(node.start)}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        node = self.item(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.display
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(node)
        if role == OFFSET_ROLE:
            return node.start
        return None
