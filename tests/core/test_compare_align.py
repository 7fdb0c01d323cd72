"""Aligning two documents: hand-made editions with exact pairs, and a news report
against the paper it reports on (tests/papers.py)."""

from __future__ import annotations

import json

import pytest

from reader.core.compare import align
from reader.core.compare.model import BY_CONTEXT, BY_TEXT, PARAGRAPH, SECTION
from reader.core.compare.units import comparison_units
from reader.core.importers import load_document, parse_text


def _pairs(alignment):
    return [(p.a.display, p.b.display) for p in alignment.pairs]


def test_editions_align_renamed_reordered_split_added_removed(editions):
    old, new = editions
    result = align(old, new)
    assert _pairs(result) == [
        ("Preface", "Preface"),
        ("(1) Trade", "(1) Trade in Goods and Services"),  # renamed
        ("(2) Investment", "(3) Investment"),  # reordered ...
        ("(3) Financial Cooperation", "(2) Financial Cooperation"),  # ... both ways
        ("(4) Agricultural Cooperation", "(4) Farming Technology"),  # split in two
        ("(4) Agricultural Cooperation", "(5) Food Security"),
        ("(1) Health Cooperation", "(1) Health Cooperation"),
        ("(2) Education Exchanges", "(2) Education Exchanges"),
        ("3. Military Exchanges", "3. Military Exchanges and Cooperation"),
    ]
    assert [u.display for u in result.only_a] == ["(3) Tourism"]  # removed
    assert [u.display for u in result.only_b] == ["(3) Digital Cooperation"]  # added
    unchanged = [p for p in result.pairs if p.a.display == "(2) Education Exchanges"][0]
    assert unchanged.similarity == 1.0
    assert all(0.0 < p.score <= 1.0 and 0.0 <= p.similarity <= 1.0 for p in result.pairs)
    assert result.doc_a == old.id and result.doc_b == new.id


def test_alignment_is_symmetric_on_editions(editions):
    old, new = editions
    forward = {(p.a.key, p.b.key) for p in align(old, new).pairs}
    backward = {(p.b.key, p.a.key) for p in align(new, old).pairs}
    assert forward == backward


def test_numbering_does_not_pair_sections_whose_titles_and_texts_differ(editions):
    old, new = editions
    result = align(old, new)
    # Same label path "Part I > 2. > (3)" on both sides, different subjects.
    tourism = [u for u in result.only_a if u.title == "Tourism"][0]
    assert result.counterparts("a", tourism.key) == []


def test_alignment_to_dict_is_json_ready(editions):
    result = align(*editions)
    data = json.loads(json.dumps(result.to_dict()))
    assert len(data["pairs"]) == len(result.pairs)
    assert data["pairs"][0]["a"]["title"] == "Preface"
    assert data["only_b"][0]["label"] == "(3)"


def test_units_of_a_structured_document_are_leaves_and_preambles():
    doc = parse_text(
        "Paper\n\nPart I Aims\n\nWhy this paper exists, in two sentences. It is short.\n\n"
        "1. Trade\n\nThe trade section.\n\n2. Investment\n\nThe investment section.\n"
    )
    units = comparison_units(doc)
    assert [u.display for u in units] == ["Part I Aims", "1. Trade", "2. Investment"]
    assert all(u.kind == SECTION for u in units)
    preamble = units[0]
    # The preamble ends where the first child starts and its body follows the heading.
    assert doc.text[preamble.body_start : preamble.end].strip() == (
        "Why this paper exists, in two sentences. It is short."
    )
    assert units[1].path == "Part I > 1. Trade"


def test_units_of_a_document_without_outline_are_paragraphs():
    doc = parse_text(
        "Short Title\n\nA first paragraph that is a full sentence and ends here.\n\n"
        "Second one, a bit longer than the first,\n\nbroken here and continued.\n"
    )
    units = comparison_units(doc)
    # The title is not a unit; the paragraph broken mid-sentence is one unit.
    assert [u.kind for u in units] == [PARAGRAPH, PARAGRAPH]
    assert [doc.text[u.start : u.end] for u in units] == [
        "A first paragraph that is a full sentence and ends here.",
        "Second one, a bit longer than the first,\n\nbroken here and continued.",
    ]
    assert [u.key for u in units] == ["p1", "p2"]
    assert units[0].title == "A first paragraph that is a full sentence …"
    assert units[1].path == "Paragraph 2"


@pytest.fixture
def corpus(paper_and_news):
    """(news report, paper, what the tests know of the report)."""
    paper, news = paper_and_news
    return load_document(news.path), load_document(paper.path), news


def _counterpart_of(result, news, words):
    found = [p for p in result.pairs if words in news.text[p.a.start : p.a.end]]
    assert found and all(p.a.kind == PARAGRAPH for p in found)
    return {p.b.display for p in found}


def test_news_report_paragraphs_align_with_paper_sections(corpus):
    news, paper, facts = corpus
    result = align(news, paper)
    for words, section, _method in facts.pairs:
        assert _counterpart_of(result, news, words) == {section}, words
    assert {p.method for p in result.pairs} == {BY_TEXT, BY_CONTEXT}
    # A remark on the paper itself has no counterpart.
    assert any(facts.unmatched[-1] in news.text[u.start : u.end] for u in result.only_a)


def _pair_of(result, news, words):
    found = [p for p in result.pairs if words in news.text[p.a.start : p.a.end]]
    assert len(found) == 1
    return found[0].b.display, found[0].method


def test_paragraphs_that_do_not_stand_out_alone_are_still_placed(corpus):
    news, paper, facts = corpus
    result = align(news, paper)
    # A paragraph scoring low but far above its other candidates is placed by its text;
    # one sharing little with the paper continues the section of the paragraph before.
    assert [_pair_of(result, news, words) for words, _, _ in facts.pairs] == [
        (section, method) for _, section, method in facts.pairs
    ]
    assert {method for _, _, method in facts.pairs} == {BY_TEXT, BY_CONTEXT}
    # A paragraph summing up many sections (culture, sports, health ...) has none of its own.
    for words in facts.unmatched:
        assert any(words in news.text[u.start : u.end] for u in result.only_a), words


def test_paper_against_news_report_lists_sections_in_paper_order(corpus):
    news, paper, facts = corpus
    result = align(paper, news)
    starts = [p.a.start for p in result.pairs]
    assert starts == sorted(starts)
    main = next(p.a for p in result.pairs if p.a.display == facts.main_section)
    words = facts.pairs[0][0]  # the first pair is one of the main section's paragraphs
    assert any(words in news.text[u.start : u.end] for u in result.counterparts("a", main.key))
    # The news report covers only a few sections.
    assert len(result.only_a) > len(comparison_units(paper)) / 2
