"""Table models of the agreement window: per-tag figures and disagreeing clauses.

Both are :class:`RowModel` s whose columns depend on the coders compared, so they
are rebuilt with the rows; :data:`SORT_ROLE` gives numbers (not their text) to the
sorting proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from reader.core.analysis.agreement import Disagreement, TagAgreement
from reader.ui.panels.common import short
from reader.ui.row_model import Column, Index, RowModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
DASH = "–"


@dataclass(frozen=True)
class SortableColumn(Column):
    """A column that sorts by ``sort`` (a number or string), not by its display text."""

    sort: Callable[[Any], Any] | None = None


def figure(value: float | None, percent: bool = False) -> str:
    """A coefficient as shown: ``0.743``, ``92.5%``, or a dash when undefined."""
    if value is None:
        return DASH
    return f"{value:.1%}" if percent else f"{value:.3f}"


def _number(value: float | None) -> float:
    return float("-inf") if value is None else value


class ColumnsModel(RowModel):
    """A :class:`RowModel` whose columns change with its rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)

    def set_table(self, columns: Sequence[Column], rows: Sequence[Any]) -> None:
        """Replace columns and rows at once."""
        self.beginResetModel()
        self._columns, self._rows = list(columns), list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = 0) -> Any:
        if role == SORT_ROLE:
            obj = self.row_object(index)
            if obj is None or not 0 <= index.column() < len(self._columns):
                return None
            col = self._columns[index.column()]
            return col.sort(obj) if isinstance(col, SortableColumn) and col.sort else col.text(obj)
        return super().data(index, role)


def tag_columns(coders: Sequence[str]) -> list[Column[TagAgreement]]:
    """Tag, clauses coded per coder, agreement, kappa (two coders), alpha, note."""

    def count(coder: str) -> SortableColumn:
        return SortableColumn(
            coder,
            lambda r: str(r.coded[coder]) if coder in r.coded else DASH,
            tooltip=lambda r: f"Clauses {coder} coded with {r.tag}",
            align_right=True,
            sort=lambda r: r.coded.get(coder, -1),
        )

    columns: list[Column[TagAgreement]] = [Column("Tag", lambda r: r.tag)]
    columns += [count(c) for c in coders]
    columns.append(
        SortableColumn(
            "Agreement",
            lambda r: figure(r.percent, percent=True),
            align_right=True,
            sort=lambda r: _number(r.percent),
        )
    )
    if len(coders) == 2:
        columns.append(
            SortableColumn(
                "Kappa",
                lambda r: figure(r.kappa),
                align_right=True,
                sort=lambda r: _number(r.kappa),
            )
        )
    columns.append(
        SortableColumn(
            "Alpha", lambda r: figure(r.alpha), align_right=True, sort=lambda r: _number(r.alpha)
        )
    )
    columns.append(Column("Note", lambda r: r.note))
    return columns


def _all_tags(d: Disagreement) -> str:
    return "\n".join(f"{coder}: {', '.join(tags) or DASH}" for coder, tags in d.tags.items())


def disagreement_columns(coders: Sequence[str]) -> list[Column[Disagreement]]:
    """Section, clause, each coder's tags, and the tags recorded as reconciled."""

    def tags_of(coder: str) -> Column:
        return Column(coder, lambda d: ", ".join(d.tags.get(coder, [])) or DASH, tooltip=_all_tags)

    return [
        SortableColumn(
            "Section",
            lambda d: d.section_path,
            tooltip=lambda d: d.section_path,
            sort=lambda d: d.clause,
        ),
        SortableColumn(
            "Clause",
            lambda d: short(d.text, 160),
            tooltip=lambda d: d.text,
            sort=lambda d: d.clause,
        ),
        *(tags_of(c) for c in coders),
        Column("Reconciled", lambda d: ", ".join(d.consensus) if d.consensus else ""),
    ]
