"""Small PDFs built for the tests with reportlab: exact lines per page, bookmarks,
running headers and footers, encryption, pages without text."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

LINE = 14  # points between lines of a paragraph; a gap (None) adds a blank line's worth
HEADER = "Regional Trade Policy Paper"


def make_pdf(
    pages: list[list[str | None]],
    *,
    header: str | None = HEADER,
    page_numbers: bool = True,
    bookmarks: list[tuple[str, int, int]] = (),
    encrypt: str | None = None,
    title: str | None = None,
) -> bytes:
    """A PDF whose page ``i`` shows ``pages[i]`` top to bottom (``None``: a gap).

    :param bookmarks: ``(title, page index, level)`` outline entries (level 0 = top).
    """
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    if title:
        c.setTitle(title)
    width, height = A4
    for index, lines in enumerate(pages):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(72, height - 40, header)
        for n, (bm_title, page, level) in enumerate(bookmarks):
            if page == index:
                c.bookmarkPage(f"bm{n}")
                c.addOutlineEntry(bm_title, f"bm{n}", level=level)
        y = height - 90
        c.setFont("Helvetica", 11)
        for line in lines:
            if line is None:
                y -= LINE
            else:
                c.drawString(72, y, line)
            y -= LINE
        if page_numbers:
            c.setFont("Helvetica", 8)
            c.drawCentredString(width / 2, 30, str(index + 1))
        c.showPage()
    c.save()
    return buf.getvalue()


def image_only_pdf() -> bytes:
    """Two pages with drawings and no text: what a scan without OCR looks like."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(2):
        c.rect(72, 72, 300, 500, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


# A short policy paper over three pages: Part / 1. / (1) conventions, a hyphenated word,
# a compound broken at its hyphen, and a paragraph running across the page break.
PAPER = [
    [
        "Part I Overview",
        None,
        "This paper sets out the principles of regional trade and the eco-",
        "nomic ties between the parties, including South-",
        "South cooperation and the Asia-Pacific dialogue.",
        None,
        "1. In the Economic Field",
        None,
        "(1) Trade",
        None,
        "The parties will reduce tariffs on agricultural goods and open their",
        "markets to services in a gradual and balanced way, taking into account",
    ],
    [
        "the needs of smaller economies and the South-South agenda of the region.",
        None,
        "(2) Investment",
        None,
        "The parties will protect investment and settle disputes by consultation.",
        None,
        "Part II Implementation",
        None,
        "1. Review",
        None,
        "A joint committee will review the implementation every two years.",
    ],
    [
        "2. Final Provisions",
        None,
        "This paper takes effect on signature and remains open to other parties.",
    ],
]
PAPER_BOOKMARKS = [
    ("Part I Overview", 0, 0),
    ("1. In the Economic Field", 0, 1),
    ("Part II Implementation", 1, 0),
    ("2. Final Provisions", 2, 1),
]
