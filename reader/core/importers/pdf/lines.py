"""Characters -> lines: glyphs that share a baseline, split where a wide gap falls.

A *line* here is what one column holds at one height: a full-width line of a
single-column page, or one column's line of a multi-column page (the gap between
columns splits them). Superscripts (footnote markers) join the line they sit on,
marked so that they never glue to the word before them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from reader.core.importers.pdf.engine import Font, Glyph

_SPLIT_GAP = 1.2  # in font sizes: a gap this wide between glyphs separates two lines
_GUTTER_GAP = 0.5  # ... or this wide where many rows of the page have a gap
_WORD_SPLIT_GAP = 0.9  # ... but between two letters only this wide
_STRONG_ROWS = 0.25  # ... and a gutter seen in this share of rows runs between columns
_GUTTER_ROWS = 0.1  # "many": this share of the page's rows
_BOLD_SHARE = 0.75  # a line this much bold is set in bold (a heading), not a run-in phrase
_WORD_GAP = 0.25  # in font sizes: a gap this wide with no space glyph is a space
_JUSTIFIED_SPREAD = 1.6  # a justified line's widest word gap is at most this many narrowest
_SUPER_RISE = 0.25  # in font sizes: a glyph raised this much is a superscript
_SUPER_SIZE = 0.85  # ... if its font is at most this share of the line's
_NUMBER_RE = re.compile(r"[\dA-Z]{1,3}(?:\.\d{1,3})*\.?")  # a section number before a title
_MARK_SIGNS = "*\u2020\u2021\u00a7"  # * dagger double-dagger section: note signs
_MARK_JOINERS = ",-\u2013"  # inside a run of markers: "1,2" or "1-3"


@dataclass(slots=True)
class Line:
    """One line of one column: its text, box and dominant font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the font size most of its characters have
    bold: bool  # most of its letters are bold
    italic: bool
    font: int  # dominant font (index into the source's fonts)
    all_bold: bool = False  # its letters are bold (a heading, not a run-in bold phrase)
    marks: list[str] = field(default_factory=list)  # superscript markers found in it
    lead_mark: str | None = None  # a superscript at its start (a footnote's own number)
    lead_bold: bool = False  # its first word is bold (a bold run-in phrase goes on in it)
    spaced: bool = False  # set letter-spaced ("I N T R O D U C T I O N")
    smallcaps: bool = False  # most of its letters are in a small capitals face
    run_in: int = 0  # characters of a lead-in set in a stronger face than the rest
    run_font: int = -1  # ... and its font (a run-in heading: "1.2 Scope. The text")

    @property
    def height(self) -> float:
        """Height of the line's box."""
        return self.bottom - self.top

    @property
    def mid(self) -> float:
        """Vertical centre."""
        return (self.top + self.bottom) / 2


def _overprints(glyphs: list[Glyph]) -> list[Glyph]:
    """Glyphs without the copies drawn again a hair's breadth away (how some typesetters
    make text look bold): a reader sees one character. The letters PDFium gives for one
    ligature glyph share its box and are all kept."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Glyph] = []
    prev: Glyph | None = None
    kept = True  # whether ``prev`` was kept
    for g in glyphs:
        if g.ch.isspace():
            out.append(g)
            continue
        # The letters of a ligature ("ffi") come one after the other in one box: they go
        # with the first one, kept or dropped as a copy.
        if prev is not None and (prev.x0, prev.x1, prev.top) == (g.x0, g.x1, g.top):
            prev = g
            if kept:
                out.append(g)
            continue
        prev = g
        x, y = int(g.x0), int(g.top)
        kept = not any((g.ch, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        if not kept:
            continue
        seen.add((g.ch, x, y))
        out.append(g)
    return out


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by the line they sit on (by their vertical centre).

    A glyph without height (a space PDFium generated, a hyphen it marked at a line end)
    joins the row whose box holds its position.
    """
    flat = [g for g in glyphs if g.bottom - g.top < 0.01]
    ink = sorted(
        (g for g in glyphs if g.bottom - g.top >= 0.01), key=lambda g: (g.top + g.bottom, g.x0)
    )
    rows: list[list[Glyph]] = []
    spans: list[tuple[float, float, float]] = []  # top, bottom, centre of each row
    centre = -1e9
    tol = 0.0
    sizes = sorted(g.size for g in ink)
    common = sizes[len(sizes) // 2] if sizes else 10.0
    for g in ink:
        mid = (g.top + g.bottom) / 2
        height = g.bottom - g.top
        # An outsized glyph (a bracket drawn around a formula, a drop capital) stands in
        # a row without stretching it: it would reach the next line and chain the two.
        outsized = height > 1.5 * max(g.size, 1.0) or g.size > 2 * common
        if rows and (
            abs(mid - centre) <= tol
            # A glyph boxed differently (another font) but standing in the row.
            or min(g.bottom, spans[-1][1]) - max(g.top, spans[-1][0]) > 0.7 * height
        ):
            rows[-1].append(g)
            t, b, c = spans[-1]
            if not outsized:
                spans[-1] = (min(t, g.top), max(b, g.bottom), c)
            continue
        rows.append([g])
        if outsized:  # what joins it does so by its centre, not by its box
            spans.append((mid - 0.1, mid + 0.1, mid))
        else:
            spans.append((g.top, g.bottom, mid))
        centre = mid
        tol = max(1.0, height * 0.35)
    centres = [c for _, _, c in spans]
    for g in flat:
        k = bisect_right(centres, g.top)
        for j in (k - 1, k, k - 2, k + 1):
            if 0 <= j < len(rows) and spans[j][0] <= g.top <= spans[j][1]:
                rows[j].append(g)
                break
    return rows


def _text_band(row: list[Glyph]) -> tuple[float, float, float]:
    """``(size, top, foot)`` of a row's running text: its largest size (outsized glyphs
    aside) and the median top and bottom of the glyphs set about that large."""
    ink = [g for g in row if not g.ch.isspace() and g.bottom - g.top <= 1.5 * max(g.size, 1.0)]
    size = max((g.size for g in ink), default=0.0)
    body = [g for g in ink if g.size > _SUPER_SIZE * size]
    if not body:
        return size, 0.0, 0.0
    tops = sorted(g.top for g in body)
    feet = sorted(g.bottom for g in body)
    return size, tops[len(tops) // 2], feet[len(feet) // 2]


def _lower_marks(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """A small raised digit or note sign that a row took although it stands below that
    row's text, on the next line, goes to the row it is raised on. A tall bracket of a
    displayed formula beside the two lines lets its row reach down to them: "slightly"
    took the exponent of the "q²" under it and read "sligh2tly"."""
    bands = [_text_band(row) for row in rows]
    for i, row in enumerate(rows):
        size, _, foot = bands[i]
        stray = [
            g
            for g in row
            if (g.ch.isdigit() or g.ch in _MARK_SIGNS)
            and g.size <= _SUPER_SIZE * size
            and g.top >= foot - 0.05 * size
        ]
        for g in stray:
            for k in range(i + 1, min(i + 4, len(rows))):
                big, top, low = bands[k]
                near = any(not b.ch.isspace() and b.x0 - big <= g.x0 <= b.x1 + big for b in rows[k])
                if top - 0.5 * big <= g.top and g.bottom < low and near:
                    row.remove(g)
                    rows[k].append(g)
                    break
    return rows


def _attach_raised(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """A row of small raised glyphs (superscripts between two rows) joins the row below
    it that it overlaps, so that markers stay with their word. Another column's row may
    come between them: the next few rows are tried."""
    out: list[list[Glyph]] = []
    for i, row in enumerate(rows):
        target = next((below for below in rows[i + 1 : i + 4] if _raised_over(row, below)), None)
        if target is not None:
            target.extend(row)
        else:
            out.append(row)
    return out


def _raised_over(row: list[Glyph], below: list[Glyph]) -> bool:
    """``row`` is superscripts of ``below``: smaller, higher, overlapping it vertically."""
    if len(row) > 12:
        return False
    size = max(g.size for g in row)
    if size > _SUPER_SIZE * max(g.size for g in below):
        return False
    big = Counter(g.size for g in below).most_common(1)[0][0]
    if size > _SUPER_SIZE * big:
        return False
    near = [b for b in below if any(b.x0 - big <= g.x0 <= b.x1 + big for g in row)]
    if not near:
        return False
    top = min(b.top for b in near)
    bottom = max(g.bottom for g in row)
    if bottom <= top - 0.15 * big or any("A" <= g.ch <= "Z" for g in row):
        return False
    # Next to a glyph of that row, not merely within its width: a row may hold the
    # lines of several columns at slightly different heights.
    return all(any(b.x0 - big <= g.x0 <= b.x1 + big for b in below) for g in row)


def _gutters(rows: list[list[Glyph]]) -> dict[float, bool]:
    """x positions where many rows have a gap: a gutter between columns, however
    narrow (a justified line may end closer to it than a column gap usually is); each
    maps to whether it is strong (found in a quarter of the rows: between columns)."""
    counts: Counter[int] = Counter()
    for row in rows:
        ink = sorted((g for g in row if not g.ch.isspace()), key=lambda g: g.x0)
        seen = set()
        for a, b in zip(ink, ink[1:], strict=False):
            if b.x0 - a.x1 > _GUTTER_GAP * max(min(a.size, b.size), 1.0):
                for x in range(int(a.x1) // 3, int(b.x0) // 3 + 1):
                    seen.add(x)
        counts.update(seen)
    need = max(4, int(_GUTTER_ROWS * len(rows)))
    strong = max(4, int(_STRONG_ROWS * len(rows)))
    return {x * 3.0 + 1.5: n >= strong for x, n in counts.items() if n >= need}


def _segments(row: list[Glyph], gutters: dict[float, bool]) -> list[list[Glyph]]:
    """A row's glyphs left to right, split at the page's strong gutters (columns), then,
    in a piece that is not one justified line, where a gap is wider than a column gap or
    falls on a weak gutter other than as a space between words."""
    row = sorted(row, key=lambda g: g.x0 + g.x1)  # by centre: a space before its word
    pieces: list[list[Glyph]] = [[]]
    cuts: list[set[int]] = [set()]  # per piece: glyphs after a gap that may split it
    last: Glyph | None = None
    for g in row:
        # Ink decides: a space glyph stands in the gap it would seem to open.
        if last is not None and not g.ch.isspace():
            size = max(min(g.size, last.size), 1.0)
            gap = g.x0 - last.x1
            word = last.ch.isalnum() or last.ch in ".,;:"
            word = word and g.ch.isalnum() and gap < _WORD_SPLIT_GAP * size
            at = [strong for x, strong in gutters.items() if last.x1 <= x <= g.x0]
            if gap > _GUTTER_GAP * size and any(at):
                pieces.append([])
                cuts.append(set())
            elif gap > _SPLIT_GAP * size or (gap > _GUTTER_GAP * size and at and not word):
                cuts[-1].add(len(pieces[-1]))
        if g.ch.isspace() and not pieces[-1]:
            continue
        pieces[-1].append(g)
        if not g.ch.isspace():
            last = g
    segs: list[list[Glyph]] = []
    for piece, where in zip(pieces, cuts, strict=True):
        if where and not _justified(piece):
            bounds = [0, *sorted(where), len(piece)]
            segs += [piece[i:j] for i, j in zip(bounds, bounds[1:], strict=False)]
        else:
            segs.append(piece)
    return [s for s in segs if any(not g.ch.isspace() for g in s)]


def _justified(piece: list[Glyph]) -> bool:
    """Whether a piece of a row is one line set justified: all its word gaps about as
    wide (a short line stretched to the column's width), so its wide gaps are spaces.
    A table row or two columns side by side mix narrow spaces with wide gaps. The fixed
    space after a section number ("7.7 Relationships ...") does not count."""
    ink = [g for g in piece if not g.ch.isspace()]
    gaps: list[float] = []
    for k, (a, b) in enumerate(zip(ink, ink[1:], strict=False)):
        size = max(min(a.size, b.size), 1.0)
        gap = b.x0 - a.x1
        if gap > _WORD_GAP * size:
            gaps.append(gap / size)
            if len(gaps) == 1 and _NUMBER_RE.fullmatch("".join(g.ch for g in ink[: k + 1])):
                gaps.pop()
    return len(gaps) >= 2 and max(gaps) <= _JUSTIFIED_SPREAD * min(gaps) and max(gaps) < 5


def _is_mark(g: Glyph, size: float, baseline: float) -> bool:
    """A footnote or citation marker: a small raised digit or note sign."""
    return (
        g.size <= _SUPER_SIZE * size
        and g.bottom < baseline - _SUPER_RISE * size
        and (g.ch.isdigit() or g.ch in _MARK_SIGNS)
    )


def _letter_spacing(glyphs: list[Glyph], text: str) -> float:
    """The gap between the letters of a letter-spaced line ("I N T R O D U C T I O N",
    a heading set in spaced capitals), or 0 for a line set as usual: its words, as first
    read, nearly all single letters, five at least."""
    tokens = text.split()
    if len(tokens) < 5 or sum(len(t) == 1 and t.isalpha() for t in tokens) < 0.8 * len(tokens):
        return 0.0  # (a dot leader's spaced dots are no letters)
    ink = [g for g in glyphs if not g.ch.isspace()]
    gaps = sorted(b.x0 - a.x1 for a, b in zip(ink, ink[1:], strict=False))
    return max(gaps[len(gaps) // 2], 0.01)


def _text(
    glyphs: list[Glyph], size: float, baseline: float, spaced: float = 0.0
) -> tuple[str, list[str], str | None]:
    """The line's text, its inline markers and the marker that opens it (if any).

    Words are split where the gap is wider than a space (on a letter-spaced line, than
    ``spaced``, the usual gap between its letters). A marker after a word is set in
    brackets (``agreement[3] the``): it never glues to the word, and what it was stays
    visible.
    """
    out: list[str] = []
    marks: list[str] = []
    lead: str | None = None
    mark: list[str] = []
    prev: Glyph | None = None
    pending = False  # a space PDFium generated: a break only if the glyphs do not touch
    for g in glyphs:
        if g.ch.isspace():
            if g.generated or spaced:
                pending = True
                continue
            space = True
            is_mark = False
        else:
            is_mark = bool(mark) and g.ch in _MARK_JOINERS or _is_mark(g, size, baseline)
            gap = g.x0 - prev.x1 if prev is not None else 0.0
            em = max(min(g.size, prev.size), 1.0) if prev is not None else 1.0
            if spaced:  # "I N T R O D U C T I O N": a word ends where the gap widens
                space = prev is not None and gap > 1.6 * spaced
            else:
                space = prev is not None and (gap > _WORD_GAP * em or (pending and gap > 0.1 * em))
            pending = False
        if mark and (not is_mark or space):
            text = "".join(mark).rstrip(",-\u2013")
            marks.append(text)
            if not "".join(out).strip():
                lead = text
                out.append(text + " ")
            else:
                out.append(f"[{text}]")
            mark = []
        if g.ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if space and out and out[-1] != " ":
            out.append(" ")
        if is_mark:
            mark.append(g.ch)
        else:
            out.append(g.ch)
        prev = g
    if mark:
        text = "".join(mark).rstrip(",-\u2013")
        marks.append(text)
        if not "".join(out).strip():
            lead = text
            out.append(text)
        else:
            out.append(f"[{text}]")
    return "".join(out).strip(), marks, lead


def make_line(glyphs: list[Glyph], fonts: list[Font]) -> Line:
    """One line from its glyphs (left to right): text with spaces where gaps are."""
    ink = [g for g in glyphs if not g.ch.isspace()]
    size = Counter(g.size for g in ink).most_common(1)[0][0]
    full = sorted(g.bottom for g in ink if g.size > _SUPER_SIZE * size) or [ink[0].bottom]
    baseline = full[len(full) // 2]
    text, marks, lead = _text(glyphs, size, baseline)
    spaced = _letter_spacing(glyphs, text)
    if spaced:
        text, marks, lead = _text(glyphs, size, baseline, spaced)
    letters = [g for g in ink if g.ch.isalpha()] or ink
    run_in = _lead_in(ink, fonts, text) if not spaced else (0, -1)
    bold = sum(fonts[g.font].bold for g in letters) * 2 > len(letters)
    italic = sum(fonts[g.font].italic for g in letters) * 2 > len(letters)
    font = Counter(g.font for g in ink).most_common(1)[0][0]
    return Line(
        text,
        min(g.x0 for g in ink),
        max(g.x1 for g in ink),
        min(g.top for g in ink),
        max(g.bottom for g in ink),
        size,
        bold,
        italic,
        font,
        # (A word in a code font inside a bold heading leaves the heading bold; a bold
        # run-in phrase with the text going on after it does not make the line bold.)
        all_bold=sum(fonts[g.font].bold for g in letters) >= _BOLD_SHARE * len(letters)
        and _edge_bold(glyphs, fonts, last=True),
        marks=marks,
        lead_mark=lead,
        lead_bold=_edge_bold(glyphs, fonts, last=False),
        spaced=bool(spaced),
        smallcaps=sum(fonts[g.font].smallcaps for g in letters) * 2 > len(letters),
        run_in=run_in[0],
        run_font=run_in[1],
    )


def _lead_in(ink: list[Glyph], fonts: list[Font], text: str) -> tuple[int, int]:
    """``(characters of text, font)`` of the words opening a line in a stronger face
    than the rest of it (bold before roman, italic before upright): the lead-in of a
    run-in heading ("1.2 Scope. The text ..."), or ``(0, -1)``. The face changes
    between two words, and the rest holds a few words set otherwise."""
    if len(ink) < 12:
        return 0, -1

    def face(g: Glyph) -> tuple[bool, bool]:
        return fonts[g.font].bold, fonts[g.font].italic

    first = face(ink[0])
    if first == (False, False):
        return 0, -1
    k = next((i for i, g in enumerate(ink) if g.ch.isalpha() and face(g) != first), None)
    if k is None:
        return 0, -1
    rest = [g for g in ink[k:] if g.ch.isalpha()]
    other = [face(g) for g in rest if face(g) != first]
    stronger = (first[0] and not any(b for b, _ in other)) or (
        first[1] and not first[0] and not any(b or i for b, i in other)
    )
    if len(rest) < 8 or len(other) < 0.8 * len(rest) or not stronger:
        return 0, -1
    # The lead-in ends at a space: back from the first glyph set otherwise to its word's
    # start (punctuation after the lead-in may be set in the text's face).
    want = ink[:k]
    while want and not want[-1].ch.isalnum():
        want.pop()
    chars = "".join(g.ch for g in want)
    at, seen = 0, 0
    while at < len(text) and seen < len(chars):
        if not text[at].isspace():
            if text[at] != chars[seen]:
                return 0, -1  # (a mark in brackets, a ligature: leave it)
            seen += 1
        at += 1
    # Whatever punctuation follows in the same word (a full stop, a colon) goes with it.
    while at < len(text) and not text[at].isspace() and not text[at].isalnum():
        at += 1
    if seen < len(chars) or at >= len(text) or not text[at].isspace():
        return 0, -1
    return at, ink[0].font


def _edge_bold(glyphs: list[Glyph], fonts: list[Font], last: bool) -> bool:
    """Whether the letters of the line's first (or ``last``) word are bold."""
    word: list[Glyph] = []
    for g in reversed(glyphs) if last else glyphs:
        if g.ch.isspace():
            if word:
                break
            continue
        word.append(g)
    letters = [g for g in word if g.ch.isalpha()]
    return not letters or all(fonts[g.font].bold for g in letters)


def _is_tiny(seg: list[Glyph]) -> bool:
    ink = [g for g in seg if not g.ch.isspace()]
    return 0 < len(ink) <= 6 and all(g.ch.isdigit() or g.ch in _MARK_SIGNS + "," for g in ink)


@dataclass(slots=True)
class _Box:
    glyphs: list[Glyph]
    size: float
    top: float
    bottom: float
    x0: float
    x1: float


def _box(glyphs: list[Glyph]) -> _Box:
    size = Counter(g.size for g in glyphs).most_common(1)[0][0]
    return _Box(
        glyphs,
        size,
        min(g.top for g in glyphs),
        max(g.bottom for g in glyphs),
        min(g.x0 for g in glyphs),
        max(g.x1 for g in glyphs),
    )


def _host(seg: _Box, lines: list[_Box]) -> _Box | None:
    """The line a small raised marker belongs to: beside it, and lower (it is raised)."""
    best, best_d = None, 1e9
    for line in lines:
        big = line.size
        if seg.size > _SUPER_SIZE * big or not (
            line.top - 0.6 * big <= seg.top <= line.top + 0.4 * big and seg.bottom < line.bottom
        ):
            continue
        if not line.x0 - big <= seg.x0 <= line.x1 + big:
            continue
        if not any(
            g.x1 - 1 <= seg.x0 <= g.x1 + big or g.x0 - big <= seg.x1 <= g.x0 + 1
            for g in line.glyphs
        ):
            continue
        d = abs(seg.top - line.top)
        if d < best_d:
            best, best_d = line, d
    return best


def _rejoin(
    segs: list[list[Glyph]], keep: list[bool], row_of: list[int], owner: int, mark: _Box
) -> None:
    """A marker set between two pieces of one row filled the gap that split them
    ("infrastructure⁶ the regulation"): the piece after it joins its owner again."""
    nxt = owner + 1
    if nxt >= len(segs) or not keep[nxt] or row_of[nxt] != row_of[owner] or not segs[nxt]:
        return
    first = min(g.x0 for g in segs[nxt] if not g.ch.isspace())
    size = max(mark.size / _SUPER_SIZE, 1.0)
    if mark.x1 <= first and first - mark.x1 < _WORD_SPLIT_GAP * size:
        segs[owner].extend(segs[nxt])
        segs[nxt] = []
        keep[nxt] = False


def page_lines(glyphs: list[Glyph], fonts: list[Font]) -> list[Line]:
    """The lines of a page, top to bottom and left to right within a height."""
    rows = _attach_raised(_lower_marks(_rows(_overprints(glyphs))))
    gutters = _gutters(rows)
    segs: list[list[Glyph]] = []
    row_of: list[int] = []  # the row each segment comes from
    for r, row in enumerate(rows):
        for seg in _segments(row, gutters):
            segs.append(seg)
            row_of.append(r)
    boxes = [_box([g for g in seg if not g.ch.isspace()]) for seg in segs]
    sizes = sorted(b.size for b in boxes)
    small = _SUPER_SIZE * sizes[len(sizes) // 2] if sizes else 0.0
    tiny = [k for k, seg in enumerate(segs) if boxes[k].size <= small and _is_tiny(seg)]
    hosts = [b for k, b in enumerate(boxes) if k not in set(tiny)]
    keep = [True] * len(segs)
    for k in tiny:
        host = _host(boxes[k], hosts)
        if host is not None:
            segs[k] = []
            keep[k] = False
            owner = next(i for i, b in enumerate(boxes) if b is host)
            segs[owner].extend(g for g in boxes[k].glyphs)
            segs[owner].sort(key=lambda g: g.x0 + g.x1)
            _rejoin(segs, keep, row_of, owner, boxes[k])
    lines: list[Line] = []
    for seg, kept in zip(segs, keep, strict=True):
        if kept and seg:
            line = make_line(seg, fonts)
            if line.text:
                lines.append(line)
    return lines
