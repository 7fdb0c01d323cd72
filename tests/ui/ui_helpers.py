"""Helpers shared by the UI tests."""

from __future__ import annotations

from pathlib import Path


def import_and_open(qtbot, window, path: Path):
    """Import ``path`` through the window's background importer and wait for it to open."""
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        assert window.import_files([str(path)])
    assert window.doc is not None
    return window.doc


def focus(qtbot, window, widget) -> None:
    """Make ``window`` active (a closed dialog leaves none) and give ``widget`` the focus,
    so that key events reach it and the window's shortcuts as a user's would."""
    window.activateWindow()
    qtbot.waitActive(window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
