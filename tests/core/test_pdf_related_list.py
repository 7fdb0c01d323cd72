"""A web page printed to PDF: its "Related News" list stays furniture when a page break,
with its running header and page number, falls inside the list."""

from __future__ import annotations

from reader.core.importers import load_document, parse_bytes
from reader.core.model import FURNITURE
from reader.core.reading import build_reading_view
from tests.core.pdf_fixtures import make_pdf, text_pdf

ITEMS = [f"Minister Visits Partner Country Number {n} for Talks" for n in range(1, 7)]


def roles_of(doc, lines):
    out = []
    for line in lines:
        at = doc.text.index(line)
        [block] = [b for b in doc.blocks if b.content_start <= at < b.content_end]
        out.append((block.kind, block.role))
    return out


def test_related_list_across_a_page_break_stays_furniture():
    pages = [
        ["Part I Overview", None, "The parties agree to cooperate on trade.", None]
        + ["Related News:", None, *ITEMS[:3]],
        [*ITEMS[3:], None, "Copyright 2016 Ministry of Foreign Affairs."],
    ]
    doc = parse_bytes(make_pdf(pages), "pdf", "related.pdf")
    assert roles_of(doc, ITEMS) == [(FURNITURE, "related")] * len(ITEMS)
    view = build_reading_view(doc).text
    assert "The parties agree to cooperate on trade." in view
    assert not any(c for c in doc.clauses if "Partner Country" in doc.text[c.start : c.end])


def test_a_page_break_right_after_the_related_line_keeps_the_list():
    items = ITEMS[:3]
    pages = [["Part I Overview", None, "The parties agree.", None, "Related News:"], items]
    doc = parse_bytes(make_pdf(pages), "pdf", "related.pdf")
    assert roles_of(doc, items) == [(FURNITURE, "related")] * len(items)


def test_a_paragraph_after_the_page_break_still_ends_the_list():
    body = "The parties will review this paper every five years and publish the results."
    pages = [["Part I Overview", None, "Related News:", None, *ITEMS[:2]], [body]]
    doc = parse_bytes(make_pdf(pages), "pdf", "related.pdf")
    assert roles_of(doc, [body]) != [(FURNITURE, "related")]


def test_paper_as_pdf_has_the_text_files_clauses(policy_paper):
    path = policy_paper.path
    from_text = load_document(path)
    from_pdf = parse_bytes(text_pdf(path.read_text(encoding="utf-8")), "pdf", "paper.pdf")
    assert len(from_pdf.clauses) == len(from_text.clauses)
    last = [
        " ".join(d.text[d.clauses[-1].start : d.clauses[-1].end].split())
        for d in (from_pdf, from_text)
    ]
    assert last[0] == last[1]
    assert not any(
        policy_paper.related_link in from_pdf.text[c.start : c.end] for c in from_pdf.clauses
    )
