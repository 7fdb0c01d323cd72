"""Pages laid out for the assembly: lines in reading order, furniture and footnotes set
apart, the title and the headings the fonts show.

Each page becomes a list of :class:`~reader.core.importers.paged.PageLine` in the order
the stored text keeps: running headers, the text flow (``""`` between paragraphs),
the page's footnotes, running footers, then any rotated text (a margin note, a
journal's vertical banner), so nothing on the page is lost and the text flow is never
interrupted by what is not part of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from reader.core.importers.paged import PageLine
from reader.core.importers.pdf.bookmarks import Mark
from reader.core.importers.pdf.engine import PdfSource
from reader.core.importers.pdf.headings import Style, find_headings, is_named, style_of
from reader.core.importers.pdf.layout import Placed, reading_order
from reader.core.importers.pdf.lines import Line, page_lines
from reader.core.importers.pdf.running import body_size, mark_footnotes, running_roles

_TITLE_FACTOR = 1.15  # the title is set at least this much larger than the body
# A table of contents entry: a dot leader (or ellipses) to a page number at the end.
_TOC_RE = re.compile(r"(?:\.\s?){4,}\s*[\dIVXivx]{0,6}\s*$|\u2026{2,}\s*[\dIVXivx]{0,6}\s*$")
_CONTENTS_NAMES = frozenset(
    {
        "contents",
        "tableofcontents",
        "sommaire",
        "tabledesmatieres",
        "inhalt",
        "inhaltsverzeichnis",
        "indice",
        "contenido",
        "contenidos",
    }
)


@dataclass(slots=True)
class Para:
    """A paragraph of the text flow: where its lines are and how it is set."""

    page: int
    line: int  # index of its first line in the page's PageLine list
    lines: list[Line]
    row: bool = False  # a table row: never a heading

    @property
    def text(self) -> str:
        """Its lines joined with spaces."""
        return " ".join(ln.text for ln in self.lines)

    def style(self) -> Style:
        """Its style when all its lines share one, else the body-like weakest."""
        size = min(ln.size for ln in self.lines)
        return style_of(size, all(ln.all_bold for ln in self.lines), self.text)


@dataclass(slots=True)
class Laid:
    """Every page's lines for the assembly, with what the fonts say."""

    pages: list[list[PageLine]]
    paras: list[Para] = field(default_factory=list)
    headings: list[Mark] = field(default_factory=list)
    title: Mark | None = None
    body: Style = field(default_factory=lambda: Style(10.0, False, False))

    @property
    def empty(self) -> bool:
        """No text was laid out on any page."""
        return not any(ln.text for page in self.pages for ln in page)


def _page(
    number: int,
    lines: list[Line],
    roles: dict[int, str],
    height: float,
    body: float,
    repeated: set[str],
) -> tuple[list[PageLine], list[Para]]:
    top = [(ln, roles[i]) for i, ln in enumerate(lines) if roles.get(i) == "page-header"]
    bottom = [(ln, r) for i, ln in enumerate(lines) if (r := roles.get(i)) and r != "page-header"]
    flow = [ln for i, ln in enumerate(lines) if i not in roles]
    placed = reading_order(flow)
    notes = mark_footnotes(placed, height, body)
    out: list[PageLine] = []
    paras: list[Para] = []
    for ln, role in sorted(top, key=lambda x: (x[0].top, x[0].x0)):
        out.append(PageLine(ln.text, role=role))
    toc = _contents(placed)
    first_rows: dict[int, int] = {}
    for i, p in enumerate(placed):
        if p.cells:
            first_rows.setdefault(p.block, i)
    for i, p in enumerate(placed):
        if i in notes:
            continue
        if i in toc:
            out.append(PageLine(p.line.text, role="contents"))
            continue
        row = bool(p.cells)  # a table row is a line of its own in the text
        if (p.gap or row) and out and out[-1].text:
            out.append(PageLine(""))
        if row and i == first_rows.get(p.block) and p.line.text in repeated:
            out.append(PageLine(p.line.text, role="repeated-header"))
            continue
        if p.gap or row or not paras or paras[-1].page != number:
            paras.append(Para(number, len(out), [], row))
        paras[-1].lines.append(p.line)
        out.append(PageLine(p.line.text, row=row))
    for i in first_rows.values():  # a table header row seen again on a later page repeats
        repeated.add(placed[i].line.text)
    _add_notes(out, placed, notes)
    for ln, role in sorted(bottom, key=lambda x: (x[0].top, x[0].x0)):
        out.append(PageLine(ln.text, role=role))
    return out, paras


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in plain if c.isalpha())


def _contents(placed: list[Placed]) -> set[int]:
    """Lines of a table of contents: entries with a dot leader to their page number,
    and the "Contents" line above them."""
    out = {i for i, p in enumerate(placed) if _TOC_RE.search(p.line.text)}
    if len(out) < 2:
        return set()
    for i, p in enumerate(placed):
        if _fold(p.line.text) in _CONTENTS_NAMES:
            out.add(i)
    return out


def _add_notes(out: list[PageLine], placed: list[Placed], notes: dict[int, bool]) -> None:
    """Footnotes after the text flow, one furniture block per note."""
    first: PageLine | None = None
    for i in sorted(notes):
        line = PageLine(placed[i].line.text, role="footnote")
        if notes[i] or first is None:
            first = line
            first.heading_lines = 1
        else:
            first.heading_lines += 1
        out.append(line)


def _title(paras: list[Para], body: float) -> list[int]:
    """The first page's title (indexes of its paragraphs): its largest text, when it is
    set larger than the body; following paragraphs of that size (a title set with wide
    leading) belong to it."""
    first_page = [i for i, p in enumerate(paras) if p.page == paras[0].page] if paras else []
    if not first_page:
        return []
    best = max(first_page, key=lambda i: max(ln.size for ln in paras[i].lines))
    size = max(ln.size for ln in paras[best].lines)
    if size < _TITLE_FACTOR * body:
        return []
    out = [best]
    for i in first_page[first_page.index(best) + 1 :]:
        if abs(min(ln.size for ln in paras[i].lines) - size) > 0.5:
            break
        out.append(i)
    lines = [ln for i in out for ln in paras[i].lines]
    if len(lines) > 4 or sum(len(ln.text) for ln in lines) > 250:
        return []
    return out


def _front_matter(paras: list[Para], body: float) -> set[int]:
    """Paragraphs above the first running text (cover and title pages, authors)."""
    out: set[int] = set()
    for i, p in enumerate(paras):
        if len(p.lines) >= 2 and abs(p.lines[0].size - body) < 0.6 and not p.lines[0].all_bold:
            break
        out.add(i)
    return out


def lay_out(src: PdfSource) -> Laid:
    """Lines of every page in reading order with furniture, footnotes, title, headings."""
    raw = [page_lines(p.glyphs, src.fonts) for p in src.pages]
    heights = [p.height for p in src.pages]
    roles = running_roles(raw, heights)
    flow = [
        [ln for i, ln in enumerate(lines) if i not in r]
        for lines, r in zip(raw, roles, strict=True)
    ]
    size = body_size(flow)
    body_lines = [ln for lines in flow for ln in lines if abs(ln.size - size) < 0.6]
    bold = sum(len(ln.text) for ln in body_lines if ln.bold) * 2 > sum(
        len(ln.text) for ln in body_lines
    )
    laid = Laid([], body=Style(size, bold, False))
    seen_headers: set[str] = set()
    for n, (lines, r, page) in enumerate(zip(raw, roles, src.pages, strict=True)):
        out, paras = _page(n, lines, r, page.height, size, seen_headers)
        for text in page.aside:
            out.append(PageLine(text, role="page-margin"))
        laid.pages.append(out)
        laid.paras.extend(paras)
    title = _title(laid.paras, size)
    skip = _front_matter(laid.paras, size)
    if title:
        first, last = laid.paras[title[0]], laid.paras[title[-1]]
        span = last.line + len(last.lines) - first.line
        text = " ".join(laid.paras[i].text for i in title)
        laid.title = Mark(first.page, first.line, span, 0, text)
    found = find_headings(
        [(p.text, p.style(), 99 if p.row else len(p.lines)) for p in laid.paras], laid.body
    )
    for c in found:
        para = laid.paras[c.index]
        if c.index in title or (c.index in skip and not c.label and not is_named(c.title)):
            continue
        laid.headings.append(Mark(para.page, para.line, len(para.lines), c.level, c.text))
    return laid
