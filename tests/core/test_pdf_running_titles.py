"""Running lines that carry the current chapter's or section's title (Sphinx prints
"Chapter 1. About this manual" and "1.4. Related documents" at the foot of the pages of
that chapter and section, beside the page number): furniture, not headings."""

from __future__ import annotations

from reader.core.importers.pdf import parse
from reader.core.model import FURNITURE
from tests.core.pdf_layout_fixtures import drawn_pdf

H, B = "Helvetica-Bold", "Helvetica"
SENTENCE = "The package maintainer must list the field in the control file of the source"
WORDS = SENTENCE.split()


def body(k: int) -> str:
    return " ".join(WORDS[k % 7 :] + WORDS[: k % 7]) + "."


def test_a_section_title_repeated_in_the_footer_is_a_running_line():
    sections = ["Chapter 1. About this manual", "1.1. Scope", "1.2. New versions"]
    pages = []
    for n in range(6):
        section = sections[min(n // 2, 2)]
        items = [(72, 810, B, 9, "Debian Policy Manual, Release 4.6", 0)]
        y = 760
        if n == 0:
            items.append((72, 780, H, 22, "The Debian Policy Manual", 0))
            y = 740
        if n % 2 == 0:  # the section starts on this page; its number has no dot there
            items.append((72, y, H, 16 if n == 0 else 13, section.replace(". ", " ", 1), 0))
            y -= 26
        items += [(72, y - 13 * k, B, 10, body(k + n), 0) for k in range(30)]
        # The foot of the page: the current section's title and the page number.
        items += [(72, 40, B, 9, section, 0), (520, 40, B, 9, str(n + 1), 0)]
        pages.append(items)
    doc = parse(drawn_pdf(pages), "p.pdf", bookmarks=False)
    assert [n.title for n in doc.iter_nodes()] == ["About this manual", "Scope", "New versions"]
    running = [doc.text[b.content_start : b.content_end] for b in doc.blocks if b.kind == FURNITURE]
    assert running.count("1.1. Scope") == 2  # kept in the text, set apart


def test_a_chapter_number_spelled_out_above_its_title_is_no_heading():
    # Sphinx sets a chapter's head as "CHAPTER", "ONE" and the title on three lines.
    first = [(72, 800, H, 22, "The Debian Policy Manual", 0)]
    first += [(72, 760 - 13 * k, B, 10, body(k), 0) for k in range(20)]
    page = [(72, 760, H, 14, "CHAPTER", 0), (72, 730, H, 24, "ONE", 0)]
    page += [(72, 690, H, 20, "ABOUT THIS MANUAL", 0), (72, 665, H, 14, "1.1 Scope", 0)]
    page += [(72, 650 - 13 * k, B, 10, body(k), 0) for k in range(20)]
    doc = parse(drawn_pdf([first, page]), "c.pdf", bookmarks=False)
    titles = [n.title for n in doc.iter_nodes()]
    assert "ONE" not in titles
    assert titles[-2:] == ["ABOUT THIS MANUAL", "Scope"]
    assert "CHAPTER\n\nONE\n\nABOUT THIS MANUAL" in doc.text
