"""The reading view: clean display text with an exact map to the stored text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.importers import load_document, parse_text
from reader.core.reading import build_reading_view
from tests.core.test_properties import TEXTS


def test_paper_reading_view_rejoins_breaks_and_maps_back(paper_and_news):
    facts = paper_and_news[0]
    doc = load_document(facts.path)
    view = build_reading_view(doc)
    for tail, head in facts.breaks:
        assert f"{tail} {head}" in view.text
    kinds = [b.kind for b in view.blocks]
    assert kinds[0] == "furniture" and kinds[1] == "title"
    assert view.blocks[1].text == facts.title
    # An annotation's source span shows as exactly its text.
    title = facts.section_title
    start = doc.text.index(title)
    ds, de = view.display_span(start, start + len(title))
    assert view.text[ds:de] == title
    assert view.source_span(ds, de) == (start, start + len(title))
    # Across the rejoined break the display span still round-trips.
    tail, head = facts.breaks[0]
    a = doc.text.index(tail + "\n")
    b = doc.text.index(head) + len(head)
    ds, de = view.display_span(a, b)
    assert view.text[ds:de] == f"{tail} {head}"
    assert view.source_span(ds, de) == (a, b)


def test_outline_nodes_map_to_their_heading_in_the_view(paper_and_news):
    doc = load_document(paper_and_news[0].path)
    view = build_reading_view(doc)
    for node in doc.iter_nodes():
        pos = view.to_display(node.start)
        block = view.blocks[view.block_at(pos)]
        assert block.kind == "heading" and block.start == pos
        assert block.text.endswith(node.title)


def test_markup_and_whitespace_are_cleaned():
    doc = parse_text(
        "## Part I Aims\n\n- first   item\n- second\n\n1. one\n2. two\n\n"
        "A hard\r\nwrapped\tline.\n",
        "markdown",
    )
    view = build_reading_view(doc)
    assert [b.text for b in view.blocks] == [
        "Part I Aims",
        "\u2022 first item",
        "\u2022 second",
        "1. one",
        "2. two",
        "A hard wrapped line.",
    ]
    assert view.text == "\n".join(b.text for b in view.blocks)
    src = doc.text.index("first")
    assert view.to_display(src) == view.text.index("first")
    assert view.to_source(view.text.index("\u2022 second")) == doc.text.index("second")


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from(["text", "markdown", "html"]))
def test_maps_are_consistent_for_any_text(text, fmt):
    doc = parse_text(text, fmt)
    view = build_reading_view(doc)
    assert view.text == "\n".join(b.text for b in view.blocks)
    n = len(view.text)
    prev = -1
    for d in range(n + 1):
        s = view.to_source(d)
        assert 0 <= s <= len(doc.text)
        assert s >= prev  # monotonic
        prev = s
    for c in doc.clauses:
        ds, de = view.display_span(c.start, c.end)
        assert 0 <= ds <= de <= n
        s0, s1 = view.source_span(ds, de)
        if fmt != "markdown":
            assert s0 <= c.start + 1 and s1 >= c.end - 1 or de == ds
        # Every character of the clause that the view shows is inside the span (Markdown
        # markup at a clause's ends is not shown, so the span may stop short of them).
        for x in range(c.start, c.end):
            d = view.to_display(x)
            if d < n and view.to_source(d) == x and not view.text[d].isspace():
                assert s0 <= x < s1
    for d in range(n):
        if not view.text[d].isspace() and view.text[d] != "\u2022":  # a drawn bullet has no source
            s = view.to_source(d)
            assert view.to_display(s) == d
            # Markdown shows a character reference, a line break tag or a footnote mark
            # as something else: its source starts with "&", "<" or "[".
            assert doc.text[s] == view.text[d] or (fmt == "markdown" and doc.text[s] in "&<[")
