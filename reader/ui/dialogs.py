"""Small modal editors for a highlight's tags and note.

Module-level functions, so tests can replace them with canned answers instead of
driving a modal event loop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from reader.core.library_model import Annotation
from reader.ui.tag_editor import TagLineEdit

QUOTE_PREVIEW = 160


class NoteEdit(QPlainTextEdit):
    """A note's text: Enter starts a new line, Ctrl+Enter saves (as in chat and mail)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


def _quote_label(ann: Annotation) -> QLabel:
    quote = ann.quote if len(ann.quote) <= QUOTE_PREVIEW else ann.quote[:QUOTE_PREVIEW] + "…"
    label = QLabel(f"“{quote}”")
    label.setWordWrap(True)
    label.setEnabled(False)  # muted
    return label


def _dialog(parent: QWidget | None, title: str, ann: Annotation, editor: QWidget) -> QDialog:
    dlg = QDialog(parent)
    dlg.setWindowTitle(title)
    dlg.setMinimumWidth(440)
    layout = QVBoxLayout(dlg)
    layout.addWidget(_quote_label(ann))
    layout.addWidget(editor)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dlg.accept)
    buttons.rejected.connect(dlg.reject)
    layout.addWidget(buttons)
    editor.setFocus()
    return dlg


def _accepted(dlg: QDialog, parent: QWidget | None) -> bool:
    """Run ``dlg``; whether it was accepted. The keys then go back to where they were.

    A window manager makes the window under a closed dialog active again; without one
    (a bare X server, some kiosk and tiling set-ups) no window was active and the next
    key (Ctrl+3 to recolour what was just tagged) went nowhere.
    """
    back = QApplication.focusWidget()
    accepted = dlg.exec() == QDialog.DialogCode.Accepted
    if parent is not None and isValid(parent):
        parent.window().activateWindow()
    if back is not None and isValid(back):
        back.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return accepted


def ask_tags(parent: QWidget | None, ann: Annotation, known: list[str]) -> list[str] | None:
    """Edit ``ann``'s tags; the new list, or None when cancelled."""
    edit = TagLineEdit(known)
    edit.setText(", ".join(ann.tags) + (", " if ann.tags else ""))
    dlg = _dialog(parent, "Tags", ann, edit)
    return edit.tags() if _accepted(dlg, parent) else None


def ask_note(parent: QWidget | None, ann: Annotation) -> str | None:
    """Edit ``ann``'s note; the new text, or None when cancelled."""
    edit = NoteEdit(ann.note)
    edit.setPlaceholderText("Your note on this passage")
    edit.setTabChangesFocus(True)
    dlg = _dialog(parent, "Note", ann, edit)
    edit.submitted.connect(dlg.accept)
    edit.setToolTip("Ctrl+Enter saves the note")
    return edit.toPlainText().strip() if _accepted(dlg, parent) else None
