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
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from reader.core.importers.pdf.headings import split_label
from reader.core.importers.pdf.lines import Line

_MAX_BLOCKS = 150  # blocks ordered one against another; more are read top to bottom
_MAX_PIECES = 1500  # lines of a region whose pieces are rejoined
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
_ABBREVIATION_END_RE = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:etc|vs|No|Mr|Mrs|Dr|St)\.)$")
_BULLETS = "\u2022\u25cf\u25aa\u25e6\u25a0\u25a1\u274f\u2713"  # • ● ▪ ◦ ■ □ ❏ ✓


@dataclass(slots=True)
class Placed:
    """A line in reading order, with what separates it from the line before."""

    line: Line
    block: int  # the layout region (column or table) it belongs to
    gap: bool = False  # a paragraph break before it
    cells: list[str] = field(default_factory=list)  # a table row's cells


def _overlap_y(a: Line, b: Line) -> float:
    return min(a.bottom, b.bottom) - max(a.top, b.top)


def _merged(a: Line, b: Line) -> Line:
    """``a`` and ``b`` (to its right on the same row) as one line."""
    return Line(
        f"{a.text} {b.text}",
        a.x0,
        b.x1,
        min(a.top, b.top),
        max(a.bottom, b.bottom),
        b.size,
        b.bold,
        b.italic,
        b.font,
        b.all_bold,
        a.marks + b.marks,
        a.lead_mark,
        a.lead_bold,
        run_in=a.run_in,
        run_font=a.run_font,
    )


def _join_rows(lines: list[Line], fits: Callable[[Line, Line], bool]) -> list[Line]:
    """Lines standing side by side on a row joined where ``fits(left, right)`` says
    they are one line. Either may come first in order of height (a raised mark, a
    label a hair higher or lower; another column's line can come between them)."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        k = len(out) - 1
        while k >= 0 and out[k].bottom > line.top:
            left, right = (out[k], line) if out[k].x0 < line.x0 else (line, out[k])
            if fits(left, right):
                out[k] = _merged(left, right)
                break
            k -= 1
        else:
            out.append(line)
    return out


def _join_pieces(lines: list[Line]) -> list[Line]:
    """Pieces of one line that a wide space split ("...are unique." and "But" of a
    justified line) joined again: the lines just above or below run across the gap
    between them, as they would not across a gutter between columns."""

    if len(lines) > _MAX_PIECES:  # (a page of thousands of scraps: left as they are)
        return lines

    def fits(left: Line, right: Line) -> bool:
        gap = right.x0 - left.x1
        return (
            0 <= gap < 3 * max(right.size, left.size, 1.0)
            and _overlap_y(left, right) > 0.5 * min(left.height, right.height)
            # (a piece of a few glyphs may be set smaller: a formula's raised marks)
            and (abs(left.size - right.size) < 0.6 or min(len(left.text), len(right.text)) <= 6)
            and _bridged(lines, left, right)
        )

    return _join_rows(lines, fits)


def _bridged(order: list[Line], a: Line, b: Line) -> bool:
    """A line near ``a`` and ``b`` (within two lines above or below) crosses the gap
    between them."""
    reach = 2.5 * max(a.height, b.height)
    for n in order:
        if n is a or n is b or _overlap_y(n, a) > 0:
            continue
        if abs(n.top - a.top) < reach and n.x0 < a.x1 + 1 and n.x1 > b.x0 - 1:
            return True
    return False


def join_labels(lines: list[Line]) -> list[Line]:
    """A bullet or list label set apart from its text by a tab is one line with it."""

    def fits(label: Line, text: Line) -> bool:
        return (
            bool(_LABEL_RE.match(label.text))
            and text.text[:1].isalpha()  # a label before words; "12" before "2011" is a cell
            and label.x1 < text.x0
            and text.x0 - label.x1 < 2.5 * max(text.size, 1.0)
            and _overlap_y(label, text) > 0.5 * min(label.height, text.height)
        )

    return _join_rows(lines, fits)


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
    """The region cut at white strips across it, except where a column runs on across
    the strip (its next line follows at its usual spacing): a box ending in one column
    while another goes on is no band's end."""
    order = sorted(lines, key=lambda ln: ln.top)
    bands: list[list[Line]] = [[order[0]]]
    reach = order[0].bottom
    for k, ln in enumerate(order[1:], 1):
        if ln.top - reach >= min_gap and not _runs_across(order, k, reach):
            bands.append([])
        bands[-1].append(ln)
        reach = max(reach, ln.bottom)
    return bands


def _runs_across(order: list[Line], k: int, cut: float) -> bool:
    """Whether a line just above ``cut`` (``order[:k]``) goes on in a line just below
    it: one above the other in the same column, no further apart than lines are."""
    below = [ln for ln in order[k : k + 12] if ln.top - cut < 2 * ln.height]
    for a in order[max(0, k - 12) : k]:
        if cut - a.bottom > 0.5 * a.height:
            continue
        for b in below:
            width = min(a.x1 - a.x0, b.x1 - b.x0)
            shared = min(a.x1, b.x1) - max(a.x0, b.x0)
            if (
                shared > 0.6 * width
                and abs(a.x0 - b.x0) < 2 * a.height
                and b.top - a.bottom < 0.8 * max(a.height, b.height)
                and abs(a.size - b.size) < 0.6
            ):
                return True
    return False


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


def _heading_row(cells: list[str]) -> bool:
    """A row of one cell that opens with a section number: a heading by the table."""
    if len(cells) != 1:
        return False
    label, title, _, _ = split_label(cells[0])
    return bool(label and title and any(c.isalpha() for c in title))


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
            self._emit_flow(lines)
            return
        groups: list[list[Line]] = [bands[0]]
        for band in bands[1:]:
            joined = _gutters(groups[-1] + band)
            # The band goes on the group's columns: their gutters stay, and it opens no
            # column of its own (a heading left of a table, a line across them).
            own = _gutters(groups[-1]), _gutters(band)
            same = len(joined) in (len(own[0]), len(own[1]))
            if (joined and same and (own[0] or own[1])) or not (joined or own[0] or own[1]):
                # ... or neither has columns: one flow (a heading whose lines are set
                # with wide leading is not cut into bands of its own).
                groups[-1] = groups[-1] + band
            else:
                groups.append(band)
        if len(groups) == 1:
            # One region that neither a gutter nor a white band cuts.
            self._emit_flow(lines)
            return
        for group in groups:
            self.cut(group, depth + 1)

    def _emit_flow(self, lines: list[Line]) -> None:
        """Lines no straight cut separates: top to bottom when they stand one above
        the other; else their blocks in reading order (a box across two of three
        columns, a worksheet across the other two, columns running beside them)."""
        lines = _join_pieces(lines)
        if not any(_overlap_y(a, b) > 0 for k, a in enumerate(lines) for b in lines[k + 1 : k + 6]):
            self._emit(sorted(lines, key=lambda ln: (ln.top, ln.x0)))
            return
        blocks = _blocks(lines)
        if len(blocks) > _MAX_BLOCKS:  # (ordering them costs the cube of their number)
            self._emit(sorted(lines, key=lambda ln: (ln.top, ln.x0)))
            return
        for block in reading_blocks(lines, blocks):
            self._emit(block)

    def _emit(self, lines: list[Line]) -> None:
        self.region += 1
        for ln in _join_pieces(lines):
            self.out.append(Placed(ln, self.region))

    def _emit_table(self, lines: list[Line], cuts: list[float]) -> None:
        rows = _table_rows(lines, cuts)
        # A numbered heading standing just above or below the table, in line with its
        # first column, is no row of it.
        head = 0
        while head < len(rows) - 2 and _heading_row(rows[head][1]):
            head += 1
        tail = len(rows)
        while tail > head + 2 and _heading_row(rows[tail - 1][1]):
            tail -= 1
        if head:
            self._emit([merged for merged, _ in rows[:head]])
        self.region += 1
        for merged, cells in rows[head:tail]:
            self.out.append(Placed(merged, self.region, cells=cells))
        if tail < len(rows):
            self._emit([merged for merged, _ in rows[tail:]])


def reading_blocks(lines: list[Line], blocks: list[list[Line]] | None = None) -> list[list[Line]]:
    """Lines grouped into blocks (a column's run of lines), the blocks in reading order.

    The order is Breuel's (2003): a block comes before another below it whose width it
    overlaps, and before one to its right unless a third block lies between them in
    height and reaches across both (a box spanning two columns ends the first column's
    claim on what follows)."""
    blocks = _blocks(lines) if blocks is None else blocks
    boxes = [
        (min(ln.x0 for ln in b), max(ln.x1 for ln in b), b[0].top, max(ln.bottom for ln in b))
        for b in blocks
    ]
    n = len(blocks)
    after: list[set[int]] = [set() for _ in range(n)]  # after[i]: blocks that follow i
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes):
            if i == j:
                continue
            if a[0] < b[1] and b[0] < a[1]:  # their widths overlap
                if a[2] < b[2]:
                    after[i].add(j)
            elif a[1] <= b[0] and not any(
                _separates(c, a, b) for k, c in enumerate(boxes) if k not in (i, j)
            ):
                after[i].add(j)
    before = [0] * n
    for i in range(n):
        for j in after[i]:
            before[j] += 1
    order: list[int] = []
    ready = [i for i in range(n) if not before[i]]
    while len(order) < n:
        if not ready:  # a cycle (blocks overlapping oddly): the topmost goes first
            ready = [min((i for i in range(n) if i not in order), key=lambda i: boxes[i][2])]
        i = min(ready, key=lambda k: (boxes[k][2], boxes[k][0]))
        ready.remove(i)
        order.append(i)
        for j in after[i]:
            before[j] -= 1
            if before[j] == 0 and j not in order:
                ready.append(j)
    return [blocks[i] for i in order]


def _separates(c: tuple, a: tuple, b: tuple) -> bool:
    """Block ``c`` lies between ``a`` and ``b`` (left of it) in height and reaches across
    from the one to the other."""
    if c[3] <= min(a[2], b[2]) or c[2] >= max(a[3], b[3]):
        return False  # wholly above both, or wholly below both
    return c[0] < a[1] and c[1] > b[0]


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into blocks: each line goes on the block whose last line stands
    just above it, in the same column (their widths overlap by half)."""
    blocks: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        best, best_gap = None, 0.0
        for b in blocks:
            last = b[-1]
            gap = ln.top - last.bottom
            width = min(ln.x1 - ln.x0, last.x1 - last.x0)
            shared = min(ln.x1, last.x1) - max(ln.x0, last.x0)
            near = -0.3 * ln.height < gap < 1.2 * max(ln.height, last.height)
            if near and shared > 0.5 * width and (best is None or gap < best_gap):
                best, best_gap = b, gap
        if best is None:
            blocks.append([ln])
        else:
            best.append(ln)
    return blocks


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


def _numbered(text: str) -> bool:
    """Whether a line opens with a section number and goes on with words."""
    label, title, _, _ = split_label(text)
    return bool(label) and title[:1].isalpha()


def _left_edge(placed: list[Placed], region: int) -> float:
    xs = [p.line.x0 for p in placed if p.block == region]
    return min(xs) if xs else 0.0


def _ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: a stop, not an abbreviation's ("U.S.", "e.g.")."""
    if text[-1:] not in ".:;!?":
        return False
    return not _ABBREVIATION_END_RE.search(text)


def _wrapped(a: Line, b: Line, right: float) -> bool:
    """Line ``a`` broke before ``b`` for want of room: ``b``'s first word would not
    have fit at its end (a heading's short line before a paragraph would)."""
    first = b.text.split(" ", 1)[0]
    width = (b.x1 - b.x0) * (len(first) + 1) / max(len(b.text), 1)
    return a.x1 + width > right - 1


def _regular_spacing(gaps: list[float]) -> float:
    """The space between the lines of a region when most lines keep it (double-spaced
    text), else 0: gaps that vary are paragraph and heading gaps, not a line pitch."""
    if len(gaps) < 6:
        return 0.0
    gaps = sorted(gaps)
    middle = gaps[len(gaps) // 2]
    regular = sum(abs(g - middle) <= 0.2 * middle + 0.5 for g in gaps)
    return middle if regular >= 0.7 * len(gaps) else 0.0


def mark_paragraphs(placed: list[Placed]) -> None:
    """Set ``gap`` where a new paragraph starts: a new region, a vertical gap, an indent
    after a short line, a change of font, or a line that ends a sentence well short of
    the column's edge."""
    rights: dict[int, list[float]] = {}
    lefts: dict[int, float] = {}
    for p in placed:
        rights.setdefault(p.block, []).append(p.line.x1)
        lefts[p.block] = min(lefts.get(p.block, p.line.x0), p.line.x0)
    # The column's right edge: one line running past it (a long unbreakable word, a
    # heading's last line) does not move it.
    edges = {k: (lefts[k], sorted(xs)[-2] if len(xs) >= 5 else max(xs)) for k, xs in rights.items()}
    # The usual space between two lines of a region: a double-spaced text's is a
    # paragraph gap in a single-spaced one. Only lines that run to the column's edge
    # (wrapped inside a paragraph) say what the line pitch is: in a text of one-line
    # paragraphs every gap is a paragraph gap, however regular.
    spacing: dict[int, list[float]] = {}
    for up, down in zip(placed, placed[1:], strict=False):
        space = down.line.top - up.line.bottom
        if up.block != down.block or space < 0:
            continue
        left, right = edges[up.block]
        if up.line.x1 >= right - 0.25 * (right - left):  # ragged-right lines count too
            spacing.setdefault(down.block, []).append(space)
    usual = {k: _regular_spacing(v) for k, v in spacing.items()}
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
        # A line running to the column's edge mid-sentence goes on, whatever the
        # weight of the next one (a bold phrase wrapped onto it).
        runs_on = not short and a.text[-1:] not in _SENTENCE_END
        # ... and a bold line whose bold phrase goes on into the next one is the start of
        # a run-in heading ("Refundable credit for prior-year / minimum tax. If ...").
        runs_on = runs_on or (
            a.all_bold and b.lead_bold and not _ends_sentence(a.text) and _wrapped(a, b, right)
        )
        style = abs(a.size - b.size) > 0.6 or (a.all_bold != b.all_bold and not runs_on)
        # A numbered line in italic above roman text, ending short of the edge: a
        # heading set in an italic face on a line of its own ("3.2 Displayed equations").
        style = style or (short and a.italic and not b.italic and _numbered(a.text))
        if p.cells or prev.cells:
            p.gap = False
        else:
            p.gap = (
                b.text[:1] in _BULLETS  # a list's item starts
                or space > max(0.45 * min(a.height, b.height), 1.5 * usual.get(p.block, 0.0))
                or space < -0.6 * min(a.height, b.height)  # moved back up: a new column
                or style
                or (indent and short)
                or (short and a.text[-1:] in _SENTENCE_END and b.x0 <= a.x0 + 0.5)
                and a.x1 < right - 0.25 * (right - left)
            )
        prev = p
