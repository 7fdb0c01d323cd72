"""PySide6 6.12 on CPython 3.11 drops references to None/True/False; the UI package
must make them immortal before a busy session (or a big import) exhausts them."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import reader.ui  # noqa: F401 - importing the package applies the workaround
from reader.ui.none_refcount import HEADROOM, singleton_refcounts_leak


class _Probe(QObject):
    flag = Signal(bool)


def test_many_qt_calls_cannot_exhaust_none_true_or_false():
    if sys.version_info < (3, 12) and singleton_refcounts_leak():
        assert all(sys.getrefcount(o) > HEADROOM // 2 for o in (None, True, False))
    probe = _Probe()
    probe.flag.connect(lambda _value: None)
    for _ in range(50_000):  # far more than None's natural count (~12,000 in the app)
        probe.setObjectName("x")
        probe.flag.emit(True)
        probe.flag.emit(False)
