"""The app's remembered state (QSettings), behind typed accessors.

The settings object is injected, so tests pass an INI file in a temporary folder
and never read or write the user's real settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


def default_settings() -> QSettings:
    """The user's settings (native store, per organisation and application name)."""
    return QSettings("PolicyReader", "Policy Reader")


def ini_settings(path: str | Path) -> QSettings:
    """Settings kept in an INI file at ``path`` (tests, portable use)."""
    return QSettings(str(path), QSettings.Format.IniFormat)


class Settings:
    """Typed views over one ``QSettings``."""

    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    def _get(self, key: str, default: object, kind: type) -> object:
        value = self.q.value(key, default)
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default  # a hand-edited or foreign value: fall back quietly

    def bytes(self, key: str) -> QByteArray | None:
        """A saved geometry/state blob, or None."""
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def restore_state(self, key: str, widget: Any) -> bool:
        """Give ``widget`` (a splitter, a header) the state saved under ``key``; False if none."""
        state = self.bytes(key)
        return state is not None and bool(widget.restoreState(state))

    def set(self, key: str, value: object) -> None:
        """Store ``value`` under ``key``."""
        self.q.setValue(key, value)

    def string(self, key: str, default: str = "") -> str:
        """A string setting."""
        return str(self._get(key, default, str))

    def integer(self, key: str, default: int = 0) -> int:
        """An integer setting."""
        return int(self._get(key, default, int))  # type: ignore[arg-type]

    def flag(self, key: str, default: bool = False) -> bool:
        """A boolean setting (INI files store booleans as "true"/"false")."""
        value = self.q.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    # --- reading positions and recent files ---------------------------------
    def position(self, document_id: str) -> int:
        """The text offset last read in a document (0 if never opened)."""
        return self.integer(f"positions/{document_id}", 0)

    def set_position(self, document_id: str, offset: int) -> None:
        """Remember where the reader is in a document."""
        self.set(f"positions/{document_id}", int(offset))

    def recent_files(self) -> list[str]:
        """Recently imported files, newest first."""
        value = self.q.value("recent_files", [])
        if isinstance(value, str):
            value = [value]  # QSettings returns a one-item list as a plain string
        return [str(v) for v in value or [] if v]

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` first in the recent files."""
        files = [path] + [p for p in self.recent_files() if p != path]
        self.set("recent_files", files[:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        """Take ``path`` out of the recent files (it could not be imported)."""
        files = self.recent_files()
        if path in files:
            self.set("recent_files", [p for p in files if p != path])

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.q.sync()
