"""Open a library file: refuse anything that is not ours, then set up and migrate.

A file that is not a library is never written to: the checks run before the
first statement that could change it (``journal_mode=WAL`` rewrites the header).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from reader.core.errors import LibraryError
from reader.core.store import migrations
from reader.core.store.failures import (
    DISK_FULL,
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_READONLY,
    describe,
    disk_full,
    primary_code,
    read_only_reason,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000  # a second process (the app and a CLI call) waits this long for the lock
# Failures at opening that mean "cannot write here", not "not a library".
CANNOT_WRITE = {SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_FULL}


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


def connect(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """A connection to the library at ``path``, created and migrated as needed, and
    why it is read-only (None when it can be written).

    WAL lets the app read while a CLI call writes; ``synchronous=FULL`` makes each
    committed annotation survive a power cut, not only a crash (about 0.3 ms a commit).
    A library whose file or folder is read-only, on a read-only file system or a full
    disk is opened read-only: reading, searching and exports work, writes say why not.
    """
    has_data = _check_file(path)
    reason = read_only_reason(path)
    if reason is not None and not has_data:
        raise LibraryError(f"{path}: cannot create a library here ({reason})")
    if reason is None:
        try:
            return _connect_writable(path, has_data), None
        except sqlite3.OperationalError as exc:
            if not has_data or primary_code(exc) not in CANNOT_WRITE:
                raise describe(exc, path) from None
            reason = (
                DISK_FULL
                if disk_full(path)
                else f"it cannot be written to ({exc}; a read-only file system?)"
            )
    return _connect_read_only(path, reason), reason


def _connect_writable(path: Path, has_data: bool) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise LibraryError(f"{path}: cannot open ({exc})") from None
    with _closed_on_failure(conn, path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA foreign_keys = ON")
        if has_data:
            _check_schema(conn, path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise LibraryError(f"{path}: cannot use write-ahead logging (journal mode {mode})")
        conn.execute("PRAGMA synchronous = FULL")
        migrations.migrate(conn)
    return conn


@contextmanager
def _closed_on_failure(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    """Close ``conn`` if the block fails. A damaged file is "not a usable library"; an
    OperationalError (read-only, full disk, cannot open) goes to the caller as it is,
    which tells those apart."""
    try:
        yield
    except sqlite3.OperationalError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path}: not a usable library ({exc})") from None
    except BaseException:
        conn.close()
        raise


def _connect_read_only(path: Path, reason: str) -> sqlite3.Connection:
    """Open ``path`` for reading only. Without a writable folder SQLite cannot make the
    WAL index (``-shm``) either; the file is then opened as immutable."""
    uri = f"file:{quote(str(path))}?mode=ro"
    failure: sqlite3.Error | None = None
    for extra in ("", "&immutable=1"):
        conn = sqlite3.connect(
            uri + extra, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            with _closed_on_failure(conn, path):
                conn.execute("PRAGMA query_only = ON")
                _check_schema(conn, path)
                version = migrations.schema_version(conn)
                if version < migrations.LATEST_VERSION:
                    raise LibraryError(
                        f"{path}: {reason}, and this library needs an upgrade (schema "
                        f"{version} to {migrations.LATEST_VERSION}) that would write to it; "
                        "open it once where it can be written"
                    )
            return conn
        except sqlite3.OperationalError as exc:
            failure = exc
    raise LibraryError(f"{path}: {reason}, and it cannot be read either ({failure})")


def connect_reader(path: Path) -> sqlite3.Connection:
    """A second connection to the library at ``path`` (open already, so migrated) that
    only reads, for another thread: SQLite connections belong to the thread that made
    them, and with WAL this one reads the last commit without waiting for the writer.

    Never opened as immutable (as :func:`_connect_read_only` may): that would read the
    file without the commits still in the WAL, an older library than the writer's.
    """
    uri = f"file:{quote(str(path))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise LibraryError(f"{path}: cannot open for reading ({exc})") from None
    with _closed_on_failure(conn, path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA query_only = ON")
        _check_schema(conn, path)
    return conn
