"""Shared test data for the store tests (imported by conftest and tests)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# A short paper with a date, Parts, numbered fields, sections and several clauses.
SAMPLE = (FIXTURES / "trade-policy-paper.txt").read_text(encoding="utf-8")


def span_of(text: str, quote: str) -> tuple[int, int]:
    """The span of the one occurrence of ``quote`` in ``text``."""
    start = text.index(quote)
    assert text.count(quote) == 1
    return start, start + len(quote)
