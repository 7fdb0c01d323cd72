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


# Sections numbered with no space after the stop, one title run into its text, and a
# Spanish appendix (each line longer than a wrap width: one paragraph per line).
REGLAS = (
    "Reglas del puerto\n\n"
    "1.Objeto \n"
    "Estas reglas se aplican a todas las embarcaciones que atracan en el puerto y a "
    "todos los amarres que el capitán del puerto señala en la carta del puerto.\n\n"
    "2.Tasas de amarre \n"
    "Cada propietario paga la tasa del amarre que utiliza el primer día de cada mes, "
    "en la oficina del capitán del puerto o por transferencia a su cuenta.\n\n"
    "3.Reparaciones Un propietario puede reparar su embarcación en el amarre, siempre "
    "que el trabajo no estorbe a las demás embarcaciones del puerto.\n\n"
    "4.Salida del puerto \n"
    "Una embarcación sale del puerto solo de día y solo cuando el capitán del puerto "
    "ha señalado que la bocana está libre de otras embarcaciones.\n\n"
    "Apéndice \n"
    "Los amarres del muelle este figuran en la carta del puerto, con su número.\n"
)


def test_sections_numbered_without_a_space_when_the_document_numbers_them_so():
    doc = parse_text(REGLAS, "text", "reglas.txt")
    assert doc.text == REGLAS
    check_offsets(doc)
    assert tree(doc.outline) == [
        "1. Objeto",
        "2. Tasas de amarre",
        "3. Reparaciones",  # its title runs into the text, no stop between
        "4. Salida del puerto",
        "Apéndice",
    ]
    head = doc.blocks[doc.outline[2].block]
    assert doc.text[head.content_start : head.content_end] == "3.Reparaciones"


def test_one_number_without_a_space_is_not_a_heading_style():
    text = (
        "Notes on the harbour\n\n"
        "The harbour master keeps the chart of the berths and marks each new berth on it "
        "as soon as the work on the quay is finished.\n\n"
        "1.Fees\n\nThe fee for a berth is paid on the first day of each month, at the office.\n\n"
        "The office is open on every working day of the week, from eight to noon.\n"
    )
    doc = parse_text(text, "text", "notes.txt")
    assert doc.outline == []


# A contract that indents its headings by depth, with a short note indented as its
# articles are, headed subsections beside untitled numbered paragraphs, and a numbered
# paragraph whose first line runs on into the next.
CONTRACT = """
  BERTH CONTRACT OF THE HARBOUR

Version 3 of 2020-05-01


    Notice

This contract sets out how a berth of the harbour is let to an owner,
and what the owner and the harbour board owe each other.


    Article 1 - FEES


      1.1 AMOUNT

The fee for a berth is set each year by the harbour board and posted at
the office of the harbour master before the season opens.

1.2 The owner pays the fee on the first day of each month, at the office
of the harbour master or by a transfer to the account of the harbour.

1.3 The harbour master gives a receipt for each fee paid, which the owner
keeps until the end of the season.

1.4 A fee paid for a month in which the berth could not be used is paid
back to the owner at the end of the season.


      1.5 LATE PAYMENT

A fee paid late bears a charge of one tenth of its amount for each month
of delay, which the harbour master adds to the next fee.


    Article 2 - USE OF THE BERTH


      2.1 MOORING

The owner moors one boat at the berth, with two lines at least, and keeps
the lines in good repair for the whole season.


      2.2 REPAIRS

The owner may repair the boat at the berth when the work does not hinder
the other boats lying in the harbour on that day.


    Article 3 - LIABILITY

3.1 Subject to the terms of article 3.2
<#limits>, the owner may claim from the harbour board the damage that its
fault caused to his boat, provided that he proves that fault.

3.2 The harbour board answers for no damage that a storm or a tide causes
to a boat lying at its berth.


    Article 4 - ENDING

4.1 The contract ends with the season, or earlier when the owner leaves
the berth and returns its key to the harbour master.
"""


def test_indented_headings_headed_subsections_and_run_on_paragraphs():
    doc = parse_text(CONTRACT, "text", "contract.txt")
    assert doc.text == CONTRACT
    check_offsets(doc)
    assert doc.title == "BERTH CONTRACT OF THE HARBOUR"
    assert tree(doc.outline) == [
        "Notice",  # indented as the articles are
        ("Article 1 FEES", ["1.1 AMOUNT", "1.5 LATE PAYMENT"]),  # 1.2-1.4 are clauses
        ("Article 2 USE OF THE BERTH", ["2.1 MOORING", "2.2 REPAIRS"]),
        "Article 3 LIABILITY",  # 3.1's first line runs on into the next: a clause
        "Article 4 ENDING",
    ]
