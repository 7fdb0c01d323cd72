"""Code-point offsets <-> ``QTextDocument`` positions.

The core counts Unicode code points (Python ``str`` indices); Qt counts UTF-16 code
units, so every character outside the Basic Multilingual Plane (emoji, CJK
extension B, ...) takes two positions in Qt. This is the one place that converts.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts between code-point offsets and Qt positions for one display text."""

    def __init__(self, text: str) -> None:
        self._astral: list[int] = []
        self._qt_astral: list[int] = []  # Qt position where the k-th astral character starts
        self._length = 0
        self.extend(text)

    def extend(self, text: str) -> None:
        """Take ``text`` as following what the map covers so far (a long text is
        shown piece by piece)."""
        # Fast path: all-BMP text (nearly every document) maps one to one.
        if not text.isascii():
            for m in _ASTRAL_RE.finditer(text):
                self._astral.append(self._length + m.start())
                self._qt_astral.append(self._length + m.start() + len(self._qt_astral))
        self._length += len(text)

    @property
    def identity(self) -> bool:
        """True when offsets and Qt positions coincide."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of Qt ``position``; the middle of a pair snaps back."""
        if not self._astral:
            return position
        k = bisect_left(self._qt_astral, position)
        if k and self._qt_astral[k - 1] + 1 == position:
            return self._astral[k - 1]
        return position - k
