"""HTML: headings, paragraphs and list items; nothing fetched, scripts dropped."""

from __future__ import annotations

import pytest

from reader.core.importers import parse_bytes
from reader.core.reading import build_reading_view
from tests.core.outline_helpers import check_offsets, tree

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Paper | Ministry site</title>
<meta name="dc.date" content="2016-11-24">
<link rel="stylesheet" href="http://example.org/x.css">
<script src="http://example.org/track.js"></script>
<script>document.write("<h1>injected</h1>")</script>
<style>h1 { color: red }</style></head>
<body>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/t">Topics</a></div>
<nav><ul><li>Menu one</li><li>Menu two</li></ul></nav>
<h1>China&#8217;s Policy Paper</h1>
<p>Preface</p>
<p>The world today is changing.<br>It really is &amp; always was.</p>
<h2>Part I Land of Hope</h2>
<p>Body  text
 with   spaces.</p>
<h3>(1) Trade</h3>
<ol><li>First measure</li><li>Second measure</li></ol>
<table><tr><td>Year</td><td>Value</td></tr><tr><td>2015</td><td>10</td></tr></table>
<img src="http://example.org/pixel.gif" onerror="alert(1)">
<form action="http://example.org"><input type="text" value="Please enter E-mail">
<button>Submit</button> Suggest to a friend</form>
<aside><h4>Related News</h4><ul><li>Other story</li></ul></aside>
<footer>Copyright &copy; 1998-2014 Ministry of Foreign Affairs</footer>
</body></html>
"""


def test_html_outline_text_and_metadata():
    doc = parse_bytes(PAGE.encode("utf-8"), "html", "page.html")
    assert doc.title == "China\u2019s Policy Paper"
    assert doc.date == "2016-11-24"
    assert tree(doc.outline) == ["Preface", ("Part I Land of Hope", ["(1) Trade"])]
    check_offsets(doc)
    assert "injected" not in doc.text and "color" not in doc.text
    assert "Submit" not in doc.text
    assert "It really is & always was." in doc.text
    assert "Body text with spaces." in doc.text
    assert "- Menu one" in doc.text
    assert "1. First measure" in doc.text
    assert "Year | Value" in doc.text


def test_html_page_furniture():
    doc = parse_bytes(PAGE.encode("utf-8"), "html", "page.html")
    roles = {
        doc.text[b.content_start : b.content_end]: b.role
        for b in doc.blocks
        if b.kind == "furniture"
    }
    assert roles["Home > Topics"] == "navigation"
    assert roles["Menu one"] == "navigation"
    assert roles["Related News"] == "related"
    assert roles["Copyright \u00a9 1998-2014 Ministry of Foreign Affairs"] == "footer"
    assert doc.source == "Ministry of Foreign Affairs"


def test_html_declared_charset_is_used():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x80 5</p></body>'
    doc = parse_bytes(page.encode("latin-1"), "html", "x.html")
    assert "Café € 5" in doc.text


@pytest.mark.parametrize(
    "hostile",
    [
        "<div>" * 20000 + "deep" + "</div>" * 20000,
        "<p>unclosed <b>tags <i>everywhere<p>next",
        "<SCRIPT type=x>alert(1)</SCRIPT>text after<Script>alert(2)",
        "<p " + "a=1 " * 5000 + ">attrs</p>",
        "<svg><script>alert(1)</script><text>svg text</text></svg><p>after svg</p>",
        "<!-- comment <p>not text</p> -->visible",
        "&#0; &#xD800; &bogus; &amp",
        "",
    ],
)
def test_hostile_or_broken_html_never_raises(hostile):
    doc = parse_bytes(hostile.encode("utf-8"), "html", "bad.html")
    assert "".join(doc.text[b.start : b.end] for b in doc.blocks) == doc.text
    assert "alert" not in doc.text
    assert "not text" not in doc.text


RIVERS = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Rules on Rivers | Ministry of Water</title></head><body>
<a href="#content">Skip to main content</a>
<ul class="picker"><li><a href="/en">English</a></li><li><a href="/fr">Français</a></li>
<li><a href="/zh">中文</a></li></ul>
<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/about">About us</a></li></ul>
<main id="content">
<p>Sec. 1. Duties of the board. The board shall:</p>
<ol type="a"><li>keep a register of rivers;</li><li>publish the register each year.</li></ol>
<ol type="i" start="3"><li>third item</li><li value="7">seventh item</li><li>eighth item</li></ol>
<ol style="list-style-type: upper-alpha"><li>First choice</li><li>Second choice</li></ol>
<p>The register lists every river longer than ten kilometres and its owners.</p>
</main></body></html>"""


def test_html_title_from_title_element_not_a_skip_link():
    doc = parse_bytes(RIVERS.encode("utf-8"), "html", "rivers.html")
    assert doc.title == "Rules on Rivers"
    skip = next(b for b in doc.blocks if doc.text[b.content_start :].startswith("Skip to"))
    assert (skip.kind, skip.role) == ("furniture", "navigation")


def test_html_ordered_list_labels_as_the_reader_sees_them():
    doc = parse_bytes(RIVERS.encode("utf-8"), "html", "rivers.html")
    items = [b.label for b in doc.blocks if b.kind == "list_item"]
    assert items == ["a.", "b.", "iii.", "vii.", "viii.", "A.", "B."]
    view = build_reading_view(doc)
    for label, words in [("a.", "keep a register"), ("vii.", "seventh item"), ("B.", "Second")]:
        assert f"{label} {words}" in view.text
    assert tree(doc.outline) == ["Sec. 1. Duties of the board"]


def test_html_menus_and_language_pickers_are_furniture():
    doc = parse_bytes(RIVERS.encode("utf-8"), "html", "rivers.html")
    roles = {doc.text[b.content_start : b.content_end]: b.role for b in doc.blocks}
    assert roles["English"] == roles["Français"] == roles["中文"] == "language"
    assert roles["Home"] == roles["About us"] == "navigation"
    # Furniture stays in the text, and the reading view keeps every visible word.
    view = build_reading_view(doc)
    for word in ("English", "Home", "register", "kilometres", "Skip to main content"):
        assert word in view.text


def test_html_copyright_section_of_a_document_is_text():
    page = (
        "<html><body><h1>A Standard</h1><section id='copyright-notice'>"
        "<h2>Copyright Notice</h2><p>This text may be copied freely by anyone.</p></section>"
        "<section><h2>1. Scope</h2><p>This standard covers rivers.</p></section></body></html>"
    )
    doc = parse_bytes(page.encode("utf-8"), "html", "std.html")
    assert tree(doc.outline) == ["Copyright Notice", "1. Scope"]
