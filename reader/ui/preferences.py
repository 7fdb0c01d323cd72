"""Edit > Preferences: the researcher's name, written as the author of new highlights.

Team exchange keeps authorship, so exports and shares can be filtered by author;
the default is the command line's (:func:`reader.core.authors.default_author`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.authors import AUTHOR_ENV, default_author
from reader.ui.settings import Settings

AUTHOR_KEY = "user/author"
__all__ = ["AUTHOR_ENV", "AUTHOR_KEY", "ask_author", "author", "default_author"]


def author(settings: Settings) -> str:
    """The name to write on new highlights."""
    return settings.string(AUTHOR_KEY, "").strip() or default_author()


def ask_author(parent: QWidget | None, current: str) -> str | None:
    """Ask for the researcher's name; None when cancelled."""
    dlg = QDialog(parent)
    dlg.setWindowTitle("Preferences")
    edit = QLineEdit(current)
    edit.setPlaceholderText(default_author() or "Your name")
    edit.setMinimumWidth(260)
    note = QLabel(
        "Written on your new highlights and shared with them, so teammates (and your "
        "exports) can tell whose annotations are whose."
    )
    note.setWordWrap(True)
    note.setEnabled(False)  # muted
    form = QFormLayout()
    form.addRow("Your &name:", edit)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dlg.accept)
    buttons.rejected.connect(dlg.reject)
    layout = QVBoxLayout(dlg)
    layout.addLayout(form)
    layout.addWidget(note)
    layout.addWidget(buttons)
    dlg.setMinimumWidth(420)
    edit.selectAll()
    edit.setFocus()
    return edit.text().strip() if dlg.exec() == QDialog.DialogCode.Accepted else None
