"""Teammates' annotations not placed yet: orphans first, then those waiting for a document.

Nothing shared is dropped unless the user dismisses it: an orphan's passage was not
found in its document (place it by hand: select the passage, right-click it here, Place
Here); a waiting one is placed as soon as its document is imported.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from reader.core.library_model import SetAside
from reader.ui.panels.common import header_label, short, stack, table_view
from reader.ui.row_model import Column, RowModel


def is_orphan(s: SetAside) -> bool:
    """Its document is in the library, but the passage was not found there."""
    return s.document_id is not None


def status(s: SetAside) -> str:
    """What the user can do about it, in a word or two."""
    return "Not found" if is_orphan(s) else "Waiting"


def _tooltip(s: SetAside) -> str:
    lines = [f"“{short(s.quote, 600)}”", "", f"Document: {s.document_title or '(untitled)'}"]
    if s.author:
        lines.append(f"By: {s.author}")
    if is_orphan(s):
        lines.append(f"Not placed: {s.reason}")
        lines.append("Select its passage in the document, then right-click > Place Here.")
    else:
        lines.append(f"Fingerprint: {s.document_fingerprint or '?'}")
        lines.append("Import this document to place it.")
    return "\n".join(lines)


AUTHOR_COLUMN = 3


class SetAsidePanel(QWidget):
    """Lists set-aside annotations; activating an orphan asks to open its document."""

    documentRequested = Signal(str)  # document id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowModel[SetAside] = RowModel(
            [
                Column("Quote", lambda s: short(s.quote), _tooltip),
                Column("Status", status, _tooltip),
                Column("Document", lambda s: s.document_title or "(untitled)", _tooltip),
                Column("By", lambda s: s.author or "", _tooltip),
            ],
            self,
        )
        self.view = table_view(self.model, self._activate, widths={1: 70, 2: 100, 3: 60})
        self.title = header_label("Set aside")
        self.hint = QLabel(
            "Not found: select the passage in its document, then right-click > Place Here. "
            "Waiting: import that document and they are placed. Delete dismisses one."
        )
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(6, 0, 6, 4)
        self.hint.setEnabled(False)  # muted
        stack(self, self.title, self.hint, self.view)

    def set_items(self, items: list[SetAside]) -> None:
        """Show ``items`` (the store's order: orphans first, then waiting)."""
        self.model.set_rows(items)
        # As in the highlights pane: an author column only when it tells rows apart.
        self.view.setColumnHidden(AUTHOR_COLUMN, len({s.author for s in items}) <= 1)
        orphans = sum(is_orphan(s) for s in items)
        waiting = len(items) - orphans
        if items:
            self.title.setText(f"Set aside: {orphans} not found, {waiting} waiting for documents")
        else:
            self.title.setText("Set aside: nothing — every shared annotation is placed")

    def _activate(self, s: SetAside) -> None:
        if s.document_id is not None:
            self.documentRequested.emit(s.document_id)
