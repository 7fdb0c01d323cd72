"""Write files atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from reader.core.errors import ReaderError


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Text is written as UTF-8 with ``\\n`` line endings. The file gets the permissions
    of the file it replaces, or those the umask gives a new file. Raises
    :class:`ReaderError` with a clear message when the folder is missing or not
    writable, or the disk is full.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise ReaderError(f"{target}: the folder {folder} does not exist") from None
    except PermissionError:
        raise ReaderError(f"{target}: cannot write in {folder} (permission denied)") from None
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _write_error(target, exc) from None
    return target


def _write_error(target: Path, exc: OSError) -> ReaderError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ReaderError(f"{target}: the disk is full; nothing was written")
    if exc.errno == errno.EROFS:
        return ReaderError(f"{target}: cannot write on a read-only file system")
    return ReaderError(f"{target}: cannot write ({exc.strerror or exc})")


def _mode_for(target: Path) -> int:
    """The permissions the file gets: those of the file it replaces, else what a new file
    gets under the umask (``mkstemp`` alone makes it 0600, unreadable to teammates
    on a shared drive)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it
    (Linux: /proc/self/status), else by setting and restoring it."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
