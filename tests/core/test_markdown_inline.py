"""Markdown inline markup: found with exact source spans, and left out of what the
reader sees (tags, links, images, emphasis, entities, escapes, code ticks, footnote
marks, attribute lists)."""

from __future__ import annotations

import pytest

from reader.core.markdown_inline import inline_markup
from reader.core.shown_text import ShownText


def shown(source: str) -> str:
    return ShownText(source, markdown=True).span(0, len(source)).text


@pytest.mark.parametrize(
    "source,seen",
    [
        ('<u class="x">Art</u>. <u>4</u>.', "Art. 4."),
        ("3. [Rivers and Lakes](https://example.org/a_(b) 'T') apply", "3. Rivers and Lakes apply"),
        ("![a map of the basin](map.png) shows it", "a map of the basin shows it"),
        ("see [the annex][annex-2] below", "see the annex below"),
        (
            "**Scope**, *reach* and __depth__ of ~~old~~ rules",
            "Scope, reach and depth of old rules",
        ),
        ("***Both*** at once", "Both at once"),
        ("Purpose*.*  The rule", "Purpose.  The rule"),
        ("snake_case_name stays, 2 * 3 * 4 too", "snake_case_name stays, 2 * 3 * 4 too"),
        ("Water&#8212;and&nbsp;land &amp; air", "Water\u2014and\u00a0land & air"),
        ("&madeup; stays", "&madeup; stays"),
        ("\\(b\\) and \\*not emphasis\\*", "(b) and *not emphasis*"),
        ("code `a*b*c <i>` here", "code a*b*c <i> here"),
        ("Open formats [^19]", "Open formats "),
        ("**Subject:**{: .from} Rivers", "Subject: Rivers"),
        ("Contents\n{:toc}", "Contents\n"),
        ("Scope {#scope .wide}", "Scope "),
        ("Name<br />Office", "Name Office"),
        ("mail <https://example.org/x> now", "mail https://example.org/x now"),
        ("a <!-- note to self --> b", "a  b"),
        ("[see [1]](https://example.org) and [2]", "see [1] and [2]"),
        ("a lone ` tick and a lone ] bracket", "a lone ` tick and a lone ] bracket"),
        ("x < y and a & b", "x < y and a & b"),
    ],
)
def test_the_reader_sees_the_text_without_its_markup(source, seen):
    assert shown(source) == seen


def test_markup_spans_point_into_the_source_and_never_overlap():
    source = "**[Rivers](u)** &amp; <b>lakes</b> [^3]"
    found = inline_markup(source, 0, len(source))
    assert [source[m.start : m.end] for m in found] == [
        "**",
        "[",
        "](u)",
        "**",
        "&amp;",
        "<b>",
        "</b>",
        "[^3]",
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    # In the reading view a footnote mark is a superscript number; in a title, nothing.
    assert found[-1].shown == "\u00b3"
    assert inline_markup(source, 0, len(source), notes=False)[-1].shown == ""
    assert inline_markup("[^note] here", 0, 12)[0].shown == "[note]"


def test_markup_is_looked_for_inside_the_span_only():
    source = "**a** then *b*"
    assert [(m.start, m.end) for m in inline_markup(source, 6, len(source))] == [(11, 12), (13, 14)]
    assert inline_markup("plain words only", 0, 16) == []


def test_a_position_in_the_shown_text_maps_back_past_closing_markup():
    source = "<u>Sec</u>. <u>2</u>.\n <u>Scope</u>.  The rule"
    seen = ShownText(source, markdown=True).span(0, len(source))
    assert seen.text == "Sec. 2.\n Scope.  The rule"
    cut = seen.source_end(len("Sec. 2.\n Scope."))
    assert source[:cut] == "<u>Sec</u>. <u>2</u>.\n <u>Scope</u>."
    bold = "**Scope.**  The rule"
    cut = ShownText(bold, markdown=True).span(0, len(bold)).source_end(len("Scope."))
    assert bold[:cut] == "**Scope.**"  # the closing delimiter goes with the heading
    assert ShownText("Scope. The", markdown=False).span(0, 10).source_end(6) == 6


def test_plain_formats_are_shown_as_stored():
    text = "**not markup** in a text file"
    assert ShownText(text).span(0, len(text)).text == text


@pytest.mark.parametrize(
    "unit,pieces",
    [
        ("<!-- never closed ", 0),  # each opener would look to the end for "-->"
        ('<a title="never closed ', 0),
        ("{: never closed ", 0),
        ('[a](b "never closed ', 0),
        ("_a *b ", 0),  # openers of one kind never closed by the other
    ],
)
def test_hostile_paragraphs_are_scanned_in_one_pass(unit, pieces):
    # 40,000 repeats: a scan that looked ahead from every opener would take minutes.
    source = unit * 40_000
    assert len(inline_markup(source, 0, len(source))) == pieces


def test_many_emphasis_pairs_each_pair_up():
    source = "*a " * 20_000 + "b* " * 20_000
    assert len(inline_markup(source, 0, len(source))) == 40_000
