"""Headings told by their face: TeX's font names, a class's small sans headings over a
serif text, italic subsection headings; and what a face does not make a heading (small
bold print in the body's face, a formula in italic, a field line, an index letter)."""

from __future__ import annotations

import pytest

from reader.core.importers.pdf import parse
from reader.core.importers.pdf.engine import _font_style
from tests.core.pdf_layout_fixtures import drawn_pdf

SERIF, SERIF_BOLD, SERIF_ITALIC = "Times-Roman", "Times-Bold", "Times-Italic"
SANS_BOLD, SANS_ITALIC = "Helvetica-Bold", "Helvetica-Oblique"
WORDS = "the class sets the margins fonts headings captions and reference formats of a paper"


def body(k: int) -> str:
    words = WORDS.split()
    return " ".join(words[k % 9 :] + words[: k % 9]).capitalize() + "."


@pytest.mark.parametrize(
    ("name", "bold", "italic"),
    [
        ("ABCDEF+CMBX12", True, False),
        ("CMB10", True, False),
        ("SFBX1000", True, False),
        ("ptmb8r", True, False),
        ("CMTI10", False, True),
        ("ptmri8r", False, True),
        ("CMR10", False, False),
        ("NimbusRomNo9L-Regu", False, False),
    ],
)
def test_tex_font_names_say_bold_and_italic(name, bold, italic):
    font = _font_style(name, 400, 0)
    assert (font.bold, font.italic) == (bold, italic)


def _outline(items: list[tuple]) -> list[str]:
    page = [(72, 800, SERIF_BOLD, 18, "A Guide to the Class", 0)]
    page += [(72, 780 - 12 * k, SERIF, 10, body(k), 0) for k in range(3)]
    page += items
    doc = parse(drawn_pdf([page]), "f.pdf", bookmarks=False)
    return [n.display for n in doc.iter_nodes()]


def _section(y: float, heading: tuple, lines: int = 5) -> list[tuple]:
    return [heading] + [(72, y - 18 - 12 * k, SERIF, 10, body(k + 1), 0) for k in range(lines)]


def test_small_sans_and_italic_headings_over_a_serif_text_are_headings():
    items = _section(730, (72, 730, SANS_BOLD, 9, "DOCUMENTATION", 0))
    items += _section(640, (72, 640, SANS_BOLD, 9, "How to load the document class", 0))
    items += _section(550, (72, 550, SANS_ITALIC, 9, "Predefined styles for the edition", 0))
    items += _section(460, (72, 460, SERIF_ITALIC, 10, "2.1 Discarded options", 0))
    assert _outline(items) == [
        "DOCUMENTATION",
        "How to load the document class",
        "Predefined styles for the edition",
        "2.1 Discarded options",
    ]


def test_small_bold_print_formulas_field_lines_and_index_letters_are_no_headings():
    items = _section(730, (72, 730, SERIF_BOLD, 12, "1 Results", 0))
    items += _section(640, (72, 640, SERIF_BOLD, 8.5, "Total Region", 0))  # a table's label
    items += _section(550, (72, 550, SERIF_ITALIC, 10, "E = m c squared + k", 0))
    items += _section(460, (72, 460, SERIF_BOLD, 10, "Since: 2.0", 0))
    items += _section(370, (72, 370, SERIF_BOLD, 12, "B", 0))
    assert _outline(items) == ["1 Results"]


def test_spaced_capitals_read_as_words_and_are_a_heading():
    # The letters stand apart with spaces between them, the words further apart.
    spaced = "I N T R O D U C T I O N   T O   T H E   C L A S S"
    items = [(72, 712, SERIF, 10, spaced, 0)]
    items += [(72, 694 - 12 * k, SERIF, 10, body(k), 0) for k in range(5)]
    assert _outline(items) == ["INTRODUCTION TO THE CLASS"]


def test_a_small_capitals_face_is_named_so():
    assert _font_style("ABCDEF+TeXPalladioL-SC", 400, 0).smallcaps
    assert _font_style("CMCSC10", 400, 0).smallcaps
    assert not _font_style("TeXPalladioL-Roman", 400, 0).smallcaps


def test_double_spaced_lines_are_one_paragraph():
    page = [(72, 800, SERIF_BOLD, 14, "A Double-Spaced Paper", 0)]
    page += [(72, 776 - 24 * k, SERIF, 12, body(k), 0) for k in range(3)]
    page += [(72, 690, SERIF_BOLD, 12, "Method", 0)]
    page += [(72, 666 - 24 * k, SERIF, 12, body(k), 0) for k in range(8)]
    doc = parse(drawn_pdf([page]), "d.pdf", bookmarks=False)
    assert [n.display for n in doc.iter_nodes()] == ["Method"]
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 2


def test_one_line_paragraphs_at_a_regular_gap_stay_apart(fixtures_dir):
    """A text of one-line paragraphs, each gap the same, is not double-spaced text: only
    lines that wrap at the column's edge tell the line pitch (the binary's smoke test
    PDF came out as one paragraph with no outline when every gap counted)."""
    from tests.core.pdf_fixtures import text_pdf

    text = (fixtures_dir / "trade-policy-paper.txt").read_text(encoding="utf-8")
    doc = parse(text_pdf(text), "paper.pdf", bookmarks=False)
    displays = [n.display for n in doc.iter_nodes()]
    assert "Preface" in displays and any(d.startswith("Part I") for d in displays)
    assert len([b for b in doc.blocks if b.kind == "paragraph"]) >= 5
