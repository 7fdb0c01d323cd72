"""Issue 18, case 6: a codebook import runs in O(n) (the tags are read once, not a
full-table UPDATE per code), and another writer meeting the lock gets a clear "busy"
line, not "database is locked". Timings live in bench/bench_refiqda.py."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.errors import LibraryError
from reader.core.library_model import CodebookEntry
from reader.core.store import Library


def _entries(n: int) -> list[CodebookEntry]:
    return [
        CodebookEntry(f"top{i % 10}/code{i}", f"about {i}", f"{i:08x}-0000-4000-8000-{i:012x}")
        for i in range(n)
    ]


def _statements(library: Library, entries: list[CodebookEntry]) -> list[str]:
    seen: list[str] = []
    library.conn.set_trace_callback(seen.append)
    try:
        library.apply_codebook(entries)
    finally:
        library.conn.set_trace_callback(None)
    return seen


def test_statements_touching_every_tag_do_not_grow_with_the_codebook(tmp_path):
    with Library.open(tmp_path / "a.db") as small, Library.open(tmp_path / "b.db") as big:
        few, many = _statements(small, _entries(20)), _statements(big, _entries(2000))
        whole_table = [s for s in many if "FROM tags" in s and "WHERE id" not in s]
        assert len(whole_table) == len([s for s in few if "FROM tags" in s and "WHERE id" not in s])
        assert len(whole_table) <= 3
        assert not any("lower(guid)" in s for s in many)
        assert len(big.tag_tree()) == 10 and big.tag_description("top3/code3") == "about 3"


def test_a_second_writer_is_told_the_library_is_busy(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as library:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # an import holding the write lock
        try:
            library.conn.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(LibraryError, match="the library is busy .* Try again in a moment"):
                library.apply_codebook(_entries(3))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert library.apply_codebook(_entries(3)).added
