"""Checkable lists for choosing what to export or share: tags (a tree), documents, authors.

Nothing checked means "all", as on the command line, so an untouched list never
filters anything out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from reader.core.document_labels import document_labels
from reader.core.library_model import TagNode
from reader.core.store import Library

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class CheckList(QListWidget):
    """A flat list of checkable ``(label, value)`` items."""

    checksChanged = Signal()

    def __init__(self, items: Iterable[tuple[str, str]] = (), parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setUniformItemSizes(True)
        # A long label is cut in its middle (its tooltip has it whole) rather than
        # scrolled sideways: its end tells same-title documents apart, "(PDF)".
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for label, value in items:
            self.add(label, value)
        self.itemChanged.connect(lambda _item: self.checksChanged.emit())

    def add(self, label: str, value: str, tooltip: str = "") -> None:
        """Append one unchecked item."""
        item = QListWidgetItem(label, self)
        item.setData(VALUE_ROLE, value)
        item.setToolTip(tooltip or label)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(UNCHECKED)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def checked(self) -> list[str]:
        """The values of the checked items, in list order."""
        return [i.data(VALUE_ROLE) for i in self._items() if i.checkState() == CHECKED]

    def set_checked(self, values: Sequence[str]) -> None:
        """Check exactly the items whose value is in ``values``."""
        wanted = set(values)
        self.blockSignals(True)  # one checksChanged, not one per item
        for item in self._items():
            item.setCheckState(CHECKED if item.data(VALUE_ROLE) in wanted else UNCHECKED)
        self.blockSignals(False)
        self.checksChanged.emit()


def document_checklist(library: Library) -> CheckList:
    """Every document to check, same-title ones told apart as everywhere in the app."""
    docs = library.list_documents()
    labels = document_labels(docs)
    checklist = CheckList()
    for d in docs:
        tip = "\n".join(x for x in (d.title, d.date, d.source, d.filename) if x)
        checklist.add(labels[d.id], d.id, tip)
    return checklist


class TagCheckTree(QTreeWidget):
    """The tag hierarchy with a checkbox on every tag.

    A checked tag already includes its sub-tags, so those are shown checked and
    greyed out while an ancestor is checked, instead of leaving the user to guess.
    """

    checksChanged = Signal()

    def __init__(self, roots: Sequence[TagNode], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self._add(roots, self.invisibleRootItem())
        self.expandAll()
        self.itemChanged.connect(self._on_changed)

    def _add(self, nodes: Sequence[TagNode], parent: QTreeWidgetItem) -> None:
        for node in nodes:
            item = QTreeWidgetItem(parent, [f"{node.name}  ({node.count})"])
            item.setData(0, VALUE_ROLE, node.path)
            item.setToolTip(0, f"{node.path}: {node.count} highlight(s), sub-tags included")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, UNCHECKED)
            self._add(node.children, item)

    def _all(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                out.append(item.child(i))
                walk(item.child(i))

        walk(self.invisibleRootItem())
        return out

    def checked(self) -> list[str]:
        """Checked tag paths, leaving out those an ancestor already covers."""
        return [
            i.data(0, VALUE_ROLE)
            for i in self._all()
            if i.checkState(0) == CHECKED and not i.isDisabled()
        ]

    def set_checked(self, paths: Sequence[str]) -> None:
        """Check exactly the tags in ``paths`` (case-insensitive)."""
        wanted = {p.lower() for p in paths}
        self.blockSignals(True)
        for item in self._all():
            item.setCheckState(
                0, CHECKED if item.data(0, VALUE_ROLE).lower() in wanted else UNCHECKED
            )
        self.blockSignals(False)
        self._cover_subtags()
        self.checksChanged.emit()

    def _cover_subtags(self) -> None:
        self.blockSignals(True)
        for item in self._all():
            parent, covered = item.parent(), False
            while parent is not None and not covered:
                covered = parent.checkState(0) == CHECKED and not parent.isDisabled()
                parent = parent.parent()
            item.setDisabled(covered)
            if covered:
                item.setCheckState(0, CHECKED)
            elif item.data(0, VALUE_ROLE + 1):  # was only shown checked because covered
                item.setCheckState(0, UNCHECKED)
            item.setData(0, VALUE_ROLE + 1, covered)
        self.blockSignals(False)

    def _on_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._cover_subtags()
        self.checksChanged.emit()


def count_row(dialog: QDialog, ok_text: str) -> tuple[QLabel, QDialogButtonBox, QHBoxLayout]:
    """A dialog's bottom row: a live count on the left, OK (named ``ok_text``) and Cancel."""
    count = QLabel()
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    row = QHBoxLayout()
    row.addWidget(count, 1)
    row.addWidget(buttons)
    return count, buttons, row
