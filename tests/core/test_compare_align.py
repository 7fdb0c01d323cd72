"""Aligning two documents: hand-made editions with exact pairs, and the real corpus."""

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
def corpus(corpus_dir):
    return (
        load_document(corpus_dir / "news-lac-paper-2008.txt"),
        load_document(corpus_dir / "policy-paper-lac-2016.txt"),
    )


def _counterpart_of(result, news, words):
    found = [p for p in result.pairs if words in news.text[p.a.start : p.a.end]]
    assert found and all(p.a.kind == PARAGRAPH for p in found)
    return {p.b.display for p in found}


def test_news_report_paragraphs_align_with_paper_sections(corpus):
    news, paper = corpus
    result = align(news, paper)
    assert _counterpart_of(result, news, "military exchanges") == {
        "(1) Military Exchanges and Cooperation"
    }
    assert _counterpart_of(result, news, "judicial and police") == {
        "(2) Cooperation in Judicial and Police Affairs"
    }
    assert {p.method for p in result.pairs} == {BY_TEXT, BY_CONTEXT}
    # The closing line about the paper's history has no counterpart.
    assert any("first-ever policy paper" in news.text[u.start : u.end] for u in result.only_a)


def _pair_of(result, news, words):
    found = [p for p in result.pairs if words in news.text[p.a.start : p.a.end]]
    assert len(found) == 1
    return found[0].b.display, found[0].method


def test_paragraphs_that_do_not_stand_out_alone_are_still_placed(corpus):
    news, paper = corpus
    result = align(news, paper)
    judicial = "(2) Cooperation in Judicial and Police Affairs"
    # Paragraph 6 scores low, but far above its other candidates.
    assert _pair_of(result, news, "penalty enforcement") == (judicial, BY_TEXT)
    # Paragraph 7 (illegal immigration) shares little with the 2016 text: it continues
    # the judicial paragraphs before it.
    assert _pair_of(result, news, "illegal immigration") == (judicial, BY_CONTEXT)
    # Paragraph 10 echoes Part III's passage on collective cooperation, which refers
    # to the section of that title.
    assert _pair_of(result, news, "regional organizations") == (
        "7. Collective Cooperation",
        BY_TEXT,
    )
    assert _pair_of(result, news, "development of the army") == (
        "(1) Military Exchanges and Cooperation",
        BY_CONTEXT,
    )
    # Paragraph 9 sums up many sections (culture, sports, health ...): none is its own.
    assert any("culture, sports, science" in news.text[u.start : u.end] for u in result.only_a)


def test_paper_against_news_report_lists_sections_in_paper_order(corpus):
    news, paper = corpus
    result = align(paper, news)
    starts = [p.a.start for p in result.pairs]
    assert starts == sorted(starts)
    military = result.counterparts("a", "n46")
    assert any("military exchanges" in news.text[u.start : u.end] for u in military)
    assert len(result.only_a) > 30  # the news report covers only a few sections
