"""Headings a PDF sets inside the text flow: a numbered italic line right above its
paragraph with no gap, and run-in headings whose bold or italic lead-in opens the
paragraph's first line ("1.2 Scope. The text ...")."""

from __future__ import annotations

from reader.core.importers.pdf import parse
from reader.core.model import HEADING, PARAGRAPH
from tests.core.pdf_layout_fixtures import drawn_pdf

R, IT, B, H = "Times-Roman", "Times-Italic", "Times-Bold", "Helvetica-Bold"
SENTENCE = "The parties agree to cooperate on trade finance and investment in the region and"


def body(k: int) -> str:
    words = SENTENCE.split()
    return " ".join(words[k % 7 :] + words[: k % 7])


def test_a_numbered_italic_heading_line_without_a_gap_is_a_heading():
    page = [(72, 790, H, 16, "Instructions for Authors", 0)]
    y = 760.0
    for n, title in enumerate(["Displayed equations", "Figures and tables"], 1):
        page.append((72, y, H, 11, f"{n} Section number {n}", 0))
        y -= 14
        page += [(72, y - 12 * k, R, 10, body(k), 0) for k in range(4)]
        y -= 12 * 4 + 8
        page.append((72, y, IT, 10, f"{n}.1 {title}", 0))  # no gap below it
        y -= 12
        page += [(72, y - 12 * k, R, 10, body(k + 1), 0) for k in range(5)]
        y -= 12 * 5 + 8
    doc = parse(drawn_pdf([page]), "i.pdf")
    assert [n.display for n in doc.iter_nodes()] == [
        "1 Section number 1",
        "1.1 Displayed equations",
        "2 Section number 2",
        "2.1 Figures and tables",
    ]
    assert [n.level for n in doc.iter_nodes()] == [1, 2, 1, 2]


def run_in(x: float, y: float, lead: str, rest: str, face: str = B) -> list[tuple]:
    """A line opening with ``lead`` in ``face``, going on in roman after a space."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return [(x, y, face, 10, lead, 0), (x + stringWidth(lead + " ", face, 10), y, R, 10, rest, 0)]


def paper(leads: list[tuple[str, str]], numbered: bool = True) -> list[tuple]:
    """A page: a title, a section heading on its own line, then paragraphs each opening
    with a lead-in ``(lead, face)`` followed by running text."""
    page = [(72, 790, H, 16, "Rules for the Committee", 0)]
    page.append((72, 760, H, 12, "1 Introduction" if numbered else "Introduction", 0))
    y = 740.0
    for k, (lead, face) in enumerate(leads):
        page += run_in(72, y, lead, "The members agree to meet and report", face)
        page += [(72, y - 12 * (j + 1), R, 10, body(k + j), 0) for j in range(3)]
        y -= 12 * 4 + 8
    return page


def test_a_run_in_heading_opens_its_paragraph_and_the_text_stays_as_printed():
    page = paper([("1.1 Scope.", B), ("1.2 Definitions.", B), ("1.3 Duties of members.", B)])
    doc = parse(drawn_pdf([page]), "r.pdf")
    nodes = doc.iter_nodes()
    assert [n.display for n in nodes] == [
        "1 Introduction",
        "1.1 Scope",
        "1.2 Definitions",
        "1.3 Duties of members",
    ]
    assert [n.level for n in nodes] == [1, 2, 2, 2]
    # Nothing is added or moved: the line reads as printed, the heading block is its
    # lead-in and the paragraph goes on after it.
    assert "1.1 Scope. The members agree to meet and report\n" in doc.text
    heading = next(b for b in doc.blocks if b.kind == HEADING and b.label == "1.2")
    assert doc.text[heading.content_start : heading.content_end] == "1.2 Definitions."
    after = doc.blocks[doc.blocks.index(heading) + 1]
    assert after.kind == PARAGRAPH
    assert doc.text[after.content_start :].startswith("The members agree")


def test_an_unnumbered_bold_lead_in_is_a_heading_where_the_headings_are_unnumbered():
    page = paper([("Scope.", B), ("Duties of members.", B)], numbered=False)
    doc = parse(drawn_pdf([page]), "u.pdf")
    assert [n.display for n in doc.iter_nodes()] == ["Introduction", "Scope", "Duties of members"]
    assert [n.level for n in doc.iter_nodes()] == [1, 2, 2]


def test_theorems_sentences_and_phrases_in_bold_are_no_run_in_headings():
    page = paper(
        [
            ("Theorem 1.", B),  # a statement, not a section
            ("This priority is deprecated.", B),  # a sentence set in bold
            ("Important", B),  # a phrase the sentence goes on from
            ("2.1 Scope.", B),
        ],
        numbered=False,
    )
    doc = parse(drawn_pdf([page]), "t.pdf")
    assert [n.display for n in doc.iter_nodes()] == ["Introduction", "2.1 Scope"]


def test_a_bookmark_on_a_run_in_heading_takes_the_lead_in_only():
    page = paper([("Report on issues.", B), ("Send me a postcard.", B)], numbered=False)
    bookmarks = [
        ("Introduction", 0, 0),
        ("Report on issues", 1, 0, 742),
        ("Send me a postcard", 1, 0, 690),
    ]
    doc = parse(drawn_pdf([page], bookmarks=bookmarks), "b.pdf")
    assert [n.display for n in doc.iter_nodes()] == [
        "Introduction",
        "Report on issues",
        "Send me a postcard",
    ]
    node = doc.iter_nodes()[2]
    block = doc.blocks[node.block]
    assert doc.text[block.content_start : block.content_end] == "Send me a postcard."
