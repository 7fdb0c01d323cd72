"""File > Export Excerpts: choose the format and which tags, documents and authors.

The dialog only chooses; :mod:`reader.ui.sharing` writes the file. The count of
excerpts follows every check, from the same ``select()`` the export then uses, so
what the user sees is what gets written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.export import select
from reader.core.store import Library
from reader.ui.checklists import CheckList, TagCheckTree, count_row, document_checklist
from reader.ui.panels.common import stack

FORMATS = (("Markdown", "md"), ("CSV", "csv"), ("JSON", "json"))
GROUPINGS = (("By tag", "tag"), ("By document and section", "document"))
NO_AUTHOR = ""  # select() matches annotations without an author by ""


@dataclass
class ExportChoice:
    """What to export: a format (``md``, ``csv``, ``json``), grouping and filters."""

    format: str = "md"
    group_by: str = "tag"
    tags: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # document ids
    authors: list[str] = field(default_factory=list)


def library_authors(library: Library) -> list[str]:
    """Every author of a live annotation, sorted ignoring case ("" for unknown)."""
    found = {(ex.annotation.author or NO_AUTHOR) for ex in library.excerpts()}
    return sorted(found, key=lambda a: (a == NO_AUTHOR, a.lower()))


def author_items(authors: list[str]) -> list[tuple[str, str]]:
    """``(label, value)`` pairs for a check list of authors."""
    return [(a or "(no author)", a) for a in authors]


def titled(title: str, widget: QWidget) -> QGroupBox:
    """``widget`` in a group box titled ``title``."""
    box = QGroupBox(title)
    layout = stack(box, widget)
    layout.setContentsMargins(6, 6, 6, 6)
    return box


class ExportDialog(QDialog):
    """Pick a format and filters; shows how many excerpts they select."""

    def __init__(self, library: Library, tag: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle("Export Excerpts")
        self.format = QComboBox()
        for label, value in FORMATS:
            self.format.addItem(label, value)
        self.group_by = QComboBox()
        for label, value in GROUPINGS:
            self.group_by.addItem(label, value)
        self.format.currentIndexChanged.connect(self._on_format)
        form = QFormLayout()
        # Full-width combo boxes for one word look like text fields; keep them compact.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Format:", self.format)
        form.addRow("&Group:", self.group_by)

        self.tags = TagCheckTree(library.tag_tree())
        self.documents = document_checklist(library)
        self.authors = CheckList(author_items(library_authors(library)))
        lists = QHBoxLayout()
        lists.addWidget(titled("&Tags (none: all)", self.tags), 3)
        lists.addWidget(titled("&Documents (none: all)", self.documents), 4)
        lists.addWidget(titled("&Authors (none: all)", self.authors), 2)
        for w in (self.tags, self.documents, self.authors):
            w.checksChanged.connect(self.update_count)

        self.count, self.buttons, bottom = count_row(self, "&Export…")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addLayout(bottom)
        self.resize(760, 460)
        if tag:
            self.tags.set_checked([tag])
        self.update_count()
        self.format.setFocus()

    def _on_format(self) -> None:
        self.group_by.setEnabled(self.format.currentData() == "md")

    def choice(self) -> ExportChoice:
        """The format and filters as currently chosen."""
        return ExportChoice(
            format=self.format.currentData(),
            group_by=self.group_by.currentData(),
            tags=self.tags.checked(),
            documents=self.documents.checked(),
            authors=self.authors.checked(),
        )

    def set_format(self, fmt: str) -> None:
        """Choose ``md``, ``csv`` or ``json``."""
        self.format.setCurrentIndex(self.format.findData(fmt))

    def excerpt_count(self) -> int:
        """How many excerpts the current choice exports (-1 if it cannot be computed)."""
        c = self.choice()
        try:
            return len(select(self.library, c.tags, c.documents, c.authors).excerpts)
        except ReaderError:
            return -1  # a document deleted meanwhile: the export itself will say so

    def update_count(self) -> None:
        """Show the live count; nothing to export disables the Export button."""
        n = self.excerpt_count()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(n != 0)
        if n < 0:
            self.count.setText("")
        elif n == 0:
            c = self.choice()
            filtered = c.tags or c.documents or c.authors
            self.count.setText(
                "No excerpts match: check fewer tags, documents or authors."
                if filtered
                else "No highlights in the library yet."
            )
        else:
            self.count.setText(f"{n} excerpt{'s' if n != 1 else ''}")


def ask_export(parent: QWidget | None, library: Library, tag: str = "") -> ExportChoice | None:
    """Ask what to export (``tag`` preselected); None when cancelled."""
    dlg = ExportDialog(library, tag, parent)
    return dlg.choice() if dlg.exec() == QDialog.DialogCode.Accepted else None
