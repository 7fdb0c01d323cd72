"""For any input: no exception, offsets within bounds, lossless reconstruction."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.importers import parse_bytes, parse_text
from reader.core.model import Document
from reader.core.text_rules import clean_text

# Text built from the pieces that drive the parser: labels, bullets, breaks, punctuation.
PIECES = st.sampled_from(
    [
        "Part I ",
        "PART 2: ",
        "Chapter 3 ",
        "Article 4\n",
        "1. ",
        "1.1 ",
        "(1) ",
        "(a) ",
        "(i) ",
        "IV. ",
        "Preface",
        "Introduction",
        "CONCLUSION",
        "- ",
        "* ",
        "\u2022 ",
        "# ",
        "## ",
        "Title Case Words",
        "body text goes here",
        ". ",
        "? ",
        "! ",
        ", ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "  ",
        "(",
        ")",
        '"',
        "e.g. ",
        "U.S. ",
        "No. ",
        "Copyright \u00a9 2020 X",
        "Home > A > B",
        "Related News:",
        "2016/11/24",
        "(Xinhua May 5, 2008)",
        "---",
        "```",
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<li>",
        "&amp;",
        "\u00e9",
        "\u4e2d\u6587",
        "\U0001f600",
        "\ufeff",
        "\x00",
        "\u2028",
        "lower continuation",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=60).map("".join))


def check(doc: Document) -> None:
    n = len(doc.text)
    assert "".join(doc.text[b.start : b.end] for b in doc.blocks) == doc.text
    pos = 0
    for b in doc.blocks:
        assert b.start == pos and b.start <= b.end
        assert b.start <= b.content_start <= b.content_end <= b.end
        pos = b.end
    assert pos == n
    last = -1
    for c in doc.clauses:
        assert 0 <= c.start < c.end <= n and c.start >= last
        assert 0 <= c.block < len(doc.blocks)
        last = c.end
    for node in doc.iter_nodes():
        assert 0 <= node.start <= node.end <= n
        assert doc.blocks[node.block].kind == "heading"
        for child in node.children:
            assert node.start <= child.start <= child.end <= node.end
            assert child.level == node.level + 1
    assert doc.title and len(doc.id) == 64


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_plain_text(text):
    doc = parse_text(text)
    check(doc)
    assert doc.text == clean_text(text)  # the source, characters that are not text shown


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_any_markdown(text):
    check(parse_text(text, "markdown"))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_any_html(text):
    check(parse_text(text, "html"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_either_parse_or_raise_a_clear_error(data):
    from reader.core.errors import DocumentError

    for fmt in ("text", "markdown", "html"):
        try:
            check(parse_bytes(data, fmt, "x"))
        except DocumentError as exc:
            assert str(exc).startswith("x: ")
