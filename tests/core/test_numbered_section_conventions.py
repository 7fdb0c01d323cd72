"""Numbered sections as terms and licences lay them out in plain text: bare numbers
with a title running into the text, a line in capitals over them, a closing line that
heads nothing, an appendix named with a colon or alone, and a copyright line quoted in
the text (not a page footer). Each with a small fixture of its own."""

from __future__ import annotations

from reader.core.importers import parse_text
from reader.core.model import FURNITURE
from tests.core.outline_helpers import check_offsets, tree

TERMS = """Harbour Rules

   RULES OF THE HARBOUR, MOORING AND TRADE

   1. Words Used.

      "Berth" means a place where a boat may lie, as the harbour master
      marks it on the chart of the harbour.

   2. Mooring Fees. Every owner pays the fee for the berth he uses,
      on the first day of each month, to the harbour master.

   3. Repairs. An owner may repair his boat at the berth, provided the
      work does not hinder the other boats in the harbour.

   4. Leaving the Harbour. A boat leaves the harbour only by daylight and
      only when the harbour master has signalled that the mouth is clear.

   END OF RULES

   APPENDIX: How to post these rules at a berth.

      Print the rules and fix them where every owner can read them.

   Copyright 2020 Jane Doe

   Posted under the Harbour Rules; you may not use this berth except in
   compliance with them. You may obtain a copy of the rules at the office
   of the harbour master, which is open on every working day of the week.
"""


def test_bare_numbers_with_run_in_titles_under_a_line_in_capitals():
    doc = parse_text(TERMS, "text", "rules.txt")
    assert doc.text == TERMS
    check_offsets(doc)
    assert tree(doc.outline) == [
        (
            "RULES OF THE HARBOUR, MOORING AND TRADE",
            ["1. Words Used", "2. Mooring Fees", "3. Repairs", "4. Leaving the Harbour"],
        ),
        "APPENDIX: How to post these rules at a berth",  # above the sections, not in 4.
    ]
    # The closing line heads nothing; the run-in title is cut from its paragraph.
    head = doc.blocks[doc.outline[0].children[1].block]
    assert doc.text[head.content_start : head.content_end] == "2. Mooring Fees."


def test_a_copyright_line_followed_by_sentences_is_text_not_a_footer():
    doc = parse_text(TERMS, "text", "rules.txt")
    line = next(b for b in doc.blocks if doc.text[b.content_start :].startswith("Copyright"))
    assert line.kind != FURNITURE
    assert doc.source is None  # not the name filled into an example


def test_numbered_sentences_are_not_run_in_headings():
    text = (
        "1. The board meets twice a year. It reports to the council on each meeting.\n\n"
        "2. Each member serves three years. A member may serve twice in a row.\n"
    )
    doc = parse_text(text, "text", "board.txt")
    assert doc.outline == []


def test_an_appendix_named_alone_after_numbered_sections():
    text = (
        "1. Scope\n\nThese rules cover every boat in the harbour and every berth.\n\n"
        "2. Fees\n\nThe fee for a berth is paid each month to the harbour master.\n\n"
        "Appendix\n\nBerths of the east quay are listed on the chart of the harbour.\n"
    )
    doc = parse_text(text, "text", "rules.txt")
    assert tree(doc.outline) == ["1. Scope", "2. Fees", "Appendix"]
