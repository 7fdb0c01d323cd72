"""metadata.derive on its own: what a document states wins over what is derived, and
there is always a title."""

from __future__ import annotations

from reader.core.furniture import mark_furniture
from reader.core.importers.text import segment
from reader.core.metadata import Metadata, derive, stated_title
from reader.core.structure import analyse

PAGE = """Home > Policy > Trade

2016-11-24

Regional Trade Paper

The parties will trade goods.

Copyright 2016 Ministry of Commerce. All rights reserved.
"""


def _derived(text: str, hints: Metadata | None = None, filename: str | None = "x.txt"):
    blocks = segment(text)
    mark_furniture(text, blocks)
    analyse(text, blocks)
    return derive(text, blocks, hints or Metadata(), filename)


def test_title_date_and_source_come_from_the_page():
    assert _derived(PAGE) == Metadata("Regional Trade Paper", "2016-11-24", "Ministry of Commerce")


def test_stated_values_win_over_derived_ones():
    hints = Metadata(title="Stated Title", date="2020-01-02", source="The Agency")
    assert _derived(PAGE, hints) == Metadata("Regional Trade Paper", "2020-01-02", "The Agency")
    # A title line in the text wins over a stated title; without one the stated one is used.
    text = "the parties will act. More follows here.\n"
    assert _derived(text, hints).title == "Stated Title"


def test_without_a_title_line_the_first_sentence_then_the_file_name_then_untitled():
    assert _derived("the parties will act. More follows here.\n").title == "the parties will act"
    assert _derived("\n", filename="notes.final.txt").title == "notes.final"
    assert _derived("\n", filename=None).title == "Untitled"


def test_stated_title_refuses_junk_file_properties():
    assert stated_title("  Regional   Trade Paper ") == "Regional Trade Paper"
    assert stated_title("Microsoft Word - draft3.docx") is None
    assert stated_title(None) is None
