"""Tag statistics on hand-made annotations: every figure worked out by hand."""

from __future__ import annotations

from stats_fixtures import A1, A2, D1, sample

from reader.core.analysis.statistics import (
    CodedSpan,
    CodingData,
    TagCounts,
    merge_spans,
    tag_statistics,
)


def by_tag(report):
    return {t.tag: t for t in report.tags}


def test_a_tag_includes_its_sub_tags_and_overlaps_count_once():
    tags = by_tag(tag_statistics(sample()))
    assert list(tags) == ["cooperation", "economy", "economy/finance", "economy/trade"]
    economy = tags["economy"]
    assert economy.own_excerpts == 1  # only a3 carries "economy" itself
    # d1: a1 0-12, a2 5-15 (overlapping), a3 30-35 -> 15 + 5 characters; d2: a4 100.
    assert economy.overall == TagCounts(
        excerpts=4, characters=120, clauses_tagged=5, clauses_total=8
    )
    assert economy.overall.clause_share == 5 / 8
    assert economy.documents == 2
    assert economy.authors == ["(no author)", "ana", "ben"]
    assert economy.by_document["d1"] == TagCounts(3, 20, 3, 5)
    assert economy.by_document["d2"] == TagCounts(1, 100, 2, 2)
    assert "d3" not in economy.by_document
    # Each document lists only its own authors (d2 was tagged by nobody named).
    assert economy.authors_in("d1") == ["ana", "ben"]
    assert economy.authors_in("d2") == ["(no author)"]
    assert economy.authors_in(None) == economy.authors
    assert economy.to_dict()["by_document"]["d2"]["authors"] == ["(no author)"]


def test_leaf_tags_and_the_clause_overlap_rule():
    tags = by_tag(tag_statistics(sample()))
    trade = tags["economy/trade"]
    assert (trade.own_excerpts, trade.overall) == (2, TagCounts(2, 15, 2, 8))
    assert trade.authors == ["ana", "ben"]
    # a2 5-15 and a5 12-20 merge to 5-20; clause 20-30 only touches the end: not tagged.
    cooperation = tags["cooperation"]
    assert cooperation.overall == TagCounts(2, 15, 2, 8)
    assert tags["economy/finance"].overall == TagCounts(1, 100, 2, 8)


def test_sections_count_the_excerpts_starting_in_them_and_in_their_subsections():
    report = tag_statistics(sample())
    assert report.excerpts == 6  # the untagged one too
    sections = {s.section.path: s.counts for s in report.sections}
    assert sections == {
        "Part I": {"economy": 3, "economy/trade": 2, "cooperation": 2},
        "Part I > 1.": {"economy": 2, "economy/trade": 2, "cooperation": 2},
        "Part I > 2.": {"economy": 1},
    }
    assert [s.document_id for s in report.sections] == ["d1", "d1", "d1"]


def test_scope_is_the_documents_given():
    data = sample()
    only_d1 = CodingData([D1], data.spans)  # spans of other documents are ignored
    economy = by_tag(tag_statistics(only_d1))["economy"]
    assert economy.overall == TagCounts(3, 20, 3, 5)
    assert economy.documents == 1
    assert tag_statistics(CodingData([D1], [])).tags == []


def test_tags_compare_without_case_and_keep_their_own_spelling():
    spans = [
        CodedSpan("x", "d1", 0, 5, "ana", ("Economy/Trade",)),
        CodedSpan("y", "d1", 3, 8, "ben", ("economy",)),
    ]
    tags = by_tag(tag_statistics(CodingData([D1], spans)))
    assert list(tags) == ["economy", "Economy/Trade"]
    assert tags["economy"].overall == TagCounts(2, 8, 1, 5)


def test_merge_spans():
    assert merge_spans([(5, 9), (0, 3), (3, 4), (8, 12), (20, 21)]) == [(0, 4), (5, 12), (20, 21)]
    assert merge_spans([]) == []


def test_json_form_has_the_figures():
    data = tag_statistics(CodingData([D1], [A1, A2])).to_dict()
    trade = next(t for t in data["tags"] if t["tag"] == "economy/trade")
    assert trade["characters"] == 15
    assert trade["clause_share"] == 0.4
    assert trade["by_document"]["d1"]["excerpts"] == 2
    assert data["documents"] == [{"id": "d1", "title": "First paper", "clauses": 5}]


def test_a_share_too_small_for_one_decimal_is_not_shown_as_nothing():
    # 2 tagged clauses of 9,271 (a 34-page report) printed 0.0%, as if none were.
    assert TagCounts(clauses_tagged=2, clauses_total=9271).share_text == "<0.1%"
    assert TagCounts(clauses_tagged=0, clauses_total=9271).share_text == "0.0%"
    assert TagCounts(clauses_tagged=1, clauses_total=8).share_text == "12.5%"
    assert TagCounts().share_text == "0.0%"
