"""Open a library file: refuse anything that is not ours, then set up and migrate.

A file that is not a library is never written to: the checks run before the
first statement that could change it (``journal_mode=WAL`` rewrites the header).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.errors import LibraryError
from reader.core.store import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000  # a second process (the app and a CLI call) waits this long for the lock


def _check_file(path: Path) -> bool:
    """Raise if ``path`` cannot be a library; True when it holds data to check further."""
    if path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    if not path.parent.is_dir():
        raise LibraryError(f"{path.parent}: no such folder for the library")
    try:
        if not path.exists() or path.stat().st_size == 0:
            return False
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except PermissionError:
        raise LibraryError(f"{path}: permission denied") from None
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if header != SQLITE_HEADER:
        raise LibraryError(f"{path}: not a Policy Reader library (not an SQLite database)")
    return True


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Raise unless the SQLite file at ``path`` is empty or carries our marker."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    version = migrations.schema_version(conn)
    if not tables and version == 0:
        return  # an empty database: nothing to lose, it becomes a library
    marker = None
    if "library_meta" in tables:
        row = conn.execute("SELECT value FROM library_meta WHERE key = 'application'").fetchone()
        marker = row[0] if row else None
    if marker != migrations.APPLICATION:
        raise LibraryError(
            f"{path}: not a Policy Reader library (an SQLite database with other tables); "
            "it was left untouched"
        )
    if version > migrations.LATEST_VERSION:
        raise LibraryError(
            f"{path}: made by a newer Policy Reader (schema {version}, this version "
            f"knows up to {migrations.LATEST_VERSION}); please update"
        )


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the library at ``path``, created and migrated as needed.

    WAL lets the app read while a CLI call writes; ``synchronous=FULL`` makes each
    committed annotation survive a power cut, not only a crash (about 0.3 ms a commit).
    """
    has_data = _check_file(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise LibraryError(f"{path}: cannot open ({exc})") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA foreign_keys = ON")
        if has_data:
            _check_schema(conn, path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise LibraryError(f"{path}: cannot use write-ahead logging (journal mode {mode})")
        conn.execute("PRAGMA synchronous = FULL")
        migrations.migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path}: not a usable library ({exc})") from None
    except BaseException:
        conn.close()
        raise
    return conn
