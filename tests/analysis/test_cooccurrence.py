"""Co-occurrence matrix: exact cells on hand-made data, and the sweep against brute force."""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from stats_fixtures import A1, A2, A5, D1, D2, D3, sample

from reader.core.analysis.cooccurrence import (
    cooccurrence,
    cooccurrence_evidence,
    rolled_tag,
)
from reader.core.analysis.statistics import CodedSpan, CodingData


def test_leaf_tags_matrix():
    m = cooccurrence(sample())
    assert m.tags == ["cooperation", "economy", "economy/finance", "economy/trade"]
    # cooperation x economy/trade: a2 carries both; a1-a2 and a2-a5 overlap.
    assert m.counts == [
        [2, 0, 0, 3],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [3, 0, 0, 2],
    ]
    assert m.pairs() == [("cooperation", "economy/trade", 3)]
    assert m.count("Economy/Trade", "cooperation") == 3
    assert m.count("economy", "unknown") == 0
    assert m.maximum == 3


def test_rolled_up_to_top_level():
    m = cooccurrence(sample(), depth=1)
    assert m.tags == ["cooperation", "economy"]
    assert m.counts == [[2, 3], [3, 4]]


def test_a_pair_of_annotations_counts_once_per_cell():
    spans = [
        CodedSpan("p", "d1", 0, 10, "ana", ("x", "y")),
        CodedSpan("q", "d1", 5, 15, "ben", ("x", "y")),
        CodedSpan("r", "d2", 5, 15, "ben", ("x",)),  # same offsets, other document
        CodedSpan("s", "d1", 15, 20, "ben", ("y",)),  # touches q: no overlap
    ]
    m = cooccurrence(CodingData([D1, D2], spans))
    assert m.counts == [[3, 2 + 1], [3, 3]]
    assert cooccurrence(CodingData([D2], spans)).counts == [[1]]  # only r is considered


def test_evidence_lists_the_annotations_behind_a_cell():
    found = cooccurrence_evidence(sample(), "cooperation", "economy/trade")
    assert found == [(A2, None), (A1, A2), (A2, A5)]
    diagonal = cooccurrence_evidence(sample(), "cooperation", "cooperation")
    assert diagonal == [(A2, None), (A5, None)]
    rolled = cooccurrence_evidence(sample(), "economy/trade", "cooperation", depth=1)
    assert len(rolled) == 3
    assert cooccurrence_evidence(sample(), "economy", "economy/finance") == []


def test_rolled_tag():
    assert rolled_tag("a/b/c", 2) == "a/b"
    assert rolled_tag("a/b/c", None) == "a/b/c"
    with pytest.raises(ValueError):
        rolled_tag("a", 0)


def _brute_force(spans: list[CodedSpan]) -> dict[tuple[str, str], int]:
    cells: dict[tuple[str, str], int] = {}
    for s in spans:
        for x, y in combinations(sorted(set(s.tags)), 2):
            cells[x, y] = cells.get((x, y), 0) + 1
    for p, q in combinations(spans, 2):
        if p.document_id == q.document_id and p.start < q.end and q.start < p.end:
            pair = {tuple(sorted((x, y))) for x in p.tags for y in q.tags if x != y}
            for cell in pair:
                cells[cell] = cells.get(cell, 0) + 1
    return cells


def test_sweep_matches_brute_force_on_random_annotations():
    rng = random.Random(9)
    tags = [f"t{i}" for i in range(8)]
    spans = []
    for n in range(300):
        start = rng.randrange(0, 2000)
        spans.append(
            CodedSpan(
                f"a{n}",
                rng.choice(["d1", "d2", "d3"]),
                start,
                start + rng.randrange(1, 120),
                None,
                tuple(rng.sample(tags, rng.randrange(1, 3))),
            )
        )
    m = cooccurrence(CodingData([D1, D2, D3], spans))
    expected = _brute_force(spans)
    for i, j in combinations(range(len(m.tags)), 2):
        assert m.counts[i][j] == expected.get((m.tags[i], m.tags[j]), 0)
        assert m.counts[j][i] == m.counts[i][j]
    assert sum(m.counts[i][i] for i in range(len(m.tags))) == sum(len(s.tags) for s in spans)
