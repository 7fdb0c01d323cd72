"""Lines of a page -> reading order: columns, tables and paragraph breaks.

Reading order comes from a recursive XY-cut: a region is split at vertical gutters
(white strips no line crosses) into columns, read left to right, or else at horizontal
gaps into bands, read top to bottom. Bands that share the same gutters (two columns
whose paragraph gaps happen to line up) are joined again before they are cut into
columns, so a column is read to its end before the next one starts. A region whose
"columns" hold short cells standing in rows is a table: it is read row by row, cells
joined with `` | ``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from reader.core.importers.pdf.lines import Line

_MIN_GUTTER = 6.0  # points: narrower white strips are spaces inside a line
_BAND_GAP = 0.3  # of the median line height: a horizontal strip this tall cuts bands
_CELL_WORDS = 3.5  # median words a line: more is prose, fewer a grid of cells
_PROSE_WORDS = 6  # a line of running text holds this many words or more ...
_PROSE_SHARE = 0.2  # ... in this share of a prose column's lines at least
# A bullet or list label (set apart from its text by a tab): "•", "1.", "(a)", "iv)".
_LABEL_RE = re.compile(
    r"^(?:[\u2022\u25cf\u25aa\u25e6\u2013\-*\u00b7o!]|\(?\w{1,3}[.)]|\(\w{1,3}\)"
    r"|(?:\d{1,3}|[A-Z])(?:\.\d{1,3})*\.?)$"
)
_SENTENCE_END = '.:;!?\u201d\u2019")'


@dataclass(slots=True)
class Placed:
    """A line in reading order, with what separates it from the line before."""

    line: Line
    block: int  # the layout region (column or table) it belongs to
    gap: bool = False  # a paragraph break before it
    cells: list[str] = field(default_factory=list)  # a table row's cells


def _overlap_y(a: Line, b: Line) -> float:
    return min(a.bottom, b.bottom) - max(a.top, b.top)


def join_labels(lines: list[Line]) -> list[Line]:
    """A bullet or list label set apart from its text by a tab is one line with it."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and _LABEL_RE.match(prev.text)
            and line.text[:1].isalpha()  # a label before words; "12" before "2011" is a cell
            and prev.x1 < line.x0
            and line.x0 - prev.x1 < 2.5 * max(line.size, 1.0)
            and _overlap_y(prev, line) > 0.5 * min(prev.height, line.height)
        ):
            out[-1] = Line(
                f"{prev.text} {line.text}",
                prev.x0,
                line.x1,
                min(prev.top, line.top),
                max(prev.bottom, line.bottom),
                line.size,
                line.bold,
                line.italic,
                line.font,
                line.all_bold,
                prev.marks + line.marks,
                prev.lead_mark,
            )
            continue
        out.append(line)
    return out


def _gutters(lines: list[Line]) -> list[float]:
    """x positions of white strips that run through the whole region."""
    spans = sorted((ln.x0, ln.x1) for ln in lines)
    cuts: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= _MIN_GUTTER:
            cuts.append((reach + x0) / 2)
        reach = max(reach, x1)
    return cuts


def _columns(lines: list[Line], cuts: list[float]) -> list[list[Line]]:
    cols: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
    for ln in lines:
        k = sum(1 for c in cuts if ln.x0 > c)
        cols[k].append(ln)
    return [c for c in cols if c]


def _bands(lines: list[Line], min_gap: float) -> list[list[Line]]:
    order = sorted(lines, key=lambda ln: ln.top)
    bands: list[list[Line]] = [[order[0]]]
    reach = order[0].bottom
    for ln in order[1:]:
        if ln.top - reach >= min_gap:
            bands.append([])
        bands[-1].append(ln)
        reach = max(reach, ln.bottom)
    return bands


def _is_table(cols: list[list[Line]]) -> bool:
    """Columns of short cells standing in rows, not columns of running text: a column
    where many lines hold six words or more is prose (math or labels may cut the rest
    into short pieces); a table's columns hold a few words a line."""
    if len(cols) < 2 or sum(len(c) for c in cols) / len(cols) < 2:
        return False
    for col in cols:
        if sum(len(ln.text.split()) >= _PROSE_WORDS for ln in col) >= _PROSE_SHARE * len(col):
            return False
    words = [len(ln.text.split()) for col in cols for ln in col]
    return median(words) <= (_CELL_WORDS if len(cols) >= 3 else 2)


def _table_rows(lines: list[Line], cuts: list[float]) -> list[tuple[Line, list[str]]]:
    """Lines of a table grouped into rows (by vertical overlap), cells left to right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if rows and any(_overlap_y(ln, o) > 0.4 * min(ln.height, o.height) for o in rows[-1]):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    out = []
    for row in rows:
        cells = [c.text for c in sorted(row, key=lambda ln: ln.x0)]
        first = min(row, key=lambda ln: ln.x0)
        merged = Line(
            " | ".join(cells),
            first.x0,
            max(ln.x1 for ln in row),
            min(ln.top for ln in row),
            max(ln.bottom for ln in row),
            first.size,
            all(ln.bold for ln in row),
            first.italic,
            first.font,
            all(ln.all_bold for ln in row),
            [m for ln in row for m in ln.marks],
        )
        out.append((merged, cells))
    return out


class _Order:
    def __init__(self, min_gap: float) -> None:
        self.min_gap = min_gap
        self.out: list[Placed] = []
        self.region = 0

    def cut(self, lines: list[Line], depth: int = 0) -> None:
        if len(lines) == 1 or depth > 40:
            self._emit(sorted(lines, key=lambda ln: (ln.top, ln.x0)))
            return
        cuts = _gutters(lines)
        if cuts:
            cols = _columns(lines, cuts)
            if _is_table(cols):
                self._emit_table(lines, cuts)
                return
            if len(cols) > 1:
                for col in cols:
                    self.cut(col, depth + 1)
                return
        bands = _bands(lines, self.min_gap)
        if len(bands) == 1:
            self._emit(sorted(lines, key=lambda ln: (ln.top, ln.x0)))
            return
        groups: list[list[Line]] = [bands[0]]
        for band in bands[1:]:
            joined = _gutters(groups[-1] + band)
            # The band goes on the group's columns: their gutters stay, and it opens no
            # column of its own (a heading left of a table, a line across them).
            same = len(joined) in (len(_gutters(groups[-1])), len(_gutters(band)))
            if joined and same and (_gutters(groups[-1]) or _gutters(band)):
                groups[-1] = groups[-1] + band
            else:
                groups.append(band)
        if len(groups) == 1:
            # One region whose gutters do not hold together: top to bottom.
            self._emit(sorted(lines, key=lambda ln: (ln.top, ln.x0)))
            return
        for group in groups:
            self.cut(group, depth + 1)

    def _emit(self, lines: list[Line]) -> None:
        self.region += 1
        for ln in lines:
            self.out.append(Placed(ln, self.region))

    def _emit_table(self, lines: list[Line], cuts: list[float]) -> None:
        self.region += 1
        for merged, cells in _table_rows(lines, cuts):
            self.out.append(Placed(merged, self.region, cells=cells))


def reading_order(lines: list[Line]) -> list[Placed]:
    """The page's lines in reading order, with paragraph breaks marked."""
    if not lines:
        return []
    lines = join_labels(lines)
    heights = [ln.height for ln in lines]
    order = _Order(_BAND_GAP * median(heights))
    order.cut(lines)
    mark_paragraphs(order.out)
    return order.out


def _left_edge(placed: list[Placed], region: int) -> float:
    xs = [p.line.x0 for p in placed if p.block == region]
    return min(xs) if xs else 0.0


def mark_paragraphs(placed: list[Placed]) -> None:
    """Set ``gap`` where a new paragraph starts: a new region, a vertical gap, an indent
    after a short line, a change of font, or a line that ends a sentence well short of
    the column's edge."""
    edges: dict[int, tuple[float, float]] = {}
    for p in placed:
        x0, x1 = edges.get(p.block, (p.line.x0, p.line.x1))
        edges[p.block] = (min(x0, p.line.x0), max(x1, p.line.x1))
    prev: Placed | None = None
    for p in placed:
        if prev is None or p.block != prev.block:
            p.gap = True
            prev = p
            continue
        a, b = prev.line, p.line
        left, right = edges[p.block]
        size = max(min(a.size, b.size), 1.0)
        space = b.top - a.bottom
        short = a.x1 < right - 2 * size
        indent = b.x0 > a.x0 + 0.8 * size and b.x0 > left + 0.8 * size
        style = abs(a.size - b.size) > 0.6 or a.all_bold != b.all_bold
        if p.cells or prev.cells:
            p.gap = False
        else:
            p.gap = (
                space > 0.45 * min(a.height, b.height)
                or space < -0.6 * min(a.height, b.height)  # moved back up: a new column
                or style
                or (indent and short)
                or (short and a.text[-1:] in _SENTENCE_END and b.x0 <= a.x0 + 0.5)
                and a.x1 < right - 0.25 * (right - left)
            )
        prev = p
