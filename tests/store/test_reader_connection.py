"""A second, read-only connection for another thread: it sees the writer's commits, one
snapshot at a time, and refuses to write."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.importers import load_document
from reader.core.store import Library

PAPER = Path(__file__).parents[1] / "fixtures" / "trade-policy-paper.txt"


def test_a_reader_in_another_thread_sees_one_snapshot_and_cannot_write(tmp_path):
    lib = Library.open(tmp_path / "lib.db")
    info, _ = lib.add_document(
        load_document(Path(__file__).parents[1] / "fixtures" / "trade-policy-paper.txt")
    )
    lib.add_annotation(info.id, 0, 10, author="Ana")
    seen: dict[str, object] = {}
    in_snapshot, committed = threading.Event(), threading.Event()

    def read() -> None:
        reader = Library.open_reader(lib.path)
        try:
            with reader.snapshot():
                seen["before"] = len(reader.annotations(info.id))
                in_snapshot.set()
                committed.wait(10)
                seen["inside"] = len(reader.annotations(info.id))  # the same snapshot
            seen["after"] = len(reader.annotations(info.id))
            try:
                reader.add_annotation(info.id, 0, 5)
            except LibraryError as exc:
                seen["write"] = str(exc)
        finally:
            reader.close()

    thread = threading.Thread(target=read)
    thread.start()
    assert in_snapshot.wait(10)
    lib.add_annotation(info.id, 20, 30, author="Ana")  # the writer goes on meanwhile
    committed.set()
    thread.join(10)
    assert seen["before"] == seen["inside"] == 1 and seen["after"] == 2
    assert "read-only" in str(seen["write"])
    lib.close()


def test_a_reader_needs_a_library(tmp_path):
    with pytest.raises(LibraryError):
        Library.open_reader(tmp_path / "none.db")
