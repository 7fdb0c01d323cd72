"""PDFs read as a researcher sees them: columns in reading order, footnotes and running
lines set apart, tables kept as rows, headings from the fonts, bookmarks placed by a
fuzzy title and merged with the text's outline, the title from the page."""

from __future__ import annotations

import io
import re

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from reader.core.importers import load_document, parse_bytes
from reader.core.importers.pdf import parse
from reader.core.model import FURNITURE, PAGE_ROLES
from reader.core.plain_text import reading_blocks, reading_text
from reader.core.reading import build_reading_view
from tests.core.pdf_layout_fixtures import columns_pdf, styled_pdf, table_pdf


def norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


@pytest.fixture(scope="session")
def two_columns():
    built = columns_pdf(2)
    return built, parse_bytes(built.data, "pdf", "two.pdf")


@pytest.fixture(scope="session")
def three_columns():
    built = columns_pdf(3)
    return built, parse_bytes(built.data, "pdf", "three.pdf")


@pytest.fixture(scope="session")
def table_report():
    built = table_pdf()
    return built, parse_bytes(built.data, "pdf", "table.pdf")


@pytest.mark.parametrize("which", ["two_columns", "three_columns"])
def test_columns_read_in_order_every_sentence_whole(which, request):
    built, doc = request.getfixturevalue(which)
    view = norm(build_reading_view(doc).text)
    assert all(norm(s) in view for s in built.sentences)
    # Columns are read one after the other: the sentences come in their order.
    positions = [view.index(norm(s)) for s in built.sentences]
    assert positions == sorted(positions)


@pytest.mark.parametrize("which", ["two_columns", "three_columns"])
def test_bold_only_headings_are_the_outline(which, request):
    built, doc = request.getfixturevalue(which)
    assert [n.display for n in doc.iter_nodes()] == [h for h, _ in built.headings]
    stripped = parse(built.data, "p.pdf", bookmarks=False)
    assert [n.display for n in stripped.iter_nodes()] == [h for h, _ in built.headings]


def test_footnotes_are_kept_apart_and_markers_never_glue(two_columns):
    built, doc = two_columns
    notes = [b for b in doc.blocks if b.kind == FURNITURE and b.role == "footnote"]
    assert len(notes) == len(built.notes)
    for block, note in zip(notes, built.notes, strict=True):
        assert norm(doc.text[block.content_start : block.content_end]) == norm(note)
    assert "[1]" in doc.text and not re.search(r"[a-z]1 ", doc.text)
    clean = reading_text(doc)
    assert not any(note[2:40] in clean for note in built.notes)
    marked = [b for b in reading_blocks(doc) if b.get("role") == "footnote"]
    assert len(marked) == len(built.notes)


def test_a_paragraph_runs_across_the_notes_and_the_page_break(two_columns):
    built, doc = two_columns
    view = build_reading_view(doc)
    # Every sentence is whole although notes and running lines stand between pages.
    assert all(norm(s) in norm(view.text) for s in built.sentences)
    # A footnote is shown after the paragraph it interrupts, and maps back exactly.
    note = next(b for b in view.blocks if b.role == "footnote")
    start, end = view.source_span(note.start, note.end)
    assert norm(doc.text[start:end]) == norm(note.text)
    assert view.display_span(start, end) == (note.start, note.end)


def test_running_lines_with_page_numbers_are_hidden_but_kept(two_columns):
    _built, doc = two_columns
    roles = [b.role for b in doc.blocks if b.kind == FURNITURE and b.role in PAGE_ROLES]
    assert roles.count("page-header") == 2 * len(doc.pages)
    assert roles.count("page-footer") == len(doc.pages)
    assert doc.text.count("Regional Cooperation Review \u2014 L 231/") == len(doc.pages)
    assert "L 231/" not in build_reading_view(doc).text


def test_a_table_is_kept_as_rows_and_its_repeated_header_set_apart(table_report):
    built, doc = table_report
    view = build_reading_view(doc).text
    header = "Country | Sector | Amount (USD m) | Year"
    assert view.count(header) == 1
    assert doc.text.count(header) == len(doc.pages)  # printed again on every page
    assert all(row in view.splitlines() for row in built.sentences)
    assert [n.display for n in doc.iter_nodes()] == ["1 Projects Financed", "2 Outlook"]
    assert doc.title == "Financing of Regional Projects"


def _pdf(draw, title: str | None = None, bookmarks=()) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    if title:
        c.setTitle(title)
    for page, items in enumerate(draw):
        for n, (bm, level) in enumerate(b for b in bookmarks if b[2] == page for b in [b[:2]]):
            c.bookmarkPage(f"p{page}b{n}")
            c.addOutlineEntry(bm, f"p{page}b{n}", level=level)
        for x, y, font, size, text, space in items:
            t = c.beginText(x, y)
            t.setFont(font, size)
            t.setCharSpace(space)
            t.textOut(text)
            c.drawText(t)
        c.showPage()
    c.save()
    return buf.getvalue()


BODY = "The parties agree to cooperate on trade, finance and investment in the region."


def test_bookmarks_are_placed_by_a_fuzzy_title():
    page = [
        (72, 760, "Helvetica-Bold", 13, "Part I \u2014 General Provisions", 0),
        (72, 730, "Helvetica", 10, BODY, 0),
        (72, 690, "Helvetica-Bold", 13, "Appendix", 4),  # letter-spaced: "A p p e n d i x"
        (72, 660, "Helvetica", 10, BODY, 0),
    ]
    bookmarks = [("Part I - General Provisions", 0, 0), ("Appendix", 0, 0)]
    data = _pdf([page], bookmarks=[(t, lvl, p) for t, p, lvl in bookmarks])
    doc = parse_bytes(data, "pdf", "fuzzy.pdf")
    nodes = doc.iter_nodes()
    assert [n.display for n in nodes] == ["Part I General Provisions", "Appendix"]
    assert doc.text[nodes[0].start :].startswith("Part I \u2014 General Provisions")
    assert norm(doc.text[nodes[1].start :]).startswith("appendix")


PAPER = [
    ("Preface", 1),
    ("Part I Relations", 1),
    ("1. In the Political Field", 2),
    ("(1) High-Level Exchanges", 3),
    ("(2) Local Exchanges", 3),
    ("2. In the Economic Field", 2),
    ("(1) Trade", 3),
    ("Part II Cooperation", 1),
    ("1. Review", 2),
]


class _Doc:
    """A parsed-document stand-in for styled_pdf: a title, headings and paragraphs."""

    def __init__(self) -> None:
        from reader.core.model import HEADING, PARAGRAPH, TITLE, Block

        parts, blocks = [], []
        pos = 0

        def add(kind: str, text: str, level: int = 0) -> None:
            nonlocal pos
            parts.append(text + "\n\n")
            blocks.append(Block(kind, pos, pos + len(text), pos, pos + len(text), level))
            pos += len(text) + 2

        add(TITLE, "Trade Policy Paper")
        for title, level in PAPER:
            add(HEADING, title, level)
            add(PARAGRAPH, BODY + " " + BODY)
        self.text, self.blocks, self.title = "".join(parts), blocks, "Trade Policy Paper"


def test_incomplete_bookmarks_are_merged_with_the_outline_of_the_text():
    built = styled_pdf(_Doc(), bookmarked_levels=(2, 3))
    doc = parse_bytes(built.data, "pdf", "styled.pdf")
    assert [(n.level, n.display) for n in doc.iter_nodes()] == [(lv, t) for t, lv in PAPER]
    assert doc.title == "Trade Policy Paper"


def test_corpus_paper_saved_from_a_styled_word_file(corpus_dir):
    text = load_document(corpus_dir / "policy-paper-lac-2016.txt")
    built = styled_pdf(text)
    doc = parse_bytes(built.data, "pdf", "paper.pdf")
    want = [(n.level, n.display) for n in text.iter_nodes()]
    assert [(n.level, n.display) for n in doc.iter_nodes()] == want
    assert (doc.title, doc.date) == (text.title, text.date)
    node = next(n for n in doc.iter_nodes() if n.display.endswith("Financial Cooperation"))
    offset = doc.text.index("China will support its financial institutions")
    assert doc.location_at(offset).startswith("Part IV > 2. In the Economic Field > (3)")
    assert node.level == 3


def test_a_hyphen_kept_at_a_line_end_takes_no_space():
    page = [
        (72, 760, "Helvetica", 10, "Cross-border trade matters. The parties open cross-", 0),
        (72, 746, "Helvetica", 10, "border trade and rebuild the eco-", 0),
        (72, 732, "Helvetica", 10, "nomic ties of the region.", 0),
    ]
    view = build_reading_view(parse_bytes(_pdf([page]), "pdf", "h.pdf")).text
    assert "open cross-border trade" in view and "the economic ties" in view


def test_the_title_is_the_largest_text_of_the_first_page_not_the_metadata():
    page = [
        (72, 760, "Helvetica", 9, "Ministry of Trade", 0),
        (72, 720, "Helvetica-Bold", 20, "A Policy on Regional Trade", 0),
        (72, 680, "Helvetica", 10, BODY, 0),
        (72, 666, "Helvetica", 10, BODY, 0),
    ]
    doc = parse_bytes(_pdf([page], title="draft"), "pdf", "t.pdf")
    assert doc.title == "A Policy on Regional Trade"
    small = [[(72, 760, "Helvetica", 10, BODY, 0), (72, 746, "Helvetica", 10, BODY, 0)]]
    doc = parse_bytes(_pdf(small, title=None), "pdf", "t.pdf")  # reportlab: "(anonymous)"
    assert doc.title != "(anonymous)"


def test_a_pdf_whose_layout_yields_nothing_still_opens():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    t = c.beginText()
    t.setTextTransform(1, 0, 0, 0.0001, 72, 700)  # flattened: glyphs without height
    t.setFont("Helvetica", 11)
    t.textLine(BODY)
    c.drawText(t)
    c.showPage()
    c.save()
    doc = parse_bytes(buf.getvalue(), "pdf", "flat.pdf")
    assert doc.text.strip() == BODY and doc.pages == [0]


def test_nist_bookmarks_are_the_outline(corpus_dir):
    import json

    real = corpus_dir / "real"
    name = "nist-sp-800-223-hpc-security.pdf"
    if not (real / name).is_file():
        pytest.skip("the real corpus is absent")
    truth = json.loads((real / "ground.json").read_text())[name]["headings"]
    doc = load_document(real / name)
    got = [(n.level, norm(n.display), doc.page_at(n.start)) for n in doc.iter_nodes()]
    assert got == [(h["level"], norm(h["title"]), h["page"]) for h in truth]


def test_a_real_two_column_paper_reads_its_columns_in_order(corpus_dir):
    path = corpus_dir / "real" / "naacl06-2col-paper.pdf"
    if not path.is_file():
        pytest.skip("the real corpus is absent")
    doc = load_document(path)
    view = norm(build_reading_view(doc).text)
    # The end of the first column, then the top of the second (page 1).
    first = view.index(norm("you need to repeat the whole process: specify articles"))
    second = view.index(norm("and adjust its patterns, either manually or semi-automatically"))
    assert first < second
    assert doc.title.startswith("Preemptive Information Extraction")
    assert [n.display for n in doc.outline][:2] == ["Abstract", "1 Background"]
