"""The alignment as table rows: pairs, and units only in A or only in B.

Rows come in reading order (A's order, with B-only units slotted after the B unit
they follow), sort by any column through :class:`PairProxy`, and can be narrowed to
what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.compare.model import PARAGRAPH, Alignment, Pair, Unit
from reader.ui.row_model import Column, RowModel

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
UNCHANGED = 0.999  # similarity from which a pair counts as the same text
COL_A, COL_B, COL_SCORE, COL_SIMILARITY, COL_METHOD = range(5)
_LAST = float("inf")


@dataclass(frozen=True, slots=True)
class AlignmentRow:
    """One row: a pair, or a unit with no counterpart (the other side is None)."""

    a: Unit | None
    b: Unit | None
    pair: Pair | None = None

    @property
    def status(self) -> str:
        """``only A``, ``only B``, ``same`` or ``changed``."""
        if self.pair is None:
            return "only A" if self.a is not None else "only B"
        return "same" if self.pair.similarity >= UNCHANGED else "changed"

    def unit(self, side: str) -> Unit | None:
        """The unit of side ``"a"`` or ``"b"``."""
        return self.a if side == "a" else self.b


def alignment_rows(alignment: Alignment) -> list[AlignmentRow]:
    """Pairs and A-only units in A's order; each B-only unit after the B unit before it.

    When one side is a paragraph list (a news report) read against the other's sections,
    that side's order leads: its pairs and unmatched paragraphs first, in its order, then
    the other side's unmatched sections. The sections' order says nothing about where the
    paragraphs stand, and their many unmatched sections would bury the pairs.
    """
    pairs = [AlignmentRow(p.a, p.b, p) for p in alignment.pairs]
    only_a = [AlignmentRow(u, None) for u in sorted(alignment.only_a, key=lambda u: u.start)]
    only_b = [AlignmentRow(None, u) for u in sorted(alignment.only_b, key=lambda u: u.start)]
    rows = sorted(pairs + only_a, key=_order("a"))  # stable: splits keep order
    if _paragraphs(rows, "a"):
        return rows + only_b
    if _paragraphs(pairs + only_b, "b"):
        return sorted(pairs + only_b, key=_order("b")) + only_a
    for row_b in only_b:
        at = 0
        for i, row in enumerate(rows):
            if row.b is not None and row.b.start <= row_b.b.start:
                at = i + 1
        rows.insert(at, row_b)
    return rows


def _order(side: str) -> Callable[[AlignmentRow], tuple[int, int]]:
    """Sort key: where a row's unit of ``side`` stands."""

    def key(row: AlignmentRow) -> tuple[int, int]:
        unit = row.unit(side)
        return (unit.start, unit.end) if unit else (0, 0)

    return key


def _paragraphs(rows: list[AlignmentRow], side: str) -> bool:
    return any((u := r.unit(side)) is not None and u.kind == PARAGRAPH for r in rows)


def _unit_text(unit: Unit | None, other: str) -> str:
    return unit.display if unit is not None else f"(only in {other})"


def _tooltip(row: AlignmentRow) -> str:
    a = row.a.path or row.a.display if row.a else "—"
    b = row.b.path or row.b.display if row.b else "—"
    return f"A: {a}\nB: {b}"


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


COLUMNS: list[Column[AlignmentRow]] = [
    Column("Section in A", lambda r: _unit_text(r.a, "B"), _tooltip),
    Column("Section in B", lambda r: _unit_text(r.b, "A"), _tooltip),
    Column("Score", lambda r: f"{r.pair.score:.2f}" if r.pair else "", align_right=True),
    Column("Similarity", lambda r: _percent(r.pair.similarity) if r.pair else "", align_right=True),
    Column("Method", lambda r: r.pair.method if r.pair else r.status),
]


class PairModel(RowModel[AlignmentRow]):
    """The alignment table; sort keys under :data:`SORT_ROLE`, unmatched rows muted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def set_alignment(self, alignment: Alignment | None) -> None:
        """Show ``alignment`` (None: no rows)."""
        self.set_rows(alignment_rows(alignment) if alignment is not None else [])

    def data(self, index: Index, role: int = 0) -> Any:
        row = self.row_object(index)
        if row is None:
            return None
        col = index.column()
        if role == SORT_ROLE:
            return _sort_key(row, col)
        empty = (col == COL_A and row.a is None) or (col == COL_B and row.b is None)
        if role == Qt.ItemDataRole.ForegroundRole and empty:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and empty:
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)


def _sort_key(row: AlignmentRow, col: int) -> Any:
    if col == COL_A:
        return row.a.start if row.a else _LAST
    if col == COL_B:
        return row.b.start if row.b else _LAST
    if col == COL_SCORE:
        return row.pair.score if row.pair else -1.0
    if col == COL_SIMILARITY:
        return row.pair.similarity if row.pair else -1.0
    return row.pair.method if row.pair else row.status


class PairProxy(QSortFilterProxyModel):
    """Sorts :class:`PairModel` rows by number, not text; optionally hides unchanged pairs."""

    def __init__(self, source: PairModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.changed_only = False

    def set_changed_only(self, on: bool) -> None:
        """Show only changed pairs and unmatched units (True) or every row."""
        if on != self.changed_only:
            self.beginFilterChange()
            self.changed_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.changed_only:
            return True
        row = self.sourceModel().row_object(self.sourceModel().index(source_row, 0))
        return row is not None and row.status != "same"

    def row_object(self, index: Index) -> AlignmentRow | None:
        """The row object behind a proxy ``index``."""
        if not index.isValid():
            return None
        return self.sourceModel().row_object(self.mapToSource(index))

    def proxy_row(self, predicate: Any) -> int:
        """The proxy row of the first source row ``predicate`` accepts, or -1."""
        source = self.sourceModel().find_row(predicate)
        if source < 0:
            return -1
        return self.mapFromSource(self.sourceModel().index(source, 0)).row()
