"""The clean reading view of a document, with an exact map back to the stored text.

The reading view shows one display block per heading, paragraph, list item or piece
of furniture (running headers, footers and page numbers are left out; a footnote is
shown after the paragraph it interrupts): white space runs (hard wraps, CRLF, tabs)
become one space, Markdown ``#`` marks and list bullets are left out (bullets are
drawn as ``•``), and a paragraph broken mid-sentence is rejoined with its continuation.
Markdown shows as the rendered page does: inline markup (emphasis, a link's address,
tags, attribute lists) is hidden and a character reference shows its character
(:mod:`reader.core.markdown_inline`); the stored text keeps it all.
Display blocks are joined by ``\\n``, so a display offset is also a position in a
``QTextDocument`` holding the same blocks (up to UTF-16 surrogates, which the UI adapter converts).

Offsets into the stored text stay the currency: :meth:`ReadingView.to_source` and
:meth:`ReadingView.to_display` convert in both directions.

The view holds no copy of the text. Every piece it shows is a segment: a run of the
stored text shown as it is, a run of white space shown as one space, or a piece of
Markdown shown as something else (``&#8212;`` as ``—``); between blocks stand a line
break and, on a list item, a drawn bullet. The display text is
made from those when asked for (:attr:`ReadingView.text`, :meth:`ReadingView.chunks`),
so a 10 MB document's view takes a few MiB of machine integers, not a second copy of
its text and tens of thousands of objects.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from reader.core.compact_model import OFFSET, BlockTable
from reader.core.markdown_inline import MARKUP_START_RE, Markup, inline_markup
from reader.core.model import (
    BLANK,
    FURNITURE,
    HIDDEN_ROLES,
    LIST_ITEM,
    NOTE_ROLES,
    PAGE_ROLES,
    Document,
)

# White space that is not a single plain space: shown as one space.
_COLLAPSE_RE = re.compile(r"\s{2,}|[^\S ]")
# A span with neither of these has nothing to collapse (a run of two or more white
# space characters holds one of them).
_ODD_SPACE_RE = re.compile(r"[^\S ]")
_ASCII_ODD_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"  # str.isspace, but the space
# A Markdown block of nothing but tags, comments and attribute lists shows nothing.
_HIDDEN_ONLY_RE = re.compile(
    r"(?:\s*(?:<!--.*?-->|</?[A-Za-z][^<>]*>|\{:[^{}\n]*\}|\{[#.][^{}\n]*\}))+\s*", re.S
)
# What a segment shows: its source as it is, one space, or a string of its own.
_VERBATIM, _SPACE, _SHOWN = 0, 1, 2
BULLET = "\u2022 "
CHUNK = 1 << 20  # display characters a piece of :meth:`ReadingView.chunks`, about


@dataclass(slots=True)
class ReadingBlock:
    """One displayed block: what it shows of the source (made on demand by a view)."""

    kind: str  # title, heading, paragraph, list_item, quote, code, furniture
    length: int  # display characters
    start: int  # display offset of the block's first character
    source_start: int  # source span it shows (content, across a rejoined break)
    source_end: int
    block: int  # index of the (first) source block
    level: int = 0
    role: str | None = None
    label: str | None = None
    view: ReadingView | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The block's display text."""
        return self.view.display(self.start, self.end) if self.view else ""

    @property
    def end(self) -> int:
        """Display offset just past the block's last character."""
        return self.start + self.length


class ReadingBlocks(Sequence[ReadingBlock]):
    """The display blocks of a view, each made when asked for."""

    __slots__ = ("_view",)

    def __init__(self, view: ReadingView) -> None:
        self._view = view

    def __len__(self) -> int:
        return len(self._view.starts)

    @overload
    def __getitem__(self, i: int) -> ReadingBlock: ...

    @overload
    def __getitem__(self, i: slice) -> list[ReadingBlock]: ...

    def __getitem__(self, i: int | slice) -> ReadingBlock | list[ReadingBlock]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        v = self._view
        if i < 0:
            i += len(self)
        role, label = v.extras.get(i) or (None, None)
        return ReadingBlock(
            v.kind_of(i),
            v.lengths[i],
            v.starts[i],
            v.source_starts[i],
            v.source_ends[i],
            v.block_of[i],
            v.levels[i],
            role,
            label,
            v,
        )


class ReadingView:
    """Display blocks (as columns), their segments, and the display/source offset map.

    Per display block: ``kinds`` (an index into ``kind_names``), ``starts`` and
    ``lengths`` in the display, ``source_starts``/``source_ends``, ``block_of`` (the
    first source block), ``levels``, ``bullets`` (drawn with a bullet) and, for the
    few with one, role and label in ``extras``.
    """

    def __init__(self, source: str) -> None:
        self.source = source  # the document's text (the same object: no copy)
        self.length = 0  # display characters in all
        self.kind_names: list[str] = []
        self.kinds = bytearray()
        self.starts = array(OFFSET)
        self.lengths = array(OFFSET)
        self.source_starts = array(OFFSET)
        self.source_ends = array(OFFSET)
        self.block_of = array(OFFSET)
        self.levels = array(OFFSET)
        self.bullets = bytearray()
        self.extras: dict[int, tuple[str | None, str | None]] = {}
        self._first_seg = array(OFFSET)  # per block: its first segment
        # Segments in display order: (display, source, d_len, s_len), and what each
        # shows (_VERBATIM, _SPACE: white space collapsed or a rejoined break, _SHOWN:
        # the string in ``_shown``). Source offsets rise too, except around a footnote
        # shown after the paragraph it interrupts: then ``_ss``/``_so`` are the source
        # starts sorted and the segment index of each.
        self._d = array(OFFSET)
        self._s = array(OFFSET)
        self._dl = array(OFFSET)
        self._sl = array(OFFSET)
        self._what = bytearray()
        self._shown: dict[int, str] = {}
        self._bullet_end = -1  # while building: where the last bullet drawn ends
        self._ss: array[int] | None = None  # None: ``_s`` is in order already
        self._so = array(OFFSET)
        self._odd = _odd_spaces(source)  # where the source may have white space to collapse

    @property
    def blocks(self) -> ReadingBlocks:
        """The display blocks, in display order."""
        return ReadingBlocks(self)

    def kind_of(self, i: int) -> str:
        """The kind of display block ``i``."""
        return self.kind_names[self.kinds[i]]

    # --- the display text ----------------------------------------------------
    def _block_pieces(self, k: int, out: list[str]) -> None:
        """Append the display text of block ``k`` to ``out``, piece by piece."""
        if self.bullets[k]:
            out.append(BULLET)
        src, d_len, s, what = self.source, self._dl, self._s, self._what
        last = self._first_seg[k + 1] if k + 1 < len(self._first_seg) else len(self._d)
        for i in range(self._first_seg[k], last):
            kind = what[i]
            if kind == _VERBATIM:
                out.append(src[s[i] : s[i] + d_len[i]])
            else:
                out.append(" " if kind == _SPACE else self._shown[i])

    def chunks(self, size: int = CHUNK) -> Iterator[str]:
        """The display text in pieces of about ``size`` characters (whole blocks), so
        that a long one is never held whole."""
        out: list[str] = []
        held = 0
        for k in range(len(self.starts)):
            if k:
                out.append("\n")
            self._block_pieces(k, out)
            held += self.lengths[k] + 1
            if held >= size:
                yield "".join(out)
                out, held = [], 0
        if out:
            yield "".join(out)

    def display(self, start: int, end: int) -> str:
        """The display text from ``start`` to ``end``."""
        if end <= start or not self.starts:
            return ""
        first, last = self.block_at(start), self.block_at(end - 1)
        out: list[str] = []
        for k in range(first, last + 1):
            if k > first:
                out.append("\n")
            self._block_pieces(k, out)
        if last + 1 < len(self.starts):
            out.append("\n")  # the span may end on the line break after the last block
        offset = start - self.starts[first]
        return "".join(out)[offset : offset + end - start]

    @property
    def text(self) -> str:
        """The whole display text, made now (a long document's is not kept)."""
        return "".join(self.chunks())

    # --- offsets ---------------------------------------------------------------
    def _seg(self, i: int) -> tuple[int, int, int, int]:
        return self._d[i], self._s[i], self._dl[i], self._sl[i]

    def to_source(self, pos: int) -> int:
        """The stored-text offset shown at display offset ``pos`` (a start position).

        A position the source does not back (a bullet, the line between blocks) snaps
        forward to the next shown character.
        """
        if not self._d:
            return 0
        i = bisect_right(self._d, pos) - 1
        if i < 0:
            return self._s[0]
        d, s, dl, sl = self._seg(i)
        if pos - d < dl:
            return s + (pos - d if dl == sl else 0)
        return self._s[i + 1] if i + 1 < len(self._s) else s + sl

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Stored-text span of a display span (e.g. a selection)."""
        s0 = self.to_source(start)
        if end <= start or not self._d:
            return s0, s0
        i = bisect_right(self._d, end - 1) - 1
        if i < 0:
            return s0, s0
        d, s, dl, sl = self._seg(i)
        off = end - 1 - d
        e0 = s + off + 1 if off < dl and dl == sl else s + sl
        return s0, max(s0, e0)

    def _by_source(self, offset: int) -> int:
        """Position in source order of the segment holding (or before) ``offset``."""
        return bisect_right(self._s if self._ss is None else self._ss, offset) - 1

    def _in_source_order(self, k: int) -> int:
        """The segment at position ``k`` in source order."""
        return k if self._ss is None else self._so[k]

    def to_display(self, offset: int) -> int:
        """The display offset where stored-text ``offset`` is shown (a start position).

        An offset the view does not show (blank lines, ``#`` marks) snaps forward.
        """
        if not self._s:
            return 0
        k = self._by_source(offset)
        if k < 0:
            return self._d[self._in_source_order(0)]
        d, s, dl, sl = self._seg(self._in_source_order(k))
        if offset - s < sl:
            return d + (offset - s if dl == sl else 0)
        return self._d[self._in_source_order(k + 1)] if k + 1 < len(self._s) else d + dl

    def display_span(self, start: int, end: int) -> tuple[int, int]:
        """Display span of a stored-text span (e.g. an annotation or a clause)."""
        d0 = self.to_display(start)
        if end <= start or not self._s:
            return d0, d0
        k = self._by_source(end - 1)
        if k < 0:
            return d0, d0
        d, s, dl, sl = self._seg(self._in_source_order(k))
        off = end - 1 - s
        e0 = d + off + 1 if off < sl and dl == sl else d + dl
        return d0, max(d0, e0)

    def block_at(self, pos: int) -> int:
        """Index of the display block containing display offset ``pos``."""
        return max(0, bisect_right(self.starts, pos) - 1)

    # --- building ----------------------------------------------------------------
    def _add(self, d: int, s: int, dl: int, sl: int, what: int = _VERBATIM) -> None:
        self._d.append(d)
        self._s.append(s)
        self._dl.append(dl)
        self._sl.append(sl)
        self._what.append(what)

    def _span(self, start: int, end: int, pos: int) -> int:
        """Show source ``[start, end)`` from display ``pos``, white space collapsed;
        returns the display offset after it."""
        text = self.source
        # Most spans have nothing to collapse: one segment, without the finditer loop (a
        # 10 MB document has tens of thousands of blocks), told by the places found
        # before in the whole text.
        k = bisect_left(self._odd, start)
        if (
            k == len(self._odd)
            or self._odd[k] >= end
            or (_ODD_SPACE_RE.search(text, start, end) is None and text.find("  ", start, end) < 0)
        ):
            if end > start:
                self._add(pos, start, end - start, end - start)
            return pos + end - start
        cur = start
        for m in _COLLAPSE_RE.finditer(text, start, end):
            if m.start() > cur:
                self._add(pos, cur, m.start() - cur, m.start() - cur)
                pos += m.start() - cur
            self._add(pos, m.start(), 1, m.end() - m.start(), _SPACE)
            pos += 1
            cur = m.end()
        if end > cur:
            self._add(pos, cur, end - cur, end - cur)
            pos += end - cur
        return pos

    def _shown_span(self, start: int, end: int, pos: int) -> int:
        """Show Markdown source ``[start, end)`` as the page shows it: inline markup
        hidden (no segment: an offset inside snaps forward), a replacement (``&#8212;``
        as ``—``) one segment standing for all of its source, white space collapsed."""
        text = self.source
        if MARKUP_START_RE.search(text, start, end) is None:
            return self._span(start, end, pos)
        markup = inline_markup(text, start, end)
        # Markup hidden at the end shows nothing, nor does the white space before it.
        while markup and not markup[-1].shown and not text[markup[-1].end : end].strip():
            end = markup.pop().start
            while end > start and text[end - 1].isspace():
                end -= 1
        plain = _ODD_SPACE_RE.search(text, start, end) is None and text.find("  ", start, end) < 0
        cur = start
        markup.append(Markup(end, end))
        for m_start, m_end, shown in markup:
            if cur < m_start and text[cur] == " " and self._space_before(pos):
                cur += 1  # one space across hidden markup
            if not plain:
                pos = self._span(cur, m_start, pos)
            elif m_start > cur:  # the common case, without a call
                self._add(pos, cur, m_start - cur, m_start - cur)
                pos += m_start - cur
            if shown:
                self._shown[len(self._d)] = shown
                self._add(pos, m_start, len(shown), m_end - m_start, _SHOWN)
                pos += len(shown)
            cur = m_end
        return pos

    def _space_before(self, pos: int) -> bool:
        """While building: whether the display character before ``pos`` is a space."""
        i = len(self._d) - 1
        if i < 0 or self._d[i] + self._dl[i] != pos:
            return pos == self._bullet_end  # a drawn bullet ends with a space
        if self._what[i] == _SPACE:
            return True
        if self._what[i] == _SHOWN:
            return self._shown[i].endswith(" ")
        return self.source[self._s[i] + self._dl[i] - 1] == " "


def _hidden_only(text: str, start: int, end: int) -> bool:
    """A Markdown block (content ``[start, end)``) that holds only markup a page does
    not show."""
    return text[start] in "<{" and bool(_HIDDEN_ONLY_RE.fullmatch(text, start, end))


def _find_all(text: str, needle: str, out: list[int]) -> None:
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)


def _odd_spaces(text: str) -> array[int]:
    """Sorted offsets in ``text`` of every white space character but the plain space,
    and of every space followed by another: no span without one has white space to
    collapse. Found with ``str.find`` for ASCII text (a few C-level scans, several
    times faster than a regular expression over 10 MB)."""
    found: list[int] = []
    if text.isascii():
        kinds = 0
        for char in _ASCII_ODD_SPACES:
            if char in text:
                _find_all(text, char, found)
                kinds += 1
        if "  " in text:
            _find_all(text, "  ", found)
            kinds += 1
        if kinds > 1:
            found.sort()
    else:
        found = [m.start() for m in _ODD_SPACE_RE.finditer(text)]
        if "  " in text:
            _find_all(text, "  ", found)
            found.sort()
    return array(OFFSET, found)


def build_reading_view(doc: Document) -> ReadingView:
    """The reading view of ``doc``: clean display blocks over exact source offsets."""
    view = ReadingView(doc.text)
    text = doc.text
    t = doc.blocks if isinstance(doc.blocks, BlockTable) else BlockTable.of(doc.blocks)
    n = len(t)
    view.kind_names = list(t.kind_names)  # the same codes as the blocks'
    code = {name: k for k, name in enumerate(t.kind_names)}
    list_item = code.get(LIST_ITEM, -1)
    # What a paragraph runs across (blank runs, page furniture, footnotes, hidden
    # elements; as model.is_gap) and which of those are footnotes, block by block.
    gap, note = bytearray(n), bytearray(n)
    blank, furniture = code.get(BLANK, -1), code.get(FURNITURE, -1)
    for i, k in enumerate(t.kinds):
        if k == blank:
            gap[i] = 1
        elif k == furniture:
            role = t.role(i)
            note[i] = role in NOTE_ROLES
            gap[i] = note[i] or role in PAGE_ROLES or role in HIDDEN_ROLES
    starts, ends = t.content_starts, t.content_ends
    continues = t.continues
    markdown = doc.format == "markdown"
    span = view._shown_span if markdown else view._span
    pos = 0

    def show(i: int) -> int:
        """Display block ``i`` (and the paragraphs that continue it); returns the index
        of the next block to show."""
        nonlocal pos
        if view.starts:
            pos += 1  # the line break between blocks
        start, first_seg = pos, len(view._d)
        content_start = starts[i]
        bullet = False
        if t.kinds[i] == list_item:
            marker = text[t.starts[i] : content_start].strip()
            if marker[:1].isalnum() or marker[:1] == "(":
                content_start = text.index(marker, t.starts[i])  # keep "1." or "(a)" visible
            else:
                bullet = True
                pos += len(BULLET)
                view._bullet_end = pos
        pos = span(content_start, ends[i], pos)
        source_end = ends[i]
        j = nxt = i + 1
        notes: list[int] = []  # footnotes the joined paragraph runs across: shown after it
        passed: list[int] = []
        while not note[i] and j < n and (gap[j] or continues[j]):
            if continues[j]:
                # The rejoined break, shown as a space, stands for the gap in the source.
                view._add(pos, source_end, 1, starts[j] - source_end, _SPACE)
                pos = span(starts[j], ends[j], pos + 1)
                source_end = ends[j]
                notes += passed
                passed = []
                nxt = j + 1
            elif note[j]:
                passed.append(j)
            j += 1
        k = len(view.starts)
        view.kinds.append(t.kinds[i])
        view.starts.append(start)
        view.lengths.append(pos - start)
        view.source_starts.append(starts[i])
        view.source_ends.append(source_end)
        view.block_of.append(i)
        view.levels.append(t.levels[i])
        view.bullets.append(bullet)
        view._first_seg.append(first_seg)
        extra = t.extras.get(i)
        if extra is not None and (extra[0] is not None or extra[2] is not None):
            view.extras[k] = (extra[2], extra[0])
        for m in notes:
            show(m)
        return nxt

    i = 0
    while i < n:
        if (
            (gap[i] and not note[i])
            or ends[i] <= starts[i]
            or (markdown and _hidden_only(text, starts[i], ends[i]))
        ):
            i += 1  # running headers, footers and page numbers are never shown
            continue
        i = show(i)
    view.length = pos
    s = view._s
    if any(s[k] > s[k + 1] for k in range(len(s) - 1)):  # a footnote moved
        view._so = array(OFFSET, sorted(range(len(s)), key=s.__getitem__))
        view._ss = array(OFFSET, [s[k] for k in view._so])
    return view
