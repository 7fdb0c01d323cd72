"""Markdown: '#' headings (and underlined ones) are the outline."""

from __future__ import annotations

from reader.core.importers import parse_text
from tests.core.outline_helpers import check_offsets, tree

MD = """---
title: Green Transition Strategy
date: 2021-03-04
publisher: Ministry of Environment
---

# Green Transition Strategy

Intro paragraph that is
hard wrapped.

## Part I Context

Text with *emphasis* and a [link](http://example.org).

- first item
- second item
  continued

### (1) Energy

1. numbered list item
2. another

```
# not a heading inside code
```

## Part II Measures

> A quoted passage.

Setext Heading
--------------

Closing text.
"""


def test_markdown_outline_and_metadata():
    doc = parse_text(MD, "markdown")
    assert doc.title == "Green Transition Strategy"
    assert doc.date == "2021-03-04"
    assert doc.source == "Ministry of Environment"
    # The single h1 is the document title; h2 become the top level.
    assert tree(doc.outline) == [
        ("Part I Context", ["(1) Energy"]),
        "Part II Measures",
        "Setext Heading",  # underlined with '-': a level-2 heading like '##'
    ]
    assert doc.outline[0].label == "Part I" and doc.outline[0].title == "Context"
    check_offsets(doc)


def test_markdown_blocks_are_lossless_and_typed():
    doc = parse_text(MD, "markdown")
    assert "".join(doc.text[b.start : b.end] for b in doc.blocks) == MD
    kinds = [b.kind for b in doc.blocks if b.kind != "blank"]
    assert kinds.count("list_item") == 4
    assert "code" in kinds and "quote" in kinds
    assert doc.blocks[0].role == "front-matter"
    heading = next(b for b in doc.blocks if b.kind == "heading")
    assert doc.text[heading.content_start : heading.content_end] == "Part I Context"


def test_markdown_numbered_list_items_are_not_headings():
    doc = parse_text("# Title A\n\ntext\n\n# Title B\n\n1. Install Python\n2. Run it\n", "markdown")
    assert tree(doc.outline) == ["Title A", "Title B"]


def test_markdown_without_headings():
    doc = parse_text("Just a note about the paper. Nothing more.\n", "markdown")
    assert doc.outline == []
    assert doc.title == "Just a note about the paper"
