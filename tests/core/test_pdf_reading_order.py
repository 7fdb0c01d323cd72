"""Reading order where straight cuts fail: columns that boxes and worksheets spanning
some of them interrupt, labels and marks that stand a little off their line, formulas
whose tall brackets reach into the next line, a reference list at a column's foot."""

from __future__ import annotations

import re

from reader.core.importers.pdf import parse
from reader.core.model import FURNITURE
from reader.core.plain_text import reading_text
from reader.core.reading import build_reading_view
from tests.core.pdf_layout_fixtures import boxed_columns_pdf, drawn_pdf

H, B = "Helvetica-Bold", "Helvetica"


def norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def test_columns_around_boxes_that_span_some_of_them_read_in_order():
    built = boxed_columns_pdf()
    view = norm(build_reading_view(parse(built.data, "boxed.pdf")).text)
    assert all(norm(s) in view for s in built.sentences)
    positions = [view.index(norm(s)) for s in built.sentences]
    assert positions == sorted(positions)


SENTENCE = "The parties agree to cooperate on trade finance and investment in the region"


def body(k: int) -> str:
    words = SENTENCE.split()
    return " ".join(words[k % 7 :] + words[: k % 7]) + "."


def test_a_reference_list_at_the_foot_of_a_column_is_text_under_its_bookmark():
    page = [(72, 790, H, 18, "Quantum Computation in a Crystal", 0)]
    page += [(72, 760 - 12 * k, B, 10, body(k), 0) for k in range(15)]
    page.append((72, 570, H, 10, "Results", 0))
    page += [(72, 550 - 12 * k, B, 10, body(k), 0) for k in range(14)]
    refs = [
        f"{n}. Author, A. Title of the work number {n}. Journal {n}, {n}-{n + 9}."
        for n in range(1, 9)
    ]
    page += [(72, 380 - 10 * k, B, 7.5, text, 0) for k, text in enumerate(refs)]
    # The journal prints no "References" line; its bookmark points at the list.
    data = drawn_pdf([page], bookmarks=[("References", 0, 0, 392)])
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    assert [b.get_title() for b in pdf.get_toc()] == ["References"]
    pdf.close()
    doc = parse(data, "j.pdf")
    notes = [b for b in doc.blocks if b.kind == FURNITURE and b.role == "footnote"]
    assert not notes
    assert all(r in reading_text(doc) for r in refs)
    assert [n.display for n in doc.iter_nodes()] == ["Results", "References"]
    # The page prints no "References": the stored text holds only what it prints, and
    # the bookmark's node starts at the list.
    assert "References" not in doc.text
    node = doc.iter_nodes()[1]
    assert doc.text[node.start :].startswith("1. Author")
    assert node.end >= doc.text.index(refs[-1]) + len(refs[-1])


def test_a_label_that_sits_a_little_lower_than_its_text_joins_it():
    page = [(72, 790, H, 18, "Contents of the Standards", 0)]
    for k in range(8):
        y = 740 - 14 * k
        page.append((90, y - 0.8, B, 10.9, f"7.2.{k + 1}", 0))  # the label, a hair lower
        page.append((130, y, B, 10.9, f"Section title number {k + 1} of the part", 0))
    page += [(72, 600 - 12 * k, B, 10, body(k), 0) for k in range(20)]
    text = reading_text(parse(drawn_pdf([page]), "l.pdf"))
    assert all(f"7.2.{k + 1} Section title number {k + 1} of the part" in text for k in range(8))


def test_a_tall_bracket_of_a_formula_does_not_merge_two_lines():
    lines = [
        "Here the micromotion effect is an overall",
        "renormalization in the term, so it does not",
        "modify the normal mode structure at all. It",
        "slightly shifts down the mode frequencies.",
    ]
    page = [(72, 790, H, 18, "Micromotion in a Crystal", 0)]
    page += [(40, 700 - 10.5 * k, B, 9.3, t, 0) for k, t in enumerate(lines)]
    # A bracket drawn three lines tall in the other column, level with them.
    page.append((300, 680, B, 28, "(", 0))
    page += [(320, 700 - 10.5 * k, B, 9.3, body(k)[:40], 0) for k in range(4)]
    view = build_reading_view(parse(drawn_pdf([page]), "m.pdf")).text
    assert " ".join(lines) in view.replace("\n", " ")


def test_the_letters_of_a_ligature_are_kept_and_a_bold_overprint_is_dropped():
    from reader.core.importers.pdf.engine import Glyph
    from reader.core.importers.pdf.lines import _overprints

    def glyph(ch: str, x0: float, x1: float) -> Glyph:
        return Glyph(ch, x0, x1, 100.0, 110.0, 10.0, 0)

    # "difficulty": PDFium gives the three letters of the "ffi" glyph one box.
    word = [glyph("d", 0, 5), glyph("i", 5, 8)]
    word += [glyph(c, 8, 20) for c in "ffi"]
    word += [glyph(c, 20 + 5 * k, 25 + 5 * k) for k, c in enumerate("culty")]
    assert "".join(g.ch for g in _overprints(word)) == "difficulty"
    # The word drawn again half a point to the right (to look bold) is one word.
    again = [Glyph(g.ch, g.x0 + 0.5, g.x1 + 0.5, g.top, g.bottom, g.size, 0) for g in word]
    assert "".join(g.ch for g in _overprints(word + again)) == "difficulty"


def test_an_exponent_on_the_next_line_stays_there_when_a_formula_bridges_the_rows():
    from reader.core.importers.pdf.engine import Font, Glyph
    from reader.core.importers.pdf.lines import page_lines

    def word(text: str, x: float, top: float, size: float = 9.27) -> list[Glyph]:
        return [
            Glyph(c, x + 4 * k, x + 4 * k + 4, top, top + 0.96 * size, size, 0)
            for k, c in enumerate(text)
        ]

    # The journal's glyphs: "...it slightly" above "...order of O(q²))." in the left
    # column; beside them a displayed formula whose tall bracket and lowered pieces
    # reach from the one line's height to the other's, so one row holds both.
    glyphs = word("Instead, it slightly", 40, 114.5) + word("the order of O(q", 40, 125.0)
    glyphs.append(Glyph("2", 104.2, 107.0, 124.5, 129.5, 5.13, 0))  # q's exponent
    glyphs += word(")).", 107.2, 125.0)
    glyphs += word("wa", 304, 114.2) + [Glyph("j", 312, 314.4, 118.8, 125.1, 6.49, 0)]
    glyphs += word("h", 398.7, 120.6) + word("w", 403, 114.2) + word("x", 420, 114.2)
    glyphs.append(Glyph("(", 414.5, 419.2, 107.9, 128.9, 9.27, 0))  # drawn tall
    lines = [ln.text for ln in page_lines(glyphs, [Font("Times", False, False, False)])]
    assert "Instead, it slightly" in lines
    assert "the order of O(q[2]))." in lines  # the mark kept apart, recoverable
