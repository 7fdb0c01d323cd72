"""A line edit for comma-separated tags that completes each tag from the library.

``economy/trade, law`` : existing tags (most used first) complete the tag being
typed; anything new is created when the edit is applied.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from reader.core.library_model import TagNode

SEPARATOR = ","


def tags_by_use(roots: list[TagNode]) -> list[str]:
    """Every existing tag path, most used first, then by name."""
    nodes = [n for root in roots for n in root.walk() if n.exists]
    nodes.sort(key=lambda n: (-n.count, n.path.lower()))
    return [n.path for n in nodes]


def split_tags(text: str) -> list[str]:
    """The tags typed: ``"a/b, c ,"`` -> ``["a/b", "c"]``."""
    return [t.strip() for t in text.split(SEPARATOR) if t.strip()]


class TagLineEdit(QLineEdit):
    """Comma-separated tags with completion of the tag under edit."""

    def __init__(self, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("tag, topic/subtopic, ...")
        self._completer = QCompleter(QStringListModel(known, self), self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)  # keep use order
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)

    def _current_segment(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(SEPARATOR, 1)[-1].strip()

    def _update_completion(self, _text: str) -> None:
        prefix = self._current_segment()
        if not prefix:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, completion: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(SEPARATOR, 1)[0] + SEPARATOR + " " if SEPARATOR in before else ""
        new = f"{head}{completion}, "
        self.setText(new + after.lstrip(", "))
        self.setCursorPosition(len(new))

    def tags(self) -> list[str]:
        """The tags in the edit."""
        return split_tags(self.text())
