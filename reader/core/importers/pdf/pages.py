"""Pages laid out for the assembly: lines in reading order, furniture and footnotes set
apart, the title and the headings the fonts show.

Each page becomes a list of :class:`~reader.core.importers.paged.PageLine` in the order
the stored text keeps: running headers, the text flow (``""`` between paragraphs),
the page's footnotes, running footers, then any rotated text (a margin note, a
journal's vertical banner), so nothing on the page is lost and the text flow is never
interrupted by what is not part of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.importers.paged import PageLine
from reader.core.importers.pdf.bookmarks import Mark
from reader.core.importers.pdf.engine import PdfSource
from reader.core.importers.pdf.headings import Style, find_headings, is_named, style_of
from reader.core.importers.pdf.layout import Placed, reading_order
from reader.core.importers.pdf.lines import Line, page_lines
from reader.core.importers.pdf.running import body_size, mark_footnotes, running_roles

_TITLE_FACTOR = 1.15  # the title is set at least this much larger than the body


@dataclass(slots=True)
class Para:
    """A paragraph of the text flow: where its lines are and how it is set."""

    page: int
    line: int  # index of its first line in the page's PageLine list
    lines: list[Line]

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
    number: int, lines: list[Line], roles: dict[int, str], height: float, body: float
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
    for i, p in enumerate(placed):
        if i in notes:
            continue
        if p.gap and out and out[-1].text:
            out.append(PageLine(""))
        if p.gap or not paras or paras[-1].page != number:
            paras.append(Para(number, len(out), []))
        paras[-1].lines.append(p.line)
        out.append(PageLine(p.line.text))
    _add_notes(out, placed, notes)
    for ln, role in sorted(bottom, key=lambda x: (x[0].top, x[0].x0)):
        out.append(PageLine(ln.text, role=role))
    return out, paras


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


def _title(paras: list[Para], body: float) -> Para | None:
    """The first page's title: its largest text, when it is set larger than the body."""
    first_page = [p for p in paras if p.page == paras[0].page] if paras else []
    best = max(first_page, key=lambda p: max(ln.size for ln in p.lines), default=None)
    if best is None or max(ln.size for ln in best.lines) < _TITLE_FACTOR * body:
        return None
    if len(best.lines) > 4 or len(best.text) > 250:
        return None
    return best


def _front_matter(paras: list[Para], body: float) -> set[int]:
    """Paragraphs of the first page above its first running text (authors, addresses)."""
    out: set[int] = set()
    if not paras:
        return out
    for i, p in enumerate(paras):
        if p.page != paras[0].page:
            break
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
    for n, (lines, r, page) in enumerate(zip(raw, roles, src.pages, strict=True)):
        out, paras = _page(n, lines, r, page.height, size)
        for text in page.aside:
            out.append(PageLine(text, role="page-margin"))
        laid.pages.append(out)
        laid.paras.extend(paras)
    title = _title(laid.paras, size)
    skip = _front_matter(laid.paras, size)
    if title is not None:
        laid.title = Mark(title.page, title.line, len(title.lines), 0, title.text)
    found = find_headings([(p.text, p.style(), len(p.lines)) for p in laid.paras], laid.body)
    for c in found:
        para = laid.paras[c.index]
        if para is title or (c.index in skip and not c.label and not is_named(c.title)):
            continue
        laid.headings.append(Mark(para.page, para.line, len(para.lines), c.level, c.text))
    return laid
