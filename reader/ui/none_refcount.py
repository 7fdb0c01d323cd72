"""Work around PySide6 6.12 on CPython 3.11: it drops references to ``None``,
``True`` and ``False`` that it never took.

Every call of a Qt method returning nothing (``setText``, ``QTextCursor.setPosition``…)
takes one reference from ``None``, and every ``bool`` a signal delivers to Python
one from ``True`` or ``False`` (as if they were immortal, which they are only from
CPython 3.12, PEP 683). Drawing 500 highlights makes about 1,000 such calls, so a
few caret moves in a well-annotated document, or one import of many shared
annotations, bring ``None`` to zero and CPython aborts ("none_dealloc",
"bool_dealloc"). This makes the three immortal by hand, once, and only when a probe
shows the leak, so a fixed PySide6 or a newer Python leaves everything as it is.
"""

from __future__ import annotations

import ctypes
import sys

PROBE_CALLS = 64
HEADROOM = 1 << 48  # more leaked references than an app could make in a lifetime
SINGLETONS = (None, True, False)


def _leaks(obj: object, call: object) -> bool:
    before = sys.getrefcount(obj)
    for _ in range(PROBE_CALLS):
        call()  # type: ignore[operator]
    return sys.getrefcount(obj) <= before - PROBE_CALLS // 2


def singleton_refcounts_leak() -> bool:
    """True when a void Qt call, or a bool delivered by a signal, lowers a count."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        flag = Signal(bool)

    probe = Probe()
    probe.flag.connect(lambda _value: None)
    return _leaks(None, lambda: probe.setObjectName("probe")) or _leaks(
        True, lambda: probe.flag.emit(True)
    )


def make_singletons_immortal() -> bool:
    """Give ``None``/``True``/``False`` references to outlive the leak; True if needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not singleton_refcounts_leak():
        return False
    for obj in SINGLETONS:
        # ob_refcnt is the first field of every CPython object, at the address id() gives.
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    return True
