"""HTML page chrome decided by the page's structure: the main landmark, hidden
elements, repeated and masthead headings, and the title a page states."""

from __future__ import annotations

from reader.core.importers import parse_bytes
from reader.core.reading import build_reading_view
from tests.core.outline_helpers import tree


def _doc(page: str):
    return parse_bytes(page.encode("utf-8"), "html", "page.html")


def _role(doc, start: str) -> tuple[str, str | None]:
    """``(kind, role)`` of the first block whose content starts with ``start``."""
    b = next(
        b for b in doc.blocks if b.kind != "blank" and doc.text[b.content_start :].startswith(start)
    )
    return b.kind, b.role


LICENCE = """<!DOCTYPE html><html><head><title>Open Licence 2.0 | Licence House</title></head>
<body>
<header class="site-header"><a href="/donate">Donate</a>
<h1 class="masthead">Licence House</h1></header>
<main>
<h2>Open Licence 2.0</h2>
<section id="s1"><h3>Section 1 Definitions.</h3>
<p class="share-box">Share means to provide material to the public by any means.</p>
<ol><li id="s1c_copyright">Copyright means rights closely related to copyright.</li>
<li class="footer-note">Licensor means the person granting rights.</li></ol></section>
<section id="s7"><h3>Section 7 Other Terms.</h3>
<p>Any arrangements not stated here are separate from this Public License.</p>
<div class="footer"><p>Notices in this footer of the licence text are part of it.</p></div>
</section>
</main>
<footer><p>Licence House is a charity. Share this page.</p></footer>
</body></html>"""


def test_with_a_main_landmark_furniture_is_decided_by_structure_not_words():
    doc = _doc(LICENCE)
    # Words such as "share", "footer" or "copyright" in the document's own text, class
    # or id do not make it furniture inside <main>.
    for start in ("Share means", "Copyright means", "Licensor means", "Notices in this"):
        assert _role(doc, start)[0] != "furniture", start
    # Everything outside <main> is the site's.
    assert _role(doc, "Donate")[0] == "furniture"
    assert _role(doc, "Licence House is a charity")[0] == "furniture"
    assert _role(doc, "Licence House is a charity") == ("furniture", "footer")
    assert tree(doc.outline) == ["Section 1 Definitions", "Section 7 Other Terms"]


def test_a_masthead_h1_or_a_donate_link_is_not_the_title():
    doc = _doc(LICENCE)
    assert doc.title == "Open Licence 2.0"
    assert _role(doc, "Licence House")[0] == "furniture"
    assert _role(doc, "Donate")[0] == "furniture"
    assert _role(doc, "Open Licence 2.0") == ("title", None)


HIDDEN = """<html><head><title>Rules</title></head><body><main>
<h1>Rules</h1>
<p>The board meets <span class="page-break" style="display: none">Page 2</span>twice
a year in public.</p>
<p hidden>Hidden by attribute.</p>
<p aria-hidden="true">Hidden from assistive technology.</p>
<p><a href="/x"><span class="sr-only">Opens</span> the register</a> online.</p>
<div class="visually-hidden"><h2>Screen reader heading</h2></div>
<div style="visibility:hidden"><p>Invisible text.</p></div>
<h2>Meetings</h2><p>Meetings are announced a month ahead.</p>
</main></body></html>"""


def test_hidden_elements_are_kept_in_the_text_but_not_shown():
    doc = _doc(HIDDEN)
    view = build_reading_view(doc)
    hidden = ["Page 2", "Hidden by attribute.", "Hidden from assistive technology."]
    hidden += ["Opens", "Screen reader heading", "Invisible text."]
    for words in hidden:
        assert words in doc.text, words  # nothing is lost
        assert _role(doc, words) == ("furniture", "hidden"), words
        assert words not in view.text, words
    assert [n.display for n in doc.iter_nodes()] == ["Meetings"]
    assert "the register online." in view.text
    # A paragraph runs across a hidden page-break marker.
    assert "The board meets twice a year in public." in " ".join(view.text.split())


RESPONSIVE = """<html><head><title>Water Act | Ministry</title></head><body><main>
<div class="wide"><h2>Water Act</h2></div>
<div class="narrow"><h2>Water Act</h2><h3>Water Act</h3></div>
<h1>Water Act</h1>
<h2>Part 1 Scope</h2><p>This Act covers rivers and lakes of the country.</p>
<h2>Part 2 Duties</h2><p>Owners keep their banks clear at all times.</p>
</main></body></html>"""


def test_responsive_duplicate_headings_are_one_heading():
    doc = _doc(RESPONSIVE)
    assert doc.title == "Water Act"
    assert [n.display for n in doc.iter_nodes()] == ["Part 1 Scope", "Part 2 Duties"]
    repeats = [b for b in doc.blocks if b.role == "repeat"]
    assert repeats and all(b.kind == "furniture" for b in repeats)


def test_a_line_over_the_one_h1_is_text_not_a_section():
    page = (
        "<html><body><main><h3>Ministry of Water</h3><h1>Rules on Wells</h1>"
        "<h2>1. Scope</h2><p>These rules cover every well dug after 1990.</p>"
        "<h2>2. Permits</h2><p>A permit is needed for a well deeper than ten metres.</p>"
        "</main></body></html>"
    )
    doc = _doc(page)
    assert doc.title == "Rules on Wells"
    assert [n.display for n in doc.iter_nodes()] == ["1. Scope", "2. Permits"]
    assert _role(doc, "Ministry of Water") == ("paragraph", None)


def test_skip_links_and_jump_menus_are_navigation():
    page = (
        "<html><head><title>Guide | Site</title></head><body>"
        "<p><a href='#main'>Jump to the text</a></p>"
        "<h1>Guide</h1>"
        "<p><a href='#a'>Scope</a> | <a href='#b'>Duties</a></p>"
        "<h2 id='a'>Scope</h2><p>The guide covers wells.</p>"
        "<h2 id='b'>Duties</h2><p>Owners keep records of their wells.</p></body></html>"
    )
    doc = _doc(page)
    assert doc.title == "Guide"
    assert _role(doc, "Jump to the text") == ("furniture", "navigation")
    assert _role(doc, "Scope | Duties") == ("furniture", "navigation")
    assert [n.display for n in doc.iter_nodes()] == ["Scope", "Duties"]


def test_a_section_of_a_heading_and_a_few_links_is_a_link_box():
    page = (
        "<html><body><main><h1>Water Act</h1>"
        "<section><h2>Other formats</h2><p><a href='/a.pdf'>PDF</a></p>"
        "<p><a href='/a.txt'>Plain text</a></p></section>"
        "<h2>Part 1 Scope</h2><p>This Act covers rivers and lakes.</p></main></body></html>"
    )
    doc = _doc(page)
    assert _role(doc, "Other formats") == ("furniture", "links")
    assert [n.display for n in doc.iter_nodes()] == ["Part 1 Scope"]


def test_headings_after_the_first_in_a_content_header_are_subtitles():
    page = (
        "<html><body><main><article><header><h1>Water Act</h1><h2>Consolidated text</h2>"
        "</header><h2>Part 1 Scope</h2><p>This Act covers rivers and lakes.</p>"
        "<h2>Part 2 Duties</h2><p>Owners keep their banks clear.</p>"
        "</article></main></body></html>"
    )
    doc = _doc(page)
    assert doc.title == "Water Act"
    assert [n.display for n in doc.iter_nodes()] == ["Part 1 Scope", "Part 2 Duties"]
    assert _role(doc, "Consolidated text") == ("paragraph", None)


def test_without_a_main_landmark_class_names_still_mark_the_chrome():
    page = (
        "<html><body><div class='menu'><p><a href='/'>Home</a></p></div>"
        "<h1>Water Act</h1><p>This Act covers rivers.</p>"
        "<ul><li id='s1_footer'>Definitions apply to the whole Act.</li></ul>"
        "<div class='site-footer'><p>Contact the ministry.</p></div></body></html>"
    )
    doc = _doc(page)
    assert _role(doc, "Home") == ("furniture", "navigation")
    assert _role(doc, "Contact the ministry.") == ("furniture", "footer")
    assert _role(doc, "Definitions apply")[0] == "list_item"
