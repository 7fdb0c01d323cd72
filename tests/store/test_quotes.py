"""Finding a typed quote in a text, and widening a span to clauses."""

from __future__ import annotations

import pytest

from reader.core.clauses import widen_to_clauses
from reader.core.errors import LibraryError
from reader.core.model import Clause
from reader.core.quotes import closest_match, context, find_all, find_quote

TEXT = "The \u201cone China\u201d principle\nis   important. China\u2019s role \u2014 growing."


def test_whitespace_and_typographic_marks_match_what_was_typed():
    assert find_all(TEXT, '"one China" principle is important') == [(4, 40)]
    assert find_all(TEXT, "China's role - growing") == [(42, 64)]
    assert find_all(TEXT, "china") == []  # case still matters
    assert find_all(TEXT, "   ") == []


def test_find_quote_occurrences():
    assert find_quote(TEXT, "China", occurrence=2) == (42, 47)
    with pytest.raises(LibraryError, match="occurs 2 times"):
        find_quote(TEXT, "China")
    with pytest.raises(LibraryError, match="occurs only twice|only 2 times"):
        find_quote(TEXT, "China", occurrence=3)


def test_closest_match_ignores_case_slips_and_gives_up_on_nonsense():
    assert closest_match(TEXT, "THE ONE CHINA") == "The \u201cone China\u201d"
    assert closest_match(TEXT, "is importent.") == "is important."
    assert closest_match(TEXT, "zebra crossing") is None


def test_context_is_clipped():
    assert context("abcdef", 2, 4, size=5) == ("ab", "ef")


def test_widen_to_clauses():
    clauses = [Clause(0, 10, 0), Clause(11, 20, 0), Clause(21, 30, 0)]
    assert widen_to_clauses(clauses, 5, 12) == (0, 20)
    assert widen_to_clauses(clauses, 12, 12) == (11, 20)  # a caret inside one clause
    assert widen_to_clauses(clauses, 10, 11) == (10, 11)  # the gap between clauses
    assert widen_to_clauses([], 3, 4) == (3, 4)
