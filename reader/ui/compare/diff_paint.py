"""Word differences painted under the highlights of a reading pane.

A pair's diff is a list of :class:`DiffOp` s with offsets into both texts; each side
paints its own half: text removed from A is struck out on red, text added in B is on
green, reworded text is on amber in both. The unit itself gets a faint tint, so the
counterpart is easy to find after a scroll. A unit with no counterpart is no diff (a
paper's sections a news report never mentions were not "removed"): it gets a muted
grey tint, nothing struck out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.compare.model import DELETE, INSERT, REPLACE, DiffOp, Unit

UNIT = "unit"  # the whole unit of the selected pair
UNMATCHED = "unmatched"  # the whole unit of a row with no counterpart
WHOLE_UNITS = frozenset({UNIT, UNMATCHED})  # spans that tint a unit, not a diff run
REMOVED, ADDED, REWORDED = "removed", "added", "reworded"


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """A painted span of one side: text offsets and what it marks."""

    kind: str  # UNIT | UNMATCHED | REMOVED | ADDED | REWORDED
    start: int
    end: int


def side_spans(ops: list[DiffOp], side: str) -> list[DiffSpan]:
    """The spans side ``"a"`` or ``"b"`` paints for ``ops`` (in text order)."""
    out = []
    for op in ops:
        start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
        if end <= start:
            continue
        if op.kind == REPLACE:
            out.append(DiffSpan(REWORDED, start, end))
        elif op.kind == DELETE and side == "a":
            out.append(DiffSpan(REMOVED, start, end))
        elif op.kind == INSERT and side == "b":
            out.append(DiffSpan(ADDED, start, end))
    return out


def unit_span(unit: Unit) -> DiffSpan:
    """The faint tint over a whole unit."""
    return DiffSpan(UNIT, unit.start, unit.end)


def unmatched_spans(unit: Unit) -> list[DiffSpan]:
    """A unit with no counterpart: marked as such, neutrally (nothing was removed or added)."""
    return [DiffSpan(UNMATCHED, unit.start, unit.end)]


def diff_format(kind: str, dark: bool) -> QTextCharFormat:
    """How a span of ``kind`` looks (translucent, so highlights drawn over it show)."""
    fmt = QTextCharFormat()
    alpha = 90 if dark else 60
    if kind == UNIT:
        fmt.setBackground(QColor(120, 140, 170, 40 if dark else 22))
    elif kind == UNMATCHED:
        fmt.setBackground(QColor(128, 128, 128, 45 if dark else 26))
    elif kind == REMOVED:
        fmt.setBackground(QColor(230, 60, 60, alpha))
        fmt.setFontStrikeOut(True)
    elif kind == ADDED:
        fmt.setBackground(QColor(40, 170, 70, alpha))
    else:
        fmt.setBackground(QColor(245, 165, 0, alpha + 15))
        # Underlined too: amber alone reads like a yellow highlight.
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#c26a00"))
    return fmt
