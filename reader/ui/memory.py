"""Give memory freed by a closed document back to the system, and keep large
blocks out of the heap.

glibc's allocator keeps freed heap pages for reuse: after a 10 MB document is
closed or reopened, tens of MiB it no longer holds stay in the process's resident
set, and each reopen finds the heap shaped a little differently. ``malloc_trim``
returns them. Elsewhere (macOS, Windows, musl) there is no such call and nothing is
done.

glibc also raises its threshold for mapping a block on its own each time such a
block is freed, so the text of a long document (a piece table that grows as the
text goes into Qt, and the pieces that pass through it) ends up in the heap, where
growing a block copies it and the old copy stays resident: an extra 10 MiB at the
peak of opening a 10 MB document. :func:`map_large_blocks` fixes the threshold.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache

LARGE_BLOCK = 1 << 20  # bytes: blocks this large are mapped on their own
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


@cache
def _glibc(name: str) -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return getattr(libc, name)
    except (OSError, AttributeError):  # not glibc
        return None


def map_large_blocks() -> bool:
    """Map every block of :data:`LARGE_BLOCK` bytes or more on its own (and give it
    back to the system when freed); False where that cannot be set."""
    mallopt = _glibc("mallopt")
    return bool(mallopt and mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK))  # type: ignore[operator]


def release_freed_memory() -> bool:
    """Return the heap's free pages to the system; False where that cannot be done."""
    trim = _glibc("malloc_trim")
    if trim is None:
        return False
    trim(0)  # type: ignore[operator]
    return True
