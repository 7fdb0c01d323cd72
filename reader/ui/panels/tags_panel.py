"""The tag tree with counts; a selected tag lists its excerpts from every document."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from reader.core.library_model import Excerpt, TagNode
from reader.ui.panels.card_text import one_line
from reader.ui.panels.cards import Card, CardList, color_order, newest_first
from reader.ui.panels.common import PlaceholderTree, header_label, short, stack, swatch
from reader.ui.row_model import Column, RowModel
from reader.ui.tag_model import PATH_ROLE, TagModel


def _tooltip(e: Excerpt) -> str:
    note = f"\n\nNote: {e.annotation.note}" if e.annotation.note else ""
    return f"{e.document_title}\n{e.location}\n\n“{short(e.annotation.quote, 600)}”{note}"


def excerpt_card(e: Excerpt) -> Card:
    """An excerpt as a card: its document, quote, place, tags, note, author and date."""
    a = e.annotation
    return Card(
        one_line(a.quote),
        color=swatch(a.color),
        heading=e.document_title,
        where=e.location,
        tags=" · ".join(a.tags),
        note=one_line(a.note),
        byline=f"— {a.author or 'unknown author'}, {a.modified[:10]}",
    )


NO_TAGS = "No tags yet.\n\nTag a highlight with Ctrl+T: tags gather excerpts across documents."
CHOOSE_TAG = "Choose a tag above to see its excerpts from every document."
EXCERPT_SORTS = {
    "Document and position": lambda e: (
        e.document_title.lower(), e.annotation.document_id, e.annotation.start,
    ),
    "Date (newest first)": lambda e: newest_first(e.annotation.created),
    "Colour": lambda e: (color_order(e.annotation.color), e.document_title.lower()),
    "Author": lambda e: ((e.annotation.author or "").lower(), e.document_title.lower()),
}  # fmt: skip


class TagsPanel(QWidget):
    """Tag tree above, excerpts of the selected tag below."""

    tagSelected = Signal(str)  # tag path ("" when none)
    excerptActivated = Signal(object)  # Excerpt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_model = TagModel(self)
        self.tree = PlaceholderTree(self)
        self.tree.set_placeholder(NO_TAGS)
        self.tree.setModel(self.tag_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.excerpt_model: RowModel[Excerpt] = RowModel(
            [
                Column(
                    "Excerpt",
                    lambda e: short(e.annotation.quote),
                    _tooltip,
                    lambda e: swatch(e.annotation.color),
                ),
                Column("Document", lambda e: e.document_title, _tooltip),
                Column("Section", lambda e: e.location, _tooltip),
            ],
            self,
            card=excerpt_card,
        )
        self.excerpt_cards = CardList(
            self.excerpt_model, self.excerptActivated.emit, EXCERPT_SORTS, self
        )
        self.excerpts = self.excerpt_cards.view
        self.excerpts.set_placeholder(CHOOSE_TAG)
        self.excerpt_title = header_label("Excerpts")
        lower = QWidget(self)
        stack(lower, self.excerpt_title, self.excerpt_cards)
        upper = QWidget(self)
        self.tree_title = header_label("Tags", upper)
        self.tree_title.setToolTip(
            "Right-click a tag to rename, recolour, describe or delete it; drag it onto "
            "another to make it a sub-tag"
        )
        stack(upper, self.tree_title, self.tree)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([200, 300])
        stack(self, self.splitter)

    def current_tag(self) -> str:
        """The selected tag's path, or ""."""
        index = self.tree.currentIndex()
        return index.data(PATH_ROLE) or "" if index.isValid() else ""

    def set_tags(self, roots: list[TagNode]) -> None:
        """Show the tag tree, keeping the selected tag and expansion where they still exist."""
        keep = self.current_tag()
        self.tree.selectionModel().blockSignals(True)
        self.tag_model.set_tags(roots)
        self.tree.expandAll()
        index = self.tag_model.index_for_path(keep) if keep else None
        if index is not None and index.isValid():
            self.tree.setCurrentIndex(index)
        self.tree.selectionModel().blockSignals(False)
        if keep and (index is None or not index.isValid()):
            self.tagSelected.emit("")

    def select_tag(self, path: str) -> None:
        """Select tag ``path`` (which lists its excerpts)."""
        index = self.tag_model.index_for_path(path)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def set_excerpts(self, tag: str, excerpts: list[Excerpt]) -> None:
        """List the excerpts of ``tag``."""
        self.excerpt_cards.set_rows(excerpts)
        self.excerpts.set_placeholder(f"No excerpts tagged “{tag}”." if tag else CHOOSE_TAG)
        self.excerpt_title.setText(
            f"Excerpts tagged “{tag}” ({len(excerpts)})" if tag else "Excerpts"
        )

    def _on_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self.tagSelected.emit(self.current_tag())
