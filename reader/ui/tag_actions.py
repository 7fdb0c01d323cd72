"""Managing tags in the Tags pane: a context menu (Rename…, which merges into an existing
tag; Delete; Recolour; Describe…), F2 and Delete on the selected tag, and drag and drop
to put a tag under another. Every change goes through the undoable operations.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu, QWidget

from reader.ui.actions import color_icon
from reader.ui.operations import Operations
from reader.ui.panels.common import PaneKeys
from reader.ui.panels.tags_panel import TagsPanel
from reader.ui.theme import PICKER_COLORS


class TagActions:
    """The tag commands of ``panel``, asking ``parent`` dialogs' questions."""

    def __init__(self, panel: TagsPanel, operations: Operations, parent: QWidget) -> None:
        self.panel, self.operations, self.parent = panel, operations, parent
        tree = panel.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        panel.tag_model.moveRequested.connect(operations.move_tag)
        PaneKeys(tree, {Qt.Key.Key_F2: self.rename, Qt.Key.Key_Delete: self.delete})

    def rename(self, tag: str = "") -> None:
        """Ask for a new name (a path moves the tag: ``law/trade``); an existing tag's
        name merges the two."""
        tag = tag or self.panel.current_tag()
        if not tag:
            return
        new, ok = QInputDialog.getText(
            self.parent,
            "Rename Tag",
            f"New name for “{tag}” (an existing tag's name merges them; a/b puts it under a):",
            text=tag,
        )
        if ok and new.strip():
            self.operations.rename_tag(tag, new)

    def delete(self, tag: str = "") -> None:
        """Remove the tag (and its sub-tags) from every highlight; undo puts it back."""
        tag = tag or self.panel.current_tag()
        if tag:
            self.operations.delete_tag(tag)

    def recolor(self, tag: str, color: str) -> None:
        """Paint the tag's highlights in ``color``."""
        self.operations.recolor_tag(tag, color)

    def describe(self, tag: str = "") -> None:
        """Ask what the tag means (codebooks carry it; the tree's tooltip shows it)."""
        tag = tag or self.panel.current_tag()
        if not tag:
            return
        current = self.operations.library.tag_description(tag)
        text, ok = QInputDialog.getMultiLineText(
            self.parent, "Describe Tag", f"What “{tag}” means:", current
        )
        if ok and text.strip() != current:
            self.operations.describe_tag(tag, text)

    def menu_for(self, tag: str) -> QMenu:
        """The context menu of tag ``tag``."""
        menu = QMenu(self.panel.tree)
        menu.addAction("Rename…\tF2", lambda: self.rename(tag))
        colors = menu.addMenu("Recolour Highlights")
        for name in PICKER_COLORS:
            colors.addAction(
                color_icon(name), name.capitalize(), lambda n=name: self.recolor(tag, n)
            )
        menu.addAction("Describe…", lambda: self.describe(tag))
        menu.addSeparator()
        menu.addAction("Delete Tag\tDel", lambda: self.delete(tag))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        tree = self.panel.tree
        index = tree.indexAt(pos)
        if not index.isValid():
            return
        tree.setCurrentIndex(index)
        menu = self.menu_for(self.panel.current_tag())
        menu.exec(tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
