"""SQLite failures told plainly: a busy library, a read-only one, a full disk.

SQLite says "database is locked", "attempt to write a readonly database" or "disk I/O
error"; the user needs to know which of their library's circumstances it is, and that
nothing was changed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

from reader.core.errors import LibraryError

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14
NEARLY_FULL = 1024 * 1024  # bytes free below which an I/O error is the disk being full
DISK_FULL = "the disk is full"


def primary_code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code of ``exc`` (extended codes folded), if it has one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def free_bytes(path: Path) -> int | None:
    """Bytes free on the file system holding ``path`` (None if it cannot be told)."""
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def disk_full(path: Path) -> bool:
    """Whether the file system holding ``path`` has (nearly) no space left."""
    free = free_bytes(path)
    return free is not None and free < NEARLY_FULL


def read_only_reason(path: Path) -> str | None:
    """Why the library at ``path`` must be opened read-only, or None: the file or its
    folder is marked read-only (no write permission for us, or no write bit at all, which
    even an administrator is taken to mean)."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system"
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    for what, p in (("the file", path), ("its folder", folder)):
        try:
            mode = p.stat().st_mode
        except OSError:
            continue
        if not os.access(p, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            return f"{what} is read-only"
    return None


def read_only_hint(reason: str) -> str:
    """What the user can do about a library opened read-only for ``reason``."""
    if reason == DISK_FULL:
        return "Free some space on the disk and open it again to change it"
    return "Make it writable (or copy it) to change it"


def describe(exc: sqlite3.Error, path: Path) -> LibraryError:
    """A one-line :class:`LibraryError` for a failure of the library at ``path``."""
    code = primary_code(exc)
    if code == SQLITE_FULL or (code in (SQLITE_IOERR, None) and disk_full(path)):
        free = free_bytes(path)
        left = f" ({free // 1024} KB free)" if free is not None else ""
        return LibraryError(
            f"{path}: the disk is full{left}; nothing was changed. Free some space and try again"
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return LibraryError(
            f"{path}: the library is busy (another window or command is writing to it); "
            "nothing was changed. Try again in a moment"
        )
    if code == SQLITE_READONLY:
        return LibraryError(f"{path}: the library cannot be written to ({exc}); nothing changed")
    return LibraryError(f"{path}: {exc}")
