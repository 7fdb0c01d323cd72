"""A web page laid out as a printed bill: no heading elements, a cover of centred
lines under a letterhead, and articles whose titles stand in brackets."""

from __future__ import annotations

from reader.core.importers import parse_bytes
from reader.core.importers.html_title import page_title
from tests.core.outline_helpers import tree

BILL = """<html><head><title>Assembly.org -</title></head><body>
<center>FIRST TERM</center>
<table><tr><td></td><td><h2 style="text-align:center">HOUSE OF THE ASSEMBLY</h2></td>
<td><strong>No. 12-B</strong></td></tr></table>
<center><strong>BILL ON PUBLIC WATERS</strong></center>
<center><strong>PASSED, WITH CHANGES, AT FIRST READING BY THE COUNCIL</strong></center>
<center><em>on 3 March 2015</em></center>
<center><strong>PASSED, WITHOUT CHANGES, AT SECOND READING BY THE HOUSE</strong></center>
<center><em>on 9 May 2016</em></center>
<center><strong>PASSED AT SECOND READING, WITH THE ABSOLUTE MAJORITY OF ITS MEMBERS, BY THE
COUNCIL OF THE ASSEMBLY OF THE STATE AND OF ITS REGIONS</strong></center>
<center><em>on 20 May 2016, after a debate of three days and a vote by roll call</em></center>
<center>presented by the minister for water</center>
<center><strong>(RIVERS)</strong></center>
<center>Rules for the care of rivers, lakes and the wells that draw on them</center>
<center><em>Sent by the President of the Council on 10 May 2016</em></center>
<center>Chapter I</center>
<center>GENERAL RULES</center>
<center>Art. 1.</center>
<center><em>(Scope)</em>.</center>
<p>1. These rules apply to every river, lake and well in the country and to all
who draw water from them for any purpose at all.</p>
<center>Art. 2.</center>
<center><em>(Duties of the owners of the banks of rivers and lakes)</em>.</center>
<p>1. The following changes are made to the law on banks:</p>
<p>a) owners keep their banks clear of anything that blocks the water;</p>
<p>b) owners report floods to the town within a day of seeing them.</p>
<p>2. The town keeps a register of the reports it receives each year.</p>
<center>Art. 3.</center>
<center><em>(Entry into force of these rules for all rivers and lakes)</em>.</center>
<p>1. These rules come into force on the day after their publication in the
official journal of the state.</p>
</body></html>"""


def _doc():
    return parse_bytes(BILL.encode("utf-8"), "html", "bill.html")


def test_a_site_name_alone_in_title_states_no_title():
    assert page_title("Assembly.org -", None) is None
    assert page_title("Rules on Rivers | Ministry of Water", None) == "Rules on Rivers"


def test_the_title_line_of_a_cover_is_the_title():
    doc = _doc()
    assert doc.title == "Rules for the care of rivers, lakes and the wells that draw on them"


def test_the_masthead_and_the_cover_lines_over_the_title_are_not_sections():
    doc = _doc()
    displays = [n.display for n in doc.iter_nodes()]
    assert "HOUSE OF THE ASSEMBLY" not in displays
    assert not [d for d in displays if d.startswith(("PASSED", "BILL"))]


def test_articles_with_bracketed_titles_and_lead_in_sentences_are_not_headings():
    doc = _doc()
    assert tree(doc.outline) == [
        (
            "Chapter I GENERAL RULES",
            [
                "Art. 1. (Scope)",
                "Art. 2. (Duties of the owners of the banks of rivers and lakes)",
                "Art. 3. (Entry into force of these rules for all rivers and lakes)",
            ],
        )
    ]


def test_a_centred_title_heading_with_an_addendum_of_its_level_is_the_title_only():
    html = """<html><head><title>Harbour Licence - Harbour Board</title></head><body>
<h3 style="text-align: center;">Harbour Licence</h3>
<p style="text-align: center;">Version 2, 1 May 2020</p>
<h4>0. WORDS USED</h4><p>A berth is a place on the quay where one boat may lie.</p>
<h4>1. FEES</h4><p>The fee for a berth is paid on the first day of each month.</p>
<h3>ADDENDUM: How to post this licence</h3><p>Fix it on the board by the gate.</p>
</body></html>"""
    doc = parse_bytes(html.encode("utf-8"), "html", "licence.html")
    assert doc.title == "Harbour Licence"
    assert tree(doc.outline) == [
        "0. WORDS USED",
        "1. FEES",
        "ADDENDUM: How to post this licence",
    ]


BOXED = """<html><head><title>Berth Licence</title></head><body><main>
<h1>Berth Licence</h1>
<p>Version 1.0</p>
<h4>About the licence</h4><p>The harbour board wrote this licence for every owner.</p>
<div class="box">
<h3>BL 1.0</h3><h2>Berth Licence</h2><h3>{heading}</h3>
<p>The holder may moor one boat at one berth of the harbour for the season.</p>
<p><b>1. Fees.</b></p><p>The fee is paid on the first day of each month.</p>
<p><b>2. Repairs.</b></p><p>Repairs are made at the berth when the tide allows.</p>
<p><b>3. Ending.</b></p><p>The licence ends with the season.</p>
</div></main></body></html>"""


def test_the_title_drawn_again_over_the_boxs_own_heading_is_a_repeat():
    html = BOXED.format(heading="The Harbour Board Berth Licence")
    doc = parse_bytes(html.encode("utf-8"), "html", "boxed.html")
    displays = [n.display for n in doc.iter_nodes()]
    assert displays == [
        "About the licence",
        "The Harbour Board Berth Licence",
        "1. Fees",
        "2. Repairs",
        "3. Ending",
    ]


def test_the_title_said_again_over_the_boxs_text_heads_it():
    html = BOXED.replace("<h3>{heading}</h3>", "")
    doc = parse_bytes(html.encode("utf-8"), "html", "boxed.html")
    assert ("Berth Licence", ["1. Fees", "2. Repairs", "3. Ending"]) in tree(doc.outline)
