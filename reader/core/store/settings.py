"""Settings that belong to one library (not to the user): kept in the library file.

The team folder is such a setting: two libraries of one researcher may share with
different teams. Stored as text under a key in ``library_meta``, beside the marker
that tells our files from any SQLite file (which no setting may overwrite).
"""

from __future__ import annotations

from reader.core.errors import LibraryError
from reader.core.store.base import StoreBase

_RESERVED = {"application"}


class SettingsMixin(StoreBase):
    """Read and write the library's own settings."""

    def setting(self, key: str) -> str | None:
        """The value stored under ``key`` (None when unset)."""
        row = self._one("SELECT value FROM library_meta WHERE key = ?", (key,))
        return row[0] if row else None

    def set_setting(self, key: str, value: str | None) -> None:
        """Store ``value`` under ``key`` (None removes it), in one transaction."""
        if key in _RESERVED:
            raise LibraryError(f"{key!r} is not a setting")
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM library_meta WHERE key = ?", (key,))
            else:
                self.db.table("library_meta").insert({"key": key, "value": value}, replace=True)
