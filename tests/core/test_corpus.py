"""A policy paper published as a web page, and a news report about it: exact outline,
metadata, furniture and clauses (on the shared corpus's pair and on the repository's
own, see tests/papers.py)."""

from __future__ import annotations

import pytest

from reader.core.importers import load_document
from reader.core.model import FURNITURE, TITLE
from tests.core.outline_helpers import check_offsets


@pytest.fixture
def facts(paper_and_news):
    return paper_and_news[0]


@pytest.fixture
def paper(facts):
    return load_document(facts.path)


@pytest.fixture
def news(paper_and_news):
    facts = paper_and_news[1]
    return facts, load_document(facts.path)


def test_paper_metadata(paper, facts):
    assert paper.title == facts.title
    assert paper.date == facts.date
    assert paper.source == facts.source
    assert paper.encoding == "utf-8"
    assert len(paper.id) == 64


def test_paper_top_level(paper, facts):
    assert [(n.label, n.title) for n in paper.outline] == facts.top
    assert all(n.level == 1 for n in paper.outline)
    assert [n.children for n in paper.outline[:4]] == [[], [], [], []]


def test_paper_fields_and_sections(paper, facts):
    part4 = paper.outline[4]
    assert [(f.label, f.title, len(f.children)) for f in part4.children] == facts.fields
    economic = part4.children[1]
    assert [s.label for s in economic.children] == [
        f"({i})" for i in range(1, facts.fields[1][2] + 1)
    ]
    assert economic.children[2].title == facts.section_title
    assert all(s.level == 3 for f in part4.children for s in f.children)
    check_offsets(paper)


def test_paper_section_path(paper, facts):
    offset = paper.text.index(facts.section_opening)
    assert paper.section_path_text(offset) == facts.section_path


def test_paper_furniture_kept_but_apart(paper, facts):
    furniture = {b.role for b in paper.blocks if b.kind == FURNITURE}
    assert {"breadcrumb", "date", "widget", "rule", "related", "footer"} <= furniture
    text_of = {
        paper.text[b.content_start : b.content_end].split("\n")[0][:20]: b.role
        for b in paper.blocks
        if b.kind == FURNITURE
    }
    assert text_of[facts.breadcrumb] == "breadcrumb"
    assert text_of["Related News:"] == "related"
    assert any(k.startswith("Copyright") and v == "footer" for k, v in text_of.items())
    related_items = [b for b in paper.blocks if b.role == "related"]
    assert len(related_items) == facts.related  # the heading and its links
    # The outline ends with the body: furniture never falls inside a section.
    last = paper.outline[-1]
    assert "Related News" not in paper.text[last.start : last.end]
    assert paper.text[last.end :].lstrip().startswith(facts.after_body)
    titles = [b for b in paper.blocks if b.kind == TITLE]
    assert len(titles) == 1


def test_paper_broken_paragraphs_rejoined(paper, facts):
    for tail, head in facts.breaks:
        i = next(
            k
            for k, b in enumerate(paper.blocks)
            if paper.text[b.content_start : b.content_end].startswith(head)
        )
        assert paper.blocks[i].continues
        # The sentence across the break is one clause.
        start = paper.text.index(tail + "\n")
        clause = next(c for c in paper.clauses if c.start <= start < c.end)
        assert paper.text[clause.start : clause.end].endswith(".")
        assert head in paper.text[clause.start : clause.end]
    assert sum(b.continues for b in paper.blocks) == len(facts.breaks)


def test_paper_lossless(paper, facts):
    raw = facts.path.read_text(encoding="utf-8")
    assert paper.text == raw
    assert "".join(paper.text[b.start : b.end] for b in paper.blocks) == raw


def test_paper_bullets_are_single_clauses(paper, facts):
    items = [c for c in paper.clauses if c.kind == "item"]
    assert len(items) == facts.bullets
    assert paper.text[items[0].start : items[0].end].startswith(facts.first_bullet)
    assert paper.text[items[0].end - 1] == "."


def test_news_metadata(news):
    facts, report = news
    assert report.date == facts.date
    assert report.source == facts.source
    assert report.title.startswith(facts.title_start)
    assert len(report.title) <= 90
    assert report.outline == []
    # Each line is its own paragraph (the file has no blank lines).
    paragraphs = [b for b in report.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == facts.paragraphs
    assert report.blocks[-1].role == "source"
