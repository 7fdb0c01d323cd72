"""PDF: the text as a reader sees it, with its pages, furniture, footnotes and outline.

The steps, one module each: :mod:`.engine` reads every character with its box and font
(PDFium), :mod:`.lines` builds lines, :mod:`.layout` finds columns, tables and reading
order, :mod:`.running` sets running headers, footers, page numbers and footnotes
apart, :mod:`.headings` finds headings from the fonts, :mod:`.bookmarks` places the
PDF's own outline, and :mod:`.pages` puts it together for the shared paged assembly
(:mod:`reader.core.importers.paged`).
"""

from __future__ import annotations

import copy
from statistics import median

from reader.core.clauses import split_clauses
from reader.core.document import build_document
from reader.core.errors import DocumentError
from reader.core.importers.paged import PagedText, PageLine, assemble, assemble_lines
from reader.core.importers.pdf.bookmarks import (
    Mark,
    merge,
    norm,
    place,
    place_at_headings,
    unprinted,
)
from reader.core.importers.pdf.engine import PdfSource, read_pdf
from reader.core.importers.pdf.headings import join_wrapped, split_label
from reader.core.importers.pdf.pages import Laid, lay_out
from reader.core.metadata import Metadata, stated_title
from reader.core.model import FURNITURE, HEADING, PARAGRAPH, Document
from reader.core.outline_anchors import Anchor, add_anchors

_MIN_TEXT_CHARS_PER_PAGE = 8  # less than this on average: scanned pages, no text layer
_RUN_IN_END = " .:\u2013\u2014-"  # what ends a run-in heading's title ("Scope." "Scope:")


def _set(pages: list[list[PageLine]], marks: list[Mark], title: Mark | None) -> None:
    """Mark the heading lines (and the title) on the pages."""
    for m in marks:
        lines = pages[m.page]
        first = lines[m.line]
        if m.run_in:  # the heading is the line's lead-in; its paragraph goes on after it
            label, name, _, _ = split_label(first.text[: m.run_in].rstrip(_RUN_IN_END))
            first.heading, first.run_in = max(1, m.level), m.run_in
            first.label, first.title = (label, name) if label and name else (None, name)
            continue
        text = join_wrapped([ln.text for ln in lines[m.line : m.line + m.lines]])
        if m.title and norm(m.title) == norm(text):
            text = m.title  # a bookmark's own spelling: "Appendix" for "A p p e n d i x"
        label, name, _, _ = split_label(text)
        first.heading, first.heading_lines = max(1, m.level), m.lines
        first.label, first.title = (label, name) if label and name else (None, text)
        for ln in lines[m.line : m.line + m.lines]:
            ln.in_heading = True
            ln.role = None  # (a bookmarked contents title is a heading)
    if title is not None and not pages[title.page][title.line].heading:
        page = pages[title.page]
        taken = [ln for ln in page[title.line : title.line + title.lines] if ln.text]
        taken[0].is_title, taken[0].heading_lines = True, len(taken)
        for ln in taken:
            ln.in_heading = True
        # The title leads the page's text (after its running header), as a reader takes
        # it first whatever stands above it (a banner, a sidebar).
        rest = [ln for ln in page if all(ln is not t for t in taken)]
        at = next((i for i, ln in enumerate(rest) if not ln.role), len(rest))
        page[:] = rest[:at] + taken + [PageLine("")] + rest[at:]


def _convention_marks(pages: list[list[PageLine]], name: str | None) -> list[Mark]:
    """The outline the shared text conventions find, as marks on the lines (used to merge
    with bookmarks when the fonts show no headings)."""
    trial = copy.deepcopy(pages)
    paged = assemble_lines(trial)
    doc = build_document(paged.text, paged.blocks, "pdf", filename=name)
    starts = {
        ln.start: (p, i) for p, lines in enumerate(trial) for i, ln in enumerate(lines) if ln.text
    }
    marks = []
    for b in doc.blocks:
        where = starts.get(b.start)
        if b.kind == HEADING and where is not None:
            lines = doc.text[b.start : b.content_end].count("\n") + 1
            marks.append(Mark(where[0], where[1], lines, b.level, b.title or ""))
    return marks


def _plain(src: PdfSource, name: str) -> PagedText:
    """Pages read as PDFium's plain text: when the layout finds no lines."""
    texts = [p.plain for p in src.pages]
    if sum(len("".join(t.split())) for t in texts) < _MIN_TEXT_CHARS_PER_PAGE * len(texts):
        raise DocumentError(f"{name}: this PDF has no text layer; run OCR first")
    return assemble(texts, [])


def _assemble(
    src: PdfSource, laid: Laid, name: str | None, bookmarks: bool = True
) -> tuple[PagedText, bool, list[Anchor]]:
    """The paged text, whether the outline still needs the text conventions, and the
    outline nodes of bookmarks whose title the pages do not print."""
    marks = laid.headings
    placed = place(laid.pages, src.bookmarks) if bookmarks else []
    if placed:
        placed += place_at_headings(laid.pages, src.bookmarks, placed, marks)
        placed.sort(key=lambda m: (m.page, m.line))
    missing = unprinted(laid.pages, src.bookmarks, placed) if bookmarks else []
    # (the lines themselves: placing the title reorders its page's lines)
    at = [(laid.pages[m.page][m.line], m) for m in missing]
    if placed and not marks:
        marks = _convention_marks(laid.pages, name)
    final = merge(placed, marks) if placed else marks
    _set(laid.pages, final, laid.title)
    paged = assemble_lines(laid.pages, len(placed))
    # The bookmarks' levels as the merge shifted them under the text's own.
    levels = {(m.page, m.line): m.level for m in final}
    shifts = [levels[(b.page, b.line)] - b.level for b in placed if (b.page, b.line) in levels]
    shift = round(median(shifts)) if shifts else 0
    anchors = [Anchor(line.start, m.level + shift, m.title) for line, m in at]
    return paged, not final and not anchors, anchors


def parse(data: bytes, filename: str | None = None, *, bookmarks: bool = True) -> Document:
    """Parse the bytes of a PDF file.

    :param bookmarks: use the PDF's bookmarks for the outline (the fidelity benchmark
        turns them off to score the outline found in the text alone).
    """
    name = filename or "document"
    src = read_pdf(data, name)
    laid = lay_out(src)
    chars = sum(len("".join(ln.text.split())) for page in laid.pages for ln in page)
    anchors: list[Anchor] = []
    if laid.empty or chars < _MIN_TEXT_CHARS_PER_PAGE * len(src.pages):
        paged, conventions = _plain(src, name), True
    else:
        paged, conventions, anchors = _assemble(src, laid, filename, bookmarks)
    doc = build_document(
        paged.text,
        paged.blocks,
        "pdf",
        filename=filename,
        hints=Metadata(title=stated_title(src.title)),
        conventions=conventions,
    )
    doc.pages = paged.pages
    if anchors:
        add_anchors(doc, anchors)
    doc.page_labels = src.labels
    _rows_stand_alone(doc, {ln.start for page in laid.pages for ln in page if ln.row})
    return doc


def _rows_stand_alone(doc: Document, rows: set[int]) -> None:
    """A table row after a page break does not continue the row before it (the shared
    repair takes a line ending in a word, then a capital after a page break, for one
    sentence), and a row near the top is no breadcrumb trail; clauses follow."""
    changed = False
    for b in doc.blocks:
        if b.start not in rows:
            continue
        if b.continues:
            b.continues, changed = False, True
        if b.kind == FURNITURE and b.role == "breadcrumb":
            # Cells joined with " | " are no links of a web page's breadcrumb trail.
            b.kind, b.role, changed = PARAGRAPH, None, True
    if changed:
        doc.clauses = split_clauses(doc.text, doc.blocks)
