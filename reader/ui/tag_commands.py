"""Undoable changes to tags: rename (merging into an existing tag), move under another
tag, delete, recolour and describe.

Each command snapshots the tags it may touch before it runs and restores the snapshot
when undone (see :mod:`reader.core.store.tag_snapshots`), so a merge comes apart and a
deleted tag returns to every highlight it was on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.errors import ReaderError
from reader.core.store import Library
from reader.core.store.tag_snapshots import TagSnapshot


class TagChange(QUndoCommand):
    """Run ``change`` on the tags ``scope``; undo puts them back (and removes what the
    change made under ``also``: a tag's new name or place)."""

    def __init__(
        self, library: Library, notify: Callable[[], None], on_error: Callable[[str], None],
        text: str, scope: list[str], change: Callable[[], object], also: list[str] = (),
    ) -> None:  # fmt: skip
        super().__init__(text)
        self.library, self.scope, self.also, self.change = library, scope, list(also), change
        self._notify, self._on_error = notify, on_error
        self.snapshot: TagSnapshot | None = None

    def redo(self) -> None:
        try:
            self.snapshot = self.library.tag_snapshot(self.scope + self.also)
            self.change()
        except ReaderError as exc:
            self.setObsolete(True)  # nothing changed; nothing to undo
            self._on_error(str(exc))
            return
        self._notify()

    def undo(self) -> None:
        if self.snapshot is None:
            return
        try:
            self.library.restore_tag_snapshot(self.snapshot)
        except ReaderError as exc:
            self._on_error(str(exc))
            return
        self._notify()
