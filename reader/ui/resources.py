"""Where bundled resources live, in a checkout and in a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path

GUIDE_FILENAME = "guide.md"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package, or inside a frozen bundle.

    PyInstaller unpacks data files under ``sys._MEIPASS``; the spec is expected to
    add ``resources`` there under the same name.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def guide_path() -> Path:
    """The built-in guide document opened on first run."""
    return resources_dir() / GUIDE_FILENAME
