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


def undo_team_folder(conn) -> None:  # noqa: ANN001 - an sqlite3 connection
    """Remove what version 12 (the team folder) added, to make an older library."""
    for trigger in ("annotations_tombstone", "annotations_tombstone_revived"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE annotation_tombstones")
    conn.execute("DROP TABLE document_sources")
