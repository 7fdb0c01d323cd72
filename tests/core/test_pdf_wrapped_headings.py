"""Lines the page wrapped that are one line: numbered headings in PDFs without bookmarks,
and a web page's breadcrumb printed to PDF."""

from __future__ import annotations

from reader.core.importers import load_document, parse_bytes
from reader.core.importers.paged import unwrap_line, wrapped_heading
from reader.core.model import HEADING, PARAGRAPH
from tests.core.pdf_fixtures import make_pdf, text_pdf

WRAPPED = [
    [
        "Part I Overview",
        None,
        "The parties set out the principles of their cooperation in this paper.",
        None,
        "Part II Relations Between the Parties in the New Stage of Comprehensive and",
        "Balanced Cooperation",
        None,
        "(1) Cooperation Between Trade Promotion Institutions and Business Associations of",
        "the Two Sides",
        None,
        "The parties will support exchanges between their chambers of commerce.",
        None,
        "(2) The parties will reduce tariffs on agricultural goods and open their markets",
        "to services.",
        None,
        "(3) Investment",
        None,
        "The parties will protect investment and settle disputes by consultation in",
        "good faith and with mutual respect for each other",
        None,
        "(4) Final Provisions",
        None,
        "This paper takes effect on signature.",
    ]
]


def outline(doc):
    return [(n.level, n.display) for n in doc.iter_nodes()]


def test_wrapped_numbered_headings_are_one_heading():
    doc = parse_bytes(make_pdf(WRAPPED), "pdf", "wrapped.pdf")
    assert outline(doc) == [
        (1, "Part I Overview"),
        (
            1,
            "Part II Relations Between the Parties in the New Stage of Comprehensive and "
            "Balanced Cooperation",
        ),
        (
            2,
            "(1) Cooperation Between Trade Promotion Institutions and Business "
            "Associations of the Two Sides",
        ),
        (2, "(3) Investment"),
        (2, "(4) Final Provisions"),
    ]
    [heading] = [b for b in doc.blocks if b.kind == HEADING and b.label == "(1)"]
    assert doc.text[heading.content_start : heading.content_end].endswith("of the Two Sides")


def kind_of(doc, prefix):
    found = [b for b in doc.blocks if b.content_end > b.content_start]
    [kind] = [b.kind for b in found if doc.text.startswith(prefix, b.content_start)]
    return kind


def test_wrapped_numbered_body_text_stays_body_text():
    doc = parse_bytes(make_pdf(WRAPPED), "pdf", "wrapped.pdf")
    # A numbered sentence ends with a full stop; unfinished text without a label is body.
    assert kind_of(doc, "(2) The parties will reduce") == PARAGRAPH
    assert "tariffs on agricultural goods and open their markets\nto services." in doc.text
    assert kind_of(doc, "The parties will protect") == PARAGRAPH


def test_wrapped_heading_rule():
    assert wrapped_heading(["1. In the Economic Field and", "Beyond"]) == (
        "1. In the Economic Field and Beyond"
    )
    assert wrapped_heading(["1. In the Economic Field", "Beyond."]) is None  # a sentence
    assert wrapped_heading(["1. Trade", "Investment and Finance"]) is None  # not wrapped
    assert wrapped_heading(["The parties agree to work", "together"]) is None  # no label
    assert wrapped_heading(["1. One", "two", "three", "four"]) is None  # too many lines
    assert wrapped_heading(["1. Trade"]) is None


def test_paper_as_pdf_has_the_text_files_outline(policy_paper):
    path = policy_paper.path
    from_text = load_document(path)
    from_pdf = parse_bytes(text_pdf(path.read_text(encoding="utf-8")), "pdf", "paper.pdf")
    assert len(from_pdf.pages) >= 5  # sections and paragraphs run across page breaks
    assert outline(from_pdf) == outline(from_text)
    # The breadcrumb wrapped over two lines is furniture again, so the title is found.
    meta = ("title", "date", "source")
    assert [getattr(from_pdf, k) for k in meta] == [getattr(from_text, k) for k in meta]


def test_a_wrapped_breadcrumb_is_one_line_and_furniture():
    crumb = ["Home > Topics > Regional Trade Visits and Talks of the Leaders in", "Lima"]
    assert unwrap_line(crumb) == " ".join(crumb)
    assert unwrap_line(["Prices rose > 3% and then > 5% over the", "year."]) is None
    pages = [[*crumb, None, "Trade Policy Paper", None, "Part I Overview", None, "Body."]]
    doc = parse_bytes(make_pdf(pages, header=None), "pdf", "crumb.pdf")
    assert doc.title == "Trade Policy Paper"
    [role] = [b.role for b in doc.blocks if doc.text.startswith("Home >", b.content_start)]
    assert role == "breadcrumb"
