"""structure.analyse on its own: headings and the title classified in place, the
outline's nesting and spans, broken paragraphs rejoined, conventions switched off."""

from __future__ import annotations

from reader.core.furniture import mark_furniture
from reader.core.importers.text import segment
from reader.core.model import HEADING, TITLE
from reader.core.structure import analyse

PAPER = """Regional Trade Paper

Part I Overview

The parties will trade goods. They will lower tariffs.

Part II Cooperation

1. In the Economic Field

(1) Trade

Trade will grow.

(2) Finance

Banks will cooperate.
"""


def _analysed(text: str, conventions: bool = True):
    blocks = segment(text)
    mark_furniture(text, blocks)
    return blocks, analyse(text, blocks, conventions)


def test_outline_nests_parts_fields_and_sections_with_their_spans():
    blocks, outline = _analysed(PAPER)
    assert [(n.label, n.title, n.level) for n in outline] == [
        ("Part I", "Overview", 1),
        ("Part II", "Cooperation", 1),
    ]
    field = outline[1].children[0]
    assert (field.label, field.title, field.level) == ("1.", "In the Economic Field", 2)
    assert [(n.label, n.title) for n in field.children] == [("(1)", "Trade"), ("(2)", "Finance")]
    # A node runs from its heading to the next heading of the same or a higher level.
    assert outline[0].start == PAPER.index("Part I") and outline[0].end == PAPER.index("Part II")
    assert field.children[0].end == field.children[1].start == PAPER.index("(2) Finance")
    # The last ones end with the last content block (its line break included).
    assert outline[1].end == field.end == field.children[1].end == len(PAPER)
    kinds = {PAPER[b.content_start : b.content_end]: b.kind for b in blocks}
    assert kinds["Regional Trade Paper"] == TITLE
    assert kinds["1. In the Economic Field"] == HEADING


def test_a_paragraph_broken_mid_sentence_continues_the_previous_one():
    text = "Part I Aims\n\nThe parties will act with\n\nthe others in mind.\n"
    blocks, _outline = _analysed(text)
    body = [b for b in blocks if b.kind == "paragraph"]
    assert [b.continues for b in body] == [False, True]


def test_without_conventions_only_explicit_headings_count():
    text = "Part I Aims\n\nThe parties will act.\n"
    blocks, outline = _analysed(text, conventions=False)
    assert outline == []
    assert HEADING not in {b.kind for b in blocks}


def test_an_empty_text_has_no_outline():
    assert _analysed("")[1] == []
