"""Helpers shared by the UI tests."""

from __future__ import annotations

from pathlib import Path


def import_and_open(qtbot, window, path: Path):
    """Import ``path`` through the window's background importer and wait for it to open."""
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        assert window.import_files([str(path)])
    assert window.doc is not None
    return window.doc
