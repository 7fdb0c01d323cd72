"""PDF import: outline from bookmarks or conventions, page furniture, hyphenation,
page numbers, and clear refusals for encrypted, scanned and corrupt files."""

from __future__ import annotations

import pytest

from reader.core.errors import DocumentError
from reader.core.importers import parse_bytes
from reader.core.model import FURNITURE, PAGE_ROLES
from reader.core.reading import build_reading_view
from tests.core.outline_helpers import blocks_of
from tests.core.pdf_fixtures import HEADER, PAPER, PAPER_BOOKMARKS, image_only_pdf, make_pdf


def outline(doc):
    return [(n.level, n.display) for n in doc.iter_nodes()]


@pytest.fixture(scope="module")
def paper():
    return parse_bytes(make_pdf(PAPER), "pdf", "paper.pdf")


def test_outline_from_text_conventions_without_bookmarks(paper):
    assert outline(paper) == [
        (1, "Part I Overview"),
        (2, "1. In the Economic Field"),
        (3, "(1) Trade"),
        (3, "(2) Investment"),
        (1, "Part II Implementation"),
        (2, "1. Review"),
        (2, "2. Final Provisions"),
    ]


def test_outline_from_bookmarks_when_the_pdf_has_them():
    doc = parse_bytes(make_pdf(PAPER, bookmarks=PAPER_BOOKMARKS), "pdf", "paper.pdf")
    # The PDF's own outline is the structure: unbookmarked "(1) Trade" is body text.
    assert outline(doc) == [
        (1, "Part I Overview"),
        (2, "1. In the Economic Field"),
        (1, "Part II Implementation"),
        (2, "2. Final Provisions"),
    ]
    node = doc.iter_nodes()[3]
    assert doc.text[node.start :].startswith("2. Final Provisions")
    assert doc.page_at(node.start) == 3


def test_bookmark_titles_spread_over_two_lines_are_found():
    pages = [
        ["Part I", "Overview of the Paper", None, "Body text of the first part."],
        ["Part II", "Scope of the Paper", None, "Body text of the second part."],
    ]
    bookmarks = [("Part I Overview of the Paper", 0, 0), ("Part II Scope of the Paper", 1, 0)]
    doc = parse_bytes(make_pdf(pages, bookmarks=bookmarks), "pdf", "two.pdf")
    assert [n.display for n in doc.iter_nodes()] == [
        "Part I Overview of the Paper",
        "Part II Scope of the Paper",
    ]
    assert [doc.page_at(n.start) for n in doc.iter_nodes()] == [1, 2]


def test_running_header_and_page_numbers_are_kept_as_hidden_furniture(paper):
    furniture = blocks_of(paper, FURNITURE, "role")
    assert furniture == [
        ("page-header", HEADER),
        ("page-number", "1"),
        ("page-header", HEADER),
        ("page-number", "2"),
        ("page-header", HEADER),
        ("page-number", "3"),
    ]
    assert all(role in PAGE_ROLES for role, _ in furniture)
    view = build_reading_view(paper)
    assert HEADER not in view.text
    assert paper.text.count(HEADER) == 3  # nothing of the source is lost


def test_hyphenated_words_are_joined_and_compounds_keep_their_hyphen(paper):
    view = build_reading_view(paper).text
    assert "the economic ties" in view
    assert "eco-" not in paper.text
    assert "including South-South cooperation" in view
    assert "Asia-Pacific" in view


def test_compound_seen_elsewhere_keeps_its_hyphen_lowercase_continuation():
    pages = [
        [
            "Growth must be people-centred and the plan is people-",
            "centred from the start.",
        ]
    ]
    doc = parse_bytes(make_pdf(pages), "pdf", "c.pdf")
    assert "the plan is people-centred" in build_reading_view(doc).text


def test_a_paragraph_broken_by_a_page_is_rejoined_in_the_reading_view(paper):
    view = build_reading_view(paper)
    joined = "taking into account the needs of smaller economies"
    assert joined in view.text
    # The display maps back onto the source on both pages.
    start = view.text.index(joined)
    s, e = view.source_span(start, start + len(joined))
    assert paper.page_at(s) == 1 and paper.page_at(e - 1) == 2
    assert " ".join(paper.text[s:e].split()).startswith("taking into account")


def test_a_sentence_across_the_page_break_is_one_clause(paper):
    start = paper.text.index("The parties will reduce")
    [clause] = [c for c in paper.clauses if c.start == start]
    assert paper.text[clause.end - len("region.") : clause.end] == "region."


def test_pages_map_offsets_to_page_numbers(paper):
    assert len(paper.pages) == 3
    assert paper.page_at(paper.text.index("Part I Overview")) == 1
    assert paper.page_at(paper.text.index("(2) Investment")) == 2
    assert paper.page_at(paper.text.index("This paper takes effect")) == 3
    assert paper.format == "pdf"


def test_pdf_title_metadata_is_used_unless_it_is_junk():
    doc = parse_bytes(make_pdf(PAPER, title="Paper on Regional Trade"), "pdf", "p.pdf")
    assert doc.title == "Paper on Regional Trade"
    doc = parse_bytes(make_pdf(PAPER, title="Microsoft Word - draft3.docx"), "pdf", "p.pdf")
    assert "Microsoft" not in doc.title


@pytest.mark.parametrize(
    "data,message",
    [
        (make_pdf(PAPER, encrypt="secret"), "this PDF is encrypted; remove the password first"),
        (image_only_pdf(), "this PDF has no text layer; run OCR first"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "not a valid PDF"),
        (make_pdf(PAPER)[:400], "not a valid PDF"),
        (b"PK\x03\x04 not a pdf at all", "not a valid PDF (no %PDF header)"),
    ],
    ids=["encrypted", "image-only", "garbage", "truncated", "no-header"],
)
def test_unreadable_pdfs_are_refused_with_one_line(data, message):
    with pytest.raises(DocumentError) as err:
        parse_bytes(data, "pdf", "bad.pdf")
    text = str(err.value)
    assert text.startswith("bad.pdf: ") and message in text
    assert "\n" not in text
