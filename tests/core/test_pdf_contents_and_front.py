"""What looks like a heading but is not one: table of contents entries (with or
without dot leaders, wrapped over lines), a bold phrase wrapped onto a line of its own,
a date or an address on a cover page. And what is: a numbered heading in line with a
table, a title printed in the banner that heads every page."""

from __future__ import annotations

from reader.core.importers.pdf import parse
from reader.core.model import FURNITURE
from reader.core.plain_text import reading_text
from tests.core.pdf_layout_fixtures import drawn_pdf

H, B = "Helvetica-Bold", "Helvetica"
SENTENCE = "The parties agree to cooperate on trade finance and investment in the region"


def body(k: int) -> str:
    words = SENTENCE.split()
    return " ".join(words[k % 7 :] + words[: k % 7]) + "."


HEADINGS = ["1 Introduction", "1.1 Scope of the report", "2 Trade", "3 Finance", "4 Outlook"]


def _report(contents: list[tuple]) -> bytes:
    """A title page, a contents page drawn from ``contents``, then one page a section."""
    pages = [[(72, 700, H, 22, "Report on Regional Trade", 0)], contents]
    for n, head in enumerate(HEADINGS):
        page = [(72, 760, H, 13, head, 0)]
        page += [(72, 730 - 13 * k, B, 10, body(k + n), 0) for k in range(20)]
        pages.append(page)
    return drawn_pdf(pages)


def _outline(data: bytes) -> list[str]:
    return [n.display for n in parse(data, "r.pdf", bookmarks=False).iter_nodes()]


def test_contents_without_dot_leaders_is_not_the_outline():
    entries = [
        ("1 Introduction", 3, 0),
        ("1.1 Scope of the report and of the questions it", 4, 1),
        ("answers for the region", None, 1),
        ("2 Trade", 5, 0),
        ("3 Finance", 6, 0),
        ("4 Outlook", 7, 0),
    ]
    page = [(72, 760, H, 16, "Contents", 0)]
    for k, (text, number, indent) in enumerate(entries):
        y = 720 - 18 * k
        page.append((72 + 18 * indent, y, H if not indent else B, 11, text, 0))
        if number is not None:
            page.append((500, y, B, 11, str(number), 0))
    data = _report(page)
    assert _outline(data) == HEADINGS
    doc = parse(data, "r.pdf")
    contents = [b for b in doc.blocks if b.kind == FURNITURE and b.role == "contents"]
    kept = "\n".join(doc.text[b.start : b.end] for b in contents)
    assert "answers for the region" in kept and "4 Outlook" in kept  # kept, set apart


def test_contents_entries_wrapped_before_their_dot_leader_are_contents():
    lines = [
        "1 Introduction ........................................ 3",
        "1.1 Scope of the report and of the questions it answers for",
        "the region ............................................ 4",
        "2 Trade ............................................... 5",
        "3 Finance ............................................. 6",
        "4 Outlook",
        "..................................................... 7",
    ]
    page = [(72, 720 - 16 * k, H, 11, text, 0) for k, text in enumerate(lines)]
    assert _outline(_report(page)) == HEADINGS


def test_a_bold_phrase_wrapped_onto_its_own_line_is_no_heading():
    page = [(72, 790, H, 20, "Solar Report", 0), (72, 760, H, 13, "1 Regional capacity", 0)]
    page += [(72, 740 - 13 * k, B, 10, body(k), 0) for k in range(6)]
    page += [
        (72, 650, B, 10, "Au 30 juin 2021, la region comptait 1 543 MW d'energie solaire,", 0),
        (72, 637, H, 10, "47 MWc.", 0),  # the end of a bold phrase, alone on its line
    ]
    page += [(72, 610 - 13 * k, B, 10, body(k + 2), 0) for k in range(6)]
    # The line before runs to the column's edge: as long as the body lines.
    width = max(len(body(k)) for k in range(6))
    page[8] = (72, 650, B, 10, page[8][4].ljust(width - 3, " ") + " des", 0)
    doc = parse(drawn_pdf([page]), "b.pdf", bookmarks=False)
    assert [n.display for n in doc.iter_nodes()] == ["1 Regional capacity"]


def test_a_date_and_an_address_on_a_cover_are_no_headings():
    cover = [
        (72, 600, H, 22, "Projet de centrale au sol", 0),
        (72, 200, H, 12, "20 decembre 2022", 0),
        (400, 200, H, 8, "165 rue Ph. Maupas - 30900 NIMES", 0),
    ]
    text = [(72, 760, H, 13, "1 Contexte", 0)]
    text += [(72, 730 - 13 * k, B, 10, body(k), 0) for k in range(20)]
    doc = parse(drawn_pdf([cover, text]), "c.pdf", bookmarks=False)
    assert [n.display for n in doc.iter_nodes()] == ["1 Contexte"]


def test_the_title_printed_in_a_banner_on_every_page_is_the_title():
    banner = [
        (180, 800, H, 15, "City Police Department", 0),
        (230, 784, H, 12.5, "GENERAL MANUAL", 0),
        (200, 768, H, 12.5, "Procedure 611 - Persons in Crisis", 0),
    ]
    pages = []
    for n in range(3):
        page = list(banner)
        page.append((54, 730, H, 10.5, f".0{n + 1} SECTION {n + 1}", 0))
        page += [(72, 710 - 13 * k, B, 10.5, body(k + n), 0) for k in range(30)]
        pages.append(page)
    doc = parse(drawn_pdf(pages, title="Statement of Philosophy"), "p.pdf")
    assert doc.title == "City Police Department GENERAL MANUAL Procedure 611 - Persons in Crisis"
    headers = [b for b in doc.blocks if b.kind == FURNITURE and b.role == "page-header"]
    assert len(headers) == 3 * 2  # on the later pages the banner is a running header
    assert [n.display for n in doc.iter_nodes()] == [
        ".01 SECTION 1",
        ".02 SECTION 2",
        ".03 SECTION 3",
    ]


def test_a_numbered_heading_in_line_with_a_table_is_no_row_of_it():
    page = [(72, 790, H, 18, "Procedure Manual", 0)]
    page += [(72, 760 - 13 * k, B, 10, body(k), 0) for k in range(5)]
    cells = [("Credible Person", "Order of Custody", "Critical Incident")]
    cells += [("Crisis Call", "Health Facility", "Ill Person")]
    cells += [("Local Authority", "Notification", "Warrantless")]
    page.append((54, 680, H, 10, ".03 TERMINOLOGY", 0))
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            page.append((82 + 160 * c, 660 - 16 * r, B, 10, text, 0))
    page.append((54, 600, H, 10, ".04 RECOGNITION", 0))
    page += [(72, 580 - 13 * k, B, 10, body(k + 1), 0) for k in range(5)]
    doc = parse(drawn_pdf([page]), "t.pdf", bookmarks=False)
    assert [n.display for n in doc.iter_nodes()] == [".03 TERMINOLOGY", ".04 RECOGNITION"]
    assert "Credible Person | Order of Custody | Critical Incident" in doc.text


def test_a_bold_run_in_phrase_wrapped_over_two_lines_is_no_heading():
    # Body lines about 340 points wide; the bold phrase breaks before a word that would
    # not fit ("carryover." is 48 points).
    lines = [body(k) for k in range(6)]
    page = [(72, 800, H, 20, "Instructions", 0)]
    page += [(72, 780 - 12 * k, B, 10, lines[k], 0) for k in range(3)]
    page.append((72, 735, H, 13, "What's New", 0))
    page += [
        (72, 715, H, 10, "Refundable credit for the prior-year alternative minimum tax of the", 0),
        (72, 703, H, 10, "carryover.", 0),
        (124, 703, B, 10, "If you have an unused credit, see Form 8801 for it.", 0),
    ]
    page += [(72, 680 - 12 * k, B, 10, lines[k], 0) for k in range(6)]
    # A heading on its own line before a paragraph that opens with a bold phrase.
    page += [(72, 590, H, 10, "Results", 0), (72, 576, H, 10, "Dynamic ion positions.", 0)]
    page.append((185, 576, B, 10, "Adding Coulomb interactions back, the", 0))
    page += [(72, 564 - 12 * k, B, 10, lines[k], 0) for k in range(6)]
    doc = parse(drawn_pdf([page]), "r.pdf", bookmarks=False)
    # ("Dynamic ion positions." is a run-in heading under Results: see test_pdf_run_in)
    assert [n.display for n in doc.iter_nodes()] == [
        "What's New",
        "Results",
        "Dynamic ion positions",
    ]
    assert [n.level for n in doc.iter_nodes()] == [1, 2, 3]
    text = reading_text(doc)
    assert "alternative minimum tax of the carryover. If you have an unused credit" in text
