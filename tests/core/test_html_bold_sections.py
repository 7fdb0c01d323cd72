"""Web pages that mark their sections in bold rather than with heading elements: a bold
number leading each section's paragraph (an untitled numbered section, as ``第一条``
is), bold paragraphs alone as section titles, an unnumbered bold title grouping the
rest of a numbering that goes on across it. One bold paragraph is emphasis, and bold
in a list item or on a centred cover line is not a section. Each with its own fixture."""

from __future__ import annotations

from reader.core.importers import parse_bytes
from reader.core.reading import build_reading_view
from tests.core.outline_helpers import check_offsets, tree

RULES = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Harbour Rules</title></head><body>
<h2>Harbour Rules</h2>
<h3>Foreword</h3>
<p>These rules were agreed by the harbour board at its spring meeting.</p>
<h3>THE RULES</h3>
<p><strong>1.</strong> Every boat that lies in the harbour has a berth, which the harbour
master marks on the chart of the harbour kept in the office.</p>
<p><strong>2.</strong> The owner of a berth pays its fee on the first day of each month,
at the office of the harbour master, for the month to come:</p>
<dl><dt></dt><dd><strong>a)</strong> in coin or by a cheque drawn on a local bank;</dd>
<dt></dt><dd><strong>b)</strong> or by a transfer made a week ahead.</dd></dl>
<p><strong>3.</strong> An owner may repair a boat at its berth when the work does not
hinder the other boats lying in the harbour on that day.</p>
<p><strong>NO GUARANTEE</strong></p>
<p><strong>4.</strong> THE HARBOUR GIVES NO GUARANTEE OF THE DEPTH OF WATER AT A BERTH OR
OF THE STATE OF THE QUAY, WHATEVER THE SEASON OR THE WEATHER.</p>
<p><strong>5.</strong> THE HARBOUR ANSWERS FOR NO LOSS THAT A STORM OR A TIDE CAUSES TO A
BOAT LYING AT ITS BERTH, OR TO ITS GEAR LEFT ON THE QUAY.</p>
<h3>How to post these rules</h3>
<p>Print the rules and fix them on the notice board by the gate.</p>
</body></html>
"""


def _doc(html: str):
    doc = parse_bytes(html.encode("utf-8"), "html", "page.html")
    check_offsets(doc)
    return doc


def test_bold_numbers_leading_paragraphs_are_untitled_sections():
    doc = _doc(RULES)
    assert doc.title == "Harbour Rules"
    assert tree(doc.outline) == [
        "Foreword",
        ("THE RULES", ["1.", "2.", "3.", ("NO GUARANTEE", ["4.", "5."])]),
        "How to post these rules",
    ]
    # The number is the heading; the paragraph it led goes on as text, nothing lost.
    first = doc.outline[1].children[0]
    head = doc.blocks[first.block]
    assert doc.text[head.content_start : head.content_end] == "1."
    assert "1. Every boat that lies in the harbour" in doc.text
    view = build_reading_view(doc)
    assert "Every boat that lies in the harbour" in view.text


def test_bold_paragraphs_alone_are_sections_a_preamble_their_sibling():
    html = """<html><head><title>Dedication</title></head><body><main>
<h1>Dedication</h1>
<p><b>Statement of Purpose</b></p>
<p>The makers of this work wish to give it to everyone, for any use at all.</p>
<p><b>1. Giving Up Rights.</b></p>
<p>The maker gives up every right in the work that the law lets him give up.</p>
<p><b>2. Fallback.</b></p>
<p>Where a right cannot be given up, the maker grants a free licence instead.</p>
<p><b>3. Limits.</b></p>
<p>No trade mark or patent right is given up or licensed by this dedication.</p>
</main></body></html>"""
    doc = _doc(html)
    assert tree(doc.outline) == [
        "Statement of Purpose",
        "1. Giving Up Rights",
        "2. Fallback",
        "3. Limits",
    ]


def test_one_bold_paragraph_is_emphasis_and_bold_in_lists_or_covers_is_not_a_section():
    html = """<html><head><title>Notice</title></head><body><main>
<h1>Notice to owners</h1>
<p align="center"><b>HARBOUR BOARD</b></p>
<p align="center"><b>(SPRING MEETING)</b></p>
<p>The quay will be closed for repairs during the first week of May this year.</p>
<p><strong>Please note</strong></p>
<p>Boats may still leave by the east gate while the work goes on.</p>
<ol><li><p><strong>Berths</strong>.</p><p>Owners keep their berths.</p></li>
<li><p><strong>Fees</strong>.</p><p>No fee is due for that week.</p></li>
<li><p><strong>Gear</strong>.</p><p>Gear left on the quay is moved to the shed.</p></li></ol>
</main></body></html>"""
    doc = _doc(html)
    assert doc.outline == []
