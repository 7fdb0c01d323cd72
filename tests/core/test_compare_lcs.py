"""The bit-parallel LCS against the textbook dynamic programme."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.compare.lcs import indel_similarity, lcs_length


def lcs_table(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        row = [0]
        for j, y in enumerate(b):
            row.append(prev[j] + 1 if x == y else max(prev[j + 1], row[j]))
        prev = row
    return prev[-1]


words = st.lists(st.sampled_from(["the", "trade", "bank", "port", "loan", "a"]), max_size=40)


@given(words, words)
def test_lcs_length_equals_the_dynamic_programme(a, b):
    assert lcs_length(a, b) == lcs_table(a, b)


@given(words, words)
def test_similarity_is_symmetric_and_bounded(a, b):
    s = indel_similarity(a, b)
    assert s == indel_similarity(b, a)
    assert 0.0 <= s <= 1.0
    assert (s == 1.0) == (a == b)


def test_known_values():
    a = ["the", "states", "will", "lower", "tariffs", "on", "barge", "freight"]
    b = ["the", "states", "will", "abolish", "tariffs", "on", "barge", "freight"]
    assert lcs_length(a, b) == 7
    assert indel_similarity(a, b) == 14 / 16
    assert indel_similarity([], []) == 1.0
    assert indel_similarity(["x"], []) == 0.0
