"""Document > Details…: correct the title, date and source the import guessed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from reader.core.document_edits import MetadataEdit
from reader.core.document_labels import kind_of
from reader.core.library_model import DocumentInfo


class DocumentDialog(QDialog):
    """Title, date and source of one document, editable; its file shown for reference."""

    def __init__(self, info: DocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Document Details")
        self.setMinimumWidth(520)
        self.title = QLineEdit(info.title)
        self.date = QLineEdit(info.date or "")
        self.date.setPlaceholderText("2016-11-24, 24 November 2016, 2016-11 or 2016")
        self.source = QLineEdit(info.source or "")
        self.source.setPlaceholderText("Publisher or source, e.g. Ministry of Foreign Affairs")
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        form.addRow("&Date:", self.date)
        form.addRow("&Source:", self.source)
        file = QLabel(f"{info.filename or '—'} ({kind_of(info)}), imported {info.imported[:10]}")
        file.setEnabled(False)  # muted: for reference, not editable
        form.addRow("File:", file)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.title.setFocus()
        self.title.selectAll()

    def edit(self) -> MetadataEdit:
        """What the fields now say (checked when applied)."""
        return MetadataEdit(self.title.text(), self.date.text(), self.source.text())
