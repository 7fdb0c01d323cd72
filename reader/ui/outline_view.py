"""The outline pane's tree: it marks the section being read as the text scrolls,
opening the branches that lead to it, and closes again the branches it opened only
for a section the reader has since left, so the tree stays as compact as the reader
left it however far they read. A branch the reader opened stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QWidget

from reader.ui.panels.common import PlaceholderTree


class OutlineView(PlaceholderTree):
    """A tree of the open document's outline (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opened: list[QPersistentModelIndex] = []  # branches opened by the mark

    def mark(self, index: QModelIndex) -> None:
        """Make ``index`` (the section read) current and show it."""
        ancestors = []
        parent = index.parent()
        while parent.isValid():
            ancestors.append(QPersistentModelIndex(parent))
            parent = parent.parent()
        for opened in self._opened:
            if opened.isValid() and opened not in ancestors:
                self.collapse(QModelIndex(opened))
        self._opened = [a for a in self._opened if a in ancestors and a.isValid()]
        for branch in reversed(ancestors):  # outermost first
            if not self.isExpanded(QModelIndex(branch)):
                self.expand(QModelIndex(branch))
                self._opened.append(branch)
        self.setCurrentIndex(index)
        self.scrollTo(index)
