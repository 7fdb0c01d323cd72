"""Headings and titles are judged by the text a reader sees: Markdown inline markup,
front matter written over several lines, HTML pages that set a heading apart as their
title, numbered headings ending with a full stop."""

from __future__ import annotations

from reader.core.importers import parse_bytes, parse_text
from reader.core.shown_text import ShownText
from tests.core.outline_helpers import check_offsets, tree

U = '<span style="text-decoration: underline">{}</span>'
SPLIT = "Duties of the Water\nOffice"  # a title wrapped inside its tag

RUN_IN = f"""---
title: Keeping the Rivers of the Valley Clean
---

By the authority of the board, it is hereby ruled:

{U.format("Section")} {U.format("1")}.
 {U.format("Aim")}.  The rivers of the valley shall be kept clean for
everyone who lives along them.

{U.format("Sec")}. {U.format("2")}.
 {U.format(SPLIT)}.  (a)  The office shall test the water every month.

{U.format("Sec")}.
{U.format("3")}.
 {U.format("Final Provisions")}.
 (a)  Nothing in this rule changes earlier rules.
"""


def test_run_in_sections_written_with_inline_html():
    doc = parse_text(RUN_IN, "markdown")
    assert [(n.label, n.title) for n in doc.outline] == [
        ("Section 1.", "Aim"),
        ("Sec. 2.", "Duties of the Water Office"),
        ("Sec. 3.", "Final Provisions"),
    ]
    assert doc.text == RUN_IN  # the markup stays in the stored text
    shown = ShownText(doc.text, markdown=True)
    for node in doc.outline:
        assert shown.line(doc.blocks[node.block]).startswith(node.display)
    # The heading takes its closing tag along; its paragraph starts with the body text.
    aim = doc.blocks[doc.outline[0].block]
    assert doc.text[aim.content_start : aim.content_end].endswith("Aim</span>.")
    after = doc.blocks[doc.outline[0].block + 1]
    assert doc.text[after.content_start :].startswith("The rivers")


def test_links_footnote_marks_and_markup_stay_out_of_titles():
    text = (
        "## 1. [Chapter One](https://example.org/one_(law))\n\n"
        "### 1.1 *Scope* &amp; **Reach** {#scope}\n\nThe rule reaches far.\n\n"
        "### 1.2 Use open formats [^4]\n\nFormats matter.\n\n"
        "[^4]: A note on formats.\n"
    )
    doc = parse_text(text, "markdown")
    assert tree(doc.outline) == [("1. Chapter One", ["1.1 Scope & Reach", "1.2 Use open formats"])]
    assert doc.title == "1. Chapter One"
    assert (
        doc.section_path_text(text.index("Formats matter"))
        == "1. Chapter One > 1.2 Use open formats"
    )


def test_a_folded_front_matter_title_wins_over_a_title_looking_first_line():
    text = (
        "---\ntitle: Protecting the Wetlands of the Upper Basin and Their\n  Tributaries\n"
        "date: '2024-05-06'\n---\n\nORDER OF THE RIVER BOARD/ORB-7\n\n"
        "The board orders as follows, for the wetlands of the basin.\n"
    )
    doc = parse_text(text, "markdown")
    assert doc.title == "Protecting the Wetlands of the Upper Basin and Their Tributaries"
    assert doc.date == "2024-05-06"
    signed = parse_text(
        "---\ntitle: River Week, 2024\n---\n\nBy the Chair of the River Board\n\n"
        "A Declaration\n\nDuring River Week we celebrate the rivers.\n",
        "markdown",
    )
    assert signed.title == "River Week, 2024" and signed.outline == []


def test_a_title_heading_states_the_title_as_much_as_front_matter():
    text = "---\ntitle: Water Act\n---\n\n# Water Act (WA)\n\n## § 1 Aim\n\nClean water.\n"
    assert parse_text(text, "markdown").title == "Water Act (WA)"


LICENCE = """<html><head><title>River Licence v2 - Water Project - Free Water Foundation</title>
</head><body>
<h3 style="text-align: center;">RIVER LICENCE</h3>
<p style="text-align: center;">Version 2, 3 May 2010</p>
<p>This licence lets anyone share the river's data under the terms below.</p>
<h4><a name="s0"></a>0. Definitions.</h4>
<p>In this licence, "the data" means the river's measurements.</p>
<h4><a name="s1"></a>1. Sharing the Data with Other People Who Ask for It.</h4>
<p>Anyone may share the data with anyone.</p>
<h4>2. Changes.</h4>
<p>The data may be changed if the changes are marked.</p>
</body></html>"""


def test_html_without_h1_a_centred_heading_is_the_title():
    doc = parse_bytes(LICENCE.encode(), "html", "licence.html")
    assert doc.title == "RIVER LICENCE"
    # The sections nest from the level below the title; every number split off alike.
    assert [(n.level, n.label, n.title) for n in doc.outline] == [
        (1, "0.", "Definitions"),
        (1, "1.", "Sharing the Data with Other People Who Ask for It"),
        (1, "2.", "Changes"),
    ]
    check_offsets(doc)


def test_html_without_h1_the_heading_matching_the_page_title_is_the_title():
    page = LICENCE.replace(' style="text-align: center;"', "").replace(
        "RIVER LICENCE", "River Licence"
    )
    page = page.replace("<h3>", "<p>Intro line.</p><h3>")
    assert parse_bytes(page.encode(), "html").title == "River Licence"
    # A numbered lone heading is a section, not a title.
    numbered = page.replace("<h3>River Licence</h3>", "<h3>1. River Licence</h3>")
    doc = parse_bytes(numbered.encode(), "html")
    assert doc.outline[0].display == "1. River Licence" and len(doc.outline[0].children) == 3


def test_a_document_without_a_title_line_is_not_named_after_its_first_section():
    text = "1. FIRST RULES\n\nThe first rules apply here.\n\n2. SECOND RULES\n\nThen these.\n"
    assert parse_text(text, "text", "river-rules.txt").title == "river-rules"
    assert parse_text(text, "text").title == "1. FIRST RULES"  # nothing better stated


def test_long_paragraphs_are_looked_at_through_their_markup():
    body = "The office keeps the records of every river in the valley. " * 14
    text = (
        f"**Sec. 1.  Records.**  {body}\n\n"
        f"*Sec. 2.  Reports.  {body}*\n\n"
        f'<span class="u">Sec</span>. <span class="u">3</span>.  Notices.  {body}\n\n'
        f"The office writes to [every holder]({'https://example.org/' * 8}) once. {body}\n"
    )
    doc = parse_text(text, "markdown")
    assert [n.display for n in doc.outline] == [
        "Sec. 1. Records",
        "Sec. 2. Reports",
        "Sec. 3. Notices",
    ]
    assert doc.text == text


def test_a_bold_label_leading_into_a_list_is_not_the_title():
    text = "**From:**\n\n* **A. Writer**<br />Director\n\nSubject: rivers.\n\nThe memo says so.\n"
    doc = parse_text(text, "markdown")
    assert all(b.kind != "title" for b in doc.blocks)
