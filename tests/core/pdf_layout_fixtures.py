"""PDFs with real layouts, built with reportlab's page templates: two and three columns,
footnotes with raised markers, running headers and footers with page numbers, tables
whose header row repeats on every page, headings set apart only by bold type, and a
styled paper whose bookmarks cover only some of its headings.

Shared by the tests and the fidelity benchmark (bench/bench_pdf_fidelity.py).
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

WORDS = [
    "the",
    "parties",
    "agree",
    "to",
    "strengthen",
    "cooperation",
    "in",
    "trade",
    "investment",
    "finance",
    "energy",
    "and",
    "infrastructure",
    "while",
    "respecting",
    "the",
    "sovereignty",
    "of",
    "each",
    "state",
    "and",
    "promoting",
    "mutual",
    "benefit",
    "through",
    "regular",
    "dialogue",
    "joint",
    "committees",
    "technical",
    "assistance",
    "and",
    "the",
    "exchange",
    "of",
    "information",
    "on",
    "customs",
    "standards",
    "regulation",
    "and",
    "sustainable",
    "development",
]
BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=12.5, spaceAfter=6)
BOLD_HEAD = ParagraphStyle(
    "bold", fontName="Times-Bold", fontSize=10, leading=12.5, spaceBefore=6, spaceAfter=4
)
BIG_HEAD = ParagraphStyle(
    "big", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=6
)
NOTE = ParagraphStyle("note", fontName="Times-Roman", fontSize=7.5, leading=9)
TITLE_STYLE = ParagraphStyle(
    "title", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=14
)


@dataclass
class Built:
    """A generated PDF and what is known about it."""

    data: bytes
    headings: list[tuple[str, int]] = field(default_factory=list)  # (title, level 1..)
    sentences: list[str] = field(default_factory=list)  # every sentence of the body text
    notes: list[str] = field(default_factory=list)  # footnote texts
    title: str = ""


def sentence(rng: random.Random, marker: str = "") -> str:
    """A sentence of 12 to 30 policy words, capitalised, with an optional raised marker."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
    words[0] = words[0].capitalize()
    if marker:
        k = rng.randint(3, len(words) - 2)
        words[k] += f"<super>{marker}</super>"
    return " ".join(words) + "."


class _Heading(Flowable):
    """A zero-size flowable that adds a bookmark for the heading drawn after it."""

    def __init__(self, title: str, level: int, key: str) -> None:
        super().__init__()
        self.title, self.level, self.key = title, level, key

    def wrap(self, *_args: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level - 1)


class _Doc(BaseDocTemplate):
    def __init__(self, buf: io.BytesIO, columns: int, running: str, notes: dict[int, list]):
        super().__init__(buf, pagesize=A4, leftMargin=54, rightMargin=54)
        width, height = A4
        gap = 18
        col = (width - 108 - gap * (columns - 1)) / columns
        frames = [
            Frame(54 + k * (col + gap), 140, col, height - 220, id=f"c{k}", showBoundary=0)
            for k in range(columns)
        ]
        self.running = running
        self.notes = notes
        self.addPageTemplates([PageTemplate("cols", frames=frames, onPage=self._furniture)])

    def _furniture(self, canv: object, doc: object) -> None:
        width, height = A4
        page = canv.getPageNumber()
        canv.setFont("Helvetica", 8)
        canv.drawString(54, height - 40, f"{self.running} \u2014 L 231/{page}")
        canv.drawRightString(width - 54, height - 40, "Official Journal")
        canv.drawCentredString(width / 2, 24, f"EN \u00b7 page {page} of the series")
        y = 128
        for text in self.notes.get(page, []):
            para = Paragraph(text, NOTE)
            _, h = para.wrap(width - 108, 40)
            para.drawOn(canv, 54, y - h)
            y -= h + 2


def columns_pdf(columns: int = 2, sections: int = 6, seed: int = 1) -> Built:
    """A paper in ``columns`` columns: bold numbered and unnumbered headings (bookmarked),
    paragraphs with raised footnote markers, the notes at the foot of their page, and a
    running header and footer that carry the page number."""
    rng = random.Random(seed)
    built = Built(b"")
    specs: list[tuple[str, object]] = []  # ("head", title) or ("para", (text, notes))
    note_no = 0
    for s in range(1, sections + 1):
        title = f"{s} Cooperation in Field {s}" if s % 2 else f"Cooperation Area {s}"
        built.headings.append((title, 1))
        specs.append(("head", title))
        for _ in range(rng.randint(3, 5)):
            sentences, notes = [], []
            for _k in range(rng.randint(3, 6)):
                marker = ""
                if rng.random() < 0.05:
                    note_no += 1
                    marker = str(note_no)
                    notes.append(f"{note_no} " + sentence(rng))
                sentences.append(sentence(rng, marker))
            # The reader shows a marker as "word[3]": the sentence with its marker.
            built.sentences += [re.sub(r"<super>(\d+)</super>", r"[\1]", x) for x in sentences]
            built.notes += notes
            specs.append(("para", (" ".join(sentences), notes)))
    notes_by_page: dict[int, list[str]] = {}
    for _ in range(2):  # the first pass learns which page each note lands on
        story: list[Flowable] = []
        for n, (kind, value) in enumerate(specs):
            if kind == "head":
                story += [_Heading(value, 1, f"h{n}"), Paragraph(value, BOLD_HEAD)]
            else:
                text, notes = value
                story += [_NoteAnchor(notes, notes_by_page), Paragraph(text, BODY)]
        buf = io.BytesIO()
        doc = _Doc(buf, columns, "Regional Cooperation Review", dict(notes_by_page))
        doc.build(story)
    built.data = buf.getvalue()
    return built


class _NoteAnchor(Flowable):
    """Files the notes of the next paragraph under the page it lands on (two passes of
    multiBuild put them on the right page)."""

    def __init__(self, notes: list[str], by_page: dict[int, list[str]]) -> None:
        super().__init__()
        self.notes, self.by_page = notes, by_page

    def wrap(self, *_args: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        for text in self.notes:
            for other in self.by_page.values():
                if text in other:
                    other.remove(text)
            self.by_page.setdefault(page, []).append(text)


def table_pdf(rows: int = 90, seed: int = 2) -> Built:
    """A report with a long table whose header row repeats on every page."""
    rng = random.Random(seed)
    header = ["Country", "Sector", "Amount (USD m)", "Year"]
    data = [header] + [
        [
            f"Country {n}",
            rng.choice(["Energy", "Transport", "Water"]),
            str(rng.randint(5, 900)),
            str(rng.randint(2010, 2024)),
        ]
        for n in range(1, rows + 1)
    ]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    heads = ["1 Projects Financed", "2 Outlook"]
    story = [
        Paragraph("Financing of Regional Projects", TITLE_STYLE),
        _Heading(heads[0], 1, "h1"),
        Paragraph(heads[0], BIG_HEAD),
        Paragraph(" ".join(sentence(rng) for _ in range(4)), BODY),
        table,
        Spacer(1, 12),
        _Heading(heads[1], 1, "h2"),
        Paragraph(heads[1], BIG_HEAD),
        Paragraph(" ".join(sentence(rng) for _ in range(3)), BODY),
    ]
    buf = io.BytesIO()
    doc = _Doc(buf, 1, "Financing Report", {})
    doc.build(story)
    built = Built(buf.getvalue(), [(h, 1) for h in heads], title="Financing of Regional Projects")
    built.sentences = [" | ".join(row) for row in data]  # every row, the header once
    return built


H1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=12)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=9)
H3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6)
SMALL = ParagraphStyle("small", fontName="Times-Roman", fontSize=9, leading=11, spaceAfter=4)


def styled_pdf(doc: object, bookmarked_levels: tuple[int, ...] = (2, 3)) -> Built:
    """A parsed document (text importer) laid out as a styled word-processor file saved
    as PDF: its title in the Title style, headings in Heading 1..3 styles, and
    bookmarks only for the headings of ``bookmarked_levels`` (a Word export that
    bookmarks some heading styles and not others)."""
    from xml.sax.saxutils import escape

    from reader.core.model import BLANK, FURNITURE, HEADING, TITLE

    story: list[Flowable] = []
    built = Built(b"", title=doc.title)
    levels = {1: H1, 2: H2, 3: H3}
    for n, b in enumerate(doc.blocks):
        if b.kind == BLANK:
            continue
        text = escape(" ".join(doc.text[b.content_start : b.content_end].split()))
        if b.kind == TITLE:
            story.append(Paragraph(text, TITLE_STYLE))
        elif b.kind == HEADING:
            built.headings.append((text, b.level))
            if b.level in bookmarked_levels:
                depth = bookmarked_levels.index(b.level) + 1
                story.append(_Heading(text, depth, f"h{n}"))
            story.append(Paragraph(text, levels.get(b.level, H3)))
        elif b.kind == FURNITURE:
            story.append(Paragraph(text, SMALL))
        else:
            story.append(Paragraph(text, BODY))
    buf = io.BytesIO()
    _Doc(buf, 1, "Policy Paper", {}).build(story)
    built.data = buf.getvalue()
    return built
