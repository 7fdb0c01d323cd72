"""Word differences painted under the highlights of a reading pane.

A pair's diff is a list of :class:`DiffOp` s with offsets into both texts; each side
paints its own half: text removed from A is struck out on red, text added in B is on
green, reworded text is on amber in both. The unit itself gets a faint tint, so the
counterpart is easy to find after a scroll.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.compare.model import DELETE, INSERT, REPLACE, DiffOp, Unit

UNIT = "unit"  # the whole unit of the selected pair
REMOVED, ADDED, REWORDED = "removed", "added", "reworded"


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """A painted span of one side: text offsets and what it marks."""

    kind: str  # UNIT | REMOVED | ADDED | REWORDED
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


def unmatched_spans(unit: Unit, side: str) -> list[DiffSpan]:
    """A unit with no counterpart: all of its body removed (A) or added (B)."""
    kind = REMOVED if side == "a" else ADDED
    spans = [unit_span(unit)]
    if unit.end > unit.body_start:
        spans.append(DiffSpan(kind, unit.body_start, unit.end))
    return spans


def diff_format(kind: str, dark: bool) -> QTextCharFormat:
    """How a span of ``kind`` looks (translucent, so highlights drawn over it show)."""
    fmt = QTextCharFormat()
    alpha = 90 if dark else 60
    if kind == UNIT:
        fmt.setBackground(QColor(120, 140, 170, 40 if dark else 22))
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
