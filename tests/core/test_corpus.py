"""The real documents: exact outline and metadata (skipped when the corpus is absent)."""

from __future__ import annotations

import pytest

from reader.core.importers import load_document
from reader.core.model import FURNITURE, TITLE
from tests.core.outline_helpers import check_offsets

FIELDS = [
    ("1.", "In the Political Field", 6),
    ("2.", "In the Economic Field", 13),
    ("3.", "In the Social Aspects", 4),
    ("4.", "In the Cultural and People-to-people Fields", 7),
    ("5.", "International Collaboration", 5),
    ("6.", "On Peace, Security and Judicial Affairs", 2),
    ("7.", "Collective Cooperation", 0),
    ("8.", "Trilateral Cooperation", 0),
]


@pytest.fixture
def paper(corpus_dir):
    return load_document(corpus_dir / "policy-paper-lac-2016.txt")


@pytest.fixture
def news(corpus_dir):
    return load_document(corpus_dir / "news-lac-paper-2008.txt")


def test_paper_metadata(paper):
    assert paper.title == "China's Policy Paper on Latin America and the Caribbean"
    assert paper.date == "2016-11-24"
    assert paper.source == "Ministry of Foreign Affairs, the People's Republic of China"
    assert paper.encoding == "utf-8"
    assert len(paper.id) == 64


def test_paper_top_level(paper):
    top = [(n.label, n.title) for n in paper.outline]
    assert top == [
        (None, "Preface"),
        ("Part I", "Latin America and the Caribbean: A Land Full of Vitality and Hope"),
        (
            "Part II",
            "China's Relations with Latin America and the Caribbean in the New Stage "
            "of Comprehensive Cooperation",
        ),
        ("Part III", "Bringing the Comprehensive and Cooperative Partnership to New Heights"),
        ("Part IV", "Further Strengthening Cooperation in All Fields"),
    ]
    assert all(n.level == 1 for n in paper.outline)
    assert [n.children for n in paper.outline[:4]] == [[], [], [], []]


def test_paper_fields_and_sections(paper):
    part4 = paper.outline[4]
    assert [(f.label, f.title, len(f.children)) for f in part4.children] == FIELDS
    economic = part4.children[1]
    assert [s.label for s in economic.children] == [f"({i})" for i in range(1, 14)]
    assert economic.children[2].title == "Financial Cooperation"
    assert all(s.level == 3 for f in part4.children for s in f.children)
    check_offsets(paper)


def test_paper_section_path(paper):
    offset = paper.text.index("China will support its financial institutions")
    assert paper.section_path_text(offset) == (
        "Part IV > 2. In the Economic Field > (3) Financial Cooperation"
    )


def test_paper_furniture_kept_but_apart(paper):
    furniture = {b.role for b in paper.blocks if b.kind == FURNITURE}
    assert {"breadcrumb", "date", "widget", "rule", "related", "footer"} <= furniture
    text_of = {
        paper.text[b.content_start : b.content_end].split("\n")[0][:20]: b.role
        for b in paper.blocks
        if b.kind == FURNITURE
    }
    assert text_of["Home > Topics > Xi J"] == "breadcrumb"
    assert text_of["Related News:"] == "related"
    assert any(k.startswith("Copyright") and v == "footer" for k, v in text_of.items())
    related_items = [b for b in paper.blocks if b.role == "related"]
    assert len(related_items) == 9  # the heading and its eight links
    # The outline ends with the body: furniture never falls inside a section.
    last = paper.outline[-1]
    assert "Related News" not in paper.text[last.start : last.end]
    assert paper.text[last.end :].lstrip().startswith("Suggest to a friend")
    titles = [b for b in paper.blocks if b.kind == TITLE]
    assert len(titles) == 1


def test_paper_broken_paragraphs_rejoined(paper):
    for tail, head in [
        ("setting", "the course for"),
        ("downstream and supporting", "industries such as"),
    ]:
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
    assert sum(b.continues for b in paper.blocks) == 2


def test_paper_lossless(paper, corpus_dir):
    raw = (corpus_dir / "policy-paper-lac-2016.txt").read_text(encoding="utf-8")
    assert paper.text == raw
    assert "".join(paper.text[b.start : b.end] for b in paper.blocks) == raw


def test_paper_bullets_are_single_clauses(paper):
    items = [c for c in paper.clauses if c.kind == "item"]
    assert len(items) == 5
    assert paper.text[items[0].start : items[0].end].startswith("Sticking to the principle")
    assert paper.text[items[0].end - 1] == "."


def test_news_metadata(news):
    assert news.date == "2008-11-05"
    assert news.source == "Xinhua News Agency"
    assert news.title.startswith("China on Wednesday said it will actively carry out military")
    assert len(news.title) <= 90
    assert news.outline == []
    # Each line is its own paragraph (the file has no blank lines).
    paragraphs = [b for b in news.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 12
    assert news.blocks[-1].role == "source"
