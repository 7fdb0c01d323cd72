"""Small PDFs built for the tests with reportlab: exact lines per page, bookmarks,
running headers and footers, encryption, pages without text."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

# (first page index, style, prefix, start): a /PageLabels range; style is one of the PDF's
# "D" (1, 2), "r"/"R" (i, ii / I, II), "a"/"A" (a, b / A, B) or None (the prefix alone).
PageLabel = tuple[int, str | None, str | None, int]
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
    page_labels: list[PageLabel] = (),
) -> bytes:
    """A PDF whose page ``i`` shows ``pages[i]`` top to bottom (``None``: a gap).

    :param bookmarks: ``(title, page index, level)`` outline entries (level 0 = top).
    :param page_labels: see :func:`add_page_labels`.
    """
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    add_page_labels(c, page_labels)
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


def add_page_labels(c: canvas.Canvas, labels: list[PageLabel]) -> None:
    """Give the PDF a /PageLabels tree (what a viewer shows as page numbers); none: none."""
    styles = {
        "D": "ARABIC",
        "r": "ROMAN_LOWER",
        "R": "ROMAN_UPPER",
        "a": "LETTERS_LOWER",
        "A": "LETTERS_UPPER",
    }
    for first, style, prefix, start in labels:
        # reportlab takes the style by name: its single letters collide ("R" in "ARABIC").
        c.addPageLabel(first, style=styles[style] if style else None, start=start, prefix=prefix)


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


def text_pdf(
    text: str,
    *,
    header: str | None = HEADER,
    font_size: float = 10.5,
    page_labels: list[PageLabel] = (),
) -> bytes:
    """A plain text laid out as a paginated PDF: each line of the text wrapped to the
    page width, a gap between paragraphs, a running header and centred
    page numbers. Paragraphs flow over page breaks as a word processor would.

    :param page_labels: see :func:`add_page_labels`.
    """
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    add_page_labels(c, page_labels)
    width, height = A4
    top, bottom, lead = height - 80, 72, font_size * 1.3
    state = {"y": top, "page": 1}

    def start_page() -> None:
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(72, height - 40, header)
        c.setFont("Helvetica", font_size)

    def next_line() -> float:
        if state["y"] < bottom:
            c.setFont("Helvetica", 8)
            c.drawCentredString(width / 2, 30, str(state["page"]))
            c.showPage()
            state["page"] += 1
            state["y"] = top
            start_page()
        y = state["y"]
        state["y"] -= lead
        return y

    start_page()
    for para in text.split("\n\n"):
        source_lines = [" ".join(x.split()) for x in para.splitlines() if x.strip()]
        if not source_lines:
            continue
        for source_line in source_lines:  # a list item or address line starts a new line
            line = ""
            for word in source_line.split(" "):
                if line and c.stringWidth(f"{line} {word}", "Helvetica", font_size) > width - 144:
                    c.drawString(72, next_line(), line)
                    line = word
                else:
                    line = f"{line} {word}".strip()
            c.drawString(72, next_line(), line)
        state["y"] -= lead  # the paragraph gap
    c.setFont("Helvetica", 8)
    c.drawCentredString(width / 2, 30, str(state["page"]))
    c.showPage()
    c.save()
    return buf.getvalue()


FRONT = [
    ["Preface", None, "This preface introduces the paper and its purpose."],
    ["Its authors thank the members of the joint committee for their comments."],
]
# Two roman-numbered front pages, the paper from 1, then an annex numbered A-1.
LABELS = [(0, "r", None, 1), (2, "D", None, 1), (5, "D", "A-", 1)]
ANNEX = [["Annex Tables", None, "The tariff schedules of the parties are listed here."]]
