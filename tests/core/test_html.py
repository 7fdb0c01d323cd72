"""HTML: headings, paragraphs and list items; nothing fetched, scripts dropped."""

from __future__ import annotations

import pytest

from reader.core.importers import parse_bytes
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
