"""The app's secondary windows (compare, statistics, agreement): one of each, opened
or raised from a menu, and all closed together when the main window closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class WindowRegistry:
    """Secondary windows by name. A closed window is kept (hidden) and shown again
    with what it had, as it was; :meth:`forget` drops one so the next opening builds
    it afresh."""

    def __init__(self) -> None:
        self._windows: dict[str, QWidget] = {}

    def get(self, name: str) -> QWidget | None:
        """The window ``name``, if it was ever opened."""
        return self._windows.get(name)

    def open(
        self,
        name: str,
        make: Callable[[], W],
        prepare: Callable[[W, bool], None] | None = None,
    ) -> W:
        """Show window ``name`` in front, building it with ``make`` the first time.

        :param prepare: called before showing, with the window and whether it is new
            (e.g. to show the open document in it).
        """
        window = self._windows.get(name)
        new = window is None
        if window is None:
            window = self._windows[name] = make()
        if prepare is not None:
            prepare(window, new)  # type: ignore[arg-type]
        window.show()
        window.raise_()
        window.activateWindow()
        return window  # type: ignore[return-value]

    def forget(self, name: str) -> None:
        """Drop window ``name`` (it is not closed): the next :meth:`open` builds a new one."""
        self._windows.pop(name, None)

    def close_all(self) -> None:
        """Close every window opened (each saves its state as it closes)."""
        for window in list(self._windows.values()):
            window.close()
