"""Edit > Preferences: the researcher's name (the author of new highlights) and the
library's team folder.

Team exchange keeps authorship, so exports and shares can be filtered by author; the
default name is the command line's (:func:`reader.core.authors.default_author`). The
team folder belongs to the library (kept in the library file); turning it on needs a
name, since your file in it is named after you.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.authors import AUTHOR_ENV, default_author
from reader.ui.settings import Settings

AUTHOR_KEY = "user/author"
__all__ = [
    "AUTHOR_ENV",
    "AUTHOR_KEY",
    "Preferences",
    "PreferencesDialog",
    "ask_preferences",
    "author",
    "default_author",
]


def author(settings: Settings) -> str:
    """The name to write on new highlights."""
    return settings.string(AUTHOR_KEY, "").strip() or default_author()


@dataclass(frozen=True)
class Preferences:
    """What the dialog edits."""

    author: str
    team_folder: str = ""  # "": no team folder
    auto_import: bool = False  # import teammates' documents as they appear


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


class PreferencesDialog(QDialog):
    """Name, team folder, and whether teammates' documents are imported by themselves."""

    def __init__(self, parent: QWidget | None, current: Preferences) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.name = QLineEdit(current.author)
        self.name.setPlaceholderText(default_author() or "Your name")
        self.name.setMinimumWidth(260)
        self.folder = QLineEdit(current.team_folder)
        self.folder.setPlaceholderText("None: annotations are shared by hand")
        self.folder.setClearButtonEnabled(True)
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.auto_import = QCheckBox("Import teammates' &documents automatically")
        self.auto_import.setChecked(current.auto_import)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.problem.hide()
        form = QFormLayout()
        form.addRow("Your &name:", self.name)
        form.addRow(
            "",
            _muted(
                "Written on your new highlights and shared with them, so teammates (and "
                "your exports) can tell whose annotations are whose."
            ),
        )
        folder_label = QLabel("&Team folder:")
        folder_label.setBuddy(self.folder)  # Alt+T: a row of two widgets has no buddy of its own
        form.addRow(folder_label, row)
        form.addRow("", self.auto_import)
        form.addRow(
            "",
            _muted(
                "A folder that git, Nextcloud, Dropbox or Syncthing keeps in step: your "
                "annotations are written to annotations/<your name>.jsonld there, and "
                "teammates' files are merged as they change. It belongs to this library."
            ),
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.name.selectAll()
        self.name.setFocus()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Team Folder", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def choice(self) -> Preferences:
        """What the dialog says now."""
        return Preferences(
            " ".join(self.name.text().split()),
            self.folder.text().strip(),
            self.auto_import.isChecked(),
        )

    def accept(self) -> None:
        # A team folder names your file after you: ask for the name before taking it.
        if self.choice().team_folder and not self.choice().author:
            self.problem.setText(
                "A team folder needs your name: your file there is named after it."
            )
            self.problem.show()
            self.name.setFocus()
            return
        super().accept()


def ask_preferences(parent: QWidget | None, current: Preferences) -> Preferences | None:
    """Show the dialog; the new preferences, or None when cancelled."""
    dlg = PreferencesDialog(parent, current)
    return dlg.choice() if dlg.exec() == QDialog.DialogCode.Accepted else None


def ask_sign(parent: QWidget | None, count: int, author: str) -> bool:
    """Ask whether ``count`` highlights made before a name was set become ``author``'s
    (a team file carries only its author's highlights)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Sign earlier highlights",
        f"{count} highlight{'s' if count != 1 else ''} in this library "
        f"{'have' if count != 1 else 'has'} no author, so your team does not see "
        f"{'them' if count != 1 else 'it'}.\n\nSign {'them' if count != 1 else 'it'} "
        f"as {author}? (Edit > Undo takes this back.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes
