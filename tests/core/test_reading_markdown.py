"""The reading view of Markdown shows the rendered text: inline markup hidden (kept in
the stored text), and every display position still maps to the right stored offset."""

from __future__ import annotations

from reader.core.importers import parse_text
from reader.core.reading import build_reading_view

SOURCE = """---
title: Rules on Rivers
---

## 1. [Chapter One](https://example.org/one)

**Scope.** These rules cover&#8212;in every valley&nbsp;&mdash;the *rivers* and
<span class="u">lakes</span> of the basin.<br />They apply to all. [^2]

* **Ada Lovelace**<br />Water Office
{: #from}

<!-- a note to the editor -->

{:toc}

Code such as `a*b*c` stays as written, and \\*stars\\* too.

[^2]: Lakes include reservoirs.
"""


def view_of(source: str = SOURCE, fmt: str = "markdown"):
    doc = parse_text(source, fmt)
    return doc, build_reading_view(doc)


def test_the_view_shows_the_text_without_markup():
    doc, view = view_of()
    assert doc.text == SOURCE  # the stored text is the source
    texts = [rb.text for rb in view.blocks if rb.kind != "furniture"]
    assert "1. Chapter One" in texts
    assert (
        "Scope. These rules cover\u2014in every valley\u00a0\u2014the rivers and lakes of "
        "the basin. They apply to all. \u00b2" in texts
    )
    assert "\u2022 Ada Lovelace Water Office" in texts
    assert "Code such as a*b*c stays as written, and *stars* too." in texts
    assert "\u00b2 Lakes include reservoirs." in texts
    for mark in ("<span", "**", "&#8212;", "{:", "](", "<br", "<!--", "[^"):
        assert mark not in view.text, mark
    # A block that is all markup (an attribute list, a comment) shows nothing at all.
    assert all(rb.text.strip() for rb in view.blocks)


def test_a_selection_maps_to_the_words_in_the_stored_text():
    doc, view = view_of()
    for words in ("rivers", "lakes", "Chapter One", "Scope.", "Ada Lovelace", "a*b*c"):
        d = view.text.index(words)
        s, e = view.source_span(d, d + len(words))
        assert doc.text[s:e] == words
    # Across markup the span covers it: the stored quote keeps the source.
    d = view.text.index("rivers and lakes")
    s, e = view.source_span(d, d + len("rivers and lakes"))
    assert doc.text[s:e] == 'rivers* and\n<span class="u">lakes'


def test_a_replaced_character_stands_for_all_of_its_source():
    doc, view = view_of()
    d = view.text.index("\u2014in")
    s, e = view.source_span(d, d + 1)
    assert doc.text[s:e] == "&#8212;"
    assert view.to_display(doc.text.index("&#8212;") + 3) == d
    d = view.text.index("\u00b2 Lakes")
    s, e = view.source_span(d, d + 1)
    assert doc.text[s:e] == "[^2]:"


def test_stored_spans_show_on_the_words_they_hold():
    doc, view = view_of()
    # A highlight made on the stored text (a teammate's, an imported one) around markup.
    s = doc.text.index("**Scope.**")
    d0, d1 = view.display_span(s, s + len("**Scope.**"))
    assert view.text[d0:d1] == "Scope."
    s = doc.text.index("Chapter One")
    d0, d1 = view.display_span(s, s + len("Chapter One"))
    assert view.text[d0:d1] == "Chapter One"
    # Clause selection: every clause shows as text, and maps back inside itself.
    for clause in doc.clauses:
        d0, d1 = view.display_span(clause.start, clause.end)
        if d1 > d0:
            s, e = view.source_span(d0, d1)
            assert clause.start <= s <= e <= clause.end


def test_every_display_position_maps_back_in_order():
    doc, view = view_of()
    sources = [view.to_source(p) for p in range(len(view.text))]
    assert sources == sorted(sources)
    for p, ch in enumerate(view.text):
        if ch.isalnum() and ch.isascii():
            assert doc.text[sources[p]] == ch


def test_plain_text_keeps_what_looks_like_markup():
    doc, view = view_of("Stars **stay** in a text file &amp; so do <b>tags</b>.\n", "text")
    assert view.blocks[0].text == doc.text.strip()


def test_a_footnote_mark_after_a_full_stop_stays_with_its_sentence():
    from reader.core.clauses import sentence_spans

    text = "Lakes are waters. [^1] [^2] Rivers run. And end here. [^3]"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Lakes are waters. [^1] [^2]",
        "Rivers run.",
        "And end here. [^3]",
    ]
