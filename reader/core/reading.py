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
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from reader.core.markdown_inline import MARKUP_START_RE, Markup, inline_markup
from reader.core.model import LIST_ITEM, Block, Document, is_gap, is_note

# White space that is not a single plain space: shown as one space.
_COLLAPSE_RE = re.compile(r"\s{2,}|[^\S ]")
# A span with neither of these has nothing to collapse (a run of two or more white
# space characters holds one of them); two C-level scans find that faster.
_ODD_SPACE_RE = re.compile(r"[^\S ]")
BULLET = "\u2022 "
# A Markdown block of nothing but tags, comments and attribute lists shows nothing.
_HIDDEN_ONLY_RE = re.compile(
    r"(?:\s*(?:<!--.*?-->|</?[A-Za-z][^<>]*>|\{:[^{}\n]*\}|\{[#.][^{}\n]*\}))+\s*", re.S
)


@dataclass(slots=True)
class ReadingBlock:
    """One displayed block: its display text and what it shows of the source."""

    kind: str  # title, heading, paragraph, list_item, quote, code, furniture
    length: int  # display characters
    start: int  # display offset of the block's first character
    source_start: int  # source span it shows (content, across a rejoined break)
    source_end: int
    block: int  # index of the (first) source block
    level: int = 0
    role: str | None = None
    label: str | None = None
    # The whole display text, shared by every block: a copy per block would double the
    # memory a 10 MB document's view takes.
    view_text: str = field(default="", repr=False, compare=False)

    @property
    def text(self) -> str:
        """The block's display text."""
        return self.view_text[self.start : self.start + self.length]

    @property
    def end(self) -> int:
        """Display offset just past the block's last character."""
        return self.start + self.length


@dataclass
class ReadingView:
    """Display text, its blocks, and the display/source offset map."""

    text: str
    blocks: list[ReadingBlock]
    # Segments in display order: (display, source, d_len, s_len). Source offsets rise too,
    # except around a footnote shown after the paragraph it interrupts: ``_ss``/``_so``
    # are the source starts sorted and the segment index of each.
    # Machine integers (array), not lists of int objects: a long document has tens of
    # thousands of segments, and each list would take four times the memory.
    _d: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _s: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _dl: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _sl: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _ss: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _so: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _block_starts: list[int] = field(default_factory=list, repr=False)

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
        return bisect_right(self._ss, offset) - 1

    def to_display(self, offset: int) -> int:
        """The display offset where stored-text ``offset`` is shown (a start position).

        An offset the view does not show (blank lines, ``#`` marks) snaps forward.
        """
        if not self._s:
            return 0
        k = self._by_source(offset)
        if k < 0:
            return self._d[self._so[0]]
        d, s, dl, sl = self._seg(self._so[k])
        if offset - s < sl:
            return d + (offset - s if dl == sl else 0)
        return self._d[self._so[k + 1]] if k + 1 < len(self._so) else d + dl

    def display_span(self, start: int, end: int) -> tuple[int, int]:
        """Display span of a stored-text span (e.g. an annotation or a clause)."""
        d0 = self.to_display(start)
        if end <= start or not self._s:
            return d0, d0
        k = self._by_source(end - 1)
        if k < 0:
            return d0, d0
        d, s, dl, sl = self._seg(self._so[k])
        off = end - 1 - s
        e0 = d + off + 1 if off < sl and dl == sl else d + dl
        return d0, max(d0, e0)

    def block_at(self, pos: int) -> int:
        """Index of the display block containing display offset ``pos``."""
        return max(0, bisect_right(self._block_starts, pos) - 1)

    def _add(self, d: int, s: int, dl: int, sl: int) -> None:
        self._d.append(d)
        self._s.append(s)
        self._dl.append(dl)
        self._sl.append(sl)


def _append_span(
    view: ReadingView, parts: list[str], text: str, start: int, end: int, pos: int
) -> int:
    """Append source ``text[start:end]`` with white space collapsed; returns new ``pos``."""
    cur = start
    # Most spans have nothing to collapse: one segment, without the finditer loop (a
    # 10 MB document has tens of thousands of blocks).
    if _ODD_SPACE_RE.search(text, start, end) is None and text.find("  ", start, end) < 0:
        if end > start:
            view._add(pos, start, end - start, end - start)
            parts.append(text[start:end])
        return pos + end - start
    for m in _COLLAPSE_RE.finditer(text, start, end):
        if m.start() > cur:
            view._add(pos, cur, m.start() - cur, m.start() - cur)
            parts.append(text[cur : m.start()])
            pos += m.start() - cur
        view._add(pos, m.start(), 1, m.end() - m.start())
        parts.append(" ")
        pos += 1
        cur = m.end()
    if end > cur:
        view._add(pos, cur, end - cur, end - cur)
        parts.append(text[cur:end])
        pos += end - cur
    return pos


def _hidden_only(text: str, b: Block) -> bool:
    """A Markdown block that holds only markup a page does not show."""
    return text[b.content_start] in "<{" and bool(
        _HIDDEN_ONLY_RE.fullmatch(text, b.content_start, b.content_end)
    )


def _append_shown(
    view: ReadingView, parts: list[str], text: str, start: int, end: int, pos: int
) -> int:
    """Append Markdown source ``text[start:end]`` as the page shows it: inline markup
    hidden (no segment: an offset inside snaps forward), a replacement (``&#8212;``
    as ``—``) one segment standing for all of its source, white space collapsed."""
    if MARKUP_START_RE.search(text, start, end) is None:
        return _append_span(view, parts, text, start, end, pos)
    markup = inline_markup(text, start, end)
    # Markup hidden at the end shows nothing, nor does the white space before it.
    while markup and not markup[-1].shown and not text[markup[-1].end : end].strip():
        end = markup.pop().start
        while end > start and text[end - 1].isspace():
            end -= 1
    plain = _ODD_SPACE_RE.search(text, start, end) is None and text.find("  ", start, end) < 0
    cur = start
    markup.append(Markup(end, end))
    add = view._add
    for m_start, m_end, shown in markup:
        if cur < m_start and text[cur] == " " and parts and parts[-1].endswith(" "):
            cur += 1  # one space across hidden markup
        if not plain:
            pos = _append_span(view, parts, text, cur, m_start, pos)
        elif m_start > cur:  # the common case, without a call
            add(pos, cur, m_start - cur, m_start - cur)
            parts.append(text[cur:m_start])
            pos += m_start - cur
        if shown:
            add(pos, m_start, len(shown), m_end - m_start)
            parts.append(shown)
            pos += len(shown)
        cur = m_end
    return pos


def build_reading_view(doc: Document) -> ReadingView:
    """The reading view of ``doc``: clean display blocks over exact source offsets."""
    view = ReadingView("", [])
    parts: list[str] = []
    text = doc.text
    pos = 0
    ends: list[int] = []
    blocks = doc.blocks
    n = len(blocks)
    i = 0
    append = _append_shown if doc.format == "markdown" else _append_span

    def show(i: int, b: Block) -> int:
        """Display block ``b`` (and the paragraphs that continue it); returns the index
        of the next block to show."""
        nonlocal pos
        if view.blocks:
            parts.append("\n")
            pos += 1
        start = pos
        content_start = b.content_start
        if b.kind == LIST_ITEM:
            marker = text[b.start : b.content_start].strip()
            if marker[:1].isalnum() or marker[:1] == "(":
                content_start = text.index(marker, b.start)  # keep "1." or "(a)" visible
            else:
                parts.append(BULLET)
                pos += len(BULLET)
        pos = append(view, parts, text, content_start, b.content_end, pos)
        source_end = b.content_end
        j = nxt = i + 1
        notes: list[int] = []  # footnotes the joined paragraph runs across: shown after it
        passed: list[int] = []
        while not is_note(b) and j < n and (is_gap(blocks[j]) or blocks[j].continues):
            if blocks[j].continues:
                parts.append(" ")  # the rejoined break stands for the gap in the source
                view._add(pos, source_end, 1, blocks[j].content_start - source_end)
                pos = append(
                    view, parts, text, blocks[j].content_start, blocks[j].content_end, pos + 1
                )
                source_end = blocks[j].content_end
                notes += passed
                passed = []
                nxt = j + 1
            elif is_note(blocks[j]):
                passed.append(j)
            j += 1
        view.blocks.append(
            ReadingBlock(b.kind, 0, start, b.content_start, source_end, i, b.level, b.role, b.label)
        )
        ends.append(pos)
        for k in notes:
            show(k, blocks[k])
        return nxt

    while i < n:
        b = blocks[i]
        if (
            (is_gap(b) and not is_note(b))
            or b.content_end <= b.content_start
            or (append is _append_shown and _hidden_only(text, b))
        ):
            i += 1  # running headers, footers and page numbers are never shown
            continue
        i = show(i, b)
    view.text = "".join(parts)
    by_source = sorted(view._s)  # linear when already in order (no footnote moved)
    if by_source == view._s.tolist():
        view._so, view._ss = array("q", range(len(view._s))), array("q", by_source)
    else:
        view._so = array("q", sorted(range(len(view._s)), key=view._s.__getitem__))
        view._ss = array("q", [view._s[k] for k in view._so])
    for rb, end in zip(view.blocks, ends, strict=True):
        rb.length, rb.view_text = end - rb.start, view.text
    view._block_starts = [rb.start for rb in view.blocks]
    return view
