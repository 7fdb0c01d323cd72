"""Markdown export: grouping, citations, escaping; checked against expected files and
against a real CommonMark parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.core.export import ExportSelection, to_csv, to_json, to_markdown
from reader.core.export.escape import CONTROL_RE, code_span, escape_inline, escape_lines
from reader.core.library_model import Annotation, DocumentInfo, Excerpt

EXPECTED = Path(__file__).resolve().parent.parent / "fixtures" / "export"
PAPER = "China's Policy Paper on Latin America and the Caribbean"


def ann(
    n: int,
    quote: str,
    tags: list[str],
    note: str = "",
    author: str | None = "alice",
    doc: str = "d1",
    start: int = 0,
) -> Annotation:
    return Annotation(
        id=f"00000000-0000-4000-8000-00000000000{n}",
        document_id=doc,
        start=start,
        end=start + len(quote),
        quote=quote,
        prefix="",
        suffix="",
        color="yellow",
        note=note,
        author=author,
        created="2026-11-20T10:00:00.000Z",
        modified="2026-11-21T09:30:00.000Z",
        tags=tags,
    )


def selection(tags: list[str] | None = None) -> ExportSelection:
    docs = {
        "d1": DocumentInfo(
            "d1",
            PAPER,
            "2016-11-24",
            "Ministry of Foreign Affairs",
            "text",
            "paper.txt",
            41000,
            "2026-11-20T09:00:00.000Z",
            3,
        ),
        "d2": DocumentInfo(
            "d2",
            "News <b>report</b>",
            None,
            None,
            "text",
            "news.txt",
            3000,
            "2026-11-20T09:00:00.000Z",
            1,
        ),
    }
    excerpts = [
        Excerpt(
            ann(
                1,
                "China will support its financial institutions",
                ["economy/finance"],
                note="Compare with *2008*; see [link](http://x) <script>alert(1)</script>",
                start=15000,
            ),
            PAPER,
            "Part IV > 2. In the Economic Field > (3) Financial Cooperation",
        ),
        Excerpt(
            ann(
                2,
                "Trade frictions will be properly handled.",
                ["economy/trade", "risk"],
                start=13900,
            ),
            PAPER,
            "Part IV > 2. In the Economic Field > (1) Trade",
        ),
        Excerpt(
            ann(
                3,
                "# Not a heading\n- not a list\n1. not numbered\n> not a quote",
                ["risk"],
                author=None,
                doc="d2",
                start=10,
            ),
            "News <b>report</b>",
            "",
        ),
    ]
    return ExportSelection(
        excerpts,
        docs,
        tags=tags or [],
        document_titles=[],
        authors=[],
        exported="2026-11-23T12:00:00Z",
    )


@pytest.mark.parametrize(
    "name,render",
    [
        ("by-tag.md", lambda: to_markdown(selection(), "tag")),
        ("by-document.md", lambda: to_markdown(selection(), "document")),
        ("economy-only.md", lambda: to_markdown(selection(["economy"]), "tag")),
        ("excerpts.csv", lambda: to_csv(selection())),
        ("excerpts.json", lambda: to_json(selection())),
    ],
)
def test_exports_match_expected_files(name, render, monkeypatch):
    monkeypatch.setattr("reader.core.export.markdown.__version__", "9.9.9")
    monkeypatch.setattr("reader.core.export.tables.__version__", "9.9.9")
    assert render() == (EXPECTED / name).read_text(encoding="utf-8")


def _render(md: str) -> tuple[str, list]:
    parser = MarkdownIt("commonmark")
    return parser.render(md), parser.parse(md)


def _body(md: str) -> str:
    """The document without its YAML front matter (plain CommonMark does not know it)."""
    assert md.startswith("---\n")
    return md.split("\n---\n", 1)[1]


def test_hostile_text_cannot_inject_structure():
    html, tokens = _render(_body(to_markdown(selection(), "tag")))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<a href" not in html
    kinds = {t.type for t in tokens}
    assert "html_block" not in kinds and "html_inline" not in kinds
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Excerpts", "economy", "finance", "trade", "risk"]
    # The hostile quote stays inside its blockquote as plain text.
    assert "# Not a heading" in html and "<h1>Not a heading" not in html


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_escaped_inline_text_renders_as_itself(text):
    html, tokens = _render("x " + escape_inline(text))
    inline = [t for t in tokens if t.type == "inline"]
    children = [c.type for t in inline for c in (t.children or [])]
    assert set(children) <= {"text", "softbreak"}
    expected = " ".join(CONTROL_RE.sub("", " ".join(("x " + text).split())).split())
    rendered = "".join(c.content for t in inline for c in (t.children or []) if c.type == "text")
    assert " ".join(rendered.split()) == expected.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_escaped_lines_never_open_blocks(text):
    md = "\n".join(("> " + line) if line else ">" for line in escape_lines(text))
    _html, tokens = _render(md)
    allowed = {"blockquote_open", "blockquote_close", "paragraph_open", "paragraph_close", "inline"}
    assert {t.type for t in tokens} <= allowed


def test_code_span_with_backticks():
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x") == "`` `x ``"
