"""File > Share Annotations: whose annotations, and from which documents.

The file written is a W3C Web Annotation collection (``export_collection``);
teammates merge it with File > Import Shared Annotations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.store import Library
from reader.ui.checklists import count_row, document_checklist
from reader.ui.export_dialog import library_authors

ALL_DOCS, OPEN_DOC, CHOSEN_DOCS = 0, 1, 2


@dataclass
class ShareChoice:
    """Whose annotations (None: everyone's) from which documents (empty: all)."""

    author: str | None = None
    documents: list[str] = field(default_factory=list)


class ShareDialog(QDialog):
    """Choose an author and documents; shows how many annotations that shares."""

    def __init__(
        self, library: Library, open_document: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.open_document = open_document
        self.setWindowTitle("Share Annotations")
        self.author = QComboBox()
        self.author.addItem("Everyone", None)
        for name in library_authors(library):
            if name:  # annotations without an author can only be shared with everyone's
                self.author.addItem(name, name)
        self.author.currentIndexChanged.connect(self.update_count)

        self.scope = QButtonGroup(self)
        radios = QVBoxLayout()
        for n, label in enumerate(("&All documents", "The &open document", "&These documents:")):
            button = QRadioButton(label)
            self.scope.addButton(button, n)
            radios.addWidget(button)
        self.scope.button(OPEN_DOC).setEnabled(open_document is not None)
        self.documents = document_checklist(library)
        self.documents.checksChanged.connect(self._on_documents_checked)
        radios.addWidget(self.documents, 1)
        self.scope.button(ALL_DOCS).setChecked(True)
        self.scope.idToggled.connect(lambda _id, on: self.update_count() if on else None)

        self.count, self.buttons, bottom = count_row(self, "&Save…")
        form = QFormLayout()
        form.addRow("&Annotations by:", self.author)
        form.addRow("From:", radios)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(bottom)
        self.resize(520, 420)
        self.update_count()
        self.author.setFocus()

    def _on_documents_checked(self) -> None:
        # Checking a document means "these documents": switch the scope for the user.
        if self.documents.checked():
            self.scope.button(CHOSEN_DOCS).setChecked(True)
        self.update_count()

    def set_scope(self, scope: int) -> None:
        """All documents, the open one, or the checked ones."""
        self.scope.button(scope).setChecked(True)

    def choice(self) -> ShareChoice:
        """The author and documents as currently chosen."""
        scope = self.scope.checkedId()
        if scope == OPEN_DOC and self.open_document:
            docs = [self.open_document]
        elif scope == CHOSEN_DOCS:
            docs = self.documents.checked()
        else:
            docs = []
        return ShareChoice(self.author.currentData(), docs)

    def annotation_count(self) -> int:
        """How many annotations the current choice shares."""
        c = self.choice()
        if self.scope.checkedId() == CHOSEN_DOCS and not c.documents:
            return 0  # "these documents" with none checked shares nothing, not everything
        docs: list[str | None] = list(c.documents) or [None]
        return sum(len(self.library.excerpts(document_id=d, author=c.author)) for d in docs)

    def update_count(self) -> None:
        """Show the live count; nothing to share disables Save."""
        n = self.annotation_count()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)
        self.count.setText(
            f"{n} annotation{'s' if n != 1 else ''}" if n else "No annotations to share."
        )


def ask_share(
    parent: QWidget | None, library: Library, open_document: str | None = None
) -> ShareChoice | None:
    """Ask what to share; None when cancelled."""
    dlg = ShareDialog(library, open_document, parent)
    return dlg.choice() if dlg.exec() == QDialog.DialogCode.Accepted else None
