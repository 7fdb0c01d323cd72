"""Plain text laid out as its own conventions say: a ``Key: value`` header block at the
top states the metadata, underlined (and overlined) titles are headings nested by
their adornment style, and a centred opening paragraph is a cover whose first line is
the title. Each with a small fixture of its own."""

from __future__ import annotations

from reader.core.importers import parse_text
from reader.core.importers.text_header import read_header
from reader.core.model import FURNITURE, HEADING, PARAGRAPH, TITLE
from reader.core.reading import build_reading_view
from tests.core.outline_helpers import check_offsets, tree

BODY = "The harbour board meets twice a year and reports to the town council."


def doc_of(text: str):
    doc = parse_text(text, "text", "notes.txt")
    assert doc.text == text  # nothing lost
    check_offsets(doc)
    return doc


HEADER = f"""Memo: 7
Title: Rules for the Harbour Board
Author: Jane Doe <jane@example.org>,
        Ravi Rao <ravi@example.org>
Status: Draft
Created: 03-Mar-2021

Purpose
=======

{BODY}

Members
=======

{BODY}
"""


def test_a_header_block_states_title_date_and_authors():
    doc = doc_of(HEADER)
    assert doc.title == "Rules for the Harbour Board"
    assert doc.date == "2021-03-03"
    assert doc.source == "Jane Doe, Ravi Rao"  # the addresses left out, the folded line read
    head = doc.blocks[0]
    assert (head.kind, head.role) == (FURNITURE, "front-matter")
    assert doc.text[head.start : head.end].startswith("Memo: 7\nTitle:")
    shown = build_reading_view(doc).blocks[0]  # shown apart, as Markdown front matter is
    assert (shown.kind, shown.role) == (FURNITURE, "front-matter")


def test_a_header_block_needs_fields_that_describe_a_document():
    assert read_header("Colour: red\nSize: large\n\nText.\n") is None
    assert read_header("Title: Only one field\n\nText.\n") is None
    assert read_header("Title: A paper\nthis line is not a field\n\nText.\n") is None
    assert read_header("\nTitle: A paper\nDate: 1 May 2020\n") is None  # not at the top
    head = "Subject: Flood plans\nFrom: The Harbour Board\n"
    end, meta = read_header(head + "\nText.\n")
    assert (end, meta.title, meta.source) == (len(head), "Flood plans", "The Harbour Board")


def test_underlined_titles_nest_by_style_in_order_of_appearance():
    text = (
        "==========\nHarbour Law\n==========\n\n"  # overlined: a style of its own
        f"Scope\n=====\n\n{BODY}\n\n"
        f"Who is bound\n------------\n\n{BODY}\n\n"
        f"Ships\n~~~~~\n{BODY}\n\n"  # the text may follow its title at once
        f"Boats\n~~~~~\n\n{BODY}\n\n"
        f"Fees\n====\n\n{BODY}\n"
    )
    doc = doc_of(text)
    assert doc.title == "Harbour Law"  # the one top-style heading opening the text
    assert tree(doc.outline) == [
        ("Scope", [("Who is bound", ["Ships", "Boats"])]),
        "Fees",
    ]
    heads = [b for b in doc.blocks if b.kind == HEADING]
    # The reading view shows the title without its adornment.
    assert [doc.text[b.content_start : b.content_end] for b in heads][0] == "Scope"
    view = build_reading_view(doc).text
    assert "=====" not in view and "Who is bound\n" in view


def test_a_rule_or_a_short_line_under_text_is_not_an_underline():
    text = (
        f"{BODY}\n----\n\n"  # a dash line under a long line of text
        f"Closing remarks of the board\n---\n\n{BODY}\n\n"  # too short for its title
        f"A first line\nthen a second\n=============\n\n{BODY}\n"  # not the paragraph's start
    )
    doc = doc_of(text)
    assert doc.outline == []


def test_a_centred_cover_gives_its_first_line_as_the_title():
    text = (
        "\n"
        "                         HARBOUR USE LICENCE\n"
        "                     Version 3, 1 February 2020\n"
        "                   https://harbour.example.org/\n"
        "\n"
        f"{BODY}\n"
    )
    doc = doc_of(text)
    assert doc.title == "HARBOUR USE LICENCE"
    kinds = [(b.kind, doc.text[b.content_start : b.content_end]) for b in doc.blocks]
    assert (TITLE, "HARBOUR USE LICENCE") in kinds
    assert (PARAGRAPH, "Version 3, 1 February 2020") in kinds


def test_an_indented_paragraph_is_not_a_cover():
    text = (
        "        The harbour board meets twice a year and reports\n"
        "        to the town council on the state of the harbour.\n"
        "\n"
        f"{BODY}\n"
    )
    doc = doc_of(text)
    first = next(b for b in doc.blocks if b.kind != "blank")
    assert doc.text[first.content_start : first.content_end].count("\n") == 1


# A licence whose sections are lines in capitals each directly over its text (no blank
# line between), under a title set between rules.
CAPS_OVER_TEXT = """------------------------------------------
HARBOUR BERTH LICENCE Version 2 - 1 May 2020
------------------------------------------

PURPOSE
This licence lets the holder moor one boat at one berth of the harbour, for
the season named on the licence, and use the quay and its water tap.

WORDS USED
"Berth" means a place on the quay where one boat may lie, as the harbour
master marks it on the chart that hangs in the office of the harbour.

FEES AND PAYMENT
The holder pays the fee for the berth on the first day of each month, at
the office of the harbour master or by transfer to the harbour's account.

ENDING
The licence ends when the season ends.

NO GUARANTEE
THE BERTH IS LET AS IT IS, AND THE HARBOUR GIVES NO GUARANTEE OF THE DEPTH
OF WATER AT IT, OF THE STATE OF THE QUAY OR OF THE WEATHER IN THE HARBOUR.
"""


def test_a_series_of_capitals_lines_each_directly_over_its_text():
    doc = doc_of(CAPS_OVER_TEXT)
    assert doc.title == "HARBOUR BERTH LICENCE Version 2 - 1 May 2020"
    assert tree(doc.outline) == [
        "PURPOSE",
        "WORDS USED",
        "FEES AND PAYMENT",
        "ENDING",  # short, but one of the series
        "NO GUARANTEE",  # over a paragraph in capitals, not wrapped into it
    ]


def test_two_capitals_lines_over_their_text_are_notices_not_a_heading_style():
    text = (
        "Notes on the harbour\n\n"
        "The harbour master keeps the chart of the berths and marks each new berth on it "
        "as soon as the work on the quay is finished.\n\n"
        "PLEASE NOTE\nThe office is closed on the first Monday of each month, when the\n"
        "harbour master walks the quay and checks every berth and every mooring ring.\n\n"
        "MIND THE TIDE\nAt low water the east quay dries out, and a boat moored there\n"
        "rests on the mud until the tide comes back in the afternoon.\n"
    )
    doc = doc_of(text)
    assert doc.outline == []
