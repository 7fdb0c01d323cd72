"""Choosing each paragraph's section: standing out, summaries, continued topics."""

from __future__ import annotations

from reader.core.compare.many_to_one import FLOOR, STANDOUT, SUMMARY_SCORE, paragraph_sections
from reader.core.compare.model import BY_CONTEXT


def test_a_low_best_that_stands_out_is_taken():
    low = FLOOR + 0.01
    assert paragraph_sections([{3: low, 4: low / (STANDOUT + 0.1)}]) == {0: (3, None)}


def test_a_best_below_the_floor_is_not_taken():
    assert paragraph_sections([{3: FLOOR - 0.01}]) == {}


def test_a_close_second_leaves_a_summary_unmatched():
    high = SUMMARY_SCORE + 0.1
    rows = [{1: 0.6, 2: 0.1}, {1: high, 2: high * 0.95, 5: 0.2}]
    assert paragraph_sections(rows) == {0: (1, None)}


def test_a_vague_paragraph_continues_its_predecessors_section():
    rows = [
        {1: 0.6, 2: 0.1},  # stands out
        {1: 0.03, 2: 0.15, 3: 0.14},  # vague, shares a little with section 1
        {2: 0.15, 3: 0.14},  # vague, but follows a paragraph placed by context only
        {4: 0.5},
        {5: 0.15, 6: 0.14},  # vague, shares nothing with section 4
    ]
    assert paragraph_sections(rows) == {0: (1, None), 1: (1, BY_CONTEXT), 3: (4, None)}
