"""UI fixtures: a temporary library, temporary settings and a real main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.store import Library


@pytest.fixture
def library(tmp_path: Path):
    """A fresh library file in a temporary folder."""
    lib = Library.open(tmp_path / "library.db")
    yield lib
    lib.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    """An INI file for QSettings: tests never touch the user's real settings."""
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, library, settings_path):
    """Build (and clean up) main windows over the temporary library and settings."""
    from reader.ui.context import AppContext
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import ini_settings

    windows = []

    def make(lib: Library | None = None):
        window = MainWindow(AppContext(lib or library, ini_settings(settings_path)))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.close()


@pytest.fixture
def window(make_window):
    """One main window over an empty temporary library."""
    return make_window()


@pytest.fixture
def paper(policy_paper) -> Path:
    """The policy paper's file (see tests/papers.py: the corpus's, else the repository's)."""
    return policy_paper.path


@pytest.fixture
def trade_paper(fixtures_dir: Path) -> Path:
    """A small structured policy paper checked into tests/fixtures."""
    return fixtures_dir / "trade-policy-paper.txt"
