"""Lines of a paged source (PDF) -> stored text, blocks and page map.

Whatever library reads the pages, what it gives is lines per page, top to bottom, with
``""`` for a vertical gap. Here they become one text: running headers, footers and page
numbers are kept as FURNITURE blocks (hidden in the reading view, never lost), words
hyphenated across lines are rejoined (or keep their hyphen when they are compounds),
and bookmarks, when the source has them, become the outline's headings.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from reader.core.furniture import is_breadcrumb
from reader.core.headings import match_heading
from reader.core.importers.text import segment
from reader.core.model import FURNITURE, HEADING, TITLE, Block

# "12", "- 12 -", "Page 12", "12 of 40", "xii": a page number on its own line.
_PAGE_NUMBER_RE = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-\u2013\u2014)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.I,
)
_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHEN_END_RE = re.compile(r"(?<=[^\W\d_])-$")
_EDGE_LINES = 2  # lines at the top and bottom of a page where running furniture lives
_MAX_FURNITURE_LINE = 150
_REPEAT_SHARE = 0.4  # of pages: alternating left/right headers each appear on half
_MAX_HEADING_LINES = 3  # a numbered heading wrapped onto more lines is body text
_SENTENCE_END = ".;:!?"


@dataclass(slots=True)
class Bookmark:
    """One entry of a PDF's outline: its title, 0-based page index and depth (0 = top)."""

    title: str
    page: int
    depth: int
    top: float | None = None  # where on its page it points, from the top (points)


@dataclass(slots=True)
class PageLine:
    """One line of a page as the assembly takes it; ``""`` is a vertical gap."""

    text: str
    role: str | None = None  # furniture role
    heading: int = 0  # outline level when this line starts a heading
    heading_lines: int = 0  # how many lines that heading spans
    in_heading: bool = False  # any line of a heading
    emptied: bool = False  # its only word moved up to rejoin a hyphenated word
    label: str | None = None  # a heading's label ("2.1", "Part IV"), when known
    title: str | None = None  # a heading's title without its label, when known
    is_title: bool = False  # the document's own title (first page), not an outline node
    start: int = -1  # where the assembly put it in the stored text
    row: bool = False  # a table row: a line of its own, never a sentence going on
    top: float = -1.0  # its height on the page (points from the top), when known
    opens: bool = False  # it starts a paragraph (or a table row) of the text flow
    lead: int = 0  # characters of a lead-in set apart by its face (a PDF's bold "Scope.")
    run_in: int = 0  # a heading that runs into its paragraph: its first characters


_Line = PageLine


@dataclass(slots=True)
class PagedText:
    """What :func:`assemble` builds: text, blocks tiling it, page start offsets."""

    text: str
    blocks: list[Block]
    pages: list[int]
    headings: int = 0  # bookmarks that were placed as headings
    roles: Counter[str] = field(default_factory=Counter)


def clean_lines(raw: str) -> list[str]:
    """A page's text as stripped lines, runs of spaces as one, one ``""`` per gap."""
    out: list[str] = []
    for line in raw.splitlines():
        line = _SPACES_RE.sub(" ", line).strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _edges(lines: list[_Line]) -> tuple[list[int], list[int]]:
    filled = [i for i, ln in enumerate(lines) if ln.text]
    top = filled[:_EDGE_LINES]
    bottom = [i for i in filled[-_EDGE_LINES:] if i not in top]
    return top, bottom


def _repeat_key(line: str) -> str:
    """Running lines repeat up to their page number: compare them with digits masked."""
    masked = re.sub(r"\d+", "#", line.lower())
    # "Article 3" at the top of page 3 and "Article 4" on page 4 are headings, not a
    # running header: only an unmasked repeat counts for a line that looks like one.
    return line.lower() if match_heading(line) is not None else masked


def mark_running_lines(pages: list[list[_Line]]) -> None:
    """Give running headers, footers and page numbers their furniture role."""
    seen: dict[str, Counter[str]] = {"page-header": Counter(), "page-footer": Counter()}
    for lines in pages:
        top, bottom = _edges(lines)
        for role, zone in (("page-header", top), ("page-footer", bottom)):
            for key in {_repeat_key(lines[i].text) for i in zone}:
                seen[role][key] += 1
    need = max(2, math.ceil(_REPEAT_SHARE * len(pages)))
    for lines in pages:
        top, bottom = _edges(lines)
        for role, zone in (("page-header", top), ("page-footer", bottom)):
            for i in zone:
                line = lines[i]
                if len(line.text) > _MAX_FURNITURE_LINE:
                    continue
                if _PAGE_NUMBER_RE.match(line.text):
                    line.role = "page-number"
                elif seen[role][_repeat_key(line.text)] >= need:
                    line.role = role


def _content_runs(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Runs of body lines a paragraph could span: gaps end a run, furniture and page
    breaks do not. A gap after a line ending in a hyphen, before a line going on in
    lower case, does not either: the column or page ended mid-word."""
    runs: list[list[_Line]] = [[]]
    gap = False
    for lines in pages:
        for line in lines:
            if line.role:
                continue
            if line.in_heading or line.is_title:
                runs.append([])
                gap = False
            elif not line.text:
                gap = True
            else:
                run = runs[-1]
                if gap and not (
                    run and _HYPHEN_END_RE.search(run[-1].text) and line.text[:1].islower()
                ):
                    runs.append([])
                runs[-1].append(line)
                gap = False
    return [r for r in runs if len(r) > 1]


def dehyphenate(pages: list[list[_Line]]) -> None:
    """Rejoin words broken at a line end ("eco-" + "nomic"), across pages too.

    The hyphen stays for a compound: when the next part is capitalised ("South-South",
    "Asia-Pacific"), or the hyphenated form occurs elsewhere in the document while the
    joined one does not. The continuation moves up to the first line, so the stored text
    holds the word whole.
    """
    words: Counter[str] = Counter()
    for lines in pages:
        for line in lines:
            if not line.role:
                words.update(w.lower() for w in _WORD_RE.findall(line.text))
    for run in _content_runs(pages):
        for cur, nxt in zip(run, run[1:], strict=False):
            if not _HYPHEN_END_RE.search(cur.text) or not nxt.text[:1].isalpha():
                continue
            heads = _WORD_RE.findall(cur.text)
            piece = nxt.text.split(" ", 1)
            tail_word = _WORD_RE.match(piece[0])
            if not heads or tail_word is None:
                continue
            head = heads[-1]
            tail = tail_word.group()
            compound = f"{head}-{tail}".lower()
            joined = f"{head}{tail}".lower()
            keep = tail[0].isupper() or (words[compound] > 0 and words[joined] == 0)
            cur.text = (cur.text if keep else cur.text[:-1]) + piece[0]
            nxt.text = piece[1] if len(piece) > 1 else ""
            nxt.emptied = not nxt.text
    # A continuation line that was one word is now empty: drop it, it was no gap.
    for lines in pages:
        lines[:] = [ln for ln in lines if not ln.emptied]


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.lower())


def place_bookmarks(pages: list[list[_Line]], bookmarks: list[Bookmark]) -> int:
    """Mark the line(s) each bookmark names as a heading; returns how many were placed.

    The title is looked for on its page, then the next (a bookmark may point at the
    bottom of the previous page), as one to three consecutive body lines.
    """
    placed = 0
    for bm in bookmarks:
        want = _norm(bm.title)
        if not want:
            continue
        for p in (bm.page, bm.page + 1):
            if not 0 <= p < len(pages) or not _place(pages[p], want, bm.depth + 1):
                continue
            placed += 1
            break
    return placed


def _place(lines: list[_Line], want: str, level: int) -> bool:
    for i, line in enumerate(lines):
        if line.role or not line.text or line.in_heading:
            continue
        got = ""
        for k in range(i, min(i + 3, len(lines))):
            if lines[k].role or not lines[k].text or lines[k].in_heading:
                break
            got += _norm(lines[k].text)
            if got == want:
                line.heading, line.heading_lines = level, k - i + 1
                for x in lines[i : k + 1]:
                    x.in_heading = True
                return True
            if not want.startswith(got):
                break
    return False


def unwrap_line(group: list[str]) -> str | None:
    """One line for a run of lines that is one line the page wrapped: a numbered heading
    (:func:`wrapped_heading`) or a breadcrumb (``Home > Topics > ...`` printed from a web
    page); None for anything else, which keeps its line breaks."""
    if 2 <= len(group) <= _MAX_HEADING_LINES and len(group[-1]) < len(group[0]):
        joined = " ".join(group)
        if is_breadcrumb(joined):
            return joined
    return wrapped_heading(group)


def wrapped_heading(group: list[str]) -> str | None:
    """One line for a numbered heading the page wrapped, else None.

    ``group`` is a run of lines that a gap follows. It is one heading when its first
    line starts with a heading label, it has at most three lines, the last line is
    shorter than the first (the heading wrapped, these are not separate lines), no line
    ends a sentence, and the joined line passes the same test a text-file line does.
    The text-file rules are not loosened: only the PDF's line wrapping is undone.
    """
    if not 2 <= len(group) <= _MAX_HEADING_LINES or len(group[-1]) >= len(group[0]):
        return None
    if any(line.rstrip()[-1:] in _SENTENCE_END for line in group):
        return None
    joined = " ".join(group)
    if match_heading(group[0]) is None:
        return None
    m = match_heading(joined)
    return joined if m is not None and m.label else None


def _claim(blocks: list[Block], starts: list[int], start: int, end: int) -> Block:
    """Make ``text[start:end]`` one block (merging what segmentation split) and return it."""
    i = bisect_right(starts, start) - 1
    j = i
    while j + 1 < len(blocks) and blocks[j + 1].start < end:
        j += 1
    merged = Block(blocks[i].kind, blocks[i].start, blocks[j].end, start, end)
    blocks[i : j + 1] = [merged]
    del starts[i + 1 : j + 1]
    return merged


def _cut_run_in(text: str, blocks: list[Block], starts: list[int], line: _Line) -> None:
    """The block that ``line`` opens cut after its run-in heading: a heading block and
    the paragraph going on after it (the text is not changed)."""
    i = bisect_right(starts, line.start) - 1
    b = blocks[i]
    cut = line.start + line.run_in
    if b.start != line.start or not b.content_start < cut < b.content_end:
        return
    body = cut
    while body < b.content_end and text[body].isspace():
        body += 1
    head = Block(HEADING, b.start, cut, b.content_start, cut, line.heading)
    head.label, head.title = line.label, line.title
    rest = Block(b.kind, cut, b.end, body, b.content_end)
    blocks[i : i + 1] = [head, rest]
    starts[i : i + 1] = [head.start, rest.start]


def assemble(raw_pages: list[str], bookmarks: list[Bookmark] | None = None) -> PagedText:
    """The stored text of a paged document from each page's extracted text."""
    pages = [[_Line(t) for t in clean_lines(raw)] for raw in raw_pages]
    mark_running_lines(pages)
    placed = place_bookmarks(pages, bookmarks or [])
    return assemble_lines(pages, placed)


def assemble_lines(pages: list[list[PageLine]], headings: int = 0) -> PagedText:
    """The stored text from lines already given their roles and headings.

    Hyphenated words are rejoined here; ``headings`` is reported back as
    :attr:`PagedText.headings` (how many headings the source's outline placed).
    """
    placed = headings
    dehyphenate(pages)
    parts: list[str] = []
    pos = 0
    page_starts: list[int] = []
    marks: list[tuple[int, int, _Line]] = []  # spans to classify after segmentation

    def emit(chunk: str, lines: list[PageLine]) -> None:
        nonlocal pos
        if parts:
            parts.append("\n\n")
            pos += 2
        at = pos
        for line in lines:  # every line keeps its length: wraps become one character
            line.start = at
            at += len(line.text) + 1
        parts.append(chunk)
        pos += len(chunk)

    run_ins: list[_Line] = []  # headings that run into their paragraph
    for lines in pages:
        page_starts.append(pos + (2 if parts else 0))
        group: list[PageLine] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.heading and line.run_in:  # it opens a paragraph, cut after segmenting
                if group:
                    texts = [x.text for x in group]
                    emit(unwrap_line(texts) or "\n".join(texts), group)
                group = [line]
                run_ins.append(line)
                i += 1
                continue
            if line.role or line.heading or line.is_title:
                if group:
                    emit("\n".join(x.text for x in group), group)
                    group = []
                take = max(1, line.heading_lines)
                chunk = "\n".join(x.text for x in lines[i : i + take])
                emit(chunk, lines[i : i + take])
                marks.append((pos - len(chunk), pos, line))
                i += take
                continue
            if line.text:
                group.append(line)
            elif group:
                texts = [x.text for x in group]
                emit(unwrap_line(texts) or "\n".join(texts), group)
                group = []
            i += 1
        if group:
            emit("\n".join(x.text for x in group), group)
    text = "".join(parts) + ("\n" if parts else "")
    blocks = segment(text)
    starts = [b.start for b in blocks]
    for line in reversed(run_ins):
        _cut_run_in(text, blocks, starts, line)
    roles: Counter[str] = Counter()
    for start, end, line in reversed(marks):  # from the end: merging shifts later indexes
        b = _claim(blocks, starts, start, end)
        if line.role:
            b.kind, b.role = FURNITURE, line.role
            roles[line.role] += 1
        elif line.is_title:
            b.kind = TITLE
        else:
            b.kind, b.level = HEADING, line.heading
            b.label, b.title = line.label, line.title
    page_starts = [min(s, len(text)) for s in page_starts]
    return PagedText(text, blocks, page_starts, placed, roles)
