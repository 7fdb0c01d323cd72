"""The comparison report (Markdown) and the tag lens."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from reader.core.compare import align
from reader.core.compare.lens import tag_lens
from reader.core.compare.report import comparison_markdown
from reader.core.importers import load_document, parse_text
from reader.core.store import Library

MD = MarkdownIt("commonmark").enable("strikethrough")


def _parse(text):
    """Tokens of the report's body (the YAML front matter is not Markdown)."""
    assert text.startswith("---\n")
    return MD.parse(text.split("\n---\n", 1)[1])


def _inline_children(tokens, kind):
    return [
        "".join(c.content for c in tok.children[i + 1 : i + 2])
        for tok in tokens
        if tok.type == "inline"
        for i, c in enumerate(tok.children)
        if c.type == f"{kind}_open"
    ]


def test_report_lists_pairs_with_citations_diff_and_unmatched(editions):
    old, new = editions
    text = comparison_markdown(old, new, align(old, new), generated="2024-01-02T03:04:05Z")
    tokens = _parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == (
        "Comparison: River Basin Cooperation Paper / River Basin Cooperation Paper (Second Edition)"
    )
    assert "(1) Trade ↔ (1) Trade in Goods and Services" in headings
    # The section split in two is one group: its text shown once, each part's once.
    assert "(4) Agricultural Cooperation ↔ 2 sections" in headings
    assert "(4) Agricultural Cooperation ↔ (5) Food Security" not in headings
    split = text.split("### (4) Agricultural Cooperation ↔ 2 sections")[1].split("\n### ")[0]
    assert "(4) Agricultural Cooperation ↔ (4) Farming Technology: **match**" in split
    assert "(4) Agricultural Cooperation ↔ (5) Food Security: **match**" in split
    # One quote of the old section and one of each new part, nothing repeated.
    quoted = [line for line in split.splitlines() if line.startswith("**")]
    assert [q.split(",")[-1] for q in quoted] == [
        " Part I \\> 1. In the Economic Field \\> (4) Agricultural Cooperation",
        " Part I \\> 1. In the Economic Field \\> (4) Farming Technology",
        " Part I \\> 1. In the Economic Field \\> (5) Food Security",
    ]
    assert split.count("\n> ") == 3
    assert headings[-2:] == [
        "Only in A: River Basin Cooperation Paper",
        "Only in B: River Basin Cooperation Paper (Second Edition)",
    ]
    # Word differences: the reworded verb and the added words.
    assert "lower" in _inline_children(tokens, "s")
    assert "abolish" in _inline_children(tokens, "strong")
    assert "and measles" in _inline_children(tokens, "strong")
    # Citations: title, date and section path of each side.
    assert (
        "River Basin Cooperation Paper (2010-03-01), Part I > 2. In the Social Field > (3) Tourism"
    ) in _list_items(tokens)
    assert text.startswith("---\n") and 'generated: "2024-01-02T03:04:05Z"' in text


def _list_items(tokens):
    return [
        "".join(c.content for c in tok.children)
        for i, tok in enumerate(tokens)
        if tok.type == "inline" and tokens[i - 2].type == "list_item_open"
    ]


def test_report_escapes_document_text_and_titles():
    a = parse_text(
        "# Not a heading <script>\n\n1. Trade *rules*\n\n"
        "The [link](http://x) and <b>tags</b> stay text.\n\n2. Ports\n\nPorts are opened.\n"
    )
    b = parse_text(
        "# Not a heading <script>\n\n1. Trade *rules*\n\n"
        "The [link](http://x) and <i>tags</i> stay text.\n\n2. Ports\n\nPorts are opened.\n"
    )
    result = align(a, b)
    assert len(result.pairs) == 2
    tokens = _parse(comparison_markdown(a, b, result))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"link_open", "html_inline", "html_block"}
    assert set(_inline_children(tokens, "em")) == {a.title}  # only the cited titles
    shown = "".join(c.content for t in tokens if t.type == "inline" for c in t.children)
    assert "# Not a heading <script>" in shown and "*rules*" in shown
    # <b>…</b> became <i>…</i>: the tag names are the reworded words, shown as text.
    assert _inline_children(tokens, "s") == ["b", "b"]
    assert _inline_children(tokens, "strong").count("i") == 2


def test_report_quotes_both_texts_when_they_share_little(paper_and_news):
    paper_facts, news_facts = paper_and_news
    news = load_document(news_facts.path)
    paper = load_document(paper_facts.path)
    text = comparison_markdown(news, paper, align(news, paper))
    tokens = _parse(text)
    assert not _inline_children(tokens, "s")  # no word diff of unrelated wording
    result = align(news, paper)
    quotes = sum(1 for t in tokens if t.type == "blockquote_open")
    # Each unit quoted once, though several news paragraphs share a section.
    units = {("a", p.a.key) for p in result.pairs} | {("b", p.b.key) for p in result.pairs}
    assert quotes == len(units) < 2 * len(result.pairs)
    start = paper.text.index(news_facts.main_section_opening)
    assert text.count(paper.text[start : start + 80]) == 1
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    # One group per section (A, the news report, on the left), each section once.
    main = [h for h in headings if h.endswith(f"↔ {news_facts.main_section}")]
    assert main == [f"{news_facts.main_paragraphs} paragraphs ↔ {news_facts.main_section}"]


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "library.db")
    yield lib
    lib.close()


def test_tag_lens_sets_one_tags_excerpts_side_by_side(library, editions):
    old, new = editions
    a_id = library.add_document(old)[0].id
    b_id = library.add_document(new)[0].id

    def mark(doc, doc_id, quote, tags):
        start = doc.text.index(quote)
        library.add_annotation(doc_id, start, start + len(quote), tags=tags)

    mark(old, a_id, "Naval officers will patrol", ["security/military"])
    mark(old, a_id, "Central banks will open swap lines", ["finance"])
    mark(old, a_id, "harmonise customs forms", ["security"])
    mark(new, b_id, "train together against smuggling and piracy", ["security"])
    mark(new, b_id, "Food inspectors", ["food"])
    left, right = tag_lens(library, a_id, b_id, "security")
    # Sub-tags count; each side in text (= outline) order.
    assert [e.annotation.quote for e in left] == [
        "harmonise customs forms",
        "Naval officers will patrol",
    ]
    assert [e.annotation.quote for e in right] == ["train together against smuggling and piracy"]
    assert right[0].section_path.endswith("3. Military Exchanges and Cooperation")
    assert tag_lens(library, a_id, b_id, "nothing") == ([], [])


def test_report_of_documents_with_nothing_in_common():
    a = parse_text("Ports\n\nBarges carry grain downstream every week.\n")
    b = parse_text("Space\n\nSatellites observe glaciers from orbit.\n")
    result = align(a, b)
    assert result.pairs == [] and len(result.only_a) == len(result.only_b) == 1
    tokens = _parse(comparison_markdown(a, b, result))
    paragraphs = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "paragraph_open" and not t.hidden
    ]
    assert paragraphs[0].startswith("(none")
    assert "Ports, Paragraph 1" in _list_items(tokens)


def test_citations_and_json_units_give_the_page_of_a_paged_source(editions):
    from reader.core.importers import parse_bytes
    from tests.core.pdf_fixtures import PAPER, make_pdf

    pdf = parse_bytes(make_pdf(PAPER), "pdf", "paper.pdf")
    alignment = align(pdf, pdf)
    investment = next(p for p in alignment.pairs if p.a.title == "Investment")
    assert investment.a.citation.endswith("(2) Investment, p. 2")
    report = comparison_markdown(pdf, pdf, alignment)
    assert "(2) Investment, p. 2" in report
    units = alignment.to_dict()["pairs"]
    assert {(u["a"]["title"], u["a"]["page"], u["a"]["page_label"]) for u in units} >= {
        ("Investment", 2, "2"),
        ("Final Provisions", 3, "3"),
    }
    # An unpaged document cites no page and its JSON has no page fields.
    pairs = align(*editions).to_dict()["pairs"]
    assert all("page" not in p["a"] and "page_label" not in p["b"] for p in pairs)
    assert ", p. " not in comparison_markdown(*editions, align(*editions))
