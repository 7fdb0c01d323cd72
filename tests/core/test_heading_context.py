"""The context judge and the structure pass on blocks directly: numbering sequences,
siblings, body text, lead-ins, explicit headings, bylines and closing lines; and the
numerals headings count with."""

from __future__ import annotations

import pytest

from reader.core.heading_numbers import cjk_value, number_value, ordinal_value, roman_to_text
from reader.core.importers.text import segment
from reader.core.model import BLANK, HEADING, LIST_ITEM, PARAGRAPH, Block
from reader.core.structure import analyse, find_candidates, judge_candidates

BODY = "The committee reviews each request and answers within thirty days of receipt."


def blocks_of(*paragraphs: str) -> tuple[str, list[Block]]:
    text = "\n\n".join(paragraphs) + "\n"
    return text, segment(text)


def judged(*paragraphs: str) -> dict[str, float]:
    """Score of every non-explicit candidate, by its first line."""
    text, blocks = blocks_of(*paragraphs)
    cands = [c for c in find_candidates(text, blocks) if not c.body]
    judge_candidates(text, blocks, cands)
    return {
        text[blocks[c.index].content_start : blocks[c.index].content_end]: c.evidence.score
        for c in cands
        if c.evidence is not None
    }


def test_a_continued_numbering_scores_higher_than_a_jump():
    scores = judged("(1) Fees", BODY, "(2) Waivers", BODY, "(7) Appeals", BODY)
    assert scores["(2) Waivers"] > scores["(7) Appeals"]
    assert scores["(7) Appeals"] < 2 <= scores["(2) Waivers"]


def test_numbered_body_paragraphs_make_a_list_not_headings():
    scores = judged(
        "The agency shall publish:",
        "(a) the fees it charges;",
        "(b) the waivers it grants;",
        "(c) Appeals Procedure",
        BODY,
    )
    assert scores["(c) Appeals Procedure"] < 2


def test_a_byline_under_a_heading_is_not_a_heading():
    scores = judged("Chapter 1 The Valley", "BY A FARMER", BODY, "Chapter 2 The Hills", BODY)
    assert scores["BY A FARMER"] < 2 <= scores["Chapter 2 The Hills"]


def test_explicit_headings_outweigh_weak_conventions():
    text = "# Rules\n\n## Fees\n\na. Annual Fees\n\n" + BODY + "\n\nb. Other Fees\n\n" + BODY + "\n"
    from reader.core.importers.markdown import segment as md_segment

    blocks, _ = md_segment(text)
    analyse(text, blocks)
    assert [b.title for b in blocks if b.kind == HEADING] == ["Fees"]


def test_analyse_cuts_a_run_in_heading_and_keeps_the_blocks_tiling_the_text():
    text, blocks = blocks_of("Sec. 1.  Purpose.  " + BODY, "Sec. 2.  Scope.  " + BODY)
    outline = analyse(text, blocks)
    assert [(n.label, n.title) for n in outline] == [("Sec. 1.", "Purpose"), ("Sec. 2.", "Scope")]
    assert "".join(text[b.start : b.end] for b in blocks) == text
    kinds = [b.kind for b in blocks if b.kind != BLANK]
    assert kinds == [HEADING, PARAGRAPH, HEADING, PARAGRAPH]


def test_analyse_marks_adjacent_numbered_lines_as_list_items():
    text, blocks = blocks_of("Part I Aims", "1. Grow Trade\n2. Build Roads", BODY)
    analyse(text, blocks)
    assert [b.label for b in blocks if b.kind == LIST_ITEM] == ["1.", "2."]


@pytest.mark.parametrize(
    "numeral,value",
    [("十二", 12), ("二十", 20), ("一百零五", 105), ("三十七", 37), ("二〇一六", 2016)],
)
def test_chinese_numerals(numeral, value):
    assert cjk_value(numeral) == value


def test_ordinal_and_other_numbers():
    assert [ordinal_value(w) for w in ("First", "Twenty-First", "segunda", "premier")] == [
        1,
        21,
        2,
        1,
    ]
    assert ordinal_value("Firstly") is None
    assert [number_value(n) for n in ("1er", "3.º", "IV", "B", "Seven")] == [1, 3, 4, 2, 7]
    assert [roman_to_text(n) for n in (4, 9, 14, 2026)] == ["IV", "IX", "XIV", "MMXXVI"]
