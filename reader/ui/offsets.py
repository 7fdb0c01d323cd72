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
        # Fast path: all-BMP text (nearly every document) maps one to one.
        self._astral: list[int] = (
            [] if text.isascii() else [m.start() for m in _ASTRAL_RE.finditer(text)]
        )
        # Qt position where the k-th astral character starts.
        self._qt_astral = [a + k for k, a in enumerate(self._astral)]

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
