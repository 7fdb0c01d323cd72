"""The tag lens: one tag's excerpts from A and from B side by side, in outline order."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QSplitter, QWidget

from reader.core.library_model import Excerpt, TagNode
from reader.ui.panels.common import header_label, short, stack, swatch, table_view
from reader.ui.row_model import Column, RowModel


def _tooltip(e: Excerpt) -> str:
    note = f"\n\nNote: {e.annotation.note}" if e.annotation.note else ""
    return f"{e.location}\n\n“{short(e.annotation.quote, 600)}”{note}"


def excerpt_model(parent: QWidget) -> RowModel[Excerpt]:
    """Rows of excerpts: the quote (with its colour) and its section path."""
    return RowModel(
        [
            Column(
                "Excerpt",
                lambda e: short(e.annotation.quote),
                _tooltip,
                lambda e: swatch(e.annotation.color),
            ),
            Column("Section", lambda e: e.location or "(no heading)", _tooltip),
        ],
        parent,
    )


class TagLens(QWidget):
    """A tag chooser above two excerpt lists, A on the left and B on the right."""

    tagChosen = Signal(str)  # tag path ("" for none)
    excerptActivated = Signal(str, object)  # side "a" | "b", Excerpt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = QComboBox()
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag.setMinimumContentsLength(16)
        self.tag.currentIndexChanged.connect(lambda _i: self.tagChosen.emit(self.current_tag()))
        form = QFormLayout()
        form.setContentsMargins(6, 6, 6, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Tag:", self.tag)
        self.models: dict[str, RowModel[Excerpt]] = {}
        self.tables = {}
        self.titles = {}
        columns = QSplitter(Qt.Orientation.Horizontal)
        for side in ("a", "b"):
            model = excerpt_model(self)
            view = table_view(
                model, lambda e, side=side: self.excerptActivated.emit(side, e), widths={1: 220}
            )
            box = QWidget()
            self.titles[side] = header_label(f"In {side.upper()}")
            stack(box, self.titles[side], view)
            columns.addWidget(box)
            self.models[side], self.tables[side] = model, view
        top = QWidget()
        top.setLayout(form)
        stack(self, top, columns)

    def current_tag(self) -> str:
        """The chosen tag's path ("" when the library has no tags)."""
        return self.tag.currentData() or ""

    def set_tags(self, roots: list[TagNode]) -> None:
        """Offer every tag of the tree (as paths), keeping the chosen one if it remains."""
        keep = self.current_tag()
        self.tag.blockSignals(True)
        self.tag.clear()
        for root in roots:
            for node in root.walk():
                self.tag.addItem(f"{node.path}  ({node.count})", node.path)
        at = self.tag.findData(keep) if keep else -1
        self.tag.setCurrentIndex(at if at >= 0 else (0 if self.tag.count() else -1))
        self.tag.blockSignals(False)
        if self.current_tag() != keep:
            self.tagChosen.emit(self.current_tag())

    def select_tag(self, path: str) -> None:
        """Choose tag ``path`` (lists its excerpts)."""
        at = self.tag.findData(path)
        if at >= 0:
            self.tag.setCurrentIndex(at)

    def set_excerpts(self, a: list[Excerpt], b: list[Excerpt]) -> None:
        """List the chosen tag's excerpts of A and of B."""
        for side, rows in (("a", a), ("b", b)):
            self.models[side].set_rows(rows)
            self.titles[side].setText(f"In {side.upper()} ({len(rows)})")
