"""Every real bookmark of a PDF becomes a heading: titles the page prints with a number
the bookmark leaves out, words that could open a caption, long titles wrapped with a
hanging indent and justified with wide spaces."""

from __future__ import annotations

from reader.core.importers import parse_bytes
from tests.core.pdf_layout_fixtures import drawn_pdf

BODY = "The package maintainer must list the field in the control file of the source."
WORDS = BODY.rstrip(".").split()


def body(k: int) -> str:
    """A body line of its own (lines that repeat word for word would stand in columns)."""
    return " ".join(WORDS[k % 5 :] + WORDS[: k % 5]) + "."


H, B = "Helvetica-Bold", "Helvetica"


def _manual() -> tuple[bytes, list[str]]:
    """Two pages of a manual made by Sphinx: numbered headings, bookmarks without the
    numbers (some of them bare field names like "Source" or "Notes")."""
    pages: list[list[tuple]] = []
    bookmarks: list[tuple[str, int, int]] = []
    sections = [
        [("1 About this manual", 0), ("1.1 Scope", 1), ("1.2 New versions", 1)],
        [("5.6 List of fields", 0), ("5.6.1 Source", 1), ("5.6.2 Section", 1)],
        [("5.6.3 Notes", 1), ("5.6.4 Version", 1), ("5.6.5 Table", 1)],
    ]
    for page, heads in enumerate(sections):
        items, y = [], 780
        for text, level in heads:
            items.append((72, y, H, 14 - 2 * level, text, 0))
            title = text.split(" ", 1)[1]
            bookmarks.append((title, level, page))
            y -= 24
            for k in range(4):
                items.append((72, y, B, 10, body(k), 0))
                y -= 13
            y -= 10
        pages.append(items)
    return drawn_pdf(pages, bookmarks=bookmarks), [b[0] for b in bookmarks]


def test_bookmarks_that_leave_out_the_printed_number_are_all_placed():
    data, titles = _manual()
    doc = parse_bytes(data, "pdf", "manual.pdf")
    nodes = doc.iter_nodes()
    assert [n.title for n in nodes] == titles
    assert [n.label for n in nodes][:3] == ["1", "1.1", "1.2"]
    assert [n.level for n in nodes] == [1, 2, 2, 1, 2, 2, 2, 2, 2]


def test_a_long_heading_wrapped_with_a_hanging_indent_and_wide_spaces_is_one_heading():
    # TeX stretches the spaces of a heading's short lines to the column's width, and
    # indents the lines after the first one under the title.
    lines = [
        (72, 640, H, 14, "7.7 Relationships between source and binary pack-", 0, 12),
        (99, 622, H, 14, "ages - Build-Depends, Build-Depends-Indep,", 0, 22),
        (99, 604, H, 14, "Build-Depends-Arch, Build-Conflicts, Build-Conflicts-Indep,", 0),
        (99, 586, H, 14, "Build-Conflicts-Arch", 0),
    ]
    text = [(72, 560 - 13 * k, B, 10, body(k), 0) for k in range(12)]
    above = [(72, 740 - 13 * k, B, 10, body(k + 3), 0) for k in range(6)]
    title = (
        "Relationships between source and binary packages - Build-Depends, "
        "Build-Depends-Indep, Build-Depends-Arch, Build-Conflicts, "
        "Build-Conflicts-Indep, Build-Conflicts-Arch"
    )
    page = [(72, 790, H, 20, "Policy Manual", 0), (72, 760, H, 14, "7.6 Replacing packages", 0)]
    page += [*above, *lines, *text]
    data = drawn_pdf([page], bookmarks=[("Replacing packages", 0, 0), (title, 0, 0)])
    for bookmarks in (True, False):
        doc = parse_bytes(data, "pdf", "long.pdf") if bookmarks else None
        if doc is None:
            from reader.core.importers.pdf import parse

            doc = parse(data, "long.pdf", bookmarks=False)
        nodes = doc.iter_nodes()
        assert [n.label for n in nodes] == ["7.6", "7.7"]
        assert " ".join(nodes[1].title.split()) == title.replace("pack- ages", "packages")
        heading = doc.text[nodes[1].start : nodes[1].end].split("\n\n")[0]
        assert heading.count("\n") == 3  # its four lines, no paragraph break inside


def test_a_bookmark_naming_the_start_of_a_heading_is_placed_and_back_matter_stays_out():
    page = [(72, 790, H, 18, "Guide to the Class", 0)]
    page += [(72, 770 - 12 * k, B, 10, body(k), 0) for k in range(3)]
    page += [(72, 720, H, 13, "1 Using the class", 0)]
    page += [(72, 700 - 12 * k, B, 10, body(k + 1), 0) for k in range(4)]
    page += [(72, 640, H, 13, "Appendix A2: Typesetting two or more appendices", 0)]
    page += [(72, 620 - 12 * k, B, 10, body(k + 2), 0) for k in range(4)]
    page += [(72, 560, H, 13, "References", 0)]  # printed, not bookmarked
    page += [(72, 540 - 12 * k, B, 10, body(k + 3), 0) for k in range(4)]
    bookmarks = [("Using the class", 0, 0), ("Appendix A2", 0, 0)]
    doc = parse_bytes(drawn_pdf([page], bookmarks=bookmarks), "pdf", "a.pdf")
    assert [n.display for n in doc.iter_nodes()] == [
        "1 Using the class",
        "Appendix A2: Typesetting two or more appendices",
    ]


def test_short_bookmark_titles_are_placed_on_the_line_they_point_at():
    page = [(72, 790, H, 18, "The Thesis Package", 0), (72, 760, H, 13, "Contents", 0)]
    entries = ["1.1 About ........ 1", "1.2 Options ........ 1", "1.3 License ........ 2"]
    page += [(72, 742 - 14 * k, B, 10, t, 0) for k, t in enumerate(entries)]
    page += [(72, 680, H, 12, "1.1 About the thesis package", 0)]
    page += [(72, 662 - 12 * k, B, 10, body(k), 0) for k in range(4)]
    page += [(72, 600, H, 12, "1.2 Options", 0)]
    page += [(72, 582, B, 10, "hangsection=true, false", 0), (90, 570, B, 10, body(1), 0)]
    page += [(72, 550, B, 10, "colortheme=name", 0), (90, 538, B, 10, body(2), 0)]
    # (title, level, page, height from the page's foot it points at)
    bookmarks = [
        ("About", 0, 0, 680 + 12),
        ("Options", 0, 0, 600 + 12),
        ("hangsection", 1, 0, 582 + 10),
        ("colortheme", 1, 0, 550 + 10),
    ]
    doc = parse_bytes(drawn_pdf([page], bookmarks=bookmarks), "pdf", "t.pdf")
    nodes = doc.iter_nodes()
    assert [n.display for n in nodes] == [
        "1.1 About the thesis package",
        "1.2 Options",
        "hangsection=true, false",
        "colortheme=name",
    ]
    assert [n.level for n in nodes] == [1, 1, 2, 2]


def test_a_bookmark_the_page_does_not_print_anchors_its_node_and_adds_no_text():
    # A thesis: its dedication page prints no "Dedication", only the dedication.
    pages = []
    for n, heads in enumerate([["1 Introduction"], [], ["2 Method"]]):
        items, y = [], 780
        for text in heads:
            items.append((72, y, H, 14, text, 0))
            y -= 24
        for k in range(5):
            items.append((72, y, B, 10, body(k + n), 0))
            y -= 13
        pages.append(items)
    pages[1].insert(0, (72, 700, B, 10, "To my parents, who taught me to read.", 0))
    bookmarks = [("Introduction", 0, 0), ("Dedication", 0, 1, 710), ("Method", 0, 2)]
    doc = parse_bytes(drawn_pdf(pages, bookmarks=bookmarks), "pdf", "thesis.pdf")
    nodes = doc.iter_nodes()
    assert [n.title for n in nodes] == ["Introduction", "Dedication", "Method"]
    assert "Dedication" not in doc.text  # nothing the PDF does not print
    assert doc.text[nodes[1].start :].startswith("To my parents")
    assert nodes[0].end == nodes[1].start


def test_a_bookmark_worded_otherwise_takes_the_heading_where_it_points():
    page = [(72, 810, H, 18, "The Conference Class", 0), (72, 780, H, 14, "1 Documentation", 0)]
    page += [(72, 756 - 13 * k, B, 10, body(k), 0) for k in range(4)]
    page.append((72, 690, H, 12, "All the available options", 0))
    page += [(72, 670 - 13 * k, B, 10, body(k + 1), 0) for k in range(4)]
    bookmarks = [("Documentation", 0, 0, 795), ("The options", 1, 0, 703)]
    doc = parse_bytes(drawn_pdf([page], bookmarks=bookmarks), "pdf", "o.pdf")
    assert [n.display for n in doc.iter_nodes()] == [
        "1 Documentation",
        "All the available options",
    ]
    assert [n.level for n in doc.iter_nodes()] == [1, 2]
