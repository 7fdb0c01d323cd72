"""Give memory freed by a closed document back to the system.

glibc's allocator keeps freed heap pages for reuse: after a 10 MB document is
closed or reopened, tens of MiB it no longer holds stay in the process's resident
set, and each reopen finds the heap shaped a little differently. ``malloc_trim``
returns them. Elsewhere (macOS, Windows, musl) there is no such call and nothing is
done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache


@cache
def _malloc_trim() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def release_freed_memory() -> bool:
    """Return the heap's free pages to the system; False where that cannot be done."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # type: ignore[operator]
    return True
