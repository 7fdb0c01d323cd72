"""furniture.mark_furniture on its own: page debris marked in place with its role,
content left alone, the text never changed."""

from __future__ import annotations

from reader.core.furniture import mark_furniture
from reader.core.importers.text import segment
from reader.core.model import FURNITURE, PARAGRAPH

PAGE = """Home > Policy > Trade

2016-11-24

Regional Trade Paper

The parties will trade goods. They will lower tariffs.

Print this page

Related News:

Ministers meet in Lima
Second forum held

Copyright 2016 Ministry of Commerce. All rights reserved.
"""


def _roles(text: str) -> dict[str, tuple[str, str | None]]:
    blocks = segment(text)
    mark_furniture(text, blocks)
    assert "".join(text[b.start : b.end] for b in blocks) == text  # nothing lost
    return {
        text[b.content_start : b.content_end]: (b.kind, b.role) for b in blocks if b.kind != "blank"
    }


def test_breadcrumb_date_widget_related_list_and_footer_are_marked():
    roles = _roles(PAGE)
    assert roles["Home > Policy > Trade"] == (FURNITURE, "breadcrumb")
    assert roles["2016-11-24"] == (FURNITURE, "date")
    assert roles["Print this page"] == (FURNITURE, "widget")
    assert roles["Related News:"] == (FURNITURE, "related")
    assert roles["Ministers meet in Lima\nSecond forum held"] == (FURNITURE, "related")
    footer = "Copyright 2016 Ministry of Commerce. All rights reserved."
    assert roles[footer] == (FURNITURE, "footer")


def test_content_stays_content():
    roles = _roles(PAGE)
    assert roles["Regional Trade Paper"] == (PARAGRAPH, None)
    body = "The parties will trade goods. They will lower tariffs."
    assert roles[body] == (PARAGRAPH, None)


def test_a_closing_source_line_is_furniture():
    text = "Talks went well, officials said.\n\n(Xinhua News Agency November 5, 2008)\n"
    roles = _roles(text)
    assert roles["(Xinhua News Agency November 5, 2008)"] == (FURNITURE, "source")
    assert roles["Talks went well, officials said."] == (PARAGRAPH, None)


def test_a_text_without_content_blocks_is_left_as_it_is():
    blocks = segment("\n\n")
    before = [b.to_dict() for b in blocks]
    mark_furniture("\n\n", blocks)
    assert [b.to_dict() for b in blocks] == before
