"""furniture.mark_furniture on blocks directly: breadcrumbs, widgets, rules, date lines,
related lists, footers and source lines are furniture; body text is not."""

from __future__ import annotations

from reader.core.furniture import mark_furniture
from reader.core.importers.text import segment
from reader.core.model import FURNITURE


def roles(*paragraphs: str) -> list[tuple[str, str | None]]:
    text = "\n\n".join(paragraphs) + "\n"
    blocks = segment(text)
    mark_furniture(text, blocks)
    return [
        (text[b.content_start : b.content_end], b.role if b.kind == FURNITURE else None)
        for b in blocks
        if b.kind != "blank"
    ]


BODY = "The rivers of the region are protected by the council and by every citizen."


def test_page_debris_is_furniture_and_body_is_not():
    got = dict(
        roles(
            "Home > News > Rivers",
            "12 March 2021",
            BODY,
            "-----",
            "Print this page",
            "Related News:",
            "Council meets on floods",
            "Copyright 2021 River Trust. All rights reserved.",
            "(River Daily March 12, 2021)",
        )
    )
    assert got["Home > News > Rivers"] == "breadcrumb"
    assert got["12 March 2021"] == "date"
    assert got[BODY] is None
    assert got["-----"] == "rule"
    assert got["Print this page"] == "widget"
    assert got["Related News:"] == got["Council meets on floods"] == "related"
    assert got["Copyright 2021 River Trust. All rights reserved."] == "footer"


def test_a_closing_sentence_in_brackets_is_not_a_source_line():
    got = roles(BODY, BODY, "(The council adopted this plan on March 12, 2021 after a debate)")
    assert got[-1][1] is None
